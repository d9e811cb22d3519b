import { describe, expect, it } from 'vitest';
import { SAM } from '../../testing/fake-salesforce-api';
import type { SaveMeetingAction } from './outbox';
import { outboxOwnerOf } from './outbox';
import { readOutboxEntry } from './outbox-record';
import { newOutboxEntry, succeed } from './outbox-transitions';

const owner = outboxOwnerOf(SAM);
/** As entries were stored before a meeting could be linked to a record found by search: no `linked`. */
const stored: SaveMeetingAction = {
  type: 'save_meeting',
  meetingKey: 'olk-mtg1-k',
  subject: 'Review',
  start: '2026-12-01T15:00:00.000Z',
  end: '2026-12-01T15:45:00.000Z',
  location: 'Room 4',
  descriptionExcerpt: 'Agenda',
  peopleIds: ['0035e00000Jane1AAA'],
  whatId: '0015e00000Acme1AAA',
  label: 'Review',
};

const roundTrip = (action: SaveMeetingAction) => readOutboxEntry(JSON.parse(JSON.stringify(newOutboxEntry('e1', owner, action, 1))));

describe('readOutboxEntry: save_meeting', () => {
  it('reads an entry stored before the linked record existed, and one done with an Event', () => {
    expect(roundTrip(stored)?.action).toEqual(stored);
    const done = succeed(newOutboxEntry('e1', owner, stored, 1), { sobject: 'Event', id: '00U5e000000Evt01AA', adopted: false }, 2);
    expect(readOutboxEntry(JSON.parse(JSON.stringify(done)))).toEqual(done);
  });

  it('reads a meeting linked to any object the search returns, the admin’s custom ones too', () => {
    for (const linked of [
      { sobject: 'Case', id: '5005e00000Case1AAA' },
      { sobject: 'Project__c', id: 'a015e00000Proj1AAA' },
      { sobject: 'Contact', id: '0035e00000Bob01AAA' },
    ]) {
      expect(roundTrip({ ...stored, linked })?.action).toEqual({ ...stored, linked });
    }
  });

  it.each([
    ['a linked record that is text', 'Case'],
    ['no object name', { id: '5005e00000Case1AAA' }],
    ['an object name that is not an API name', { sobject: 'Case; DROP', id: '5005e00000Case1AAA' }],
    ['an id that is not text', { sobject: 'Case', id: 5 }],
  ])('refuses %s', (_name, linked) => {
    expect(roundTrip({ ...stored, linked } as unknown as SaveMeetingAction)).toBeUndefined();
  });
});
