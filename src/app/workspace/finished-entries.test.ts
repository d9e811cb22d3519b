import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../salesforce/outbox/create-outbox';
import type { OutboxEntry } from '../../salesforce/outbox/outbox';
import type { OnlineState } from '../../shared/online-state';
import { outboxOwnerOf } from '../../salesforce/outbox/outbox';
import { fail, newOutboxEntry, succeed } from '../../salesforce/outbox/outbox-transitions';
import { SAM, createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { newlyFinished, subscribeFinishedEntries, type FinishedEntry } from './finished-entries';
import { saveEmailAction } from '../../testing/outbox-actions';

const owner = outboxOwnerOf(SAM, { partitionKey: 'p1' });
const result = { sobject: 'Task' as const, id: '00T5e000000Task01A', adopted: false };
const queued = (id: string) => newOutboxEntry(id, owner, saveEmailAction(1), 1_000);
const done = (id: string) => succeed(queued(id), result, 2_000);
const failed = (id: string) => fail(queued(id), { kind: 'validation', connectionLost: false, retryable: false }, 2_000);
const doneWithoutResult = (id: string): OutboxEntry => ({ ...queued(id), status: 'done' });

describe('newlyFinished', () => {
  const cases: [string, OutboxEntry[], OutboxEntry[], string[]][] = [
    ['nothing before, one done: the first answer counts', [], [done('a')], ['a']],
    ['queued, then done', [queued('a')], [done('a')], ['a']],
    ['done, and still done', [done('a')], [done('a')], []],
    ['one of two finishes', [done('a'), queued('b')], [done('a'), done('b')], ['b']],
    ['failed stays failed', [queued('a')], [failed('a')], []],
    ['a done entry removed (discarded, cleared)', [done('a')], [], []],
    ['several at once, in the outbox order', [queued('a'), queued('b')], [done('b'), done('a')], ['b', 'a']],
    ['done without a result is not finished', [queued('a')], [doneWithoutResult('a')], []],
  ];
  it.each(cases)('%s', (_name, before, after, expected) => {
    expect(newlyFinished(before, after).map((e) => e.id)).toEqual(expected);
  });
});

const alwaysOnline: OnlineState = { isOnline: () => true, subscribe: () => () => undefined };

function outboxWithFakeApi() {
  const api = createFakeSalesforceApi();
  const outbox = createOutbox({ api, partitionKey: 'p1', indexedDB: new IDBFactory(), onlineState: alwaysOnline });
  outbox.resume(owner);
  return { api, outbox };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

describe('subscribeFinishedEntries (the real outbox, in memory)', () => {
  async function doneInOutbox(outbox: ReturnType<typeof outboxWithFakeApi>['outbox'], id: string): Promise<boolean> {
    return (await outbox.list(owner)).some((e) => e.id === id && e.status === 'done');
  }

  it('tells each entry once, when Salesforce has it, however many changes follow; nothing after unsubscribing', async () => {
    const { outbox } = outboxWithFakeApi();
    const heard: FinishedEntry[] = [];
    const off = subscribeFinishedEntries(outbox, owner, (entry) => heard.push(entry));

    const first = await outbox.enqueue(owner, saveEmailAction(1));
    await until(() => heard.length === 1);
    expect(heard[0]).toMatchObject({ id: first.id, status: 'done', result: { sobject: 'Task' } });

    const second = await outbox.enqueue(owner, saveEmailAction(2));
    await until(() => heard.length === 2);
    expect(heard.map((e) => e.id)).toEqual([first.id, second.id]);

    off();
    const third = await outbox.enqueue(owner, saveEmailAction(3));
    let landed = false;
    await until(() => {
      void doneInOutbox(outbox, third.id).then((d) => (landed = d));
      return landed;
    });
    expect(heard.map((e) => e.id)).toEqual([first.id, second.id]);
    outbox.close();
  });

  it("tells an entry finished before it subscribed once, with the outbox's first answer", async () => {
    const { outbox } = outboxWithFakeApi();
    const first = await outbox.enqueue(owner, saveEmailAction(1));
    let landed = false;
    await until(() => {
      void doneInOutbox(outbox, first.id).then((d) => (landed = d));
      return landed;
    });

    const heard: string[] = [];
    const off = subscribeFinishedEntries(outbox, owner, (entry) => heard.push(entry.id));
    await until(() => heard.length === 1);
    const second = await outbox.enqueue(owner, saveEmailAction(2));
    await until(() => heard.length === 2);
    expect(heard).toEqual([first.id, second.id]);
    off();
    outbox.close();
  });

  it('a listener that throws on one entry still hears the next', async () => {
    const { outbox } = outboxWithFakeApi();
    const heard: string[] = [];
    const off = subscribeFinishedEntries(outbox, owner, (entry) => {
      heard.push(entry.action.type === 'save_email' ? entry.action.subject : '');
      if (heard.length === 1) throw new Error('listener bug');
    });
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      await outbox.enqueue(owner, saveEmailAction(1));
      await until(() => heard.length === 1);
      await outbox.enqueue(owner, saveEmailAction(2));
      await until(() => heard.length === 2);
      expect(heard).toEqual(['s1', 's2']);
      // Not swallowed: the emitter reports it on a fresh task.
      expect(errors).toEqual([expect.objectContaining({ message: 'listener bug' })]);
    } finally {
      process.off('uncaughtException', onError);
      off();
      outbox.close();
    }
  });
});
