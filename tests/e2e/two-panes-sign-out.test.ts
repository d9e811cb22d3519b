/**
 * Two panes of the real add-in in one browser (a pinned pane and a second Outlook window), the production build over
 * the real BroadcastChannel: a message no pane would send (a forged sign-out) is refused and counted in About and
 * diagnostics, the genuine traffic between the panes is not; and a Sign out in one pane takes the other to the
 * welcome screen, its tokens dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG } from '../emulator/seed';
import { openSignedInPane, SAM } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

describe('two panes of the add-in and the cross-pane channel', () => {
  it('a forged message is dropped and counted; a Sign out in one pane takes the other to the welcome screen', async () => {
    const { context, pane: first } = await openSignedInPane(stack, { email: 'acme-renewal' });
    try {
      await first.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });
      const secondPage = await context.newPage();
      const second = await stack.openHarness(secondPage, { email: 'acme-renewal' });
      await second.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });
      await expect.poll(() => second.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);

      // Any script of the origin can post on the channel: a sign-out of Sam dated ten hours ahead.
      const channelName = `salesforce-connection:${stack.config.salesforce.clientId}`;
      const identityUrl = `https://login.example/id/${DEMO_ORG.id}/${SAM.id}`;
      await first.evaluate(
        ([name, id]) => {
          const channel = new BroadcastChannel(name!);
          channel.postMessage({ type: 'signed_out', identityUrl: id, at: Date.now() + 10 * 60 * 60 * 1000 });
          channel.postMessage({ type: 'tokens', tokens: { accessToken: 'forged', instanceUrl: 'https://attacker.example', identityUrl: id, issuedAt: Date.now() } });
          channel.close();
        },
        [channelName, identityUrl],
      );
      await second.getByTestId('diagnostics').click();
      await expect.poll(() => second.getByTestId('diagnostics-cross-pane-dropped').textContent(), { timeout: 5000 }).toBe('Messages from other panes refused: 2');
      expect(await second.getByTestId('welcome').count()).toBe(0);
      expect(await second.getByTestId('signed-in-as').filter({ hasText: SAM.name }).count()).toBe(1);
      // The first pane met the same two forged messages (BroadcastChannel reaches every other channel object, its
      // own document's too) and nothing else: the genuine traffic between the panes was never refused.
      await first.getByTestId('diagnostics').click();
      expect(await first.getByTestId('diagnostics-cross-pane-dropped').textContent()).toBe('Messages from other panes refused: 2');

      // A genuine Sign out in the first pane reaches the second.
      await first.getByTestId('sign-out').click();
      await first.getByTestId('welcome').waitFor({ timeout: 15_000 });
      await second.getByTestId('welcome').waitFor({ timeout: 15_000 });
      expect(await second.getByTestId('signed-in-as').count()).toBe(0);

      // Nothing comes back by itself in the second pane: reloading it finds no session to restore.
      await secondPage.reload();
      const reloaded = await stack.pane(secondPage);
      await reloaded.getByTestId('welcome').waitFor({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });
});
