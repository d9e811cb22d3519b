/**
 * "Check this org's set-up" in the production build, in real Chromium, against the emulated org: what the pane's own
 * fetch may read under real CORS decides the checks. A correct org is ready; "Enable CORS for OAuth endpoints" off and
 * the add-in's origin missing from the allowlist are each named as the one problem, with the Setup path.
 */
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

async function runCheck(pane: Frame): Promise<{ summary: string; statuses: Record<string, string | null> }> {
  await pane.getByText('About and diagnostics').click();
  await pane.getByRole('button', { name: 'Check this org’s set-up' }).click();
  const list = pane.getByTestId('setup-check-results');
  await list.waitFor({ timeout: 15_000 });
  const statuses: Record<string, string | null> = {};
  for (const item of await list.getByRole('listitem').all()) {
    const id = ((await item.getAttribute('data-testid')) ?? '').replace('setup-check-', '');
    statuses[id] = await item.getAttribute('data-status');
  }
  return { summary: (await pane.getByTestId('setup-check-summary').textContent()) ?? '', statuses };
}

describe('org set-up check in the pane', () => {
  it('signed in to a correct org: ready, with the session checks answered', async () => {
    const { context, pane } = await openSignedInPane(stack, {});
    const { summary, statuses } = await runCheck(pane);
    expect(summary).toBe('Nothing to fix: the org is ready for the add-in.');
    expect(statuses).toMatchObject({
      'login-host': 'ok',
      'org-reachable': 'ok',
      'cors-allowlist': 'ok',
      'oauth-cors': 'ok',
      'client-id': 'ok',
      'client-secret': 'ok',
      'callback-url': 'ok',
      pkce: 'unknown',
      'api-access': 'ok',
      'enhanced-email': 'ok',
      'shared-activities': 'ok',
    });
    await context.close();
  });

  it('“Enable CORS for OAuth endpoints” off: the one problem, with where to turn it on', async () => {
    const { context, pane } = await openSignedInPane(stack, {});
    await stack.emulatorControl('misconfigure', { name: 'oauth-cors-off' });
    try {
      const { summary, statuses } = await runCheck(pane);
      expect(summary).toBe('1 to fix in Salesforce Setup.');
      expect(Object.entries(statuses).filter(([, status]) => status === 'problem')).toEqual([['oauth-cors', 'problem']]);
      expect(await pane.getByTestId('setup-check-oauth-cors').textContent()).toContain('Setup › CORS › Edit: turn on “Enable CORS for OAuth endpoints”');
    } finally {
      await stack.emulatorControl('reset');
      await context.close();
    }
  });

  it('signed out, the add-in’s origin not on the allowlist: the one problem, naming the origin to add', async () => {
    const context = await stack.newContext();
    await stack.emulatorControl('misconfigure', { name: 'origin-not-allowlisted' });
    try {
      const page = await context.newPage();
      const pane = await stack.openHarness(page, {});
      const { summary, statuses } = await runCheck(pane);
      expect(summary).toBe('1 to fix in Salesforce Setup.');
      expect(Object.entries(statuses).filter(([, status]) => status === 'problem')).toEqual([['cors-allowlist', 'problem']]);
      const origin = new URL(pane.url()).origin;
      expect(await pane.getByTestId('setup-check-cors-allowlist').textContent()).toContain(`Allowed Origins List › New: add ${origin}`);
      expect(statuses['api-access']).toBe('unknown');
    } finally {
      await stack.emulatorControl('reset');
      await context.close();
    }
  });
});
