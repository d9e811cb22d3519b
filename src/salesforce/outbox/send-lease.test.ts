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
    const race = twoPanes(async (clock) => {
      // The check and the create each ran until the deadline at its upper bound; the create's answer is still due.
      clock.now += 2 * MAX_REQUEST_TIMEOUT_MS;
    });
    await race.paneBLooksWhileAIsSending();
    await race.finishA();
  });

  it('an upload that outlasts several leases keeps its claim: the running pane renews it, and no other pane sends it', async () => {
    const race = twoPanes(async (clock, timersA) => {
      // Three leases' worth of upload, the pane's renewal timer firing as time passes.
      for (let step = 0; step < 9; step += 1) {
        clock.now += LEASE_RENEWAL_MS;
        const leaseBefore = await race.leaseUntil();
        for (const fire of timersA.splice(0)) fire();
        await expect.poll(race.leaseUntil, { timeout: 2_000 }).not.toBe(leaseBefore);
      }
    });
    const entry = await race.paneBLooksWhileAIsSending();
    expect(race.clock.now - 1_000).toBeGreaterThan(2 * SEND_LEASE_MS);
    expect(entry.leaseUntil).toBeGreaterThan(race.clock.now);
    await race.finishA();
  });
});

/**
 * Pane A claims the entry and runs `attemptA` (time passing, A's timers firing) before its answer is held back;
 * pane B then looks at the entry. Only A ever sends it.
 */
function twoPanes(attemptA: (clock: { now: number }, timersA: (() => void)[]) => Promise<void>) {
  const factory = new IDBFactory();
  const clock = { now: 1_000 };
  const sentBy: string[] = [];
  const timersA: (() => void)[] = [];
  let release: () => void = () => {};
  let reachedHold: () => void = () => {};
  const held = new Promise<void>((resolve) => (reachedHold = resolve));
  const executor =
    (pane: string): OutboxExecutor =>
    async () => {
      sentBy.push(pane);
      if (pane === 'A') {
        await attemptA(clock, timersA);
        reachedHold();
        await new Promise<void>((resolve) => (release = resolve));
      }
      return { sobject: 'Task', id: `00T5e000000000${pane}AAA`, adopted: false };
    };
  let passesB = 0;
  const common = { api: createFakeSalesforceApi(), indexedDB: factory, partitionKey: 'p1', onlineState: alwaysOnline, now: () => clock.now };
  const paneA = createOutbox({ ...common, execute: executor('A'), schedule: (run: () => void) => (timersA.push(run), () => {}) });
  // Pane B's pass ends by setting a timer for the lease it found (the entry's leaseUntil): that is when it is done.
  const paneB = createOutbox({ ...common, execute: executor('B'), schedule: () => ((passesB += 1), () => {}) });
  return {
    clock,
    leaseUntil: async () => (await paneA.list(sam))[0]?.leaseUntil,
    async paneBLooksWhileAIsSending(): Promise<OutboxEntry> {
      paneA.resume(sam);
      await paneA.enqueue(sam, action);
      await held;
      paneB.resume(sam);
      await expect.poll(() => passesB, { timeout: 2_000 }).toBeGreaterThan(0);
      const [entry] = (await paneB.list(sam)) as [OutboxEntry];
      expect(entry.status).toBe('sending');
      expect(sentBy).toEqual(['A']);
      return entry;
    },
    async finishA(): Promise<void> {
      release();
      await expect.poll(async () => (await paneA.list(sam))[0]?.status, { timeout: 2_000 }).toBe('done');
      expect(sentBy).toEqual(['A']);
      paneA.close();
      paneB.close();
    },
  };
}
