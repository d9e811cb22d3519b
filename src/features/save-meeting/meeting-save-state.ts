/**
 * What the Save meeting panel shows, as one value: a pure function of the meeting on show, the outbox entries and
 * the lookup's saved Event, so each case is table-tested without rendering.
 */
import type { MeetingContext } from '../../host/office-host';
import type { SavedMeetingEvent } from '../../salesforce/crm/crm-records';
import { meetingChangedSince } from '../../salesforce/crm/save-meeting';
import type { OutboxEntry, SaveMeetingAction } from '../../salesforce/outbox/outbox';

export type MeetingSaveState =
  /** Compose mode before Outlook saved the item: no key yet. */
  | { kind: 'needs-saved-item' }
  | { kind: 'saved'; eventId: string; saved?: SavedMeetingEvent }
  | { kind: 'sending' }
  | { kind: 'waiting'; entry: OutboxEntry }
  /** Ready to save: `changed` when an Event exists but Outlook's meeting moved or was renamed since. */
  | { kind: 'form'; changed?: SavedMeetingEvent; failed?: OutboxEntry };

function sameAsAction(action: SaveMeetingAction, meeting: MeetingContext): boolean {
  return (
    action.subject === meeting.subject && Date.parse(action.start) === Date.parse(meeting.start) && Date.parse(action.end) === Date.parse(meeting.end) && action.location === meeting.location
  );
}

export function meetingSaveStateOf(meeting: MeetingContext, entries: readonly OutboxEntry[], saved: SavedMeetingEvent | null | undefined): MeetingSaveState {
  const key = meeting.meetingKey;
  if (!key) return { kind: 'needs-saved-item' };
  const entry = [...entries].reverse().find((e) => e.action.type === 'save_meeting' && e.action.meetingKey === key);
  const action = entry?.action.type === 'save_meeting' ? entry.action : undefined;
  if (entry && (entry.status === 'queued' || entry.status === 'sending')) return { kind: 'sending' };
  if (entry?.status === 'waiting') return { kind: 'waiting', entry };
  // A save of the meeting as it is now, just done: saved, even before the lookup reads the Event again.
  if (entry?.status === 'done' && entry.result && action && sameAsAction(action, meeting)) {
    return { kind: 'saved', eventId: entry.result.id, ...(saved && saved.id === entry.result.id ? { saved } : {}) };
  }
  const failed = entry?.status === 'failed' ? entry : undefined;
  if (saved && !meetingChangedSince(saved, meeting) && !failed) return { kind: 'saved', eventId: saved.id, saved };
  return { kind: 'form', ...(saved ? { changed: saved } : {}), ...(failed ? { failed } : {}) };
}
