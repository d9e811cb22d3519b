/**
 * Field-level security per user (Setup › Object Manager › Fields › Set Field-Level Security, or permission sets):
 * what a user may read and edit of each field. Salesforce treats a field the user cannot read as if it did not exist
 * for them: sObject Describe leaves it out and SOQL naming it fails with INVALID_FIELD "No such column".
 */
import type { OrgState } from './org-state';

export type FieldAccess = 'edit' | 'read' | 'none';

export function fieldAccess(org: OrgState, userId: string, sobject: string, field: string): FieldAccess {
  const username = org.userById(userId)?.username.toLowerCase();
  if (!username) return 'edit';
  const wanted = `${sobject}.${field}`.toLowerCase();
  const rule = org.policy.fieldPermissions.find((p) => p.username.toLowerCase() === username && p.field.toLowerCase() === wanted);
  return rule?.access ?? 'edit';
}

export const canReadField = (org: OrgState, userId: string, sobject: string, field: string): boolean => fieldAccess(org, userId, sobject, field) !== 'none';
