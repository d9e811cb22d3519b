/**
 * The seller's whole journey against stand-ins as strict as the real hosts (issue "Real hosts, not our picture of
 * them"): the pane is a cross-site iframe with storage partitioning on, the org is HTTPS with its identity URL on a
 * separate login host that never answers CORS, and the app grants only the scopes the README lists. Signs in, shows
 * people, heals an expired session with one token call, and shows Connection lost once the refresh token is revoked.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG, DEMO_USERS } from '../emulator/seed';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { SAM, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const STEP = 15_000;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ emulator: { policy: { rotation: true } } });
});

afterAll(async () => {
  await stack?.close();
});

/** The registrable part of a host as Chromium keys partitions: an IP or `localhost` is its own site. */
function siteOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}`;
}

async function tokenCalls(since: number) {
  return (await stack.emulatorLog()).slice(since).filter((e) => e.path === '/services/oauth2/token');
}

describe('the journey against faithful hosts', () => {
  let page: Page;
  let pane: Frame;

  it('the pane is a cross-site iframe, and the identity URL is on another host the pane cannot read', async () => {
    const context = await stack.newContext();
    page = await context.newPage();
    pane = await stack.openHarness(page, { email: renewal.id });
    expect(siteOf(pane.url())).toBe(stack.addinOrigin.replace(/:\d+$/, ''));
    expect(siteOf(page.url())).not.toBe(siteOf(pane.url()));

    const identityUrl = `${stack.emulator.loginHostUrl}/id/${DEMO_ORG.id}/${DEMO_USERS.seller.id}`;
    expect(new URL(identityUrl).origin).not.toBe(new URL(stack.emulator.url).origin);
    const read = await pane.evaluate(async (url) => {
      try {
        const response = await fetch(url, { headers: { Authorization: 'Bearer not-a-token' } });
        return `answered ${response.status}`;
      } catch (error) {
        return `refused: ${(error as Error).name}`;
      }
    }, identityUrl);
    expect(read).toBe('refused: TypeError');
  });

  it('signs in through the Office dialog and shows the people, without ever asking the identity URL', async () => {
    const mark = (await stack.emulatorLog()).length;
    await signInThroughDialog(page.context(), () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: STEP });
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);

    const log = (await stack.emulatorLog()).slice(mark);
    expect(log.filter((e) => e.path.startsWith('/id/'))).toEqual([]);
    expect(log.filter((e) => e.path === '/services/oauth2/token').map((e) => `${e.grantType} ${e.status}`)).toEqual(['authorization_code 200']);
  });

  it('heals an expired session with one refresh, quietly', async () => {
    await stack.emulatorControl('expire-sessions');
    const mark = (await stack.emulatorLog()).length;
    await stack.selectEmail(page, 'initech-lead');
    await expect.poll(async () => (await pane.getByTestId('person-card').allTextContents()).join(' '), { timeout: STEP }).toContain('Tom Nguyen');
    expect(await pane.getByTestId('connection-lost').count()).toBe(0);
    expect((await tokenCalls(mark)).map((e) => `${e.grantType} ${e.status}`)).toEqual(['refresh_token 200']);
  });

  it('shows Connection lost with Sign in again and Sign out once the refresh token is revoked', async () => {
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await stack.emulatorControl('expire-sessions');
    await stack.selectEmail(page, renewal.id);
    await pane.getByTestId('save-email-button').click();
    const banner = pane.getByTestId('connection-lost');
    await banner.waitFor({ timeout: STEP });
    expect(await banner.textContent()).toContain('Connection lost');
    expect(await banner.getByRole('button', { name: 'Sign in again' }).isEnabled()).toBe(true);
    expect(await banner.getByRole('button', { name: 'Sign out' }).isEnabled()).toBe(true);
  });
});
