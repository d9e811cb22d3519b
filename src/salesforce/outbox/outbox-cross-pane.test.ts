/**
 * The outbox tells the other panes of its changes on the pane's one cross-pane channel (the connection's), as an
 * `outbox_changed` notice checked like every other message there.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SAM, createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import type { OnlineState } from '../../shared/online-state';
import { createInProcessCrossPaneHub, parseCrossPaneMessage, type CrossPaneContext } from '../connection/cross-pane';
import { createOutbox } from './create-outbox';
import { outboxOwnerKey, outboxOwnerOf, type SaveEmailAction } from './outbox';

const online: OnlineState = { isOnline: () => true, subscribe: () => () => {} };
const action: SaveEmailAction = { type: 'save_email', internetMessageId: '<c@x>', subject: 'Cross', bodyExcerpt: '', activityDate: '2025-01-01', whoId: '0035e000000Jane01A', label: 'Jane' };
const context: CrossPaneContext = { now: 1_000, seller: undefined, heldIssuedAt: 0, instanceHosts: [] };

describe('parseCrossPaneMessage: outbox_changed', () => {
  const key = outboxOwnerKey(outboxOwnerOf(SAM, { partitionKey: 'p1' }));

  it('is accepted for any seller, rebuilt from its owner key only', () => {
    expect(parseCrossPaneMessage({ type: 'outbox_changed', ownerKey: key, extra: 'dropped' }, context)).toEqual({ ok: true, message: { type: 'outbox_changed', ownerKey: key } });
  });

  it.each([
    ['no owner key', { type: 'outbox_changed' }],
    ['an owner key that is no text', { type: 'outbox_changed', ownerKey: 42 }],
    ['an owner key that is no JSON', { type: 'outbox_changed', ownerKey: 'sam' }],
    ['an owner key of three parts', { type: 'outbox_changed', ownerKey: JSON.stringify(['a', 'b', 'c']) }],
    ['an owner key with a part that is no text', { type: 'outbox_changed', ownerKey: JSON.stringify(['a', 'b', 'c', 1]) }],
    ['an owner key too long', { type: 'outbox_changed', ownerKey: JSON.stringify(['a'.repeat(3000), 'b', 'c', 'd']) }],
    ['the notice of the outbox before it shared the channel', { ownerKey: key }],
  ])('refuses %s', (_name, raw) => {
    expect(parseCrossPaneMessage(raw, context)).toEqual({ ok: false, reason: 'shape' });
  });
});

describe('the outbox on the cross-pane channel', () => {
  it('posts outbox_changed for each change, and another pane where the owner is signed in sends the entry', async () => {
    const hub = createInProcessCrossPaneHub();
    const factory = new IDBFactory();
    const owner = outboxOwnerOf(SAM, { partitionKey: 'p1' });
    const listener = hub.connect();
    const heard: unknown[] = [];
    listener.subscribe((message) => heard.push(message));
    const storing = createOutbox({
      api: createFakeSalesforceApi({}, undefined),
      indexedDB: factory,
      partitionKey: 'p1',
      onlineState: online,
      channel: hub.connect(),
      schedule: () => () => {},
    });
    const sending = createOutbox({ api: createFakeSalesforceApi(), indexedDB: factory, partitionKey: 'p1', onlineState: online, channel: hub.connect(), schedule: () => () => {} });
    sending.resume(owner);
    await new Promise((resolve) => setTimeout(resolve, 30));

    await storing.enqueue(owner, action);
    await expect.poll(async () => (await sending.list(owner))[0]?.status, { timeout: 2_000 }).toBe('done');
    expect(heard[0]).toEqual({ type: 'outbox_changed', ownerKey: outboxOwnerKey(owner) });
    storing.close();
    sending.close();
  });

  it('a notice that does not pass the check wakes nothing', async () => {
    const hub = createInProcessCrossPaneHub();
    const factory = new IDBFactory();
    const owner = outboxOwnerOf(SAM, { partitionKey: 'p1' });
    const api = createFakeSalesforceApi();
    const pane = createOutbox({ api, indexedDB: factory, partitionKey: 'p1', onlineState: online, channel: hub.connect(), schedule: () => () => {} });
    pane.resume(owner);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Work stored by a pane that tells no one (no channel): only a notice can wake the idle pane.
    const silent = createOutbox({ api: createFakeSalesforceApi({}, undefined), indexedDB: factory, partitionKey: 'p1', onlineState: online, schedule: () => () => {} });
    await silent.enqueue(owner, action);

    hub.inject({ ownerKey: outboxOwnerKey(owner) });
    hub.inject({ type: 'outbox_changed', ownerKey: 'not an owner key' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await pane.list(owner))[0]?.status).toBe('queued');
    expect(api.calls).toEqual([]);

    hub.inject({ type: 'outbox_changed', ownerKey: outboxOwnerKey(owner) });
    await expect.poll(async () => (await pane.list(owner))[0]?.status, { timeout: 2_000 }).toBe('done');
    silent.close();
    pane.close();
  });
});
