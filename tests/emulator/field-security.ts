/**
 * Field-level security per user (Setup › Object Manager › Fields › Set Field-Level Security, or permission sets):
 * what a user may read and edit of each field. Salesforce treats a field the user cannot read as if it did not exist
 * for them: sObject Describe leaves it out and SOQL naming it fails with INVALID_FIELD "No such column". A field of
 * an org feature that is off (CurrencyIsoCode without multi-currency) does not exist for anyone.
 */
import { jsonReply, type Reply } from './http';
import type { OrgState } from './org-state';
import { findField, findSObject } from './schema';

export type FieldAccess = 'edit' | 'read' | 'none';

export function fieldAccess(org: OrgState, userId: string, sobject: string, field: string): FieldAccess {
  const def = findSObject(sobject);
  const fieldDef = def && findField(def, field);
  if (fieldDef?.orgFeature === 'multiCurrency' && !org.policy.multiCurrency) return 'none';
  const username = org.userById(userId)?.username.toLowerCase();
  if (!username) return 'edit';
  const wanted = `${def?.name ?? sobject}.${fieldDef?.name ?? field}`.toLowerCase();
  const rule = org.policy.fieldPermissions.find((p) => p.username.toLowerCase() === username && p.field.toLowerCase() === wanted);
  return rule?.access ?? 'edit';
}

export const canReadField = (org: OrgState, userId: string, sobject: string, field: string): boolean => fieldAccess(org, userId, sobject, field) !== 'none';

/**
 * A create or update naming fields the user may not set: a hidden one is no such column (INVALID_FIELD), a read-only
 * one INVALID_FIELD_FOR_INSERT_UPDATE with Salesforce's "check the security settings" wording. Undefined when all may
 * be set.
 */
export function refuseUnwritableFields(org: OrgState, userId: string, sobject: string, body: Record<string, unknown>): Reply | undefined {
  const def = findSObject(sobject);
  // Names the schema does not know are left to the write checks, which answer them as Salesforce does.
  const names = Object.keys(body).filter((k) => k !== 'attributes' && def !== undefined && findField(def, k) !== undefined);
  const hidden = names.find((name) => fieldAccess(org, userId, sobject, name) === 'none');
  if (hidden) {
    return jsonReply(400, [{ errorCode: 'INVALID_FIELD', message: `No such column '${hidden}' on sobject of type ${sobject}`, fields: [] }]);
  }
  const readOnly = names.filter((name) => fieldAccess(org, userId, sobject, name) === 'read');
  if (readOnly.length === 0) return undefined;
  return jsonReply(400, [
    {
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      fields: readOnly,
    },
  ]);
}
