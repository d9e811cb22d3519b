import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInPane, SAM } from './support/salesforce-sign-in';
import { startStack, type OpenHarnessOptions, type Stack } from './support/stack';

// The add-in in each platform variant the harness plays, with refresh token rotation on: it signs in, shows the
// people of an email and heals an expired session, and the org never sees a rotated refresh token presented again
// (that would revoke the whole grant: invalid_grant at the token endpoint).

let stack: Stack;
const STEP = 15_000;

beforeAll(async () => {
  stack = await startStack({ emulator: { policy: { rotation: true } } });
});

afterAll(async () => {
  await stack?.close();
});

type Facts = { platform: string | null; partitionKey: string | null; broadcastChannel: boolean; webLocks: boolean };
const facts = (pane: Frame) =>
  pane.evaluate((): Facts => {
    const office = (window as unknown as { Office: typeof Office }).Office;
    return {
      platform: (office.context.platform as unknown as string | undefined) ?? null,
      partitionKey: office.context.partitionKey ?? null,
      broadcastChannel: typeof (window as unknown as { BroadcastChannel?: unknown }).BroadcastChannel === 'function',
      webLocks: !!(navigator as unknown as { locks?: unknown }).locks,
    };
  });

const tokenCalls = async () => (await stack.emulatorLog()).filter((e) => e.path === '/services/oauth2/token');

const VARIANTS: Array<{ name: string; open: OpenHarnessOptions; expected: Facts }> = [
  {
    name: 'Windows (partitionKey undefined)',
    open: { platform: 'windows' },
    expected: { platform: 'PC', partitionKey: null, broadcastChannel: true, webLocks: true },
  },
  {
    name: 'Mac (dialog and pane share no storage)',
    open: { platform: 'mac' },
    expected: { platform: 'Mac', partitionKey: 'harness-partition-0001', broadcastChannel: true, webLocks: true },
  },
  {
    name: 'an old webview without BroadcastChannel or Web Locks',
    open: { webview: 'old' },
    expected: { platform: 'OfficeOnline', partitionKey: 'harness-partition-0001', broadcastChannel: false, webLocks: false },
  },
];

describe('platform variants: sign in, people, an expiry healed, no rotated token reused', () => {
  for (const variant of VARIANTS) {
    it(variant.name, async () => {
      await stack.emulatorControl('reset');
      const before = (await tokenCalls()).length;
      const { context, pane, page } = await openSignedInPane(stack, { email: 'acme-renewal', ...variant.open });
      try {
        expect(await facts(pane)).toEqual(variant.expected);
        await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: STEP });
        await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);

        await stack.emulatorControl('expire-sessions');
        await stack.selectEmail(page, 'initech-lead');
        await expect.poll(() => pane.getByTestId('person-card').filter({ hasText: 'Tom Nguyen' }).count(), { timeout: STEP }).toBe(1);
        expect(await pane.getByTestId('connection-lost').count()).toBe(0);

        const calls = (await tokenCalls()).slice(before);
        const refreshes = calls.filter((c) => c.grantType === 'refresh_token');
        expect(refreshes.length).toBeGreaterThanOrEqual(1);
        expect(calls.every((c) => c.status === 200)).toBe(true);
      } finally {
        await context.close();
      }
    });
  }

  // Without BroadcastChannel the panes cannot hand each other tokens (and tokens never go through plain storage), so
  // each pane renews once; without Web Locks the refresh runs under a lease in IndexedDB, and the second pane reads
  // the rotated refresh token the first one saved before it let go: never the spent one.
  it('an old webview with two panes: one refresh at a time, at most one a pane, the rotated token never presented twice', async () => {
    await stack.emulatorControl('reset');
    const { context, pane: first, page: firstPage } = await openSignedInPane(stack, { email: 'acme-renewal', webview: 'old' });
    try {
      await expect.poll(() => first.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);
      const secondPage = await context.newPage();
      const second = await stack.openHarness(secondPage, { email: 'acme-renewal', webview: 'old' });
      await second.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: STEP });
      await expect.poll(() => second.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);

      for (const email of ['initech-lead', 'unknown-sender']) {
        await stack.emulatorControl('expire-sessions');
        const before = (await tokenCalls()).length;
        await Promise.all([stack.selectEmail(firstPage, email), stack.selectEmail(secondPage, email)]);
        for (const pane of [first, second]) {
          const shown = email === 'initech-lead' ? pane.getByTestId('person-card').filter({ hasText: 'Tom Nguyen' }) : pane.getByTestId('unknown-person-card');
          await expect.poll(() => shown.count(), { timeout: STEP }).toBeGreaterThan(0);
          expect(await pane.getByTestId('connection-lost').count()).toBe(0);
        }
        const calls = (await tokenCalls()).slice(before);
        expect(calls.every((c) => c.status === 200)).toBe(true);
        const refreshes = calls.filter((c) => c.grantType === 'refresh_token');
        expect(refreshes.length).toBeGreaterThanOrEqual(1);
        expect(refreshes.length).toBeLessThanOrEqual(2);
      }
    } finally {
      await context.close();
    }
  });
});
