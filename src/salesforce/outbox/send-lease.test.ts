/**
 * The send lease against the request deadline: an attempt is at most two bounded calls (check, then create), so the
 * lease must outlast two deadlines at the configured upper bound, or a second pane takes over an entry whose attempt
 * is still in flight and sends it again.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ConfigError, MAX_REQUEST_TIMEOUT_MS, parseRuntimeConfig } from '../../config/runtime-config';
import { SAM, createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { createOutbox } from './create-outbox';
import type { OnlineState } from '../../shared/online-state';
import type { OutboxEntry, SaveEmailAction } from './outbox';
import { outboxOwnerOf } from './outbox';
import type { OutboxExecutor } from './outbox-executors';
import { LEASE_RENEWAL_MS, SEND_LEASE_MS, claim, newOutboxEntry } from './outbox-transitions';

const sam = outboxOwnerOf(SAM, { partitionKey: 'p1' });
const action: SaveEmailAction = {
  type: 'save_email',
  internetMessageId: '<lease@x>',
  subject: 'lease',
  bodyExcerpt: '',
  activityDate: '2025-01-01',
  whoId: '0035e000000Jane01A',
  label: 'Jane',
};
const alwaysOnline: OnlineState = { isOnline: () => true, subscribe: () => () => {} };
const rawConfig = (requestTimeoutMs: unknown) => ({
  salesforce: { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.example/auth-callback.html', requestTimeoutMs },
});

describe('send lease and request deadline', () => {
  it('the lease outlasts two request deadlines at the upper bound, with room for the store writes', () => {
    expect(SEND_LEASE_MS).toBeGreaterThanOrEqual(2 * MAX_REQUEST_TIMEOUT_MS + 5_000);
    const claimed = claim(newOutboxEntry('e1', sam, action, 0), 0);
    expect(claimed?.leaseUntil).toBe(SEND_LEASE_MS);
  });

  it('the runtime config caps requestTimeoutMs at the upper bound (a longer deadline is refused, not used)', () => {
    expect(parseRuntimeConfig(rawConfig(MAX_REQUEST_TIMEOUT_MS)).salesforce.requestTimeoutMs).toBe(MAX_REQUEST_TIMEOUT_MS);
    expect(parseRuntimeConfig(rawConfig(undefined)).salesforce.requestTimeoutMs).toBeLessThanOrEqual(MAX_REQUEST_TIMEOUT_MS);
    for (const tooLong of [MAX_REQUEST_TIMEOUT_MS + 1, 60_000, 600_000, Number.MAX_SAFE_INTEGER]) {
      expect(() => parseRuntimeConfig(rawConfig(tooLong))).toThrow(ConfigError);
      expect(() => parseRuntimeConfig(rawConfig(tooLong))).toThrow(/at most 40000/);
    }
  });

  it('a second pane does not take over an entry whose attempt has run two full deadlines and is still in flight', async () => {
    const factory = new IDBFactory();
    const api = createFakeSalesforceApi();
    const clock = { now: 1_000 };
    const sentBy: string[] = [];
    let release: () => void = () => {};
    let inFlight: () => void = () => {};
    const attemptStarted = new Promise<void>((resolve) => (inFlight = resolve));
    const slow: OutboxExecutor = async () => {
      sentBy.push('A');
      // The check and the create each ran until the deadline at its upper bound; the create's answer is still due.
      clock.now += 2 * MAX_REQUEST_TIMEOUT_MS;
      inFlight();
      await new Promise<void>((resolve) => (release = resolve));
      return { sobject: 'Task', id: '00T5e0000000001AAA', adopted: false };
    };
    const other: OutboxExecutor = async () => {
      sentBy.push('B');
      return { sobject: 'Task', id: '00T5e0000000002AAA', adopted: false };
    };
    let passesB = 0;
    const common = { api, indexedDB: factory, partitionKey: 'p1', onlineState: alwaysOnline, now: () => clock.now, schedule: () => () => {} };
    const paneA = createOutbox({ ...common, execute: slow });
    // Pane B's pass ends by setting a timer for the lease it found (the entry's leaseUntil): that is when it is done.
    const paneB = createOutbox({ ...common, execute: other, schedule: () => ((passesB += 1), () => {}) });

    paneA.resume(sam);
    await paneA.enqueue(sam, action);
    await attemptStarted;
    paneB.resume(sam);
    await expect.poll(() => passesB, { timeout: 2_000 }).toBeGreaterThan(0);
    const [entry] = (await paneB.list(sam)) as [OutboxEntry];
    expect(entry.status).toBe('sending');
    expect(sentBy).toEqual(['A']);

    release();
    await expect.poll(async () => (await paneA.list(sam))[0]?.status, { timeout: 2_000 }).toBe('done');
    expect(sentBy).toEqual(['A']);
    paneA.close();
    paneB.close();
  });

  it('an upload that outlasts several leases keeps its claim: the running pane renews it, and no other pane sends it', async () => {
    const factory = new IDBFactory();
    const api = createFakeSalesforceApi();
    const clock = { now: 1_000 };
    const sentBy: string[] = [];
    const timersA: (() => void)[] = [];
    let release: () => void = () => {};
    let outlasted: () => void = () => {};
    const longAttempt = new Promise<void>((resolve) => (outlasted = resolve));
    let readLease: () => Promise<number | undefined> = async () => undefined;
    const slowUpload: OutboxExecutor = async () => {
      sentBy.push('A');
      // Three leases' worth of upload, the pane's renewal timer firing as time passes.
      for (let step = 0; step < 9; step += 1) {
        clock.now += LEASE_RENEWAL_MS;
        const leaseBefore = await readLease();
        for (const fire of timersA.splice(0)) fire();
        await expect.poll(readLease, { timeout: 2_000 }).not.toBe(leaseBefore);
      }
      outlasted();
      await new Promise<void>((resolve) => (release = resolve));
      return { sobject: 'ContentVersion', id: '0685e0000000001AAA', adopted: false };
    };
    const other: OutboxExecutor = async () => {
      sentBy.push('B');
      return { sobject: 'ContentVersion', id: '0685e0000000002AAA', adopted: false };
    };
    let passesB = 0;
    const common = { api, indexedDB: factory, partitionKey: 'p1', onlineState: alwaysOnline, now: () => clock.now };
    const paneA = createOutbox({ ...common, execute: slowUpload, schedule: (run: () => void) => (timersA.push(run), () => {}) });
    const paneB = createOutbox({ ...common, execute: other, schedule: () => ((passesB += 1), () => {}) });
    readLease = async () => (await paneA.list(sam))[0]?.leaseUntil;

    paneA.resume(sam);
    await paneA.enqueue(sam, action);
    await longAttempt;
    expect(clock.now - 1_000).toBeGreaterThan(2 * SEND_LEASE_MS);
    paneB.resume(sam);
    await expect.poll(() => passesB, { timeout: 2_000 }).toBeGreaterThan(0);
    const [entry] = (await paneB.list(sam)) as [OutboxEntry];
    expect(entry.status).toBe('sending');
    expect(entry.leaseUntil).toBeGreaterThan(clock.now);
    expect(sentBy).toEqual(['A']);

    release();
    await expect.poll(async () => (await paneA.list(sam))[0]?.status, { timeout: 2_000 }).toBe('done');
    expect(sentBy).toEqual(['A']);
    paneA.close();
    paneB.close();
  });
});
