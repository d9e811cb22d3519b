/**
 * Evaluates a parsed WHERE clause. The parser hands back a right-leaning chain with parenthesis counts on each
 * condition, so the chain is turned back into tokens and parsed with SOQL's precedence (NOT > AND > OR).
 */
import type { Condition, Query, ValueCondition, ValueQueryCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { sameId } from '../ids';
import { parseDateTime, type SfRecord } from '../record-store';
import type { SObjectDef } from '../schema';
import { readPath, resolvePath, SoqlError, soqlErrorMessage, type FieldPath, type SoqlContext } from './field-path';

export type Predicate = (record: SfRecord) => boolean;

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { condition: Condition | ValueQueryCondition };

type Literal = { kind: 'null' } | { kind: 'value'; value: string | number | boolean } | { kind: 'range'; start: number; end: number };

const DAY = 86_400_000;

export function compileWhere(soql: string, where: WhereClause, def: SObjectDef, ctx: SoqlContext, semiJoin: (query: Query) => unknown[]): Predicate {
  const tokens: Token[] = [];
  flatten(where, tokens);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const malformed = (): SoqlError => new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, 'WHERE', 'unexpected token in WHERE clause'));

  const parseOr = (): Predicate => {
    let left = parseAnd();
    while (peek() === 'OR') {
      position += 1;
      const a = left;
      const b = parseAnd();
      left = (r) => a(r) || b(r);
    }
    return left;
  };
  const parseAnd = (): Predicate => {
    let left = parseNot();
    while (peek() === 'AND') {
      position += 1;
      const a = left;
      const b = parseNot();
      left = (r) => a(r) && b(r);
    }
    return left;
  };
  const parseNot = (): Predicate => {
    const token = peek();
    if (token === 'NOT') {
      position += 1;
      const inner = parseNot();
      return (r) => !inner(r);
    }
    if (token === '(') {
      position += 1;
      const inner = parseOr();
      if (peek() !== ')') throw malformed();
      position += 1;
      return inner;
    }
    if (token && typeof token === 'object') {
      position += 1;
      return compileCondition(soql, token.condition, def, ctx, semiJoin);
    }
    throw malformed();
  };

  const predicate = parseOr();
  if (position !== tokens.length) throw malformed();
  return predicate;
}

function flatten(where: WhereClause, out: Token[]): void {
  const left = where.left as (Condition & { closeParen?: number }) | ValueQueryCondition | { openParen?: number } | null;
  if (left) {
    const isCondition = 'field' in left || 'fn' in left;
    for (let i = 0; i < (left.openParen ?? 0); i += 1) out.push('(');
    if (isCondition) {
      out.push({ condition: left as Condition });
      for (let i = 0; i < ((left as { closeParen?: number }).closeParen ?? 0); i += 1) out.push(')');
    }
  }
  if ('operator' in where && where.operator) out.push(where.operator);
  if ('right' in where && where.right) flatten(where.right, out);
}

function compileCondition(soql: string, condition: Condition | ValueQueryCondition, def: SObjectDef, ctx: SoqlContext, semiJoin: (query: Query) => unknown[]): Predicate {
  if (!('field' in condition)) {
    throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, 'WHERE', 'functions in WHERE are not supported by the emulated org'));
  }
  const path = resolvePath(soql, def, condition.field, ctx);
  const operator = condition.operator;

  if ('valueQuery' in condition && condition.valueQuery) {
    const values = semiJoin(condition.valueQuery);
    const literals: Literal[] = values.map((v) => (v === null ? { kind: 'null' } : { kind: 'value', value: v as string | number | boolean }));
    if (operator !== 'IN' && operator !== 'NOT IN') throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, condition.field, 'semi join requires IN or NOT IN'));
    return (r) => {
      const actual = readPath(ctx, r, path);
      const hit = literals.some((lit) => matches(path, actual, '=', lit));
      return operator === 'IN' ? hit : !hit;
    };
  }

  const valueCondition = condition as ValueCondition & { dateLiteralVariable?: number | number[] };
  const rawValues = Array.isArray(valueCondition.value) ? valueCondition.value : [valueCondition.value];
  const rawTypes: Array<string | undefined> = Array.isArray(valueCondition.literalType) ? valueCondition.literalType : rawValues.map(() => valueCondition.literalType as string | undefined);
  const variables = Array.isArray(valueCondition.dateLiteralVariable) ? valueCondition.dateLiteralVariable : [valueCondition.dateLiteralVariable];
  const literals = rawValues.map((raw, i) => toLiteral(soql, raw, rawTypes[i] ?? rawTypes[0], variables[i] ?? variables[0], ctx.now));

  switch (operator) {
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const literal = literals[0] ?? { kind: 'null' };
      return (r) => matches(path, readPath(ctx, r, path), operator, literal);
    }
    case 'IN':
      return (r) => {
        const actual = readPath(ctx, r, path);
        return literals.some((lit) => matches(path, actual, '=', lit));
      };
    case 'NOT IN':
      return (r) => {
        const actual = readPath(ctx, r, path);
        return !literals.some((lit) => matches(path, actual, '=', lit));
      };
    case 'LIKE': {
      const literal = literals[0];
      if (!literal || literal.kind !== 'value' || typeof literal.value !== 'string') {
        throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, condition.field, 'LIKE needs a string'));
      }
      const regex = likeToRegExp(literal.value);
      return (r) => {
        const actual = readPath(ctx, r, path);
        return actual !== null && regex.test(String(actual));
      };
    }
    default:
      throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, operator, `operator ${operator} is not supported by the emulated org`));
  }
}

function toLiteral(soql: string, raw: string, type: string | undefined, variable: number | undefined, now: number): Literal {
  switch (type) {
    case 'NULL':
      return { kind: 'null' };
    case 'STRING':
      return { kind: 'value', value: unquote(raw) };
    case 'INTEGER':
    case 'DECIMAL':
      return { kind: 'value', value: Number(raw) };
    case 'BOOLEAN':
      return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
    case 'DATE':
      return { kind: 'value', value: raw };
    case 'DATETIME':
      return { kind: 'value', value: new Date(Date.parse(raw)).toISOString() };
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL':
      return dateLiteralRange(soql, raw.toUpperCase().split(':')[0] ?? '', variable ?? Number(raw.split(':')[1] ?? 0), now);
    default:
      throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, raw, `literal ${raw} is not supported by the emulated org`));
  }
}

function unquote(raw: string): string {
  const inner = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  return inner.replace(/\\(.)/g, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' })[ch] ?? ch);
}

function dateLiteralRange(soql: string, literal: string, n: number, now: number): Literal {
  const today = Math.floor(now / DAY) * DAY;
  switch (literal) {
    case 'TODAY':
      return { kind: 'range', start: today, end: today + DAY };
    case 'YESTERDAY':
      return { kind: 'range', start: today - DAY, end: today };
    case 'TOMORROW':
      return { kind: 'range', start: today + DAY, end: today + 2 * DAY };
    case 'LAST_N_DAYS':
      return { kind: 'range', start: today - n * DAY, end: today + DAY };
    case 'NEXT_N_DAYS':
      return { kind: 'range', start: today + DAY, end: today + (n + 1) * DAY };
    case 'LAST_90_DAYS':
      return { kind: 'range', start: today - 90 * DAY, end: today + DAY };
    case 'NEXT_90_DAYS':
      return { kind: 'range', start: today + DAY, end: today + 91 * DAY };
    case 'THIS_YEAR': {
      const year = new Date(now).getUTCFullYear();
      return { kind: 'range', start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
    }
    default:
      throw new SoqlError('MALFORMED_QUERY', soqlErrorMessage(soql, literal, `date literal ${literal} is not supported by the emulated org`));
  }
}

/** Dates and datetimes compare as instants; strings case-insensitively (as SOQL does); ids by their 15-char form. */
function matches(path: FieldPath, actual: unknown, operator: string, literal: Literal): boolean {
  const type = path.field.type;
  if (literal.kind === 'null') {
    if (operator === '=') return actual === null;
    if (operator === '!=') return actual !== null;
    return false;
  }
  if (actual === null || actual === undefined) return operator === '!=';
  if (literal.kind === 'range') {
    const instant = toInstant(actual);
    if (instant === null) return false;
    switch (operator) {
      case '=':
        return instant >= literal.start && instant < literal.end;
      case '!=':
        return !(instant >= literal.start && instant < literal.end);
      case '<':
        return instant < literal.start;
      case '<=':
        return instant < literal.end;
      case '>':
        return instant >= literal.end;
      case '>=':
        return instant >= literal.start;
      default:
        return false;
    }
  }
  if ((type === 'id' || type === 'reference') && (operator === '=' || operator === '!=')) {
    const equal = sameId(String(actual), String(literal.value));
    return operator === '=' ? equal : !equal;
  }
  let left: string | number | boolean;
  let right: string | number | boolean;
  if (type === 'date' || type === 'datetime') {
    const a = toInstant(actual);
    const b = toInstant(literal.value);
    if (a === null || b === null) return false;
    left = a;
    right = b;
  } else if (typeof actual === 'number' || typeof actual === 'boolean') {
    left = actual;
    right = literal.value;
  } else {
    left = String(actual).toLowerCase();
    right = String(literal.value).toLowerCase();
  }
  switch (operator) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return false;
  }
}

function toInstant(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`);
  const ms = parseDateTime(value);
  return Number.isNaN(ms) ? null : ms;
}

function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (const ch of pattern) {
    if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}
