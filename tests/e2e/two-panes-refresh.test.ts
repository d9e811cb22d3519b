/**
 * Two panes of the real add-in in one browser (a pinned pane and a second Outlook window): same origin, same storage.
 * With refresh token rotation on, an expired session met by both at once costs exactly one call to the token
 * endpoint, no rotated token is ever presented twice (the org would revoke the grant), and both panes carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('two panes of the add-in', () => {
  it('share one refresh when the session expires under both, with rotation on', async () => {
    await stack.emulatorControl('policy', { rotation: true });
    const { context, pane: first } = await openSignedInPane(stack, { email: 'acme-renewal' });
    try {
      await first.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });
      await expect.poll(() => first.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);

      // The second window restores the session from the shared store without a dialog.
      const secondPage = await context.newPage();
      const second = await stack.openHarness(secondPage, { email: 'acme-renewal' });
      await second.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });
      await expect.poll(() => second.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);

      await stack.emulatorControl('expire-sessions');
      const before = (await refreshCalls()).length;
      // Both panes look up an email neither has cached, at the same moment: both meet the expired session.
      await Promise.all([stack.selectEmail(first.page(), 'initech-lead'), stack.selectEmail(secondPage, 'initech-lead')]);
      for (const pane of [first, second]) {
        await expect.poll(() => pane.getByTestId('person-card').filter({ hasText: 'Tom Nguyen' }).count(), { timeout: 15_000 }).toBe(1);
      }
      const during = (await refreshCalls()).slice(before);
      expect(during).toHaveLength(1);
      expect(during[0]!.status).toBe(200);
      expect(await first.getByTestId('connection-lost').count()).toBe(0);
      expect(await second.getByTestId('connection-lost').count()).toBe(0);

      // The rotated token each pane now holds is the live one: another expiry is renewed again, still once.
      await stack.emulatorControl('expire-sessions');
      const again = (await refreshCalls()).length;
      await Promise.all([stack.selectEmail(first.page(), 'unknown-sender'), stack.selectEmail(secondPage, 'unknown-sender')]);
      for (const pane of [first, second]) {
        await expect.poll(() => pane.getByTestId('unknown-person-card').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      }
      const later = (await refreshCalls()).slice(again);
      expect(later).toHaveLength(1);
      expect(later[0]!.status).toBe(200);
    } finally {
      await context.close();
    }
  });
});
