/**
 * A hung lock in one pane never blocks another pane's refresh for long. One pane of the real add-in holds the
 * cross-pane refresh lock (Web Locks) and never lets go, as a pane the browser froze mid-refresh would; the session
 * then expires under the other pane, which waits out the lock's wait deadline, takes the lock over and renews,
 * once, with rotation on, and the seller never sees Connection lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_WAIT_MS, lockDeadlinesFor } from '../../src/salesforce/connection/refresh-lock';
import { openSignedInPane, SAM } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const refreshCalls = async () => (await stack.emulatorLog()).filter((e) => e.grantType === 'refresh_token');

describe('a hung refresh lock', () => {
  it('in one pane, the other pane takes it over after the wait deadline and renews once', { timeout: DEFAULT_LOCK_WAIT_MS + 60_000 }, async () => {
    await stack.emulatorControl('policy', { rotation: true });
    // The pane's deadlines follow its request deadline (config.json); the test's own limit assumes the default.
    const WAIT_MS = lockDeadlinesFor(stack.config.salesforce.requestTimeoutMs).waitMs;
    expect(WAIT_MS).toBe(DEFAULT_LOCK_WAIT_MS);
    const { context, pane: hung } = await openSignedInPane(stack, { email: 'acme-renewal' });
    try {
      await expect.poll(() => hung.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
      const otherPage = await context.newPage();
      const other = await stack.openHarness(otherPage, { email: 'acme-renewal' });
      await other.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });

      // The first pane takes the refresh lock and never lets go (its promise never settles).
      const key = `salesforce-token-refresh:${stack.config.salesforce.clientId}`;
      await hung.evaluate(async (name) => {
        await new Promise<void>((held) => {
          void navigator.locks
            .request(name, { mode: 'exclusive' }, () => {
              held();
              return new Promise<never>(() => {});
            })
            .catch(() => undefined);
        });
      }, key);
      expect(await other.evaluate(async (name) => (await navigator.locks.query()).held?.some((l) => l.name === name), key)).toBe(true);

      await stack.emulatorControl('expire-sessions');
      const before = (await refreshCalls()).length;
      const started = Date.now();
      await stack.selectEmail(otherPage, 'initech-lead');
      await expect.poll(() => other.getByTestId('person-card').filter({ hasText: 'Tom Nguyen' }).count(), { timeout: WAIT_MS + 30_000, interval: 500 }).toBe(1);
      const waited = Date.now() - started;
      // Not before the wait deadline (a live holder is never robbed), not long after it.
      expect(waited).toBeGreaterThanOrEqual(WAIT_MS - 1_000);
      expect(waited).toBeLessThan(WAIT_MS + 25_000);
      const during = (await refreshCalls()).slice(before);
      expect(during).toHaveLength(1);
      expect(during[0]!.status).toBe(200);
      expect(await other.getByTestId('connection-lost').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
