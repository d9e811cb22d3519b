import { deadlineError, realTimers, withDeadline, type Timers } from '../shared/deadline';
import { succeeded } from './async-result';
import type { EmailAddress, EmailContext } from './office-host';
import { createLogger } from '../shared/logger';

const log = createLogger('host.email');

/** Longest plain-text body start handed to the app (saving to Salesforce, matching). */
export const BODY_EXCERPT_LIMIT = 2000;
/** Longest whole body (HTML or text) kept: Salesforce's EmailMessage.HtmlBody holds 131,072 characters. */
export const BODY_LIMIT = 131_072;

export type Item = Office.MessageRead | Office.MessageCompose;
export type AsyncGetter<T> = { getAsync(callback: (result: Office.AsyncResult<T>) => void): void };

export function isAsyncGetter<T>(value: unknown): value is AsyncGetter<T> {
  return typeof value === 'object' && value !== null && typeof (value as { getAsync?: unknown }).getAsync === 'function';
}

/**
 * How long one getAsync may take. Outlook answers in milliseconds; a callback that never comes (a webview that lost
 * its host connection, an item closed mid-read) must not leave the pane without an email for good.
 */
export const GET_ASYNC_DEADLINE_MS = 5_000;

export interface ReadOptions {
  deadlineMs?: number;
  timers?: Timers;
  /** Office.CoercionType.Html: read mode then also reads the whole body as HTML and as text. */
  htmlCoercion?: Office.CoercionType;
}

/** Calls `start` with a `settle` that takes the first answer; `fallback` when the deadline comes first or it throws. */
export function bounded<T>(start: (settle: (value: T) => void) => void, fallback: T, options: ReadOptions): Promise<T> {
  const answer = new Promise<T>((resolve) => start(resolve));
  return withDeadline(answer, options.deadlineMs ?? GET_ASYNC_DEADLINE_MS, () => deadlineError('Outlook did not answer in time.'), options.timers ?? realTimers).catch((error: unknown) => {
    log.debug('an item field could not be read; its fallback stands in', error);
    return fallback;
  });
}

/** Settles with the value, or `fallback` when Office answers failed or late: one unreadable field must not hide the item. */
export function getAsyncValue<T>(getter: AsyncGetter<T>, fallback: T, options: ReadOptions): Promise<T> {
  return bounded<T>((settle) => getter.getAsync((result) => settle(succeeded(result) ? (result.value ?? fallback) : fallback)), fallback, options);
}

export function toAddress(details: Office.EmailAddressDetails | undefined | null): EmailAddress | undefined {
  if (!details || typeof details.emailAddress !== 'string' || details.emailAddress === '') return undefined;
  return { name: details.displayName || details.emailAddress, address: details.emailAddress };
}

function toAddresses(list: readonly Office.EmailAddressDetails[] | undefined | null): EmailAddress[] {
  return (list ?? []).map(toAddress).filter((a): a is EmailAddress => a !== undefined);
}

export async function readRecipients(field: unknown, options: ReadOptions): Promise<EmailAddress[]> {
  if (Array.isArray(field)) return toAddresses(field as Office.EmailAddressDetails[]);
  if (isAsyncGetter<Office.EmailAddressDetails[]>(field)) return toAddresses(await getAsyncValue(field, [], options));
  return [];
}

async function readFrom(field: unknown, options: ReadOptions): Promise<EmailAddress | undefined> {
  if (isAsyncGetter<Office.EmailAddressDetails>(field)) return toAddress(await getAsyncValue<Office.EmailAddressDetails | undefined>(field, undefined, options));
  return toAddress(field as Office.EmailAddressDetails | undefined);
}

function readBody(item: Item, coercion: Office.CoercionType, limit: number, options: ReadOptions): Promise<string> {
  const body = (item as { body?: { getAsync?: Office.Body['getAsync'] } }).body;
  if (!body || typeof body.getAsync !== 'function') return Promise.resolve('');
  return bounded<string>(
    (settle) =>
      body.getAsync!(coercion, (result: Office.AsyncResult<string>) => {
        const text = succeeded(result) && typeof result.value === 'string' ? result.value : '';
        settle(text.replace(/\r\n?/g, '\n').trim().slice(0, limit));
      }),
    '',
    options,
  );
}

export function readBodyExcerpt(item: Item, coercionText: Office.CoercionType, options: ReadOptions): Promise<string> {
  return readBody(item, coercionText, BODY_EXCERPT_LIMIT, options);
}

type SharedGetter = (callback: (result: Office.AsyncResult<{ owner?: unknown }>) => void) => void;

/** Mailbox 1.8: only items of shared folders and shared mailboxes have getSharedPropertiesAsync. */
async function readShared(raw: Record<string, unknown>, options: ReadOptions): Promise<{ owner: string } | undefined> {
  const getter = raw.getSharedPropertiesAsync;
  if (typeof getter !== 'function') return undefined;
  const owner = await bounded<string>(
    (settle) =>
      (getter as SharedGetter).call(raw, (result) => {
        const value = succeeded(result) ? result.value?.owner : undefined;
        settle(typeof value === 'string' ? value : '');
      }),
    '',
    options,
  );
  return owner ? { owner } : undefined;
}

export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && value !== '' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return undefined;
}

/**
 * Reads the selected Outlook item into the app's EmailContext. Read mode exposes plain properties; compose mode
 * exposes objects with getAsync. The mode is told by the subject's shape, which is the one field both modes have.
 */
export async function readEmailContext(item: Item | null | undefined, coercionText: Office.CoercionType, options: ReadOptions = {}): Promise<EmailContext | null> {
  if (!item) return null;
  const raw = item as unknown as Record<string, unknown>;
  const compose = isAsyncGetter<string>(raw.subject);
  const [subject, from, to, cc, bodyExcerpt] = await Promise.all([
    compose ? getAsyncValue(raw.subject as AsyncGetter<string>, '', options) : Promise.resolve(typeof raw.subject === 'string' ? raw.subject : ''),
    readFrom(raw.from, options),
    readRecipients(raw.to, options),
    readRecipients(raw.cc, options),
    readBodyExcerpt(item, coercionText, options),
  ]);
  const context: EmailContext = { mode: compose ? 'compose' : 'read', subject, to, cc, bodyExcerpt };
  if (from) context.from = from;
  if (!compose) {
    if (typeof raw.itemId === 'string' && raw.itemId) context.itemId = raw.itemId;
    if (typeof raw.internetMessageId === 'string' && raw.internetMessageId) context.internetMessageId = raw.internetMessageId;
  }
  const date = isoDate(raw.dateTimeCreated);
  if (date) context.date = date;
  if (!compose && options.htmlCoercion !== undefined) {
    const [htmlBody, textBody, shared] = await Promise.all([
      readBody(item, options.htmlCoercion, BODY_LIMIT, options),
      readBody(item, coercionText, BODY_LIMIT, options),
      readShared(raw, options),
    ]);
    if (htmlBody) context.htmlBody = htmlBody;
    if (textBody) context.textBody = textBody;
    if (shared) context.shared = shared;
  }
  return context;
}
