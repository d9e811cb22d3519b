/**
 * Reads an Outlook appointment into a MeetingContext. Read mode (the attendee's form, AppointmentRead) has plain
 * properties; compose mode (the organizer's form, AppointmentCompose) has objects with getAsync and, from Mailbox
 * 1.8, getItemIdAsync, which fails for an item Outlook has not saved yet.
 */
import { succeeded } from './async-result';
import { meetingKeyOf } from './meeting-key';
import type { EmailAddress, MeetingContext } from './office-host';
import { bounded, getAsyncValue, isAsyncGetter, isoDate, readBodyExcerpt, readRecipients, toAddress, type Item, type ReadOptions } from './read-email-context';

type AnyItem = Record<string, unknown>;

/** Office.MailboxEnums.ItemType.Appointment's runtime value. */
const APPOINTMENT = 'appointment';

export function isAppointment(item: unknown): boolean {
  return typeof item === 'object' && item !== null && (item as AnyItem).itemType === APPOINTMENT;
}

async function readValue<T>(field: unknown, fallback: T, options: ReadOptions): Promise<T> {
  if (isAsyncGetter<T>(field)) return getAsyncValue(field, fallback, options);
  return (field as T | undefined) ?? fallback;
}

async function readOrganizer(field: unknown, options: ReadOptions): Promise<EmailAddress | undefined> {
  return toAddress(await readValue<Office.EmailAddressDetails | undefined>(field, undefined, options));
}

/** Compose mode: the saved item's id, or undefined while the item is unsaved (or the host predates Mailbox 1.8). */
function readComposeItemId(item: AnyItem, options: ReadOptions): Promise<string | undefined> {
  const getItemIdAsync = item.getItemIdAsync as ((callback: (result: Office.AsyncResult<string>) => void) => void) | undefined;
  if (typeof getItemIdAsync !== 'function') return Promise.resolve(undefined);
  return bounded<string | undefined>(
    (settle) => getItemIdAsync.call(item, (result) => settle(succeeded(result) && typeof result.value === 'string' && result.value ? result.value : undefined)),
    undefined,
    options,
  );
}

export interface MeetingReadOptions extends ReadOptions {
  /** Office.context.mailbox.userProfile.emailAddress: whose calendar this is. */
  mailboxAddress: string;
  subtle?: SubtleCrypto;
}

export async function readMeetingContext(item: unknown, coercionText: Office.CoercionType, options: MeetingReadOptions): Promise<MeetingContext | null> {
  if (!isAppointment(item)) return null;
  const raw = item as AnyItem;
  const compose = isAsyncGetter<string>(raw.subject);
  const [subject, start, end, location, organizer, requiredAttendees, optionalAttendees, bodyExcerpt, itemId] = await Promise.all([
    readValue<string>(raw.subject, '', options),
    readValue<unknown>(raw.start, undefined, options),
    readValue<unknown>(raw.end, undefined, options),
    readValue<string>(raw.location, '', options),
    readOrganizer(raw.organizer, options),
    readRecipients(raw.requiredAttendees, options),
    readRecipients(raw.optionalAttendees, options),
    readBodyExcerpt(item as Item, coercionText, options),
    compose ? readComposeItemId(raw, options) : Promise.resolve(typeof raw.itemId === 'string' && raw.itemId ? raw.itemId : undefined),
  ]);
  const startIso = isoDate(start);
  const endIso = isoDate(end);
  // An appointment without times cannot become an Event (StartDateTime and an end are required).
  if (!startIso || !endIso) return null;
  const mailbox = options.mailboxAddress.trim().toLowerCase();
  const isOrganizer = compose || (organizer !== undefined && organizer.address.toLowerCase() === mailbox);
  const context: MeetingContext = {
    mode: compose ? 'compose' : 'read',
    role: isOrganizer ? 'organizer' : 'attendee',
    subject,
    start: startIso,
    end: endIso,
    isAllDay: raw.isAllDayEvent === true,
    location: typeof location === 'string' ? location : '',
    requiredAttendees,
    optionalAttendees,
    bodyExcerpt,
  };
  if (organizer) context.organizer = organizer;
  if (typeof raw.seriesId === 'string' && raw.seriesId) context.seriesId = raw.seriesId;
  if (itemId && mailbox) context.meetingKey = await meetingKeyOf(mailbox, itemId, options.subtle);
  return context;
}
