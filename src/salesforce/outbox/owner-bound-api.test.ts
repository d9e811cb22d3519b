/**
 * An attempt's calls are made only while the entry's owner is signed in: another user signing in between the check
 * and the create (or before the first call) stops the attempt before anything goes out under their name.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ALEX, SAM, createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { createOutbox } from './create-outbox';
import type { OnlineState } from '../../shared/online-state';
import { createInProcessCrossPaneHub } from '../connection/cross-pane';
import type { OutboxEntry, SaveEmailAction } from './outbox';
import { outboxOwnerOf } from './outbox';
import { executeOutboxAction, type OutboxExecutor } from './outbox-executors';
import { OwnerChangedError, ownerBoundApi } from './owner-bound-api';

const sam = outboxOwnerOf(SAM, { partitionKey: 'p1' });
const action: SaveEmailAction = { type: 'save_email', internetMessageId: '<o@x>', subject: 'Owner', bodyExcerpt: '', activityDate: '2025-01-01', whoId: '0035e000000Jane01A', label: 'Jane' };
const online: OnlineState = { isOnline: () => true, subscribe: () => () => {} };

describe('ownerBoundApi', () => {
  it('refuses every call, sending nothing, while another user is signed in', async () => {
    const api = createFakeSalesforceApi({}, ALEX);
    const bound = ownerBoundApi(api, sam);
    await expect(bound.query('SELECT Id FROM Task')).rejects.toBeInstanceOf(OwnerChangedError);
    await expect(bound.create('Task', {})).rejects.toBeInstanceOf(OwnerChangedError);
    await expect(bound.upsert('Task', 'Outlook_Key__c', 'k', {})).rejects.toBeInstanceOf(OwnerChangedError);
    expect(api.calls).toEqual([]);
    api.setIdentity(SAM);
    await bound.query('SELECT Id FROM Task');
    expect(api.calls.map((c) => c.method)).toEqual(['query']);
  });

  it('the runner: a user switch between the check and the create stops the attempt; the entry goes once, when its owner is back', async () => {
    const api = createFakeSalesforceApi();
    let switched = false;
    const executor: OutboxExecutor = async (bound, a, options) => {
      // The real save: the check, then the create. The other user signs in while the check is answered.
      const originalQuery = api.handlers.query;
      api.handlers.query = () => {
        if (!switched) {
          switched = true;
          api.setIdentity(ALEX);
        }
        return originalQuery?.('') ?? { totalSize: 0, done: true, records: [] };
      };
      return executeOutboxAction(bound, a, options);
    };
    const outbox = createOutbox({ api, indexedDB: new IDBFactory(), partitionKey: 'p1', onlineState: online, execute: executor, schedule: () => () => {} });
    outbox.resume(sam);
    await outbox.enqueue(sam, action);
    await expect.poll(async () => (await outbox.list(sam))[0]?.waitingFor, { timeout: 2_000 }).toBe('other_identity');
    expect(api.calls.map((c) => c.method)).toEqual(['query']);

    api.setIdentity(SAM);
    outbox.resume(sam);
    await expect.poll(async () => (await outbox.list(sam))[0]?.status, { timeout: 2_000 }).toBe('done');
    expect(api.calls.map((c) => c.method)).toEqual(['query', 'query', 'create']);
    const [entry] = (await outbox.list(sam)) as [OutboxEntry];
    // Two attempts: two passes.
    expect(entry.attempts).toBe(2);
    outbox.close();
  });
});

describe('work another pane had to leave', () => {
  it('is sent by a pane where its owner is signed in, woken by the other pane’s change notice', async () => {
    const factory = new IDBFactory();
    const samApi = createFakeSalesforceApi({}, SAM);
    const alexApi = createFakeSalesforceApi({}, ALEX);
    const name = `p-${Math.random().toString(36).slice(2)}`;
    const hub = createInProcessCrossPaneHub();
    const samPane = createOutbox({ api: samApi, indexedDB: factory, partitionKey: name, onlineState: online, channel: hub.connect(), schedule: () => () => {} });
    const alexPane = createOutbox({ api: alexApi, indexedDB: factory, partitionKey: name, onlineState: online, channel: hub.connect(), schedule: () => () => {} });
    const samOwner = outboxOwnerOf(SAM, { partitionKey: name });
    samPane.resume(samOwner);
    alexPane.resume(outboxOwnerOf(ALEX, { partitionKey: name }));
    await new Promise((resolve) => setTimeout(resolve, 50)); // Sam's pane is idle: nothing to send
    // Sam's work is stored by the pane where Alex is signed in now (what a switch mid-attempt leaves behind).
    await alexPane.enqueue(samOwner, action);
    await expect.poll(async () => (await samPane.list(samOwner))[0]?.status, { timeout: 2_000 }).toBe('done');
    expect(samApi.calls.map((c) => c.method)).toEqual(['query', 'create']);
    expect(alexApi.calls).toEqual([]);
    samPane.close();
    alexPane.close();
  });
});
