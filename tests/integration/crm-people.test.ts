/**
 * The workspace's CRM reads and writes through the real connection wrapper (real jsforce over loopback HTTP) against
 * the emulated org: one composite request for the people of an email, hostile input kept as data, save email
 * without duplicates, create contact with the org's refusals, and the outbox sending as the right user only.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_LEADS, DEMO_USERS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';
import { failureOf, logMark, restCallsSince, signIn } from './connection-fixture';
import { createPeopleDirectory } from '../../src/salesforce/crm/people-directory';
import { contactAccountsQuery, parseAccount } from '../../src/salesforce/crm/people-lookup';
import { emailTaskFields, executeSaveEmail } from '../../src/salesforce/crm/save-email';
import { contactActionOf, executeCreateContact, placeRefusal } from '../../src/salesforce/crm/create-contact';
import { createOutbox } from '../../src/salesforce/outbox/create-outbox';
import { outboxOwnerOf, type Outbox, type OutboxEntry, type OutboxOwner, type SaveEmailAction } from '../../src/salesforce/outbox/outbox';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

async function records(sobject: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${org.url}/__emulator/records/${sobject}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>[];
}

const email: SaveEmailAction = {
  type: 'save_email',
  internetMessageId: '<acme-renewal-0001@acme.example>',
  subject: 'Acme renewal: next steps',
  bodyExcerpt: 'Hi Sam,\nthanks for the call.',
  activityDate: '2025-05-12',
  whoId: DEMO_CONTACTS.jane.Id,
  whatId: DEMO_ACCOUNTS.acme.Id,
  label: 'Jane Doe',
};

/** The Tasks saved for `email` (its Message-ID is in the Description). */
async function tasksOfEmail(): Promise<Record<string, unknown>[]> {
  return (await records('Task')).filter((t) => String(t.Description ?? '').includes(email.internetMessageId));
}

describe('people lookup', () => {
  it('finds contacts, leads, accounts with open opportunities in ONE request, and none when asked again', async () => {
    const directory = createPeopleDirectory(api);
    const mark = await logMark(org.url);
    const input = {
      addresses: ['jane.doe@acme.example', 'bob.lee@acme.example', 'priya@globex.example', 'tom.nguyen@initech.example', 'newperson@acme.example'],
      savedEmail: { subject: email.subject, internetMessageId: email.internetMessageId },
    };
    const view = await directory.lookup('owner', input);
    const calls = await restCallsSince(org.url, mark);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /services/data/v62.0/composite']);

    const jane = view.byAddress.get('jane.doe@acme.example')?.contacts[0];
    expect(jane).toMatchObject({ id: DEMO_CONTACTS.jane.Id, name: 'Jane Doe', accountName: 'Acme Corporation', ownerName: 'Sam Seller' });
    expect(view.byAddress.get('tom.nguyen@initech.example')?.leads[0]).toMatchObject({ id: DEMO_LEADS.tom.Id, company: 'Initech' });
    expect(view.byAddress.get('newperson@acme.example')).toEqual({ address: 'newperson@acme.example', contacts: [], leads: [] });
    const acme = view.accountsByDomain.get('acme.example')?.[0];
    expect(acme?.id).toBe(DEMO_ACCOUNTS.acme.Id);
    expect(acme?.openOpportunities.map((o) => o.name).sort()).toEqual(['Acme - 500 Widgets', 'Acme - Support Renewal']);
    expect(view.savedEmail).toBeNull();
    // The contacts' accounts, found by the semi-join in the same request.
    expect(view.accountsById.get(DEMO_ACCOUNTS.globex.Id)?.openOpportunities.map((o) => o.stageName)).toEqual(['Qualification']);

    const again = await directory.lookup('owner', input);
    expect(again.requests).toBe(0);
    expect(await restCallsSince(org.url, mark)).toHaveLength(1);
  });

  it("the contacts' accounts come by the semi-join, whatever their website", async () => {
    const result = await api.query(contactAccountsQuery(['priya@globex.example', 'jane.doe@acme.example', 'tom.nguyen@initech.example']));
    const accounts = result.records.map(parseAccount);
    expect(accounts.map((a) => a?.name).sort()).toEqual(['Acme Corporation', 'Globex']);
    expect(accounts.find((a) => a?.name === 'Globex')?.openOpportunities.map((o) => o.name)).toEqual(['Globex - Platform Pilot']);
  });

  it('hostile addresses stay data: no injection, no error', async () => {
    const directory = createPeopleDirectory(api);
    const view = await directory.lookup('owner', {
      addresses: ["x'or'1'='1@acme.example", "o\\'brien@acme.example"],
      savedEmail: { subject: "Re: ' OR Subject != '", internetMessageId: '<x@y>' },
    });
    expect(view.byAddress.size).toBe(2);
    for (const lookup of view.byAddress.values()) expect(lookup.contacts).toEqual([]);
    expect(view.savedEmail).toBeNull();
  });
});

describe('save email', () => {
  it('creates one completed email Task linked to the contact and the account; saving again adopts it', async () => {
    // The Task path is the org without Enhanced Email (tests/integration/save-email-enhanced.test.ts covers the other).
    org.controls.setPolicy({ enhancedEmail: false });
    const first = await executeSaveEmail(api, email);
    const second = await executeSaveEmail(api, email);
    expect(first.adopted).toBe(false);
    expect(second).toEqual({ id: first.id, adopted: true });
    const tasks = await tasksOfEmail();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      Subject: 'Email: Acme renewal: next steps',
      Status: 'Completed',
      TaskSubtype: 'Email',
      WhoId: DEMO_CONTACTS.jane.Id,
      WhatId: DEMO_ACCOUNTS.acme.Id,
      ActivityDate: '2025-05-12',
      CreatedById: DEMO_USERS.seller.id,
    });

    const view = await createPeopleDirectory(api).lookup('o', { addresses: ['jane.doe@acme.example'], savedEmail: { subject: email.subject, internetMessageId: email.internetMessageId } });
    expect(view.savedEmail?.id).toBe(first.id);
  });
});

describe('create contact', () => {
  const draft = { FirstName: 'Nora', LastName: 'Newperson', Email: 'newperson@acme.example', Title: '', Phone: '', AccountId: DEMO_ACCOUNTS.acme.Id };

  it('creates the contact on the account', async () => {
    const result = await executeCreateContact(api, contactActionOf(draft, 'k', 'Nora'), { mayHaveLanded: false });
    const contact = (await records('Contact')).find((c) => c.Id === result.id);
    expect(contact).toMatchObject({ LastName: 'Newperson', Email: 'newperson@acme.example', AccountId: DEMO_ACCOUNTS.acme.Id });
  });

  it('a phone refused by the validation rule comes back on the Phone field', async () => {
    const error = await executeCreateContact(api, contactActionOf({ ...draft, Phone: '12' }, 'k', 'Nora'), { mayHaveLanded: false }).catch((e: unknown) => e);
    const failure = failureOf(error);
    expect(failure).toMatchObject({ kind: 'validation', code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' });
    expect(placeRefusal(failure)).toEqual({ fields: ['Phone'], formLevel: false });
  });

  it('a duplicate is refused at the form level; after a possible landing the existing contact is adopted', async () => {
    const duplicate = { ...draft, FirstName: 'Jane', LastName: 'Doe', Email: 'jane.doe@acme.example' };
    const failure = failureOf(await executeCreateContact(api, contactActionOf(duplicate, 'k', 'Jane'), { mayHaveLanded: false }).catch((e: unknown) => e));
    expect(failure.code).toBe('DUPLICATES_DETECTED');
    expect(placeRefusal(failure).formLevel).toBe(true);
    expect(await executeCreateContact(api, contactActionOf(duplicate, 'k', 'Jane'), { mayHaveLanded: true })).toEqual({ id: DEMO_CONTACTS.jane.Id, adopted: true });
  });
});

describe('outbox through the real connection', () => {
  async function until(outbox: Outbox, owner: OutboxOwner, done: (e: OutboxEntry[]) => boolean): Promise<OutboxEntry[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const entries = await outbox.list(owner);
      if (done(entries)) return entries;
      if (Date.now() > deadline) throw new Error(JSON.stringify(entries.map((e) => [e.status, e.waitingFor, e.failure?.kind])));
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const online = { isOnline: () => true, subscribe: () => () => {} };

  /**
   * An outbox on a fresh database for the seller signed in by beforeEach. With `timers`, a retry waits until the test
   * runs it (backoff 0), so the test decides when the org has recovered.
   */
  function sellerOutbox(timers?: (() => void)[]): { outbox: Outbox; owner: OutboxOwner } {
    const identity = api.identity();
    if (!identity) throw new Error('not signed in');
    const retries = timers && {
      schedule: (run: () => void) => {
        timers.push(run);
        return () => {};
      },
      backoffMs: () => 0,
    };
    const outbox = createOutbox({ api, indexedDB: new IDBFactory(), onlineState: online, ...retries });
    return { outbox, owner: outboxOwnerOf(identity) };
  }

  it('session expired mid-save: waits, then after signing in again it is saved exactly once', async () => {
    const { outbox, owner } = sellerOutbox();
    outbox.resume(owner);
    org.controls.revokeUser(DEMO_USERS.seller.username);
    await outbox.enqueue(owner, email);
    const [waiting] = await until(outbox, owner, (e) => e[0]?.status === 'waiting');
    expect(['bad_oauth_token', 'session_expired']).toContain(waiting?.waitingFor);

    const again = await signIn(org.url);
    await api.start(again.tokens, again.identity);
    outbox.resume(owner);
    const [done] = await until(outbox, owner, (e) => e[0]?.status === 'done');
    expect(done?.result?.sobject).toBe('Task');
    expect(await tasksOfEmail()).toHaveLength(1);
    outbox.close();
  });

  it("never sends the first user's work as the second user", async () => {
    const { outbox, owner: sam } = sellerOutbox();
    await outbox.enqueue(sam, email); // stored while nothing runs (e.g. offline, or before the pane restarted)

    const alex = await signIn(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    await api.start(alex.tokens, alex.identity);
    const alexOwner = outboxOwnerOf(alex.identity);
    outbox.resume(alexOwner);
    outbox.resume(sam); // even a wrong resume: the identity gate holds it
    const [held] = await until(outbox, sam, (e) => e[0]?.status === 'waiting');
    expect(held?.waitingFor).toBe('other_identity');
    expect(await tasksOfEmail()).toHaveLength(0);
    outbox.close();
  });

  it('rate limited: waits with a backoff, then goes once by itself when the limit is back', async () => {
    const timers: (() => void)[] = [];
    const { outbox, owner } = sellerOutbox(timers);
    org.controls.exhaustApiLimit();
    outbox.resume(owner);
    await outbox.enqueue(owner, email);
    const [waiting] = await until(outbox, owner, (e) => e[0]?.status === 'waiting');
    expect(waiting).toMatchObject({ waitingFor: 'rate_limited', mayHaveLanded: false });
    expect(timers.length).toBeGreaterThan(0);

    org.controls.setApiUsage(0);
    for (const run of timers.splice(0)) run();
    await until(outbox, owner, (e) => e[0]?.status === 'done');
    expect(await tasksOfEmail()).toHaveLength(1);
    outbox.close();
  });

  it('a gateway error after sending: the retry finds the Task that landed and adopts it (never twice)', async () => {
    const timers: (() => void)[] = [];
    const { outbox, owner } = sellerOutbox(timers);
    org.controls.failNext({ count: 1, status: 502, body: 'Bad Gateway', headers: { 'Content-Type': 'text/html' }, pathPrefix: '/services/data/v62.0/sobjects/Task' });
    outbox.resume(owner);
    await outbox.enqueue(owner, email);
    const [waiting] = await until(outbox, owner, (e) => e[0]?.status === 'waiting');
    expect(waiting).toMatchObject({ waitingFor: 'transient', mayHaveLanded: true });

    // What a gateway can hide: Salesforce did create the Task before the 502 came back.
    const landed = await api.create('Task', emailTaskFields(email));
    for (const run of timers.splice(0)) run();
    const [done] = await until(outbox, owner, (e) => e[0]?.status === 'done');
    expect(done?.result).toEqual({ sobject: 'Task', id: landed.id, adopted: true });
    expect(await tasksOfEmail()).toHaveLength(1);
    outbox.close();
  });
});
