/**
 * Creating a contact through the outbox and the real connection wrapper (real jsforce over loopback HTTP) against the
 * emulated org's Contact duplicate rule (Alert, on Email): the entry fails with the matching contact named; "Use this
 * one" resolves it with that contact and creates nothing; "Save anyway" sends the duplicate-rule header, on a create
 * and on an upsert by the entry's key (an org with an External ID field on Contact).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONTACTS } from '../emulator/seed';
import { useEmulatedOrg } from './emulated-org-fixture';
import { connectionFor, signIn } from './connection-fixture';
import { createOutbox } from '../../src/salesforce/outbox/create-outbox';
import { outboxOwnerOf, type CreateContactAction, type Outbox, type OutboxEntry, type OutboxOwner } from '../../src/salesforce/outbox/outbox';
import { duplicateRefusalOf } from '../../src/salesforce/duplicate-refusal';
import type { SalesforceConnection } from '../../src/salesforce/connection/salesforce-connection';

const org = useEmulatedOrg();
const online = { isOnline: () => true, subscribe: () => () => {} };
const jane = DEMO_CONTACTS.jane;
const action: CreateContactAction = { type: 'create_contact', clientKey: 'ck-dup', fields: { FirstName: 'Jane', LastName: 'Doe-Again', Email: jane.Email }, label: 'Jane Doe-Again' };

let pane: { api: SalesforceConnection; outbox: Outbox; owner: OutboxOwner } | undefined;
afterEach(() => {
  pane?.outbox.close();
  pane?.api.dispose();
  pane = undefined;
});

async function openPane(externalIds = false): Promise<{ outbox: Outbox; owner: OutboxOwner }> {
  const { tokens, identity } = await signIn(org.url);
  const api = connectionFor(org.url, {}, externalIds ? { externalIdFields: { Contact: 'Outlook_Key__c' } } : {});
  await api.start(tokens, identity);
  const outbox = createOutbox({ api, indexedDB: new IDBFactory(), onlineState: online });
  const owner = outboxOwnerOf(identity);
  outbox.resume(owner);
  pane = { api, outbox, owner };
  return pane;
}

async function settled(outbox: Outbox, owner: OutboxOwner, status: OutboxEntry['status']): Promise<OutboxEntry> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [entry] = await outbox.list(owner);
    if (entry?.status === status) return entry;
    if (Date.now() > deadline) throw new Error(JSON.stringify([entry?.status, entry?.failure]));
    await new Promise((r) => setTimeout(r, 20));
  }
}

const janes = () => org.controls.records('Contact').filter((c) => c.Email === jane.Email);
const contactWrites = () =>
  org.controls
    .log()
    .filter((e) => e.area === 'rest' && e.path.includes('/sobjects/Contact') && e.method !== 'GET')
    .map((e) => `${e.method} ${e.status}`);

describe('create contact against the duplicate rule', () => {
  it('the entry fails with the matching contact named; "Use this one" resolves it with that contact, nothing created', async () => {
    const { outbox, owner } = await openPane();
    await outbox.enqueue(owner, action);
    const failed = await settled(outbox, owner, 'failed');
    expect(failed.failure).toMatchObject({ kind: 'validation', code: 'DUPLICATES_DETECTED' });
    expect(duplicateRefusalOf(failed.failure)).toEqual({
      allowSave: true,
      rule: 'Standard_Contact_Duplicate_Rule',
      records: [{ sobject: 'Contact', id: jane.Id, name: 'Jane Doe', email: jane.Email }],
    });

    await outbox.retry(owner, failed.id, { ...action, useExistingId: jane.Id });
    const done = await settled(outbox, owner, 'done');
    expect(done.result).toEqual({ sobject: 'Contact', id: jane.Id, adopted: true });
    expect(janes()).toHaveLength(1);
    expect(contactWrites()).toEqual(['POST 400']);
  });

  it('"Save anyway" creates the contact with the duplicate-rule header, once', async () => {
    const { outbox, owner } = await openPane();
    await outbox.enqueue(owner, action);
    const failed = await settled(outbox, owner, 'failed');
    await outbox.retry(owner, failed.id, { ...action, allowDuplicates: true });
    const done = await settled(outbox, owner, 'done');
    expect(done.result).toMatchObject({ sobject: 'Contact', adopted: false });
    expect(
      janes()
        .map((c) => c.LastName)
        .sort(),
    ).toEqual(['Doe', 'Doe-Again']);
    expect(contactWrites()).toEqual(['POST 400', 'POST 201']);
  });

  it('with an External ID on Contact: the upsert meets the rule too, and "Save anyway" upserts past it', async () => {
    const { outbox, owner } = await openPane(true);
    const entry = await outbox.enqueue(owner, action);
    const failed = await settled(outbox, owner, 'failed');
    expect(duplicateRefusalOf(failed.failure)?.records.map((r) => r.id)).toEqual([jane.Id]);
    await outbox.retry(owner, failed.id, { ...action, allowDuplicates: true });
    const done = await settled(outbox, owner, 'done');
    expect(done.result).toMatchObject({ sobject: 'Contact', adopted: false });
    expect(janes().find((c) => c.Id === done.result?.id)).toMatchObject({ LastName: 'Doe-Again', Outlook_Key__c: entry.id });
    expect(contactWrites()).toEqual(['PATCH 400', 'PATCH 201']);
  });
});
