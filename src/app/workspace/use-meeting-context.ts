/**
 * The current Outlook item as a MeetingContext when it is an appointment, following a pinned pane (ItemChanged: a
 * new item, or the same meeting moved or renamed by its organizer). 'none' for a message, no item, or a host that
 * cannot read meetings. A late answer for an item no longer selected is dropped.
 */
import { useEffect, useState } from 'react';
import type { EmailContext, MeetingContext, OfficeHost } from '../../host/office-host';

export type MeetingContextState = { status: 'loading' } | { status: 'none' } | { status: 'ready'; context: MeetingContext };

export function useMeetingContext(host: OfficeHost): MeetingContextState {
  const [state, setState] = useState<MeetingContextState>(() => (host.getMeetingContext ? { status: 'loading' } : { status: 'none' }));

  useEffect(() => {
    const read = host.getMeetingContext?.bind(host);
    if (!read) return undefined;
    let latest = 0;
    let disposed = false;
    const load = () => {
      const ticket = ++latest;
      read().then(
        (context) => {
          if (!disposed && ticket === latest) setState(context ? { status: 'ready', context } : { status: 'none' });
        },
        () => {
          // An item that cannot be read as a meeting is shown as the email reader sees it.
          if (!disposed && ticket === latest) setState({ status: 'none' });
        },
      );
    };
    load();
    const offItem = host.onItemChanged(load);
    // The organizer's form: times edited in the form, attendees typed (their people are looked up again).
    const offTime = host.onMeetingTimeChanged?.(load);
    const offRecipients = host.onRecipientsChanged(load);
    return () => {
      disposed = true;
      offItem();
      offTime?.();
      offRecipients();
    };
  }, [host]);

  return state;
}

/** The people side of a meeting in the email's shape, so the people list and lookup serve both: organizer first. */
export function meetingAsEmail(meeting: MeetingContext): EmailContext {
  const context: EmailContext = { mode: meeting.mode, subject: meeting.subject, to: meeting.requiredAttendees, cc: meeting.optionalAttendees, bodyExcerpt: meeting.bodyExcerpt };
  if (meeting.organizer) context.from = meeting.organizer;
  return context;
}
