/**
 * Save meeting through the real connection wrapper (real jsforce over HTTPS) against the emulated org: one Event per
 * meeting key, updated when the meeting moves or is renamed, linked to the people (EventRelation with Shared
 * Activities, else the primary contact) and the picked record; its saved state in the people lookup's one request.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_LEADS, DEMO_OPPORTUNITIES } from '../emulator/seed';
import { emulatorRecords, useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';
import { connectionFor, logMark, restCallsSince, signIn } from './connection-fixture';
import { createPeopleDirectory } from '../../src/salesforce/crm/people-directory';
import { executeSaveMeeting, meetingChangedSince } from '../../src/salesforce/crm/save-meeting';
import { executeOutboxAction } from '../../src/salesforce/outbox/outbox-executors';
import type { SaveMeetingAction } from '../../src/salesforce/outbox/outbox';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

const records = (sobject: string) => emulatorRecords(org, sobject);

const meeting: SaveMeetingAction = {
  type: 'save_meeting',
  meetingKey: 'olk-mtg1-acme-review-key',
  subject: 'Acme quarterly review',
  start: '2026-12-01T15:00:00.000Z',
  end: '2026-12-01T15:45:00.000Z',
  location: 'Room 4',
  descriptionExcerpt: 'Agenda: numbers',
  peopleIds: [DEMO_CONTACTS.jane.Id, DEMO_CONTACTS.bob.Id],
  whatId: DEMO_OPPORTUNITIES.acmeWidgets.Id,
  label: 'Acme quarterly review',
};

describe('save meeting', () => {
  it('creates one Event linked to every contact and the opportunity, and updates it when the meeting moves', async () => {
    const first = await executeOutboxAction(api, meeting, { mayHaveLanded: false, key: 'entry-1' });
    expect(first).toMatchObject({ sobject: 'Event', adopted: false });
    const [event] = await records('Event');
    expect(event).toMatchObject({
      Subject: 'Acme quarterly review',
      StartDateTime: '2026-12-01T15:00:00.000+0000',
      DurationInMinutes: 45,
      Location: 'Room 4',
      WhoId: DEMO_CONTACTS.jane.Id,
      WhatId: DEMO_OPPORTUNITIES.acmeWidgets.Id,
      AccountId: DEMO_ACCOUNTS.acme.Id,
    });
    expect(String(event?.Description)).toBe('Agenda: numbers\n\nOutlook meeting: olk-mtg1-acme-review-key');
    const relations = (await records('EventRelation')).filter((r) => r.EventId === first.id);
    expect(relations.filter((r) => r.IsParent === true).map((r) => r.RelationId)).toEqual([DEMO_CONTACTS.jane.Id, DEMO_CONTACTS.bob.Id]);

    // Moved and renamed in Outlook: the same key, so the same Event, updated; no second relation row either.
    const moved = { ...meeting, subject: 'Acme review (moved)', start: '2026-12-03T10:00:00.000Z', end: '2026-12-03T11:00:00.000Z' };
    const second = await executeSaveMeeting(api, moved);
    expect(second).toEqual({ id: first.id, adopted: true });
    const events = await records('Event');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ Subject: 'Acme review (moved)', StartDateTime: '2026-12-03T10:00:00.000+0000', DurationInMinutes: 60 });
    expect((await records('EventRelation')).filter((r) => r.EventId === first.id)).toHaveLength(3);
  });

  it('without Shared Activities names the primary contact only', async () => {
    org.controls.setPolicy({ sharedActivities: false });
    const saved = await executeSaveMeeting(api, meeting);
    expect((await records('Event'))[0]).toMatchObject({ Id: saved.id, WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_OPPORTUNITIES.acmeWidgets.Id });
    expect(await records('EventRelation')).toEqual([]);
  });

  it('on a lead: no WhatId and no other people', async () => {
    const saved = await executeSaveMeeting(api, { ...meeting, peopleIds: [DEMO_LEADS.tom.Id, DEMO_CONTACTS.jane.Id] });
    expect((await records('Event'))[0]).toMatchObject({ Id: saved.id, WhoId: DEMO_LEADS.tom.Id, WhatId: null });
    expect((await records('EventRelation')).map((r) => r.RelationId)).toEqual([DEMO_LEADS.tom.Id]);
  });

  it('another key (the next occurrence) is another Event', async () => {
    await executeSaveMeeting(api, meeting);
    await executeSaveMeeting(api, { ...meeting, meetingKey: 'olk-mtg1-next-occurrence' });
    expect(await records('Event')).toHaveLength(2);
  });
});

describe('saved meeting in the people lookup', () => {
  it('comes in the same one request as the people, and is read again after a save', async () => {
    const directory = createPeopleDirectory(api);
    const input = { addresses: ['jane.doe@acme.example', 'bob.lee@acme.example'], savedMeeting: { meetingKey: meeting.meetingKey } };
    let mark = await logMark(org.url);
    const before = await directory.lookup('owner', input);
    expect(before.savedMeeting).toBeNull();
    expect(before.byAddress.get('jane.doe@acme.example')?.contacts[0]?.id).toBe(DEMO_CONTACTS.jane.Id);
    expect(await restCallsSince(org.url, mark)).toHaveLength(1);

    const saved = await executeSaveMeeting(api, meeting);
    directory.forgetSavedMeeting?.('owner', meeting.meetingKey);
    mark = await logMark(org.url);
    const after = await directory.lookup('owner', input);
    expect(await restCallsSince(org.url, mark)).toHaveLength(1);
    expect(after.savedMeeting).toMatchObject({ id: saved.id, subject: 'Acme quarterly review', createdByName: 'Sam Seller' });
    expect(meetingChangedSince(after.savedMeeting!, meeting)).toBe(false);
    expect(meetingChangedSince(after.savedMeeting!, { ...meeting, start: '2026-12-01T16:00:00.000Z' })).toBe(true);

    mark = await logMark(org.url);
    await directory.lookup('owner', input);
    expect(await restCallsSince(org.url, mark)).toHaveLength(0);
  });
});

describe('save meeting with an External ID field on Event (config.json externalIdFields.Event)', () => {
  it('upserts by the meeting key: one Event, updated when moved, and the lookup finds it by the field', async () => {
    const { tokens, identity } = await signIn(org.url);
    const keyed = connectionFor(org.url, {}, { externalIdFields: { Event: 'Outlook_Key__c' } });
    await keyed.start(tokens, identity);
    const first = await executeSaveMeeting(keyed, meeting);
    expect(first.adopted).toBe(false);
    const moved = await executeSaveMeeting(keyed, { ...meeting, start: '2026-12-02T15:00:00.000Z', end: '2026-12-02T16:00:00.000Z' });
    expect(moved).toEqual({ id: first.id, adopted: true });
    const saved = await records('Event');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ Outlook_Key__c: meeting.meetingKey, DurationInMinutes: 60 });

    const mark = await logMark(org.url);
    const view = await createPeopleDirectory(keyed).lookup('owner', { addresses: ['jane.doe@acme.example'], savedMeeting: { meetingKey: meeting.meetingKey } });
    expect(view.savedMeeting?.id).toBe(first.id);
    expect(await restCallsSince(org.url, mark)).toHaveLength(1);
    keyed.dispose();
  });
});
