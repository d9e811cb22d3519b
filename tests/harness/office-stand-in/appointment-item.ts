/**
 * Office.context.mailbox.item for an appointment, in the shape of office.js: the attendee's read form
 * (Office.AppointmentRead: plain properties, `start`/`end` as Date, `organizer` and the attendees as
 * EmailAddressDetails) and the organizer's form (Office.AppointmentCompose: `start`/`end`/`location`/`organizer`/
 * attendees behind getAsync, `getItemIdAsync` from Mailbox 1.8, failing until Outlook saved the item).
 */
import type { SampleAddress, SampleEmail, SampleMeeting } from '../sample-emails';
import { failedResult, ItemType, later, RecipientType, splitOptionsAndCallback, succeededResult, type AsyncCallback, type AsyncOptions } from './async-result';
import type { EmailAddressDetails } from './mailbox-item';

type OptionsOrCallback<T> = AsyncOptions | AsyncCallback<T> | undefined;
type GetAsync<T> = (a?: OptionsOrCallback<T>, b?: AsyncCallback<T>) => void;

function details(address: SampleAddress): EmailAddressDetails {
  return { displayName: address.name || address.address, emailAddress: address.address, recipientType: RecipientType.ExternalUser };
}

function getter<T>(value: () => T): { getAsync: GetAsync<T> } {
  return {
    getAsync(a, b) {
      const args = splitOptionsAndCallback<T>(a, b);
      later(() => args.callback(succeededResult(value(), args.options.asyncContext)));
    },
  };
}

/** The fields both forms share, read from the host's copy at each call (a moved meeting shows its new time). */
export function appointmentRead(email: SampleEmail, meeting: SampleMeeting, shared: Record<string, unknown>): Record<string, unknown> {
  const date = email.date ?? meeting.start;
  return {
    itemType: ItemType.Appointment,
    itemId: email.itemId,
    seriesId: meeting.seriesId ?? null,
    dateTimeCreated: new Date(date),
    dateTimeModified: new Date(date),
    subject: email.subject,
    normalizedSubject: email.subject,
    start: new Date(meeting.start),
    end: new Date(meeting.end),
    location: meeting.location,
    organizer: details(meeting.organizer),
    requiredAttendees: (email.to || []).map(details),
    optionalAttendees: meeting.optionalAttendees.map(details),
    ...shared,
  };
}

export function appointmentCompose(email: SampleEmail, meeting: SampleMeeting, shared: Record<string, unknown>): Record<string, unknown> {
  return {
    itemType: ItemType.Appointment,
    seriesId: meeting.seriesId ?? null,
    subject: getter(() => email.subject || ''),
    start: getter(() => new Date(meeting.start)),
    end: getter(() => new Date(meeting.end)),
    location: getter(() => meeting.location),
    organizer: getter(() => details(meeting.organizer)),
    requiredAttendees: getter(() => (email.to || []).map(details)),
    optionalAttendees: getter(() => meeting.optionalAttendees.map(details)),
    getItemIdAsync(a?: OptionsOrCallback<string>, b?: AsyncCallback<string>) {
      const args = splitOptionsAndCallback<string>(a, b);
      later(() =>
        args.callback(
          email.itemId
            ? succeededResult(email.itemId, args.options.asyncContext)
            : failedResult(9051, 'ItemNotSaved', 'The item has not been saved yet: its id is not available.', args.options.asyncContext),
        ),
      );
    },
    ...shared,
  };
}
