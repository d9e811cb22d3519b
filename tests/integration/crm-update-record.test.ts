/**
 * Editing key fields through the product's outbox and connection wrapper, with real jsforce against the emulated
 * org: the validation rule's refusal lands on its field, a change made meanwhile is a conflict with the current values
 * and overwrites nothing, the If-Unmodified-Since header reaches Salesforce and its 412 keeps its status, and the
 * same edit sent twice writes once.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/salesforce/outbox/create-outbox';
import { outboxOwnerOf, type Outbox, type OutboxEntry, type OutboxOwner, type UpdateRecordAction } from '../../src/salesforce/outbox/outbox';
import { RECORD_CHANGED } from '../../src/salesforce/crm/update-record';
import type { SalesforceConnection } from '../../src/salesforce/connection/salesforce-connection';
import { DEMO_CONTACTS, DEMO_OPPORTUNITIES } from '../emulator/seed';
import { useEmulatedOrg } from './emulated-org-fixture';
import { connectionFor, failureOf, signIn } from './connection-fixture';

const org = useEmulatedOrg();
const SEEDED = '2025-01-15T09:00:00.000+0000';
const alwaysOnline = { isOnline: () => true, subscribe: () => () => {} };

let api: SalesforceConnection | undefined;
let outbox: Outbox | undefined;
afterEach(() => {
  outbox?.close();
  api?.dispose();
});

async function pane(requestTimeoutMs = 5_000): Promise<{ outbox: Outbox; owner: OutboxOwner; api: SalesforceConnection }> {
  const { tokens, identity } = await signIn(org.url);
  api = connectionFor(org.url, {}, { requestTimeoutMs });
  await api.start(tokens, identity);
  outbox = createOutbox({ api, indexedDB: new IDBFactory(), onlineState: alwaysOnline, backoffMs: () => 50 });
  const owner = outboxOwnerOf(identity);
  outbox.resume(owner);
  return { outbox, owner, api };
}

async function until(box: Outbox, owner: OutboxOwner, predicate: (entry: OutboxEntry | undefined) => boolean): Promise<OutboxEntry> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [entry] = await box.list(owner);
    if (predicate(entry) && entry) return entry;
    if (Date.now() > deadline) throw new Error(`outbox never settled: ${JSON.stringify([entry?.status, entry?.waitingFor, entry?.failure])}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const stageEdit = (fields: UpdateRecordAction['fields']): UpdateRecordAction => ({
  type: 'update_record',
  clientKey: 'edit-1',
  sobject: 'Opportunity',
  recordId: DEMO_OPPORTUNITIES.acmeWidgets.Id,
  fields,
  baseline: { lastModifiedDate: SEEDED, values: { StageName: 'Prospecting', NextStep: null } },
  addresses: ['jane.doe@acme.example'],
  label: 'Edit Acme - 500 Widgets',
});

const opportunity = () => org.controls.records('Opportunity').find((r) => r.Id === DEMO_OPPORTUNITIES.acmeWidgets.Id);

describe('update_record through the outbox', () => {
  it('a stage the validation rule refuses fails on NextStep; the same entry retried with a Next Step lands', async () => {
    const { outbox: box, owner } = await pane();
    const entry = await box.enqueue(owner, stageEdit({ StageName: 'Proposal/Price Quote' }));
    const failed = await until(box, owner, (e) => e?.status === 'failed');
    expect(failed.failure).toMatchObject({ kind: 'validation', code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['NextStep'], connectionLost: false });
    expect(opportunity()?.StageName).toBe('Prospecting');

    await box.retry(owner, entry.id, stageEdit({ StageName: 'Proposal/Price Quote', NextStep: 'Send the quote' }));
    const done = await until(box, owner, (e) => e?.status === 'done');
    expect(done.result).toEqual({ sobject: 'Opportunity', id: DEMO_OPPORTUNITIES.acmeWidgets.Id, adopted: false });
    expect(opportunity()).toMatchObject({ StageName: 'Proposal/Price Quote', NextStep: 'Send the quote' });
  });

  it('a record changed by someone else since the card was loaded: failed RECORD_CHANGED with the current values, nothing overwritten', async () => {
    const { outbox: box, owner } = await pane();
    org.controls.editRecord('Opportunity', DEMO_OPPORTUNITIES.acmeWidgets.Id, { StageName: 'Needs Analysis' });
    await box.enqueue(owner, stageEdit({ StageName: 'Qualification' }));
    const failed = await until(box, owner, (e) => e?.status === 'failed');
    expect(failed.failure).toMatchObject({ kind: 'validation', code: RECORD_CHANGED, fields: ['StageName'] });
    expect(failed.failure?.current).toMatchObject({ StageName: 'Needs Analysis' });
    expect(failed.failure?.current?.LastModifiedDate).not.toBe(SEEDED);
    expect(opportunity()?.StageName).toBe('Needs Analysis');
    const patches = org.controls.log().filter((e) => e.method === 'PATCH');
    expect(patches).toEqual([]);
  });

  it('sent twice (an earlier attempt landed, its answer lost): the second finds the values in place and writes nothing', async () => {
    const { outbox: box, owner } = await pane();
    const first = await box.enqueue(owner, stageEdit({ StageName: 'Qualification' }));
    await until(box, owner, (e) => e?.status === 'done');
    await box.discard(owner, first.id);
    // The same edit again, from the same card (same baseline), as a second pane or a replayed entry would send it.
    await box.enqueue(owner, stageEdit({ StageName: 'Qualification' }));
    const again = await until(box, owner, (e) => e?.status === 'done');
    expect(again.result?.adopted).toBe(true);
    expect(opportunity()?.StageName).toBe('Qualification');
    expect(org.controls.log().filter((e) => e.method === 'PATCH')).toHaveLength(1);
  });
});

describe('the wrapper sends If-Unmodified-Since', () => {
  it('Salesforce answers 412 to a record modified since; the failure keeps status 412 and nothing is written', async () => {
    const { api: connection } = await pane();
    org.controls.editRecord('Contact', DEMO_CONTACTS.jane.Id, { Phone: '+1 415 555 0177' });
    const failure = await connection.update('Contact', DEMO_CONTACTS.jane.Id, { Title: 'CPO' }, { ifUnmodifiedSince: 'Wed, 15 Jan 2025 09:00:00 GMT' }).then(() => undefined, failureOf);
    expect(failure).toMatchObject({ status: 412, connectionLost: false });
    expect(org.controls.records('Contact').find((r) => r.Id === DEMO_CONTACTS.jane.Id)?.Title).toBe('VP Procurement');
  });
});
