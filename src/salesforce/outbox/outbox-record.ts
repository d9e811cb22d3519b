/**
 * Reads a stored outbox entry. IndexedDB hands back whatever was put there: a record from another version of the
 * add-in, a half-written one, or one edited by hand in the browser's tools. The runner and the seller's list only
 * ever see records that have the shape of an OutboxEntry; anything else is left in the database (sign-out's
 * discard removes it with the owner's others) and never sent.
 */
import { FAILURE_KINDS } from '../failure-kinds';
import type { OutboxAction, OutboxEntry, OutboxStatus, OutboxWaitReason } from './outbox';
import { outboxOwnerKey } from './outbox';

const STATUSES: ReadonlySet<OutboxStatus> = new Set(['queued', 'sending', 'waiting', 'failed', 'done']);
const WAIT_REASONS: ReadonlySet<OutboxWaitReason> = new Set([
  'bad_oauth_token',
  'session_expired',
  'offline',
  'rate_limited',
  'transient',
  'timeout',
  'unknown',
  'signed_out',
  'other_identity',
]);
const KINDS: ReadonlySet<string> = new Set(FAILURE_KINDS);
const CREATABLE: ReadonlySet<unknown> = new Set(['Lead', 'Account', 'Opportunity', 'Case']);
const RESULT_SOBJECTS: ReadonlySet<unknown> = new Set(['Task', 'Contact', 'EmailMessage', ...CREATABLE, 'ContentVersion', 'Event']);
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);

const isAddress = (value: unknown): boolean => isObject(value) && isText(value.name) && isText(value.address);
const RELATION_TYPES: ReadonlySet<unknown> = new Set(['FromAddress', 'ToAddress', 'CcAddress']);

function isSaveEmailContent(value: unknown): boolean {
  if (!isObject(value) || typeof value.incoming !== 'boolean') return false;
  if (!optional(value.from, isAddress) || !Array.isArray(value.to) || !value.to.every(isAddress) || !Array.isArray(value.cc) || !value.cc.every(isAddress)) return false;
  if (!optional(value.date, isText) || !optional(value.htmlBody, isText) || !optional(value.textBody, isText)) return false;
  return Array.isArray(value.people) && value.people.every((p) => isObject(p) && isText(p.id) && RELATION_TYPES.has(p.relationType));
}

function isCreateRecord(value: Fields): boolean {
  const fields = value.fields;
  return (
    CREATABLE.has(value.sobject) &&
    isText(value.clientKey) &&
    isObject(fields) &&
    Object.entries(fields).every(([name, v]) => FIELD_NAME.test(name) && (isText(v) || isTime(v))) &&
    isDuplicateChoice(value)
  );
}

/** "Save anyway" / "Use this one" (duplicate-choice.ts), on a record's or a contact's create. */
function isDuplicateChoice(value: Fields): boolean {
  return optional(value.allowDuplicates, (v) => typeof v === 'boolean') && optional(value.useExistingId, isText);
}

function isAction(value: unknown): value is OutboxAction {
  if (!isObject(value) || !isText(value.label)) return false;
  switch (value.type) {
    case 'save_email':
      return (
        isText(value.internetMessageId) &&
        isText(value.subject) &&
        isText(value.bodyExcerpt) &&
        isText(value.activityDate) &&
        isText(value.whoId) &&
        optional(value.whatId, isText) &&
        optional(value.email, isSaveEmailContent)
      );
    case 'save_attachment':
      return (
        isAction(value.email) &&
        (value.email as { type?: unknown }).type === 'save_email' &&
        isText(value.fileName) &&
        isText(value.contentType) &&
        typeof Blob === 'function' &&
        value.content instanceof Blob &&
        optional(value.linkToId, isText)
      );
    case 'create_contact': {
      const fields = value.fields;
      return (
        isText(value.clientKey) &&
        isObject(fields) &&
        isText(fields.LastName) &&
        isText(fields.Email) &&
        ['FirstName', 'Title', 'Phone', 'AccountId'].every((name) => optional(fields[name], isText)) &&
        isDuplicateChoice(value)
      );
    }
    case 'log_follow_up':
      return isText(value.clientKey) && isText(value.subject) && isText(value.activityDate) && isText(value.whoId) && optional(value.whatId, isText) && optional(value.note, isText);
    case 'create_record':
      return isCreateRecord(value);
    case 'update_record':
      return isUpdateRecord(value);
    case 'save_meeting':
      return (
        isText(value.meetingKey) &&
        isText(value.subject) &&
        isText(value.start) &&
        isText(value.end) &&
        optional(value.isAllDay, (v) => typeof v === 'boolean') &&
        isText(value.location) &&
        isText(value.descriptionExcerpt) &&
        Array.isArray(value.peopleIds) &&
        value.peopleIds.every(isText) &&
        optional(value.whatId, isText) &&
        optional(value.linked, (v) => isObject(v) && isText(v.sobject) && FIELD_NAME.test(v.sobject) && isText(v.id))
      );
    default:
      return false;
  }
}

const isEditableValue = (v: unknown): boolean => v === null || isText(v) || (typeof v === 'number' && Number.isFinite(v));
const isValues = (v: unknown): boolean => isObject(v) && Object.values(v).every(isEditableValue);

function isUpdateRecord(value: Fields): boolean {
  const baseline = value.baseline;
  return (
    isText(value.clientKey) &&
    (value.sobject === 'Opportunity' || value.sobject === 'Contact' || value.sobject === 'Lead') &&
    isText(value.recordId) &&
    isValues(value.fields) &&
    isObject(baseline) &&
    isText(baseline.lastModifiedDate) &&
    isValues(baseline.values) &&
    Array.isArray(value.addresses) &&
    value.addresses.every(isText)
  );
}

/** The entry, when `raw` has the shape of one whose owner key matches its owner; undefined otherwise. Never throws. */
export function readOutboxEntry(raw: unknown): OutboxEntry | undefined {
  if (!isObject(raw)) return undefined;
  const owner = raw.owner;
  if (!isText(raw.id) || raw.id === '' || !isText(raw.ownerKey) || !isObject(owner)) return undefined;
  if (!isText(owner.orgId) || !isText(owner.userId) || !optional(owner.microsoftAccountId, isText) || !optional(owner.partitionKey, isText)) return undefined;
  // A record filed under one owner's key must be that owner's: the runner sends by key and checks the owner.
  if (outboxOwnerKey(owner as unknown as OutboxEntry['owner']) !== raw.ownerKey) return undefined;
  if (!isAction(raw.action) || !STATUSES.has(raw.status as OutboxStatus)) return undefined;
  if (!isTime(raw.attempts) || raw.attempts < 0 || typeof raw.mayHaveLanded !== 'boolean' || !isTime(raw.createdAt) || !isTime(raw.updatedAt)) return undefined;
  if (!optional(raw.waitingFor, (v) => WAIT_REASONS.has(v as OutboxWaitReason))) return undefined;
  if (!optional(raw.failure, (v) => isObject(v) && KINDS.has(v.kind as string) && typeof v.connectionLost === 'boolean' && typeof v.retryable === 'boolean')) return undefined;
  if (!optional(raw.notBefore, isTime) || !optional(raw.leaseUntil, isTime)) return undefined;
  const result = raw.result;
  if (!optional(result, (v) => isObject(v) && RESULT_SOBJECTS.has(v.sobject) && isText(v.id) && typeof v.adopted === 'boolean')) return undefined;
  return raw as unknown as OutboxEntry;
}
