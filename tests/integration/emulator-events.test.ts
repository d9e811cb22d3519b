/**
 * Event and EventRelation in the emulated org, through real jsforce over HTTPS: the time rules, length limits,
 * WhoId/WhatId rules, and the relations Shared Activities adds (on) or refuses (off).
 */
import { describe, expect, it } from 'vitest';
import { caught, useEmulatedOrg, useJsforceSeller } from './emulated-org-fixture';
import { DEMO_ACCOUNTS, DEMO_CASES, DEMO_CONTACTS, DEMO_LEADS, DEMO_OPPORTUNITIES } from '../emulator/seed';

const org = useEmulatedOrg();
const seller = useJsforceSeller(org);

const START = '2026-12-01T15:00:00.000Z';
const END = '2026-12-01T15:45:00.000Z';

async function createEvent(fields: Record<string, unknown>): Promise<string> {
  const result = (await seller.sobject('Event').create({ Subject: 'Kick-off', StartDateTime: START, EndDateTime: END, ...fields })) as { id: string };
  return result.id;
}

async function relations(eventId: string): Promise<Array<Record<string, unknown>>> {
  const result = await seller.query<Record<string, unknown>>(`SELECT RelationId, IsParent, IsInvitee, IsWhat FROM EventRelation WHERE EventId = '${eventId}'`);
  return result.records.map(({ attributes: _attributes, ...rest }) => rest);
}

describe('Event', () => {
  it('derives duration, activity date and account from start, end and the related records', async () => {
    const id = await createEvent({ WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_OPPORTUNITIES.acmeWidgets.Id, Location: 'Room 1' });
    const event = await seller.sobject('Event').retrieve(id);
    expect(event).toMatchObject({
      DurationInMinutes: 45,
      StartDateTime: '2026-12-01T15:00:00.000+0000',
      EndDateTime: '2026-12-01T15:45:00.000+0000',
      ActivityDateTime: '2026-12-01T15:00:00.000+0000',
      ActivityDate: '2026-12-01',
      IsAllDayEvent: false,
      AccountId: DEMO_ACCOUNTS.acme.Id,
    });
  });

  it('needs a start, and an end or a duration that agree, within 14 days', async () => {
    expect((await caught(seller.sobject('Event').create({ Subject: 'x', EndDateTime: END }))).errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect((await caught(seller.sobject('Event').create({ Subject: 'x', StartDateTime: START }))).errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect((await caught(createEvent({ DurationInMinutes: 30 }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect((await caught(createEvent({ EndDateTime: '2026-12-01T14:00:00.000Z' }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect((await caught(createEvent({ EndDateTime: '2026-12-16T15:00:00.000Z' }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    const byDuration = (await seller.sobject('Event').create({ Subject: 'x', StartDateTime: START, DurationInMinutes: 30 })) as { id: string };
    expect((await seller.sobject('Event').retrieve(byDuration.id)).EndDateTime).toBe('2026-12-01T15:30:00.000+0000');
    const allDay = (await seller.sobject('Event').create({ Subject: 'x', StartDateTime: START, IsAllDayEvent: true })) as { id: string };
    expect((await seller.sobject('Event').retrieve(allDay.id)).DurationInMinutes).toBe(1440);
  });

  it('keeps the duration when an update moves the start', async () => {
    const id = await createEvent({});
    await seller.sobject('Event').update({ Id: id, StartDateTime: '2026-12-02T09:00:00.000Z' });
    expect(await seller.sobject('Event').retrieve(id)).toMatchObject({ EndDateTime: '2026-12-02T09:45:00.000+0000', DurationInMinutes: 45 });
  });

  it('refuses a subject or location over 255 characters, a lead with a WhatId, and a WhoId that is not a person', async () => {
    const long = await caught(createEvent({ Location: 'x'.repeat(256) }));
    expect(long.errorCode).toBe('STRING_TOO_LONG');
    expect((await caught(createEvent({ Subject: 'y'.repeat(256) }))).errorCode).toBe('STRING_TOO_LONG');
    expect((await caught(createEvent({ WhoId: DEMO_LEADS.tom.Id, WhatId: DEMO_ACCOUNTS.acme.Id }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect((await caught(createEvent({ WhoId: DEMO_ACCOUNTS.acme.Id }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });
});

describe('Event: what it is related to', () => {
  it('relates to any record that is not a person by WhatId (a case, a custom object) and refuses a person there', async () => {
    const onCase = await createEvent({ WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_CASES.acmeOutage.Id });
    // Object Reference, Event AccountId: a WhatId other than an account, opportunity or contract gives the contact's.
    expect(await seller.sobject('Event').retrieve(onCase)).toMatchObject({ WhatId: DEMO_CASES.acmeOutage.Id, AccountId: DEMO_ACCOUNTS.acme.Id });
    const project = (await seller.sobject('Project__c').create({ Name: 'Rollout', Account__c: DEMO_ACCOUNTS.acme.Id })) as { id: string };
    const onProject = await createEvent({ WhatId: project.id });
    expect((await seller.sobject('Event').retrieve(onProject)).WhatId).toBe(project.id);

    const person = await caught(createEvent({ WhatId: DEMO_CONTACTS.jane.Id }));
    expect(person.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(person.message).toBe(`What ID: id value of incorrect type: ${DEMO_CONTACTS.jane.Id}`);
    expect((await caught(seller.sobject('Event').update({ Id: onCase, WhatId: DEMO_LEADS.tom.Id }))).errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });
});

describe('EventRelation with Shared Activities on', () => {
  it("keeps the WhoId's and WhatId's relations and adds up to 50 contacts", async () => {
    const id = await createEvent({ WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_ACCOUNTS.acme.Id });
    expect(await relations(id)).toEqual(
      expect.arrayContaining([
        { RelationId: DEMO_CONTACTS.jane.Id, IsParent: true, IsInvitee: false, IsWhat: false },
        { RelationId: DEMO_ACCOUNTS.acme.Id, IsParent: false, IsInvitee: false, IsWhat: true },
      ]),
    );
    await seller.sobject('EventRelation').create({ EventId: id, RelationId: DEMO_CONTACTS.bob.Id, IsParent: true, IsInvitee: false });
    const duplicate = await caught(seller.sobject('EventRelation').create({ EventId: id, RelationId: DEMO_CONTACTS.bob.Id, IsParent: true, IsInvitee: false }));
    expect(duplicate.errorCode).toBe('DUPLICATE_VALUE');
    const lead = await caught(seller.sobject('EventRelation').create({ EventId: id, RelationId: DEMO_LEADS.tom.Id, IsParent: true, IsInvitee: false }));
    expect(lead.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(await relations(id)).toHaveLength(3);

    await seller.sobject('Event').update({ Id: id, WhoId: DEMO_CONTACTS.priya.Id, WhatId: DEMO_OPPORTUNITIES.acmeWidgets.Id });
    const after = await relations(id);
    expect(after.map((r) => r.RelationId).sort()).toEqual([DEMO_CONTACTS.bob.Id, DEMO_CONTACTS.priya.Id, DEMO_OPPORTUNITIES.acmeWidgets.Id].sort());

    await seller.sobject('Event').destroy(id);
    expect(await relations(id)).toEqual([]);
  });
});

describe('EventRelation with Shared Activities off', () => {
  it('holds invitees only: no relation for the WhoId, and a related person is refused', async () => {
    org.controls.setPolicy({ sharedActivities: false });
    const id = await createEvent({ WhoId: DEMO_CONTACTS.jane.Id });
    expect(await relations(id)).toEqual([]);
    const parent = await caught(seller.sobject('EventRelation').create({ EventId: id, RelationId: DEMO_CONTACTS.bob.Id, IsParent: true, IsInvitee: false }));
    expect(parent.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    await seller.sobject('EventRelation').create({ EventId: id, RelationId: DEMO_CONTACTS.bob.Id });
    expect(await relations(id)).toEqual([{ RelationId: DEMO_CONTACTS.bob.Id, IsParent: false, IsInvitee: true, IsWhat: false }]);
  });
});
