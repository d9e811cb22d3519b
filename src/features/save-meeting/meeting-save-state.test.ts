import { describe, expect, it } from 'vitest';
import type { MeetingContext } from '../../host/office-host';
import type { SavedMeetingEvent } from '../../salesforce/crm/crm-records';
import type { OutboxEntry, OutboxStatus, SaveMeetingAction } from '../../salesforce/outbox/outbox';
import { meetingSaveStateOf } from './meeting-save-state';

const meeting: MeetingContext = {
  mode: 'read',
  role: 'attendee',
  meetingKey: 'olk-mtg1-k',
  subject: 'Review',
  start: '2026-12-01T15:00:00.000Z',
  end: '2026-12-01T15:45:00.000Z',
  isAllDay: false,
  location: 'Room 4',
  requiredAttendees: [],
  optionalAttendees: [],
  bodyExcerpt: '',
};

const savedAsIs: SavedMeetingEvent = {
  id: '00U000000000001AAA',
  subject: 'Review',
  start: '2026-12-01T15:00:00.000+0000',
  end: '2026-12-01T15:45:00.000+0000',
  location: 'Room 4',
  whoId: null,
  whatId: null,
  createdByName: 'Sam',
  createdDate: '2026-11-01T00:00:00.000+0000',
};
const savedBeforeMove: SavedMeetingEvent = { ...savedAsIs, start: '2026-11-30T15:00:00.000+0000', end: '2026-11-30T15:45:00.000+0000' };

function entryOf(status: OutboxStatus, changes: Partial<SaveMeetingAction> = {}): OutboxEntry {
  const action: SaveMeetingAction = {
    type: 'save_meeting',
    meetingKey: 'olk-mtg1-k',
    subject: meeting.subject,
    start: meeting.start,
    end: meeting.end,
    location: meeting.location,
    descriptionExcerpt: '',
    peopleIds: [],
    label: 'Review',
    ...changes,
  };
  return {
    id: 'e1',
    ownerKey: 'o',
    owner: { orgId: 'o', userId: 'u' },
    action,
    status,
    attempts: 1,
    mayHaveLanded: false,
    createdAt: 1,
    updatedAt: 1,
    ...(status === 'done' ? { result: { sobject: 'Event' as const, id: '00U000000000002AAA', adopted: false } } : {}),
    ...(status === 'failed' ? { failure: { kind: 'validation' as const, connectionLost: false, retryable: false } } : {}),
  };
}

describe('meetingSaveStateOf', () => {
  it.each([
    ['no key yet (unsaved organizer form)', { ...meeting, meetingKey: undefined }, [], undefined, 'needs-saved-item'],
    ['nothing saved', meeting, [], null, 'form'],
    ['saved as it is', meeting, [], savedAsIs, 'saved'],
    ['saved, then moved: the form, to update', meeting, [], savedBeforeMove, 'form'],
    ['a save on its way', meeting, [entryOf('sending')], null, 'sending'],
    ['a save waiting', meeting, [entryOf('waiting')], null, 'waiting'],
    ['a save of the meeting as it is, done', meeting, [entryOf('done')], savedBeforeMove, 'saved'],
    ['a save of the meeting before it moved, done', meeting, [entryOf('done', { start: '2026-11-30T15:00:00.000Z' })], savedBeforeMove, 'form'],
    ['a failed save: the form again, even over an Event as it is', meeting, [entryOf('failed')], savedAsIs, 'form'],
    ["another meeting's entry is not this one's", meeting, [entryOf('sending', { meetingKey: 'olk-mtg1-other' })], null, 'form'],
  ] as const)('%s', (_name, shown, entries, saved, kind) => {
    expect(meetingSaveStateOf(shown as MeetingContext, entries as readonly OutboxEntry[], saved).kind).toBe(kind);
  });

  it('an Event that moved since says which one changed', () => {
    expect(meetingSaveStateOf(meeting, [], savedBeforeMove)).toEqual({ kind: 'form', changed: savedBeforeMove });
  });
});
