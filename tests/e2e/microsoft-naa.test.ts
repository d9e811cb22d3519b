import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microsoftAccountKey } from '../../src/auth/microsoft/microsoft-account-key';
import { DEFAULT_USERS, type OidcUser, type RunningOidcServer } from '../oidc/oidc-server';
import { startMicrosoftStack } from './support/microsoft-stack';
import { SAM as SF_SAM, signInThroughDialog } from './support/salesforce-sign-in';
import type { Stack } from './support/stack';

/**
 * Microsoft sign-in through nested app authentication in the REAL add-in: the harness reports NestedAppAuth 1.1 and
 * injects `window.nestedAppAuthBridge` into the pane (tests/harness/office-stand-in/); the harness page plays the
 * Outlook host and gets the tokens from a real OpenID Connect provider on loopback for the add-in's client id, as
 * Outlook does for a nested app. msal-browser in the pane only talks to the bridge.
 */
const CLIENT_ID = 'sellers-outlook-addin-naa-test';
const [MS_SAM, MS_ALEX] = DEFAULT_USERS as [OidcUser, OidcUser];
const STEP = 20_000;

let stack: Stack;
let oidc: RunningOidcServer;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, oidc, close } = await startMicrosoftStack(CLIENT_ID, { oidc: { passwordGrant: true } }));
});

afterAll(async () => {
  await close?.();
});

const databases = (pane: Frame) => pane.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
const tokenDatabases = async (pane: Frame) => (await databases(pane)).filter((name) => name.startsWith('sf-auth:'));
const diagnosticsLine = (pane: Frame) => pane.getByTestId('diagnostics-microsoft').textContent();
const hostRequests = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __outlookHarness: { nestedAppAuthRequests(): Array<{ method: string; clientId?: string; scope?: string }> } }).__outlookHarness.nestedAppAuthRequests(),
  );

async function openNaaPane(context: BrowserContext, account?: OidcUser): Promise<{ page: Page; pane: Frame }> {
  const page = await context.newPage();
  const pane = await stack.openHarness(page, {
    email: 'acme-renewal',
    nestedAppAuth: true,
    ...(account ? { outlookAccount: { login: account.login, password: account.password } } : {}),
  });
  return { page, pane };
}

describe('Microsoft sign-in through nested app authentication (Outlook harness as the host)', () => {
  it('signs in silently through the bridge: no window, the name shown, the Salesforce store keyed to the account, diagnostics say nested', async () => {
    const context = await stack.newContext();
    const popups: Page[] = [];
    context.on('page', (p) => popups.push(p));
    const tokenCallsBefore = oidc.requests.filter((r) => r.path === '/token').length;

    const { page, pane } = await openNaaPane(context, MS_SAM);
    expect(await pane.evaluate(() => typeof (window as unknown as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge)).toBe('object');

    // No click: the host's account signs the pane in on its own.
    await pane.getByTestId('microsoft-account-name').filter({ hasText: MS_SAM.name }).waitFor({ timeout: STEP });
    expect(await pane.getByTestId('microsoft-account-name').textContent()).toBe('Microsoft account: Sam Seller');
    expect(popups).toHaveLength(1); // the harness page itself: no sign-in window ever opened
    await pane.getByTestId('diagnostics').click();
    expect(await diagnosticsLine(pane)).toBe('Microsoft sign-in signed in (nested app authentication)');

    // The host answered the bridge for the add-in's own client id; the provider was called by the host page
    // (Outlook's own site, not the pane's), never through the popup path.
    const requests = await hostRequests(page);
    expect(requests[0]?.method).toBe('GetInitContext');
    const tokenRequests = requests.filter((r) => r.method === 'GetToken');
    expect(tokenRequests.length).toBeGreaterThan(0);
    expect(tokenRequests.every((r) => r.clientId === CLIENT_ID && (r.scope ?? '').split(' ').includes('User.Read'))).toBe(true);
    expect(requests.some((r) => r.method === 'GetTokenPopup')).toBe(false);
    expect(oidc.requests.filter((r) => r.path === '/token').length).toBeGreaterThan(tokenCallsBefore);
    expect(oidc.requests.filter((r) => r.path === '/token').every((r) => r.origin === stack.hostOrigin)).toBe(true);
    expect(oidc.requests.some((r) => r.path === '/auth')).toBe(false);

    // Salesforce sign-in: its token store belongs to the nested account.
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await pane.getByTestId('signed-in-as').filter({ hasText: SF_SAM.name }).waitFor({ timeout: STEP });
    const key = encodeURIComponent(microsoftAccountKey({ homeAccountId: MS_SAM.id }));
    await expect.poll(async () => (await tokenDatabases(pane)).filter((n) => n.endsWith(`:${key}`)).length, { timeout: 5000 }).toBe(1);

    // No Microsoft token in the pane's DOM or Web Storage.
    const visible = await pane.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(oidc.issuedTokens.length).toBeGreaterThan(0);
    for (const token of oidc.issuedTokens) expect(visible.includes(token)).toBe(false);

    await context.close();
  });

  it('another Outlook account in the same browser sees nothing of the first one’s Salesforce connection', async () => {
    const context = await stack.newContext();
    const first = await openNaaPane(context, MS_SAM);
    await first.pane.getByTestId('microsoft-account-name').filter({ hasText: MS_SAM.name }).waitFor({ timeout: STEP });
    await signInThroughDialog(context, () => first.pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await first.pane.getByTestId('signed-in-as').filter({ hasText: SF_SAM.name }).waitFor({ timeout: STEP });
    await first.page.close();

    const second = await openNaaPane(context, MS_ALEX);
    await second.pane.getByTestId('microsoft-account-name').filter({ hasText: MS_ALEX.name }).waitFor({ timeout: STEP });
    await second.pane.getByTestId('welcome').waitFor({ timeout: STEP });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await second.pane.getByTestId('signed-in-as').count()).toBe(0);
    await second.page.close();

    // Control: Sam's Outlook gets Sam's Salesforce session back silently (so the check above can fail).
    const third = await openNaaPane(context, MS_SAM);
    await third.pane.getByTestId('signed-in-as').filter({ hasText: SF_SAM.name }).waitFor({ timeout: STEP });
    await context.close();
  });

  it('with no account in Outlook, the pane stays signed out until the click; the host then signs in on the provider’s page', async () => {
    const context = await stack.newContext();
    const { page, pane } = await openNaaPane(context);
    await pane.getByTestId('welcome').waitFor({ timeout: STEP });
    await pane.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor({ timeout: STEP });
    expect(context.pages()).toHaveLength(1);

    const [popup] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Sign in with Microsoft' }).click()]);
    await popup.waitForSelector('input[name="login"]', { timeout: STEP });
    expect(new URL(popup.url()).origin).toBe(oidc.issuer);
    await popup.fill('input[name="login"]', MS_ALEX.login);
    await popup.fill('input[name="password"]', MS_ALEX.password);
    await popup.click('#submit');
    await pane.getByTestId('microsoft-account-name').filter({ hasText: MS_ALEX.name }).waitFor({ timeout: STEP });
    await expect.poll(() => popup.isClosed(), { timeout: 10_000 }).toBe(true);
    await pane.getByTestId('diagnostics').click();
    expect(await diagnosticsLine(pane)).toBe('Microsoft sign-in signed in (nested app authentication)');
    const methods = (await hostRequests(page)).map((r) => r.method);
    expect(methods).toContain('GetTokenPopup');
    await context.close();
  });
});
