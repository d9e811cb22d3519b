/**
 * Exactly-once writes over real HTTP: the emulated org's upsert by External ID (REST API Developer Guide, "Insert or
 * Update (Upsert) a Record Using an External ID"), and the product's outbox, connection wrapper and CRM writes, with
 * real jsforce, meeting a write that Salesforce committed but never answered.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/salesforce/outbox/create-outbox';
import { outboxOwnerOf, type CreateContactAction, type LogFollowUpAction, type Outbox, type OutboxEntry, type OutboxOwner } from '../../src/salesforce/outbox/outbox';
import type { SalesforceConnection } from '../../src/salesforce/connection/salesforce-connection';
import { DEMO_CONTACTS, DEMO_USERS } from '../emulator/seed';
import { useEmulatedOrg } from './emulated-org-fixture';
import { signInByHttp } from '../emulator/sign-in';
import { connectionFor, signIn } from './connection-fixture';

const org = useEmulatedOrg();
let token: string;

beforeEach(async () => {
  token = (await signInByHttp(org.url)).access_token;
});

const rest = (method: string, path: string, body?: unknown) =>
  fetch(`${org.url}/services/data/v62.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const withKey = (sobject: string, key: string) => org.controls.records(sobject).filter((r) => typeof r.Outlook_Key__c === 'string' && r.Outlook_Key__c.toLowerCase() === key.toLowerCase());

describe('emulated org: upsert by External ID', () => {
  it('creates (201, created: true), then updates the same record (200, created: false)', async () => {
    const first = await rest('PATCH', '/sobjects/Contact/Outlook_Key__c/key-1', { LastName: 'Upsert', Email: 'upsert.one@acme.example' });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; success: boolean; errors: unknown[]; created: boolean };
    expect(created).toEqual({ id: expect.stringMatching(/^003/), success: true, errors: [], created: true });
    expect(first.headers.get('location')).toBe(`/services/data/v62.0/sobjects/Contact/${created.id}`);

    const second = await rest('PATCH', '/sobjects/Contact/Outlook_Key__c/KEY-1', { Title: 'Buyer' });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ id: created.id, success: true, errors: [], created: false });
    const records = withKey('Contact', 'key-1');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ Id: created.id, LastName: 'Upsert', Title: 'Buyer', CreatedById: DEMO_USERS.seller.id });
    // describe names the field an External ID, as an admin would see it.
    for (const sobject of ['Task', 'Contact']) {
      const described = (await (await rest('GET', `/sobjects/${sobject}/describe`)).json()) as { fields: Array<{ name: string; externalId: boolean }> };
      expect(described.fields.find((f) => f.name === 'Outlook_Key__c')?.externalId).toBe(true);
      expect(described.fields.find((f) => f.name === 'Subject' || f.name === 'LastName')?.externalId).toBe(false);
    }
  });

  it('answers 300 with the matching records when the key is not unique, and writes nothing', async () => {
    for (const name of ['One', 'Two']) {
      expect((await rest('POST', '/sobjects/Task', { Subject: name, Outlook_Key__c: 'shared' })).status).toBe(201);
    }
    const answer = await rest('PATCH', '/sobjects/Task/Outlook_Key__c/shared', { Subject: 'Three' });
    expect(answer.status).toBe(300);
    const urls = (await answer.json()) as string[];
    expect(urls).toHaveLength(2);
    for (const url of urls) expect(url).toMatch(/^\/services\/data\/v62\.0\/sobjects\/Task\/00T/);
    expect(
      withKey('Task', 'shared')
        .map((r) => r.Subject)
        .sort(),
    ).toEqual(['One', 'Two']);
  });

  it('refuses a field that is not an External ID (404 NOT_FOUND) and a body carrying the key field or Id (400)', async () => {
    const notExternal = await rest('PATCH', '/sobjects/Task/Subject/hello', { Status: 'Completed' });
    expect(notExternal.status).toBe(404);
    expect(await notExternal.json()).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    const carriesKey = await rest('PATCH', '/sobjects/Task/Outlook_Key__c/k2', { Subject: 'x', Outlook_Key__c: 'k2' });
    expect(carriesKey.status).toBe(400);
    expect(((await carriesKey.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe('INVALID_FIELD');
    expect(withKey('Task', 'k2')).toEqual([]);
  });

  it('hangNext afterCommit: the write is in the org, its answer never comes', async () => {
    org.controls.hangNext({ pathPrefix: '/services/data/v62.0/sobjects/Task', afterCommit: true });
    const outcome = await fetch(`${org.url}/services/data/v62.0/sobjects/Task/Outlook_Key__c/k3`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Subject: 'Committed' }),
      signal: AbortSignal.timeout(300),
    }).then(
      (response) => `answered ${response.status}`,
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    );
    expect(outcome).toBe('TimeoutError');
    expect(withKey('Task', 'k3').map((r) => r.Subject)).toEqual(['Committed']);
    expect(
      org.controls
        .log()
        .filter((e) => e.method === 'PATCH')
        .map((e) => e.status),
    ).toEqual([201]);
  });
});

const alwaysOnline = { isOnline: () => true, subscribe: () => () => {} };
const EXTERNAL_ID_FIELDS = { Task: 'Outlook_Key__c', Contact: 'Outlook_Key__c' } as const;

async function until(outbox: Outbox, owner: OutboxOwner, predicate: (entries: OutboxEntry[]) => boolean): Promise<OutboxEntry[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const entries = await outbox.list(owner);
    if (predicate(entries)) return entries;
    if (Date.now() > deadline) throw new Error(`outbox never settled: ${JSON.stringify(entries.map((e) => [e.status, e.waitingFor, e.failure?.kind]))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('outbox: a write committed, then timed out, retried as an upsert, lands once', () => {
  let api: SalesforceConnection | undefined;
  let outbox: Outbox | undefined;
  afterAll(() => {
    outbox?.close();
    api?.dispose();
  });

  async function paneWithExternalIds(): Promise<{ owner: OutboxOwner }> {
    outbox?.close();
    api?.dispose();
    const { tokens, identity } = await signIn(org.url);
    api = connectionFor(org.url, {}, { requestTimeoutMs: 1_500, externalIdFields: { ...EXTERNAL_ID_FIELDS } });
    await api.start(tokens, identity);
    outbox = createOutbox({ api, indexedDB: new IDBFactory(), onlineState: alwaysOnline, backoffMs: () => 50 });
    const owner = outboxOwnerOf(identity);
    outbox.resume(owner);
    return { owner };
  }

  it('create contact: the first upsert commits and times out, the second finds it by the entry key', async () => {
    const { owner } = await paneWithExternalIds();
    const action: CreateContactAction = { type: 'create_contact', clientKey: 'ck-upsert', fields: { LastName: 'Once', Email: 'once@acme.example' }, label: 'Once' };
    org.controls.hangNext({ pathPrefix: '/services/data/v62.0/sobjects/Contact', afterCommit: true });
    const entry = await (outbox as Outbox).enqueue(owner, action);
    const [done] = await until(outbox as Outbox, owner, (e) => e[0]?.status === 'done');
    expect(done).toMatchObject({ attempts: 2, mayHaveLanded: true, result: { sobject: 'Contact', adopted: true } });
    const landed = withKey('Contact', entry.id);
    expect(landed).toHaveLength(1);
    expect(landed[0]).toMatchObject({ Id: done?.result?.id, LastName: 'Once', CreatedById: DEMO_USERS.seller.id });
    const upserts = org.controls.log().filter((e) => e.method === 'PATCH' && e.path === `/services/data/v62.0/sobjects/Contact/Outlook_Key__c/${entry.id}`);
    expect(upserts.map((e) => e.status)).toEqual([201, 200]);
  });

  it('the wrapper: several records with the key are a validation refusal (MULTIPLE_CHOICES), never retried', async () => {
    await paneWithExternalIds();
    for (const name of ['One', 'Two']) expect((await rest('POST', '/sobjects/Task', { Subject: name, Outlook_Key__c: 'dup' })).status).toBe(201);
    const failure = await (api as SalesforceConnection).upsert('Task', 'Outlook_Key__c', 'dup', { Subject: 'Three' }).then(
      () => undefined,
      (error: { failure?: { kind: string; code?: string } }) => error.failure,
    );
    expect(failure).toMatchObject({ kind: 'validation', code: 'MULTIPLE_CHOICES' });
    expect(org.controls.log().filter((e) => e.method === 'PATCH')).toHaveLength(1);
  });

  it('log follow-up: the same with a Task, no query needed', async () => {
    const { owner } = await paneWithExternalIds();
    const action: LogFollowUpAction = { type: 'log_follow_up', clientKey: 'ck-fu', subject: 'Call back', activityDate: '2025-02-03', whoId: DEMO_CONTACTS.jane.Id, label: 'Jane' };
    org.controls.hangNext({ pathPrefix: '/services/data/v62.0/sobjects/Task', afterCommit: true });
    const entry = await (outbox as Outbox).enqueue(owner, action);
    const [done] = await until(outbox as Outbox, owner, (e) => e[0]?.status === 'done');
    expect(done).toMatchObject({ attempts: 2, result: { sobject: 'Task', adopted: true } });
    expect(withKey('Task', entry.id)).toHaveLength(1);
    expect(org.controls.log().filter((e) => e.path.includes('/query')).length).toBe(0);
  });
});
