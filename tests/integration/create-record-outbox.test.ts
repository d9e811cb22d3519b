/**
 * Creating leads, accounts, opportunities and cases through the outbox and the real connection wrapper (real jsforce
 * over loopback HTTP) against the emulated org: the org's duplicate rules keep the entry failed with the matching
 * records; "Use this one" resolves it with the existing record and "Save anyway" sends the duplicate-rule header; a
 * retry after a possible landing adopts the record instead of creating a second one.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_LEADS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';
import { logMark, restCallsSince } from './connection-fixture';
import { createOutbox } from '../../src/salesforce/outbox/create-outbox';
import { outboxOwnerOf, type CreateRecordAction, type Outbox, type OutboxEntry, type OutboxOwner } from '../../src/salesforce/outbox/outbox';
import { duplicateRefusalOf } from '../../src/salesforce/duplicate-refusal';
import { loadRecordForm } from '../../src/salesforce/crm/create-record-metadata';
import { prefillDraft, recordActionOf } from '../../src/salesforce/crm/create-record-draft';
import { createMetadataSource } from '../../src/salesforce/metadata/metadata-source';
import { OPPORTUNITY_RECORD_TYPES } from '../emulator/record-types';

const org = useEmulatedOrg();
const api = useSellerConnection(org);
const online = { isOnline: () => true, subscribe: () => () => {} };

async function records(sobject: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${org.url}/__emulator/records/${sobject}`);
  expect(response.ok).toBe(true);
  return (await response.json()) as Record<string, unknown>[];
}

async function until(outbox: Outbox, owner: OutboxOwner, done: (e: OutboxEntry[]) => boolean): Promise<OutboxEntry[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const entries = await outbox.list(owner);
    if (done(entries)) return entries;
    if (Date.now() > deadline) throw new Error(JSON.stringify(entries.map((e) => [e.status, e.waitingFor, e.failure?.kind])));
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
  outbox.resume(outboxOwnerOf(identity));
  return { outbox, owner: outboxOwnerOf(identity) };
}

const lead = (fields: CreateRecordAction['fields']): CreateRecordAction => ({ type: 'create_record', sobject: 'Lead', clientKey: 'k1', fields, label: 'Create lead' });
const settled = (e: OutboxEntry[]) => e[0]?.status === 'failed' || e[0]?.status === 'done';

describe('create record through the outbox', () => {
  it('a Block rule keeps the entry failed with the matching lead; "Use this one" resolves it with that lead, nothing created', async () => {
    const { outbox, owner } = sellerOutbox();
    const before = (await records('Lead')).length;
    await outbox.enqueue(owner, lead({ LastName: 'Nguyen', Company: 'Initech Labs', Email: 'tom.nguyen@initech.example' }));
    const [failed] = await until(outbox, owner, settled);
    expect(failed?.status).toBe('failed');
    expect(failed?.failure).toMatchObject({ kind: 'validation', code: 'DUPLICATES_DETECTED' });
    expect(duplicateRefusalOf(failed?.failure)).toEqual({
      allowSave: false,
      rule: 'Block_Duplicate_Lead_Email',
      records: [{ sobject: 'Lead', id: DEMO_LEADS.tom.Id, name: 'Tom Nguyen', email: 'tom.nguyen@initech.example', company: 'Initech' }],
    });

    if (!failed || failed.action.type !== 'create_record') throw new Error('no entry');
    await outbox.retry(owner, failed.id, { ...failed.action, useExistingId: DEMO_LEADS.tom.Id });
    const [done] = await until(outbox, owner, (e) => e[0]?.status === 'done');
    expect(done?.result).toEqual({ sobject: 'Lead', id: DEMO_LEADS.tom.Id, adopted: true });
    expect(await records('Lead')).toHaveLength(before);
    outbox.close();
  });

  it('an Alert rule: "Save anyway" sends allowSave=true and the account is created', async () => {
    const { outbox, owner } = sellerOutbox();
    await outbox.enqueue(owner, { type: 'create_record', sobject: 'Account', clientKey: 'k2', fields: { Name: 'Acme Corporation', Website: 'acme-emea.example' }, label: 'Create account' });
    const [failed] = await until(outbox, owner, settled);
    const refusal = duplicateRefusalOf(failed?.failure);
    expect(refusal).toMatchObject({ allowSave: true, records: [{ sobject: 'Account', id: DEMO_ACCOUNTS.acme.Id, name: 'Acme Corporation' }] });

    if (!failed || failed.action.type !== 'create_record') throw new Error('no entry');
    const mark = await logMark(org.url);
    await outbox.retry(owner, failed.id, { ...failed.action, allowDuplicates: true });
    const [done] = await until(outbox, owner, (e) => e[0]?.status === 'done');
    expect(done?.result).toMatchObject({ sobject: 'Account', adopted: false });
    expect((await restCallsSince(org.url, mark)).map((c) => `${c.method} ${c.path}`)).toEqual(['POST /services/data/v62.0/sobjects/Account']);
    expect((await records('Account')).filter((a) => a.Name === 'Acme Corporation')).toHaveLength(2);
    outbox.close();
  });

  it('"Use this one" for a record deleted meanwhile: the entry fails as not found', async () => {
    const { outbox, owner } = sellerOutbox();
    const made = await api.create('Lead', { LastName: 'Gone', Company: 'Vanished' });
    await api.composite([{ method: 'DELETE', url: `${api.apiPath}/sobjects/Lead/${made.id}`, referenceId: 'del' }]);
    await outbox.enqueue(owner, { ...lead({ LastName: 'Gone', Company: 'Vanished' }), useExistingId: made.id });
    const [failed] = await until(outbox, owner, settled);
    expect(failed).toMatchObject({ status: 'failed', failure: { kind: 'not_found' } });
    outbox.close();
  });

  it('an opportunity on the account and a case are created; Salesforce names a missing required field', async () => {
    const { outbox, owner } = sellerOutbox();
    await outbox.enqueue(owner, {
      type: 'create_record',
      sobject: 'Opportunity',
      clientKey: 'k3',
      fields: { Name: 'Globex - Expansion', StageName: 'Prospecting', CloseDate: '2026-09-30', AccountId: DEMO_ACCOUNTS.globex.Id, Amount: 25000 },
      label: 'Create opportunity',
    });
    await outbox.enqueue(owner, {
      type: 'create_record',
      sobject: 'Case',
      clientKey: 'k4',
      fields: { Subject: 'Widget broken', SuppliedEmail: 'priya@globex.example' },
      label: 'Create case',
    });
    await outbox.enqueue(owner, { type: 'create_record', sobject: 'Opportunity', clientKey: 'k5', fields: { Name: 'No stage' }, label: 'Create opportunity' });
    const entries = await until(outbox, owner, (e) => e.length === 3 && e.every((x) => x.status === 'done' || x.status === 'failed'));
    const byKey = (key: string) => entries.find((e) => e.action.type === 'create_record' && e.action.clientKey === key);
    expect([byKey('k3')?.status, byKey('k4')?.status, byKey('k5')?.status]).toEqual(['done', 'done', 'failed']);
    expect(byKey('k5')?.failure).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', fields: ['StageName', 'CloseDate'] });
    const opp = (await records('Opportunity')).find((o) => o.Id === byKey('k3')?.result?.id);
    expect(opp).toMatchObject({ AccountId: DEMO_ACCOUNTS.globex.Id, Amount: 25000, StageName: 'Prospecting' });
    expect((await records('Case')).find((c) => c.Id === byKey('k4')?.result?.id)).toMatchObject({ Status: 'New', Subject: 'Widget broken' });
    outbox.close();
  });

  it('a gateway error after sending: the retry finds the lead that landed and adopts it (never twice)', async () => {
    const timers: (() => void)[] = [];
    const { outbox, owner } = sellerOutbox(timers);
    org.controls.failNext({ count: 1, status: 502, body: 'Bad Gateway', headers: { 'Content-Type': 'text/html' }, pathPrefix: '/services/data/v62.0/sobjects/Lead' });
    const action = lead({ LastName: 'Landed', Company: 'Gateway Inc', Email: 'landed@gateway.example' });
    await outbox.enqueue(owner, action);
    const [waiting] = await until(outbox, owner, (e) => e[0]?.status === 'waiting');
    expect(waiting).toMatchObject({ waitingFor: 'transient', mayHaveLanded: true });

    // What a gateway can hide: Salesforce did create the lead before the 502 came back.
    const landed = await api.create('Lead', action.fields);
    for (const run of timers.splice(0)) run();
    const [done] = await until(outbox, owner, (e) => e[0]?.status === 'done');
    expect(done?.result).toEqual({ sobject: 'Lead', id: landed.id, adopted: true });
    expect((await records('Lead')).filter((l) => l.Email === 'landed@gateway.example')).toHaveLength(1);
    outbox.close();
  });

  it('the form from the org’s metadata leaves out a field the seller may not set, and what it sends is created', async () => {
    org.controls.setPolicy({ fieldPermissions: [{ username: 'seller@demo.example', field: 'Lead.Title', access: 'read' }] });
    const form = await loadRecordForm(createMetadataSource(api), 'Lead');
    expect(form.createable).toBe(true);
    expect(form.fields.map((f) => f.name)).toEqual(['FirstName', 'LastName', 'Company', 'Email', 'Phone']);
    expect(form.fields.find((f) => f.name === 'Company')).toMatchObject({ label: 'Company', required: true, maxLength: 255 });

    const draft = prefillDraft('Lead', {
      person: { address: 'ana@hooli.example', name: 'Ana Ruiz', role: 'from' },
      signature: { company: 'Hooli', title: 'CTO' },
      accounts: [],
      subject: '',
      bodyExcerpt: '',
      today: '2026-11-30',
    });
    const { outbox, owner } = sellerOutbox();
    await outbox.enqueue(owner, recordActionOf('Lead', form.fields, draft, 'k6', 'Create lead'));
    const [done] = await until(outbox, owner, settled);
    expect(done?.status).toBe('done');
    expect((await records('Lead')).find((l) => l.Id === done?.result?.id)).toMatchObject({ FirstName: 'Ana', LastName: 'Ruiz', Company: 'Hooli', Title: null });
    outbox.close();
  });

  it('an opportunity form offers the stages of the seller’s default record type', async () => {
    const form = await loadRecordForm(createMetadataSource(api), 'Opportunity');
    const stages = form.fields.find((f) => f.name === 'StageName');
    expect(stages).toMatchObject({ kind: 'picklist', required: true });
    expect(stages?.options).toContain('Prospecting');
    expect(form.fields.find((f) => f.name === 'AccountId')).toMatchObject({ kind: 'account' });
  });

  it('an opportunity is created with the seller’s record type: a choice where several, the only one otherwise, its stages alone', async () => {
    const both = await loadRecordForm(createMetadataSource(api), 'Opportunity');
    expect(both.recordTypeId).toBe(OPPORTUNITY_RECORD_TYPES.newBusiness.id);
    expect(both.recordTypes?.map((rt) => rt.name)).toEqual(['New Business', 'Renewal']);

    org.controls.setPolicy({ recordTypeAccess: [{ username: 'seller@demo.example', sobject: 'Opportunity', recordTypes: ['Renewal'] }] });
    const form = await loadRecordForm(createMetadataSource(api), 'Opportunity');
    expect(form.recordTypeId).toBe(OPPORTUNITY_RECORD_TYPES.renewal.id);
    expect(form.recordTypes).toBeUndefined();
    expect(form.fields.find((f) => f.name === 'StageName')?.options).not.toContain('Prospecting');
    const draft = { Name: 'Acme - Renewal 2027', StageName: 'Qualification', CloseDate: '2027-01-31' };
    const { outbox, owner } = sellerOutbox();
    await outbox.enqueue(owner, recordActionOf('Opportunity', form.fields, draft, 'k7', 'Create opportunity', form.recordTypeId));
    const [done] = await until(outbox, owner, settled);
    expect(done?.status).toBe('done');
    expect((await records('Opportunity')).find((o) => o.Id === done?.result?.id)).toMatchObject({ RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id, StageName: 'Qualification' });
    outbox.close();
  });
});
