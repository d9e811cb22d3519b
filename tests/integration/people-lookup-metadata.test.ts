/**
 * The people lookup shaped by the org's metadata and the admin's configuration, through the real connection against
 * the emulated org: one request per email with the describes inside (304 once cached, across sessions), field-level
 * security never breaking the query, custom email fields matched, extra card fields labelled, amounts with their
 * currency in a multi-currency org.
 */
import { describe, expect, it } from 'vitest';
import { parseCrmConfig } from '../../src/config/crm-config';
import { createPeopleDirectory } from '../../src/salesforce/crm/people-directory';
import { createMemoryMetadataCache } from '../../src/salesforce/metadata/metadata-cache';
import { createMetadataSource } from '../../src/salesforce/metadata/metadata-source';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_USERS } from '../emulator/seed';
import { connectionFor, logMark, restCallsSince, signIn } from './connection-fixture';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

const addresses = ['jane.doe@acme.example', 'tom.nguyen@initech.example', 'priya.raman@home.example'];
const crm = parseCrmConfig({
  objects: { Contact: { cardFields: ['Title', 'Phone', 'Department', 'MailingCity'] } },
  matchEmailFields: { Contact: ['Personal_Email__c'], Lead: ['Personal_Email__c'] },
});

describe('people lookup from metadata', () => {
  it('the first email of a seller with no metadata yet: the describes, then the people; later sessions: ONE request, describes inside', async () => {
    const cache = createMemoryMetadataCache();
    const mark = await logMark(org.url);
    const first = await createPeopleDirectory(api, { metadata: createMetadataSource(api, { cache }), crm }).lookup('owner', { addresses });
    expect((await restCallsSince(org.url, mark)).map((c) => c.path)).toEqual(['/services/data/v62.0/composite', '/services/data/v62.0/composite']);
    expect(first.requests).toBe(2);
    // The admin's extra fields, labelled from describe; the custom email field found Priya.
    const jane = first.byAddress.get('jane.doe@acme.example')?.contacts[0];
    expect(jane?.details?.map((d) => d.label)).toEqual(['Department', 'Mailing City']);
    expect(first.byAddress.get('priya.raman@home.example')?.contacts[0]?.id).toBe(DEMO_CONTACTS.priya.Id);

    // Another session (a new pane) with the persisted metadata: still one request.
    const next = await createPeopleDirectory(api, { metadata: createMetadataSource(api, { cache }), crm }).lookup('owner', { addresses });
    expect(next.requests).toBe(1);
    expect((await restCallsSince(org.url, mark)).length).toBe(3);
    expect(next.byAddress.get('jane.doe@acme.example')?.contacts[0]?.details).toEqual(jane?.details);
  });

  it('a second seller without read access to Phone: no error, no phone, the rest as usual', async () => {
    org.controls.setPolicy({ fieldPermissions: [{ username: DEMO_USERS.second.username, field: 'Contact.Phone', access: 'none' }] });
    const { tokens, identity } = await signIn(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    const second = connectionFor(org.url);
    await second.start(tokens, identity);
    const view = await createPeopleDirectory(second, { metadata: createMetadataSource(second), crm }).lookup('second', { addresses });
    const jane = view.byAddress.get('jane.doe@acme.example')?.contacts[0];
    expect(jane).toMatchObject({ name: 'Jane Doe', title: 'VP Procurement', phone: null });
    // The seller still sees it.
    const seller = await createPeopleDirectory(api, { metadata: createMetadataSource(api), crm }).lookup('owner', { addresses });
    expect(seller.byAddress.get('jane.doe@acme.example')?.contacts[0]?.phone).toBe(DEMO_CONTACTS.jane.Phone);
  });

  it('a field hidden after the metadata was cached: the lookup corrects itself with one more request, never an error', async () => {
    const cache = createMemoryMetadataCache();
    await createPeopleDirectory(api, { metadata: createMetadataSource(api, { cache }), crm }).lookup('owner', { addresses });
    org.controls.setPolicy({ fieldPermissions: [{ username: DEMO_USERS.seller.username, field: 'Contact.Department', access: 'none' }] });
    const view = await createPeopleDirectory(api, { metadata: createMetadataSource(api, { cache }), crm }).lookup('owner', { addresses });
    expect(view.requests).toBe(2);
    expect(view.byAddress.get('jane.doe@acme.example')?.contacts[0]?.details?.map((d) => d.name)).toEqual(['MailingCity']);
  });

  it('multi-currency: open opportunities carry their currency', async () => {
    org.controls.setPolicy({ multiCurrency: true });
    const cache = createMemoryMetadataCache();
    // Metadata first (a pane that has it cached), then the email.
    await createMetadataSource(api, { cache }).describeMany(['Contact', 'Lead', 'Account', 'Opportunity']);
    const view = await createPeopleDirectory(api, { metadata: createMetadataSource(api, { cache }), crm }).lookup('owner', { addresses });
    const opportunities = view.accountsById.get(DEMO_ACCOUNTS.acme.Id)?.openOpportunities ?? [];
    expect(opportunities.map((o) => [o.name, o.currencyIsoCode]).sort()).toEqual([
      ['Acme - 500 Widgets', 'USD'],
      ['Acme - Support Renewal', 'EUR'],
    ]);
  });
});
