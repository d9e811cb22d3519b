/**
 * Save meeting linked to a record found by search, through the real connection wrapper against the emulated org:
 * any record that is not a person becomes the Event's WhatId (a case, the admin's custom object), a contact or lead
 * goes where Salesforce puts people, and saving a moved meeting again keeps the link unless the seller picked another.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CASES, DEMO_CONTACTS, DEMO_OPPORTUNITIES } from '../emulator/seed';
import { emulatorRecords, useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';
import { connectionFor, signIn } from './connection-fixture';
import { executeSaveMeeting } from '../../src/salesforce/crm/save-meeting';
import { executeOutboxAction } from '../../src/salesforce/outbox/outbox-executors';
import type { SaveMeetingAction } from '../../src/salesforce/outbox/outbox';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

const records = (sobject: string) => emulatorRecords(org, sobject);

const meeting: SaveMeetingAction = {
  type: 'save_meeting',
  meetingKey: 'olk-mtg1-linked-key',
  subject: 'Outage follow-up',
  start: '2026-12-01T15:00:00.000Z',
  end: '2026-12-01T15:45:00.000Z',
  location: 'Room 4',
  descriptionExcerpt: 'Root cause',
  peopleIds: [DEMO_CONTACTS.jane.Id, DEMO_CONTACTS.bob.Id],
  linked: { sobject: 'Case', id: DEMO_CASES.acmeOutage.Id },
  label: 'Outage follow-up',
};
const moved = { start: '2026-12-02T09:00:00.000Z', end: '2026-12-02T10:00:00.000Z' };

describe('save meeting linked to a record found by search', () => {
  it('relates the Event to the case; moved and saved again without a pick, it keeps the case; another pick replaces it', async () => {
    const first = await executeOutboxAction(api, meeting, { mayHaveLanded: false, key: 'entry-1' });
    expect((await records('Event'))[0]).toMatchObject({ Id: first.id, WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_CASES.acmeOutage.Id, AccountId: DEMO_ACCOUNTS.acme.Id });
    const relations = (await records('EventRelation')).filter((r) => r.EventId === first.id);
    expect(relations.find((r) => r.IsWhat === true)?.RelationId).toBe(DEMO_CASES.acmeOutage.Id);

    const { linked: _linked, ...noPick } = meeting;
    expect(await executeSaveMeeting(api, { ...noPick, ...moved })).toEqual({ id: first.id, adopted: true });
    expect((await records('Event'))[0]).toMatchObject({ StartDateTime: '2026-12-02T09:00:00.000+0000', WhatId: DEMO_CASES.acmeOutage.Id });

    await executeSaveMeeting(api, { ...noPick, ...moved, whatId: DEMO_OPPORTUNITIES.acmeWidgets.Id });
    const events = await records('Event');
    expect(events).toHaveLength(1);
    expect(events[0]?.WhatId).toBe(DEMO_OPPORTUNITIES.acmeWidgets.Id);
  });

  it("relates the Event to the admin's custom object", async () => {
    const project = await api.create('Project__c', { Name: 'Rollout', Account__c: DEMO_ACCOUNTS.acme.Id });
    const saved = await executeSaveMeeting(api, { ...meeting, linked: { sobject: 'Project__c', id: project.id } });
    expect((await records('Event'))[0]).toMatchObject({ Id: saved.id, WhatId: project.id });
  });

  it('a linked contact is the WhoId, the other people related with Shared Activities', async () => {
    const saved = await executeSaveMeeting(api, { ...meeting, peopleIds: [DEMO_CONTACTS.jane.Id], linked: { sobject: 'Contact', id: DEMO_CONTACTS.bob.Id } });
    expect((await records('Event'))[0]).toMatchObject({ Id: saved.id, WhoId: DEMO_CONTACTS.bob.Id, WhatId: null });
    const parents = (await records('EventRelation')).filter((r) => r.EventId === saved.id && r.IsParent === true).map((r) => r.RelationId);
    expect(parents.sort()).toEqual([DEMO_CONTACTS.bob.Id, DEMO_CONTACTS.jane.Id].sort());
  });

  it('with an External ID field on Event, the upsert keeps the link on a move too', async () => {
    const { tokens, identity } = await signIn(org.url);
    const keyed = connectionFor(org.url, {}, { externalIdFields: { Event: 'Outlook_Key__c' } });
    await keyed.start(tokens, identity);
    const first = await executeSaveMeeting(keyed, meeting);
    const { linked: _linked, ...noPick } = meeting;
    expect(await executeSaveMeeting(keyed, { ...noPick, ...moved })).toEqual({ id: first.id, adopted: true });
    expect((await records('Event'))[0]).toMatchObject({ DurationInMinutes: 60, WhatId: DEMO_CASES.acmeOutage.Id });
    keyed.dispose();
  });
});
