/**
 * Save an email where the org may have Enhanced Email: an EmailMessage with one EmailMessageRelation for every
 * Salesforce person on it (From, To, Cc) and the chosen account or opportunity as RelatedToId; in an org without
 * Enhanced Email, the completed Task of ./save-email.ts.
 *
 * At most once per Message-ID, across panes, devices and sellers. Each attempt first asks, in one composite request:
 * - EmailMessage by MessageIdentifier (its answer also tells whether the org has Enhanced Email: without it
 *   EmailMessage is not in the org and the query is refused with INVALID_TYPE);
 * - the Task saves of this email (see ./save-email.ts): an email saved as a Task before the org turned Enhanced
 *   Email on, or by an older add-in, is not saved a second time.
 * Only then it creates, the EmailMessage and its relations in one composite with allOrNone, so an attempt lands
 * whole or not at all and the next attempt's check finds it.
 *
 * Status: '1' (Read) for an email the seller received, '3' (Sent) for one they sent; never '5' (Draft), the only
 * status Salesforce lets a client edit later, which a logged email must not be.
 */
import { classifySalesforceError } from '../classify-salesforce-error';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { OutboxResult, SaveEmailAction, SaveEmailContent } from '../outbox/outbox';
import type { CompositeSubresponse, SalesforceApi } from '../salesforce-api';
import type { SavedEmailTask } from './crm-records';
import { obj, recordsOf, str } from './record-fields';
import { createSaveEmailTask, executeSaveEmail, findSavedEmailTask, savedEmailQuery } from './save-email';
import { isSalesforceId, queryUrl, soqlString } from './soql';

/** Field lengths (Field Reference, EmailMessage; TextBody the older, stricter 32,000). */
export const EMAIL_MESSAGE_LIMITS = { subject: 3000, htmlBody: 131_072, textBody: 32_000, addressList: 4000, fromName: 1000, messageIdentifier: 255 } as const;

/** A composite takes 25 subrequests; one is the EmailMessage. */
const MAX_RELATIONS = 24;

/** The Message-ID as stored in MessageIdentifier: one line, trimmed, within the field (the same cut every time). */
export function messageIdentifierOf(internetMessageId: string): string {
  return internetMessageId
    .replace(/[\r\n]+/g, '')
    .trim()
    .slice(0, EMAIL_MESSAGE_LIMITS.messageIdentifier);
}

export function savedEmailMessageQuery(internetMessageId: string): string {
  return (
    'SELECT Id, RelatedToId, CreatedDate, CreatedBy.Name, (SELECT RelationId FROM EmailMessageRelations) FROM EmailMessage ' +
    `WHERE MessageIdentifier = ${soqlString(messageIdentifierOf(internetMessageId))} ORDER BY CreatedDate ASC LIMIT 1`
  );
}

export function findSavedEmailMessage(queryResult: unknown): SavedEmailTask | null {
  for (const record of recordsOf(queryResult)) {
    const id = str(record, 'Id');
    if (!isSalesforceId(id)) continue;
    const personIds = recordsOf(obj(record, 'EmailMessageRelations'))
      .map((r) => str(r, 'RelationId'))
      .filter((r): r is string => isSalesforceId(r));
    return {
      id,
      whoId: personIds[0] ?? null,
      whatId: str(record, 'RelatedToId'),
      sobject: 'EmailMessage',
      savedByName: str(obj(record, 'CreatedBy'), 'Name'),
      savedAt: str(record, 'CreatedDate'),
      personIds,
    };
  }
  return null;
}

/** True when the subresponse is Salesforce saying the org has no such sObject (Enhanced Email off). */
export function isObjectAbsent(response: CompositeSubresponse | undefined): boolean {
  if (!response || response.httpStatusCode !== 400 || !Array.isArray(response.body)) return false;
  return response.body.some((e) => str(e, 'errorCode') === 'INVALID_TYPE');
}

/** A subresponse's body, or the classified failure thrown (as the people lookup does). */
export function subresponseBody(responses: CompositeSubresponse[], referenceId: string): unknown {
  const response = responses.find((r) => r.referenceId === referenceId);
  if (!response) throw new SalesforceFailureError(createFailure('unknown', { detail: `composite: no answer for ${referenceId}` }));
  if (response.httpStatusCode < 200 || response.httpStatusCode >= 300) {
    throw new SalesforceFailureError(classifySalesforceError({ httpStatusCode: response.httpStatusCode, body: response.body }, { phase: 'request' }));
  }
  return response.body;
}

const addressList = (list: SaveEmailContent['to']): string =>
  list
    .map((a) => a.address)
    .join('; ')
    .slice(0, EMAIL_MESSAGE_LIMITS.addressList);

export function emailMessageFields(action: SaveEmailAction, email: SaveEmailContent): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    Subject: (action.subject.replace(/[\r\n]+/g, ' ').trim() || '(no subject)').slice(0, EMAIL_MESSAGE_LIMITS.subject),
    Status: email.incoming ? '1' : '3',
    Incoming: email.incoming,
    MessageIdentifier: messageIdentifierOf(action.internetMessageId),
    ToAddress: addressList(email.to),
    CcAddress: addressList(email.cc),
    TextBody: (email.textBody ?? action.bodyExcerpt).slice(0, EMAIL_MESSAGE_LIMITS.textBody),
  };
  if (email.htmlBody) fields.HtmlBody = email.htmlBody.slice(0, EMAIL_MESSAGE_LIMITS.htmlBody);
  if (email.from) {
    fields.FromAddress = email.from.address;
    fields.FromName = email.from.name.slice(0, EMAIL_MESSAGE_LIMITS.fromName);
  }
  const date = email.date ? new Date(email.date) : undefined;
  if (date && !Number.isNaN(date.getTime())) fields.MessageDate = date.toISOString();
  if (action.whatId && isSalesforceId(action.whatId)) fields.RelatedToId = action.whatId;
  return fields;
}

/** One relation per person and place; a person both in To and Cc gets both (Salesforce keeps each). */
export function emailRelations(email: SaveEmailContent): SaveEmailContent['people'] {
  const seen = new Set<string>();
  return email.people
    .filter((p) => isSalesforceId(p.id))
    .filter((p) => {
      const key = `${p.id}|${p.relationType}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_RELATIONS);
}

async function createEmailMessage(api: SalesforceApi, action: SaveEmailAction, email: SaveEmailContent): Promise<string> {
  const base = `${api.apiPath}/sobjects`;
  const answers = await api.composite(
    [
      { method: 'POST', referenceId: 'email', url: `${base}/EmailMessage`, body: emailMessageFields(action, email) },
      ...emailRelations(email).map((p, i) => ({
        method: 'POST' as const,
        referenceId: `relation${i}`,
        url: `${base}/EmailMessageRelation`,
        body: { EmailMessageId: '@{email.id}', RelationId: p.id, RelationType: p.relationType },
      })),
    ],
    { allOrNone: true },
  );
  // allOrNone: the subrequest that failed carries the cause; the others say PROCESSING_HALTED.
  const failed =
    answers.find((a) => (a.httpStatusCode < 200 || a.httpStatusCode >= 300) && !JSON.stringify(a.body).includes('PROCESSING_HALTED')) ?? answers.find((a) => a.httpStatusCode >= 300);
  if (failed) subresponseBody([failed], failed.referenceId);
  const id = str(subresponseBody(answers, 'email'), 'id');
  if (!isSalesforceId(id)) throw new SalesforceFailureError(createFailure('unknown', { detail: 'EmailMessage: the answer carried no id' }));
  return id;
}

export async function executeSaveEmailRecord(api: SalesforceApi, action: SaveEmailAction & { email: SaveEmailContent }, options?: { key: string }): Promise<OutboxResult> {
  const answers = await api.composite(
    [
      { method: 'GET', referenceId: 'emailMessage', url: queryUrl(api.apiPath, savedEmailMessageQuery(action.internetMessageId)) },
      { method: 'GET', referenceId: 'task', url: queryUrl(api.apiPath, savedEmailQuery(action.subject)) },
    ],
    { allOrNone: false },
  );
  const enhanced = !isObjectAbsent(answers.find((a) => a.referenceId === 'emailMessage'));
  const savedMessage = enhanced ? findSavedEmailMessage(subresponseBody(answers, 'emailMessage')) : null;
  if (savedMessage) return { sobject: 'EmailMessage', id: savedMessage.id, adopted: true };
  const savedTask = findSavedEmailTask(subresponseBody(answers, 'task'), action.internetMessageId);
  if (savedTask) return { sobject: 'Task', id: savedTask.id, adopted: true };
  if (!enhanced) return { sobject: 'Task', ...(await createSaveEmailTask(api, action, options)) };
  return { sobject: 'EmailMessage', id: await createEmailMessage(api, action, action.email), adopted: false };
}

/**
 * Saves the email the way its action asks: as an EmailMessage (or the Task an org without Enhanced Email gets) when
 * the action carries the email's content, else as a Task, the shape stored by builds before Enhanced Email. Used by
 * the save itself and by each attachment, which finds or makes the same record before its file is linked to it.
 */
export async function executeSaveEmailAction(api: SalesforceApi, action: SaveEmailAction, options?: { key: string }): Promise<OutboxResult> {
  if (action.email) return executeSaveEmailRecord(api, { ...action, email: action.email }, options);
  return { sobject: 'Task', ...(await executeSaveEmail(api, action, options)) };
}
