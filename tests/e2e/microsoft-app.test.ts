import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, type OidcUser, type RunningOidcServer } from '../oidc/oidc-server';
import { freePort } from './support/free-port';
import { openMicrosoftSignIn, startMicrosoftStack } from './support/microsoft-stack';
import { SAM as SF_SAM, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

/**
 * Microsoft sign-in in the REAL add-in (the production build in the Outlook harness, the pane cross-site and
 * partitioned), against a real OpenID Connect provider on loopback standing in for Entra ID, next to the emulated
 * Salesforce org. No request interception: the pane opens MSAL's popup relay (dist/msal-popup-relay.html), whose
 * click opens the provider's own login page; that returns to dist/msal-redirect.html, whose first-party broadcast the
 * relay hears and posts to the pane, and the pane redeems the code over CORS as it would in Outlook.
 */
const CLIENT_ID = 'sellers-outlook-addin-test';
const [MS_SAM, MS_ALEX] = DEFAULT_USERS as [OidcUser, OidcUser];
const STEP = 20_000;

let stack: Stack;
let oidc: RunningOidcServer;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, oidc, close } = await startMicrosoftStack(CLIENT_ID));
});

afterAll(async () => {
  await close?.();
});

/** Clicks "Sign in with Microsoft" (a real click) and signs in on the provider's page in the popup it opens. */
async function signInWithMicrosoft(context: BrowserContext, pane: Frame, user: OidcUser): Promise<void> {
  const { relay, provider: popup } = await openMicrosoftSignIn(context, () => pane.getByRole('button', { name: 'Sign in with Microsoft' }).click(), STEP);
  expect(new URL(relay.url()).origin).toBe(stack.addinOrigin);
  expect(new URL(popup.url()).origin).toBe(oidc.issuer);
  await popup.fill('input[name="login"]', user.login);
  await popup.fill('input[name="password"]', user.password);
  await popup.click('#submit');
  await pane.getByTestId('microsoft-account-name').filter({ hasText: user.name }).waitFor({ timeout: STEP });
  await expect.poll(() => popup.isClosed(), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => relay.isClosed(), { timeout: 10_000 }).toBe(true);
}

const databases = (pane: Frame) => pane.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
const tokenDatabases = async (pane: Frame) => (await databases(pane)).filter((name) => name.startsWith('sf-auth:'));
const diagnosticsLine = (pane: Frame) => pane.getByTestId('diagnostics-microsoft').textContent();

async function openPane(context: BrowserContext): Promise<{ page: Page; pane: Frame }> {
  const page = await context.newPage();
  const pane = await stack.openHarness(page, { email: 'acme-renewal' });
  return { page, pane };
}

async function salesforceRefreshes(): Promise<number> {
  return (await stack.emulatorLog()).filter((e) => e.path === '/services/oauth2/token' && e.grantType === 'refresh_token').length;
}

describe('Microsoft sign-in in the add-in', () => {
  it('signs in with Microsoft, keys the Salesforce store to the account, keeps a second account out, and Sign out clears both', async () => {
    const context = await stack.newContext();

    // 1. First run: Salesforce's welcome screen is usable at once, with "Sign in with Microsoft" beside it.
    const { page, pane } = await openPane(context);
    await pane.getByTestId('welcome').waitFor({ timeout: STEP });
    await pane.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor({ timeout: STEP });
    expect(await pane.getByTestId('microsoft-sign-in-problem').count()).toBe(0);
    // No window opened by itself.
    expect(context.pages()).toHaveLength(1);

    // 2. Microsoft sign-in from the click: the seller's Microsoft name in the pane.
    await signInWithMicrosoft(context, pane, MS_SAM);
    expect(await pane.getByTestId('microsoft-account-name').textContent()).toBe('Microsoft account: Sam Seller');
    await pane.getByTestId('diagnostics').click();
    expect(await diagnosticsLine(pane)).toBe('Microsoft sign-in signed in (standard popup)');
    expect(oidc.requests.some((r) => r.path === '/token' && r.origin === stack.addinOrigin)).toBe(true);

    // 3. Salesforce sign-in: its token store is the Microsoft account's.
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await pane.getByTestId('signed-in-as').filter({ hasText: SF_SAM.name }).waitFor({ timeout: STEP });
    await expect.poll(async () => (await tokenDatabases(pane)).filter((n) => n.includes(MS_SAM.id)).length, { timeout: 5000 }).toBe(1);
    const samStore = (await tokenDatabases(pane)).find((n) => n.includes(MS_SAM.id))!;
    expect(samStore).toMatch(/^sf-auth:[^:]+:ms%3A/);
    // The pane's DOM and storage carry no Microsoft token.
    const html = await pane.evaluate(() => document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(oidc.issuedTokens.length).toBeGreaterThan(0);
    for (const token of oidc.issuedTokens) expect(html.includes(token)).toBe(false);

    // 4. A second Microsoft account in the same browser (same IndexedDB): nothing of the first.
    const refreshesBefore = await salesforceRefreshes();
    const second = await openPane(context);
    await second.pane.getByTestId('welcome').waitFor({ timeout: STEP });
    await signInWithMicrosoft(context, second.pane, MS_ALEX);
    // Re-keyed to Alex's account: still the welcome screen, no Salesforce session restored.
    await second.pane.getByTestId('welcome').waitFor({ timeout: STEP });
    await second.pane.getByRole('button', { name: 'Sign in to Salesforce' }).waitFor();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await second.pane.getByTestId('signed-in-as').count()).toBe(0);
    expect(await second.pane.getByTestId('welcome').count()).toBe(1);
    expect(await salesforceRefreshes()).toBe(refreshesBefore);
    await second.page.close();

    // Control: the first account in another pane does get its Salesforce session back, restored silently by the
    // re-key after its Microsoft sign-in, with no Salesforce dialog (so the check above can fail).
    const third = await openPane(context);
    await third.pane.getByTestId('welcome').waitFor({ timeout: STEP });
    const windows = context.pages().length;
    await signInWithMicrosoft(context, third.pane, MS_SAM);
    await third.pane.getByTestId('signed-in-as').filter({ hasText: SF_SAM.name }).waitFor({ timeout: STEP });
    expect(context.pages().length).toBe(windows);
    await third.page.close();

    // 5. Sign out: out of Salesforce and of the Microsoft account; the account's token store is gone.
    await pane.getByTestId('sign-out').click();
    await pane.getByTestId('welcome').waitFor({ timeout: STEP });
    await pane.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor({ timeout: STEP });
    expect(await pane.getByTestId('microsoft-account-name').count()).toBe(0);
    await pane.getByTestId('diagnostics').click();
    expect(await diagnosticsLine(pane)).toMatch(/^Microsoft sign-in signed out/);
    await expect.poll(async () => (await tokenDatabases(pane)).filter((n) => n.includes(MS_SAM.id)), { timeout: 5000 }).toEqual([]);
    // The Microsoft session hint is gone too: a reload stays signed out of both.
    await page.reload();
    const reloaded = await stack.pane(page);
    await reloaded.getByTestId('welcome').waitFor({ timeout: STEP });
    await reloaded.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor({ timeout: STEP });
    expect(await reloaded.getByTestId('signed-in-as').count()).toBe(0);

    await context.close();
  });

  it('the popup-relay page opens only the configured provider: a forged request to another site opens nothing', async () => {
    const context = await stack.newContext();
    const opener = await context.newPage();
    await opener.goto(`${stack.addinOrigin}/config.json`);
    const forged = (url: string) => `${stack.addinOrigin}/msal-popup-relay.html#${new URLSearchParams({ req: JSON.stringify({ id: 'forged', method: 'GET', url }) })}`;
    const open = async (url: string) => {
      const [relay] = await Promise.all([context.waitForEvent('page'), opener.evaluate((href) => void window.open(href, '_blank', 'popup'), forged(url))]);
      await relay.getByRole('button', { name: 'Continue' }).waitFor({ timeout: STEP });
      await relay.waitForFunction(() => !(document.getElementById('relay-continue') as HTMLButtonElement).disabled, undefined, { timeout: STEP });
      return relay;
    };
    // Control: the configured provider's own origin is opened.
    const good = await open(`${oidc.issuer}/auth?client_id=${CLIENT_ID}`);
    const [child] = await Promise.all([context.waitForEvent('page', { timeout: STEP }), good.getByRole('button', { name: 'Continue' }).click()]);
    expect(new URL(child.url()).origin).toBe(oidc.issuer);
    await child.close();
    await good.close().catch(() => undefined);

    const evil = await open('https://evil.example/phish');
    const pages = context.pages().length;
    await evil.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => evil.isClosed(), { timeout: 10_000 }).toBe(true);
    expect(context.pages().length).toBeLessThanOrEqual(pages);
    expect(context.pages().some((p) => p.url().includes('evil.example'))).toBe(false);
    await context.close();
  });

  it('without Microsoft sign-in configured, diagnostics say so and no Microsoft button shows', async () => {
    // This stack's config has Microsoft; a bare one shows the other side.
    const bare = await startStack();
    try {
      const page = await bare.context.newPage();
      const pane = await bare.openHarness(page, { email: 'acme-renewal' });
      await pane.getByTestId('welcome').waitFor({ timeout: STEP });
      expect(await pane.getByRole('button', { name: 'Sign in with Microsoft' }).count()).toBe(0);
      await pane.getByTestId('diagnostics').click();
      expect(await diagnosticsLine(pane)).toBe('Microsoft sign-in not configured');
    } finally {
      await bare.close();
    }
  });

  it('an identity provider that cannot be reached ends in a clear message and never blocks Salesforce sign-in', async () => {
    const deadPort = await freePort();
    const broken = await startStack({ config: (base) => ({ ...base, microsoft: { clientId: CLIENT_ID, authority: `https://localhost:${deadPort}` } }) });
    try {
      const context = await broken.newContext();
      const page = await context.newPage();
      const pane = await broken.openHarness(page, { email: 'acme-renewal' });
      await pane.getByTestId('welcome').waitFor({ timeout: STEP });
      await pane.getByRole('button', { name: 'Sign in with Microsoft' }).click();
      const problem = pane.getByTestId('microsoft-sign-in-problem');
      await problem.waitFor({ timeout: STEP });
      expect(await problem.getAttribute('data-kind')).toBe('error');
      expect(await problem.textContent()).toMatch(/Microsoft sign-in did not complete/);
      // Still clickable for another try, and Salesforce sign-in goes ahead without it.
      expect(await pane.getByRole('button', { name: 'Sign in with Microsoft' }).isEnabled()).toBe(true);
      await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
      await pane.getByTestId('signed-in-as').filter({ hasText: SF_SAM.name }).waitFor({ timeout: STEP });
    } finally {
      await broken.close();
    }
  });
});
