/**
 * Runs SOQL against the record store. The query is parsed by @jetstreamapp/soql-parser-js; this module only
 * resolves names against the schema, evaluates the parsed WHERE tree and shapes records the way Salesforce does.
 */
import { parseQuery, type FieldType as SoqlFieldType, type OrderByClause, type Query, type Subquery } from '@jetstreamapp/soql-parser-js';
import { sameId } from '../ids';
import { parseDateTime, type SfRecord } from '../record-store';
import { findChildRelationship, findSObject, type SObjectDef } from '../schema';
import { readPath, resolvePath, SoqlError, soqlErrorMessage, type FieldPath, type SoqlContext } from './field-path';
import { compileWhere, type Predicate } from './where';

export { SoqlError, type SoqlContext } from './field-path';

export interface QueryResultBody {
  totalSize: number;
  done: boolean;
  records: Array<Record<string, unknown>>;
}

type SelectItem =
  | { kind: 'field'; path: FieldPath }
  | { kind: 'child'; relationshipName: string; childDef: SObjectDef; parentField: string; plan: Plan }
  | { kind: 'count'; field?: FieldPath; alias: string };

interface Plan {
  def: SObjectDef;
  select: SelectItem[];
  where?: Predicate;
  orderBy: Array<{ path: FieldPath; desc: boolean; nullsLast: boolean }>;
  limit?: number;
  offset?: number;
  countOnly: boolean;
}

export function runSoql(soql: string, ctx: SoqlContext): QueryResultBody {
  if (!soql.trim()) throw new SoqlError('MALFORMED_QUERY', 'A query string has to be specified');
  let parsed: Query;
  try {
    parsed = parseQuery(soql);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const token = /found --> '?(.*?)'? <--/.exec(detail)?.[1];
    throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, token, `unexpected token: ${token ?? detail}`));
  }
  const plan = planQuery(soql, parsed, ctx);
  return execute(plan, ctx, ctx.store.all(plan.def.name));
}

/** Values of the single selected field of a semi-join subquery: WHERE Id IN (SELECT AccountId FROM Contact). */
export function runSemiJoin(soql: string, query: Query, ctx: SoqlContext): unknown[] {
  const plan = planQuery(soql, query, ctx);
  const first = plan.select[0];
  if (!first || first.kind !== 'field' || plan.select.length !== 1) {
    throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, 'SELECT', 'semi join sub-selects must select exactly one field'));
  }
  const rows = filterSortSlice(plan, ctx, ctx.store.all(plan.def.name));
  return rows.map((row) => readPath(ctx, row, first.path));
}

function planQuery(soql: string, query: Query | Subquery, ctx: SoqlContext, forcedDef?: SObjectDef): Plan {
  let def = forcedDef;
  if (!def) {
    const name = (query as Query).sObject ?? '';
    def = findSObject(name);
    if (!def) {
      throw new SoqlError(
        'INVALID_TYPE',
        soqlErrorMessage(
          soql,
          name,
          `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
        ),
      );
    }
  }
  if (query.groupBy || query.having) {
    throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, 'GROUP BY', 'GROUP BY is not supported by the emulated org'));
  }
  const select: SelectItem[] = [];
  let countOnly = false;
  let exprIndex = 0;
  for (const item of query.fields ?? []) {
    const compiled = planSelectItem(soql, item, def, ctx, () => `expr${exprIndex++}`);
    if (compiled.kind === 'count' && !compiled.field && (query.fields?.length ?? 0) === 1) countOnly = true;
    select.push(compiled);
  }
  const orderBy = toArray(query.orderBy).map((clause: OrderByClause) => {
    if (!('field' in clause)) throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, 'ORDER BY', 'ORDER BY a function is not supported by the emulated org'));
    const desc = clause.order === 'DESC';
    return { path: resolvePath(soql, def, clause.field, ctx), desc, nullsLast: clause.nulls ? clause.nulls === 'LAST' : desc };
  });
  const where = query.where ? compileWhere(soql, query.where, def, ctx, (sub) => runSemiJoin(soql, sub, ctx)) : undefined;
  return { def, select, where, orderBy, limit: query.limit, offset: query.offset, countOnly };
}

function planSelectItem(soql: string, item: SoqlFieldType, def: SObjectDef, ctx: SoqlContext, nextAlias: () => string): SelectItem {
  switch (item.type) {
    case 'Field':
      return { kind: 'field', path: resolvePath(soql, def, item.field, ctx) };
    case 'FieldRelationship':
      return { kind: 'field', path: resolvePath(soql, def, [...item.relationships, item.field].join('.'), ctx) };
    case 'FieldSubquery': {
      const sub = item.subquery;
      const rel = findChildRelationship(def, sub.relationshipName);
      const childDef = rel ? findSObject(rel.childSObject) : undefined;
      if (!rel || !childDef) {
        throw new SoqlError(
          'INVALID_TYPE',
          soqlErrorMessage(
            soql,
            sub.relationshipName,
            `Didn't understand relationship '${sub.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
          ),
        );
      }
      return { kind: 'child', relationshipName: rel.relationshipName, childDef, parentField: rel.field, plan: planQuery(soql, sub, ctx, childDef) };
    }
    case 'FieldFunctionExpression': {
      if (item.functionName.toUpperCase() !== 'COUNT') {
        throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, item.functionName, `${item.functionName}() is not supported by the emulated org`));
      }
      const param = item.parameters[0];
      const alias = item.alias ?? nextAlias();
      if (param === undefined) return { kind: 'count', alias };
      if (typeof param !== 'string') throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, 'COUNT', 'nested functions are not supported'));
      return { kind: 'count', field: resolvePath(soql, def, param, ctx), alias };
    }
    default:
      throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, 'SELECT', 'this select item is not supported by the emulated org'));
  }
}

function filterSortSlice(plan: Plan, ctx: SoqlContext, candidates: SfRecord[]): SfRecord[] {
  let rows = plan.where ? candidates.filter((r) => plan.where?.(r)) : [...candidates];
  if (plan.orderBy.length > 0) {
    rows.sort((a, b) => {
      for (const key of plan.orderBy) {
        const order = compareForSort(readPath(ctx, a, key.path), readPath(ctx, b, key.path), key.desc, key.nullsLast);
        if (order !== 0) return order;
      }
      return 0;
    });
  }
  if (plan.offset) rows = rows.slice(plan.offset);
  if (plan.limit !== undefined) rows = rows.slice(0, plan.limit);
  return rows;
}

function execute(plan: Plan, ctx: SoqlContext, candidates: SfRecord[]): QueryResultBody {
  if (plan.countOnly) {
    const matched = plan.where ? candidates.filter((r) => plan.where?.(r)) : candidates;
    return { totalSize: matched.length, done: true, records: [] };
  }
  if (plan.select.some((s) => s.kind === 'count')) {
    const matched = plan.where ? candidates.filter((r) => plan.where?.(r)) : candidates;
    const aggregate: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
    for (const item of plan.select) {
      if (item.kind !== 'count') {
        throw new SoqlError('MALFORMED_QUERY', 'Field must be grouped or aggregated');
      }
      const path = item.field;
      aggregate[item.alias] = path ? matched.filter((r) => readPath(ctx, r, path) !== null).length : matched.length;
    }
    return { totalSize: 1, done: true, records: [aggregate] };
  }
  const rows = filterSortSlice(plan, ctx, candidates);
  return { totalSize: rows.length, done: true, records: rows.map((r) => project(plan, ctx, r)) };
}

function attributesOf(ctx: SoqlContext, def: SObjectDef, id: string): { type: string; url: string } {
  return { type: def.name, url: `/services/data/v${ctx.apiVersion}/sobjects/${def.name}/${id}` };
}

function project(plan: Plan, ctx: SoqlContext, record: SfRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributesOf(ctx, plan.def, record.Id) };
  for (const item of plan.select) {
    if (item.kind === 'field') {
      let cursor = out;
      let current: SfRecord | undefined = record;
      for (const hop of item.path.hops) {
        const key = hop.reference.relationshipName ?? hop.reference.name;
        const parentId: unknown = current[hop.reference.name];
        const parent: SfRecord | undefined = typeof parentId === 'string' ? ctx.store.get(hop.target.name, parentId) : undefined;
        if (!parent) {
          if (!(key in cursor)) cursor[key] = null;
          current = undefined;
          break;
        }
        const existing = cursor[key];
        if (!existing || typeof existing !== 'object') cursor[key] = { attributes: attributesOf(ctx, hop.target, parent.Id) };
        cursor = cursor[key] as Record<string, unknown>;
        current = parent;
      }
      if (current) cursor[item.path.field.name] = current[item.path.field.name] ?? null;
    } else if (item.kind === 'child') {
      const children = ctx.store.all(item.childDef.name).filter((c) => sameId(c[item.parentField] as string | null, record.Id));
      const result = execute(item.plan, ctx, children);
      // Salesforce answers an empty child relationship with null, not an empty result.
      out[item.relationshipName] = result.records.length > 0 ? result : null;
    }
  }
  return out;
}

function comparable(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return parseDateTime(text);
  return text.toLowerCase();
}

function compareForSort(a: unknown, b: unknown, desc: boolean, nullsLast: boolean): number {
  const x = comparable(a);
  const y = comparable(b);
  if (x === null || y === null) {
    if (x === y) return 0;
    return (x === null) === nullsLast ? 1 : -1;
  }
  const order = x < y ? -1 : x > y ? 1 : 0;
  return desc ? -order : order;
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
