/**
 * Log a follow-up: an open Task on the contact or lead, due on a date. The client key in the Description lets a retry
 * after a possible landing find the first attempt (Description is not filterable, so the candidates are narrowed by
 * WhoId, Subject and ActivityDate first).
 */
import type { LogFollowUpAction } from '../outbox/outbox';
import type { SalesforceApi } from '../salesforce-api';
import { recordsOf, str } from './record-fields';
import { isSalesforceId, soqlString } from './soql';

/** Task.Description is 32,000 characters; the key line takes the last ones. */
export const FOLLOW_UP_NOTE_MAX = 31_000;

export function followUpKeyLine(clientKey: string): string {
  return `Follow-up-Key: ${clientKey.replace(/[\r\n]+/g, '')}`;
}

export function followUpFields(action: LogFollowUpAction): Record<string, unknown> {
  const note = (action.note ?? '').trim().slice(0, FOLLOW_UP_NOTE_MAX);
  if (!isSalesforceId(action.whoId)) throw new Error('log_follow_up: WhoId is not a Salesforce id');
  const fields: Record<string, unknown> = {
    Subject:
      action.subject
        .replace(/[\r\n]+/g, ' ')
        .trim()
        .slice(0, 255) || 'Follow up',
    Status: 'Not Started',
    Priority: 'Normal',
    TaskSubtype: 'Task',
    ActivityDate: action.activityDate,
    // The key goes last, on its own line, so the adoption check finds it whatever the note says.
    Description: note ? `${note}\n\n${followUpKeyLine(action.clientKey)}` : followUpKeyLine(action.clientKey),
    WhoId: action.whoId,
  };
  if (action.whatId && isSalesforceId(action.whatId) && !action.whoId.startsWith('00Q')) fields.WhatId = action.whatId;
  return fields;
}

export async function executeLogFollowUp(api: SalesforceApi, action: LogFollowUpAction, options: { mayHaveLanded: boolean; key?: string }): Promise<{ id: string; adopted: boolean }> {
  const fields = followUpFields(action);
  // With an External ID field on Task, the entry's key finds an earlier attempt whenever it landed: no query.
  const externalIdField = api.externalIdField('Task');
  if (externalIdField && options.key) {
    const upserted = await api.upsert('Task', externalIdField, options.key, fields);
    return { id: upserted.id, adopted: !upserted.created };
  }
  if (options.mayHaveLanded) {
    const soql =
      `SELECT Id, Description FROM Task WHERE WhoId = ${soqlString(action.whoId)} AND Subject = ${soqlString(String(fields.Subject))} ` +
      `AND ActivityDate = ${action.activityDate.replace(/[^0-9-]/g, '')} LIMIT 50`;
    const key = followUpKeyLine(action.clientKey);
    const found = recordsOf(await api.query(soql)).find((r) => (str(r, 'Description') ?? '').split(/\r?\n/).includes(key));
    const id = str(found, 'Id');
    if (isSalesforceId(id)) return { id, adopted: true };
  }
  const created = await api.create('Task', fields);
  return { id: created.id, adopted: false };
}
