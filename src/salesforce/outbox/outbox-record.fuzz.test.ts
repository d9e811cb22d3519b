/**
 * Fuzzing the outbox's stored records (fast-check, fixed seeds, bounded runs): whatever IndexedDB hands back, the
 * reader refuses it (undefined) or returns a record with an entry's shape, never throws; and the runner never sends
 * a record it refused.
 */
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SAM, createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { FAILURE_KINDS } from '../failure-kinds';
import { createOutbox } from './create-outbox';
import type { OutboxAction, OutboxEntry } from './outbox';
import { outboxOwnerKey, outboxOwnerOf } from './outbox';
import type { OutboxExecutor } from './outbox-executors';
import { readOutboxEntry } from './outbox-record';
import { openOutboxStore } from './outbox-store';
import { claim, fail, newOutboxEntry, succeed } from './outbox-transitions';

const RUNS = { seed: 20251130, numRuns: 300 };
const sam = outboxOwnerOf(SAM, { partitionKey: 'p1' });

const text = fc.string({ maxLength: 12 });
const address = fc.record({ name: text, address: text });
const emailContent = fc.record(
  {
    from: address,
    to: fc.array(address, { maxLength: 3 }),
    cc: fc.array(address, { maxLength: 3 }),
    date: text,
    htmlBody: text,
    textBody: text,
    incoming: fc.boolean(),
    people: fc.array(fc.record({ id: text, relationType: fc.constantFrom('FromAddress' as const, 'ToAddress' as const, 'CcAddress' as const) }), { maxLength: 3 }),
  },
  { requiredKeys: ['to', 'cc', 'incoming', 'people'] },
);
const action: fc.Arbitrary<OutboxAction> = fc.oneof(
  fc.record(
    {
      type: fc.constant('save_email' as const),
      internetMessageId: text,
      subject: text,
      bodyExcerpt: text,
      activityDate: text,
      whoId: text,
      whatId: fc.option(text, { nil: undefined }),
      label: text,
      email: emailContent,
    },
    { requiredKeys: ['type', 'internetMessageId', 'subject', 'bodyExcerpt', 'activityDate', 'whoId', 'label'] },
  ),
  fc.record({
    type: fc.constant('create_contact' as const),
    clientKey: text,
    fields: fc.record({ LastName: text, Email: text, FirstName: text, Title: text }, { requiredKeys: ['LastName', 'Email'] }),
    label: text,
  }),
  fc.record(
    {
      type: fc.constant('log_follow_up' as const),
      clientKey: text,
      subject: text,
      activityDate: text,
      whoId: text,
      note: text,
      label: text,
    },
    { requiredKeys: ['type', 'clientKey', 'subject', 'activityDate', 'whoId', 'label'] },
  ),
  fc.record(
    {
      type: fc.constant('save_meeting' as const),
      meetingKey: text,
      subject: text,
      start: text,
      end: text,
      isAllDay: fc.boolean(),
      location: text,
      descriptionExcerpt: text,
      peopleIds: fc.array(text, { maxLength: 3 }),
      whatId: text,
      linked: fc.record({ sobject: fc.constantFrom('Case', 'Contact', 'Lead', 'Project__c'), id: text }),
      label: text,
    },
    { requiredKeys: ['type', 'meetingKey', 'subject', 'start', 'end', 'location', 'descriptionExcerpt', 'peopleIds', 'label'] },
  ),
);

/** Entries as the runner makes them: new, claimed, failed with any kind, done. */
const entry: fc.Arbitrary<OutboxEntry> = fc.tuple(fc.uuid(), action, fc.nat({ max: 3 }), fc.constantFrom(...FAILURE_KINDS), fc.nat({ max: 1e12 })).map(([id, a, step, kind, now]) => {
  let e = newOutboxEntry(id, sam, a, now);
  if (step >= 1) e = claim(e, now) ?? e;
  if (step === 2) e = fail(e, { kind, connectionLost: false, retryable: false }, now + 1);
  if (step === 3) e = succeed(e, { sobject: a.type === 'save_meeting' ? 'Event' : 'Task', id: '00T000000000001AAA', adopted: false }, now + 1);
  return e;
});

const statuses = new Set(['queued', 'sending', 'waiting', 'failed', 'done']);

function hasEntryShape(value: OutboxEntry): boolean {
  return (
    typeof value.id === 'string' &&
    value.ownerKey === outboxOwnerKey(value.owner) &&
    statuses.has(value.status) &&
    typeof value.action === 'object' &&
    typeof value.action.label === 'string' &&
    Number.isFinite(value.attempts) &&
    Number.isFinite(value.createdAt)
  );
}

describe('readOutboxEntry (fuzzed)', () => {
  it('never throws: anything at all is refused or read with an entry shape', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withTypedArray: true, withSparseArray: true }), (raw) => {
        const read = readOutboxEntry(raw);
        expect(read === undefined || hasEntryShape(read)).toBe(true);
      }),
      RUNS,
    );
  });

  it('reads back every entry the runner makes, as it is', () => {
    fc.assert(
      fc.property(entry, (e) => {
        expect(readOutboxEntry(structuredClone(e))).toEqual(e);
      }),
      RUNS,
    );
  });

  it('a stored entry with one field replaced by anything is refused or still has an entry shape', () => {
    const fieldNames = ['id', 'ownerKey', 'owner', 'action', 'status', 'attempts', 'mayHaveLanded', 'createdAt', 'updatedAt', 'failure', 'result', 'waitingFor', 'leaseUntil'];
    fc.assert(
      fc.property(entry, fc.constantFrom(...fieldNames), fc.anything({ maxDepth: 2 }), (e, field, value) => {
        const damaged = { ...structuredClone(e), [field]: value } as unknown;
        const read = readOutboxEntry(damaged);
        expect(read === undefined || hasEntryShape(read)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the runner lists and sends only the well-formed entries among damaged records filed under the owner', async () => {
    const factory = new IDBFactory();
    const store = await openOutboxStore(factory, 'p1');
    const ownerKey = outboxOwnerKey(sam);
    const damaged = fc.sample(fc.anything({ maxDepth: 2 }), { seed: 7, numRuns: 40 });
    let n = 0;
    for (const value of damaged) {
      // Under the owner's key (the index), with an id: the only way a record reaches the runner.
      await store.put({ ...(typeof value === 'object' && value !== null ? value : { value }), id: `bad-${n++}`, ownerKey, status: 'queued' } as unknown as OutboxEntry);
    }
    await store.put({ id: 'bad-owner', ownerKey, owner: { orgId: SAM.orgId, userId: 'someone-else' }, status: 'queued' } as unknown as OutboxEntry);
    store.close();

    const sent: string[] = [];
    const executor: OutboxExecutor = async (_api, a) => {
      sent.push(a.label);
      return { sobject: 'Task', id: '00T000000000001AAA', adopted: false };
    };
    const outbox = createOutbox({
      api: createFakeSalesforceApi(),
      indexedDB: factory,
      partitionKey: 'p1',
      onlineState: { isOnline: () => true, subscribe: () => () => {} },
      execute: executor,
      schedule: () => () => {},
    });
    await outbox.enqueue(sam, { type: 'log_follow_up', clientKey: 'k', subject: 'Call', activityDate: '2025-01-01', whoId: '0035e000000Jane01A', label: 'the real one' });
    outbox.resume(sam);
    await expect.poll(async () => (await outbox.list(sam)).map((e) => e.status), { timeout: 2_000 }).toEqual(['done']);
    expect(sent).toEqual(['the real one']);
    expect(await outbox.pendingCount(sam)).toBe(0);
    outbox.close();
  });
});
