/**
 * A change made in Salesforce by someone else while the seller's pane shows the record (a colleague in Lightning, a
 * flow, an integration): the control behind `editRecord`. It goes through the org's own save rules, so it can only
 * make a change Salesforce would accept, and stamps LastModifiedDate / LastModifiedById as any save does.
 */
import type { OrgState } from './org-state';
import { formatDateTime, type SfRecord } from './record-store';
import { checkRecordType } from './rest/record-type-rules';
import { checkWrite } from './rest/sobject-rules';
import { findSObject } from './schema';

export class RecordEditError extends Error {}

export function editRecordAs(org: OrgState, sobject: string, id: string, fields: Record<string, unknown>, username: string): SfRecord {
  const def = findSObject(sobject);
  if (!def || def.readOnly) throw new RecordEditError(`cannot edit sObject ${sobject}`);
  const user = org.userByUsername(username);
  if (!user) throw new RecordEditError(`unknown user ${username}`);
  const found = org.records.get(def.name, id);
  if (!found) throw new RecordEditError(`no ${def.name} ${id}`);
  const checked = checkWrite(org.records, def, fields, 'update', found);
  const typed = checked.ok ? checkRecordType(org, user.id, def, checked.values, 'update', found) : checked;
  if (!typed.ok) throw new RecordEditError(`refused: ${typed.errors.map((e) => `${e.errorCode} ${e.message}`).join('; ')}`);
  const now = formatDateTime(org.now());
  return org.records.put(def.name, { ...found, ...typed.values, Id: found.Id, LastModifiedById: user.id, LastModifiedDate: now, SystemModstamp: now });
}
