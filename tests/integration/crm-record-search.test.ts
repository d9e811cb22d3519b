/**
 * Several matches and search-and-link through the real connection wrapper (real jsforce over loopback HTTP) against
 * the emulated org: a shared address's people in the one lookup request, a chosen lead converted since followed to
 * its contact in that same request, SOSL search in one request with hostile text kept as words, recent records.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CASES, DEMO_CONTACTS, DEMO_LEADS, DEMO_OPPORTUNITIES, DEMO_SHARED_ADDRESS, DEMO_SHARED_CONTACTS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';
import { logMark, restCallsSince } from './connection-fixture';
import { createPeopleDirectory } from '../../src/salesforce/crm/people-directory';
import { resolveChoice } from '../../src/salesforce/crm/match-choices';
import { recentRecords, searchObjectsOf, searchRecords } from '../../src/salesforce/crm/record-search';

const org = useEmulatedOrg();
const api = useSellerConnection(org);
const objects = searchObjectsOf(undefined);

describe('several matches', () => {
  it('a shared address: two contacts and a lead, in ONE request', async () => {
    const mark = await logMark(org.url);
    const view = await createPeopleDirectory(api).lookup('owner', { addresses: [DEMO_SHARED_ADDRESS] });
    expect((await restCallsSince(org.url, mark)).map((c) => c.path)).toEqual(['/services/data/v62.0/composite']);
    const found = view.byAddress.get(DEMO_SHARED_ADDRESS);
    expect(found?.contacts.map((c) => c.id).sort()).toEqual([DEMO_SHARED_CONTACTS.alexBuyer.Id, DEMO_SHARED_CONTACTS.alexFinance.Id].sort());
    expect(found?.leads.map((l) => l.id)).toEqual([DEMO_LEADS.alexLead.Id]);
    expect(found && resolveChoice(found, undefined, view.convertedLeads).kind).toBe('unchosen');
  });

  it('a chosen lead converted since is followed to its contact, in the same ONE request', async () => {
    const mark = await logMark(org.url);
    const address = 'jane.doe@acme.example';
    const view = await createPeopleDirectory(api).lookup('owner', {
      addresses: [address, DEMO_SHARED_ADDRESS],
      followLeads: [DEMO_LEADS.janeConverted.Id, DEMO_LEADS.alexLead.Id],
      savedEmail: { subject: 'Hi', internetMessageId: '<x@y.example>' },
    });
    expect((await restCallsSince(org.url, mark)).map((c) => c.path)).toEqual(['/services/data/v62.0/composite']);
    expect(view.convertedLeads).toEqual(new Map([[DEMO_LEADS.janeConverted.Id, DEMO_CONTACTS.jane.Id]]));
    // The converted lead is not a card of its own; the unconverted one still is.
    expect(view.byAddress.get(address)?.leads).toEqual([]);
    expect(view.byAddress.get(DEMO_SHARED_ADDRESS)?.leads.map((l) => l.id)).toEqual([DEMO_LEADS.alexLead.Id]);
    const jane = view.byAddress.get(address);
    const several = jane && { ...jane, contacts: [...jane.contacts, { ...jane.contacts[0]!, id: DEMO_SHARED_CONTACTS.alexBuyer.Id }] };
    expect(several && resolveChoice(several, { id: DEMO_LEADS.janeConverted.Id, kind: 'lead' }, view.convertedLeads)).toMatchObject({
      kind: 'chosen',
      chosen: { id: DEMO_CONTACTS.jane.Id },
      followedFrom: DEMO_LEADS.janeConverted.Id,
    });
  });
});

describe('search and link', () => {
  it('finds accounts, opportunities and cases in ONE request, prefix words matching', async () => {
    const mark = await logMark(org.url);
    const found = await searchRecords(api, 'acm', objects);
    expect((await restCallsSince(org.url, mark)).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /services/data/v62.0/search']);
    expect(found.filter((r) => r.sobject === 'Opportunity').map((r) => r.id)).toContain(DEMO_OPPORTUNITIES.acmeWidgets.Id);
    expect(found.find((r) => r.id === DEMO_ACCOUNTS.acme.Id)).toMatchObject({ sobject: 'Account', name: 'Acme Corporation' });
    expect(found.find((r) => r.id === DEMO_CONTACTS.jane.Id)).toMatchObject({ sobject: 'Contact', detail: 'Acme Corporation' });
    const cases = await searchRecords(api, 'outage', objects);
    expect(cases).toEqual([{ sobject: 'Case', id: DEMO_CASES.acmeOutage.Id, name: '00001001', detail: 'Widget line outage' }]);
  });

  it('hostile or reserved characters stay words: no refusal from Salesforce', async () => {
    for (const text of ["o'brien & co", '{acme}', 'AND OR NOT acme', 'a-b (c) [d] ^~:+!|"', 'back\\slash acme']) {
      await expect(searchRecords(api, text, objects)).resolves.toBeInstanceOf(Array);
    }
  });

  it("recent records: the seller's own, newest first", async () => {
    const recent = await recentRecords(api, objects);
    expect(recent.map((r) => r.id)).toEqual([DEMO_OPPORTUNITIES.acmeWidgets.Id, DEMO_ACCOUNTS.acme.Id, DEMO_CASES.acmeOutage.Id, DEMO_CONTACTS.priya.Id]);
  });
});
