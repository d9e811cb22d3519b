/** Resolving and reading field paths (Account.Owner.Name) against the schema, and SOQL's error messages. */
import type { RecordStore, SfRecord } from '../record-store';
import { findField, findParentRelationship, findSObject, type FieldDef, type SObjectDef } from '../schema';

export class SoqlError extends Error {
  constructor(
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE',
    message: string,
  ) {
    super(message);
  }
}

export interface SoqlContext {
  store: RecordStore;
  apiVersion: string;
  now: number;
  /** The caller's field-level security: a field they cannot read is, for their query, no such column. Default: all. */
  canRead?: (sobject: string, field: string) => boolean;
}

/** A resolved field path: parent hops (Account, Owner) then a field on the last object. */
export interface FieldPath {
  hops: Array<{ reference: FieldDef; target: SObjectDef }>;
  field: FieldDef;
}

/** Salesforce prefixes query errors with the query and a caret under the offending token. */
export function soqlErrorMessage(soql: string, token: string | undefined, text: string): string {
  const at = token ? soql.toLowerCase().indexOf(token.toLowerCase()) : -1;
  const column = at >= 0 ? at + 1 : 1;
  return `\n${soql}\n${' '.repeat(column - 1)}^\nERROR at Row:1:Column:${column}\n${text}`;
}

export function resolvePath(soql: string, def: SObjectDef, dotted: string, ctx?: Pick<SoqlContext, 'canRead'>): FieldPath {
  const parts = dotted.split('.');
  // SOQL allows the object name itself as a prefix: SELECT Contact.Email FROM Contact
  if (parts.length > 1 && parts[0]?.toLowerCase() === def.name.toLowerCase() && !findParentRelationship(def, parts[0])) parts.shift();
  const hops: FieldPath['hops'] = [];
  let current = def;
  for (const relName of parts.slice(0, -1)) {
    const reference = findParentRelationship(current, relName);
    const targetName = reference?.referenceTo?.[0];
    const target = targetName ? findSObject(targetName) : undefined;
    if (!reference || !target) {
      throw new SoqlError(
        'INVALID_FIELD',
        soqlErrorMessage(
          soql,
          dotted,
          `Didn't understand relationship '${relName}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        ),
      );
    }
    hops.push({ reference, target });
    current = target;
  }
  const fieldName = parts[parts.length - 1] ?? '';
  const found = findField(current, fieldName);
  const field = found && (ctx?.canRead?.(current.name, found.name) ?? true) ? found : undefined;
  if (!field) {
    throw new SoqlError(
      'INVALID_FIELD',
      soqlErrorMessage(
        soql,
        dotted,
        `No such column '${fieldName}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      ),
    );
  }
  return { hops, field };
}

export function readPath(ctx: SoqlContext, record: SfRecord, path: FieldPath): unknown {
  let current: SfRecord | undefined = record;
  for (const hop of path.hops) {
    const parentId: unknown = current[hop.reference.name];
    current = typeof parentId === 'string' ? ctx.store.get(hop.target.name, parentId) : undefined;
    if (!current) return null;
  }
  return current[path.field.name] ?? null;
}
