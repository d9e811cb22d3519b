/**
 * Save an email to Salesforce as a completed Task, at most once per internet message id.
 *
 * Why a Task and not an EmailMessage: a Task links to a contact or lead (WhoId) and to an account or opportunity
 * (WhatId) in one record the seller already sees in the activity timeline, with no EmailMessageRelation records to
 * keep consistent; it is what "Log a call/email" produces in Salesforce itself.
 *
 * The dedupe key is the RFC 5322 Message-ID. Task.Description is a long text area and cannot be filtered in SOQL;
 * Task.CallObject would be filterable but belongs to CTI call ids and the emulated org does not carry it. So:
 * - Subject is derived only from the email's subject ("Email: <subject>", cut to 255), so it is filterable and the
 *   same for every save of the same email;
 * - Description ends with one exact footer line `Message-ID: <id>`;
 * - the check queries Tasks with TaskSubtype = 'Email' AND Subject = <that subject> (a handful at most) and matches
 *   the footer line exactly on the client.
 * A seller who later renames the Task in Salesforce makes the next save create a new one: an accepted edge.
 */
import type { SaveEmailAction } from '../outbox/outbox';
import type { SalesforceApi } from '../salesforce-api';
import type { SavedEmailTask } from './crm-records';
import { obj, recordsOf, str } from './record-fields';
import { isSalesforceId, soqlString } from './soql';

const SUBJECT_MAX = 255;
const DESCRIPTION_MAX = 32_000;
const FOOTER_PREFIX = 'Message-ID: ';

export function emailTaskSubject(subject: string): string {
  const clean = subject.replace(/[\r\n]+/g, ' ').trim();
  return `Email: ${clean || '(no subject)'}`.slice(0, SUBJECT_MAX);
}

/** The id as it goes in the footer: one line, trimmed; the angle brackets are kept as Outlook gives them. */
export function messageIdFooter(internetMessageId: string): string {
  return `${FOOTER_PREFIX}${internetMessageId.replace(/[\r\n]+/g, '').trim()}`;
}

export function emailTaskDescription(bodyExcerpt: string, internetMessageId: string): string {
  const footer = messageIdFooter(internetMessageId);
  const room = DESCRIPTION_MAX - footer.length - 2;
  const excerpt = bodyExcerpt.trim().slice(0, room);
  return excerpt ? `${excerpt}\n\n${footer}` : footer;
}

/** yyyy-mm-dd in the seller's local time zone (ActivityDate is a date, not a datetime). */
export function activityDateOf(date: string | undefined, now: () => Date = () => new Date()): string {
  const d = date ? new Date(date) : now();
  const valid = Number.isNaN(d.getTime()) ? now() : d;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${valid.getFullYear()}-${pad(valid.getMonth() + 1)}-${pad(valid.getDate())}`;
}

export function emailTaskFields(action: SaveEmailAction): Record<string, unknown> {
  if (!isSalesforceId(action.whoId)) throw new Error('save_email: WhoId is not a Salesforce id');
  const fields: Record<string, unknown> = {
    Subject: emailTaskSubject(action.subject),
    Status: 'Completed',
    Priority: 'Normal',
    TaskSubtype: 'Email',
    ActivityDate: action.activityDate,
    Description: emailTaskDescription(action.bodyExcerpt, action.internetMessageId),
    WhoId: action.whoId,
  };
  // Leads cannot carry a WhatId (Salesforce refuses it); 00Q is the Lead key prefix.
  if (action.whatId && isSalesforceId(action.whatId) && !action.whoId.startsWith('00Q')) fields.WhatId = action.whatId;
  return fields;
}

/** The query that finds earlier saves of the same email (see the file comment for why by Subject). */
export function savedEmailQuery(subject: string): string {
  return (
    `SELECT Id, WhoId, WhatId, Description, CreatedDate, CreatedBy.Name FROM Task WHERE TaskSubtype = 'Email' AND Subject = ${soqlString(emailTaskSubject(subject))} ` +
    `ORDER BY CreatedDate ASC LIMIT 200`
  );
}

export function findSavedEmailTask(queryResult: unknown, internetMessageId: string): SavedEmailTask | null {
  const footer = messageIdFooter(internetMessageId);
  for (const record of recordsOf(queryResult)) {
    const description = str(record, 'Description') ?? '';
    const id = str(record, 'Id');
    if (!id || !isSalesforceId(id)) continue;
    if (description.split(/\r?\n/).some((line) => line.trim() === footer)) {
      const whoId = str(record, 'WhoId');
      return {
        id,
        whoId,
        whatId: str(record, 'WhatId'),
        sobject: 'Task',
        savedByName: str(obj(record, 'CreatedBy'), 'Name'),
        savedAt: str(record, 'CreatedDate'),
        personIds: whoId ? [whoId] : [],
      };
    }
  }
  return null;
}

/**
 * Runs one save: always looks for an earlier save first (another pane or device saved the same email: a different
 * outbox entry), then creates, by upsert on the entry's key where the org has an External ID field on Task (an
 * attempt of this entry that landed after the check is found by its key, not made twice). Rejections are the
 * wrapper's SalesforceFailureError, untouched.
 */
export async function executeSaveEmail(api: SalesforceApi, action: SaveEmailAction, options?: { key: string }): Promise<{ id: string; adopted: boolean }> {
  const existing = findSavedEmailTask(await api.query(savedEmailQuery(action.subject)), action.internetMessageId);
  if (existing) return { id: existing.id, adopted: true };
  return createSaveEmailTask(api, action, options);
}

/** The create alone, for a caller that has just checked (crm/save-email-message.ts). */
export async function createSaveEmailTask(api: SalesforceApi, action: SaveEmailAction, options?: { key: string }): Promise<{ id: string; adopted: boolean }> {
  const externalIdField = api.externalIdField('Task');
  if (externalIdField && options?.key) {
    const upserted = await api.upsert('Task', externalIdField, options.key, emailTaskFields(action));
    return { id: upserted.id, adopted: !upserted.created };
  }
  const created = await api.create('Task', emailTaskFields(action));
  return { id: created.id, adopted: false };
}
