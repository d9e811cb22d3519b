import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAM, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

// The sign-in dialog's first page, in the production build: anyone can open /auth-start.html with any query (a link
// in a phishing email, a page framing the add-in), so it goes only to a login host config.json lists. And a login
// address config.json gives, or storage holds, that is no Salesforce host is refused by the pane before any token goes.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const opened: BrowserContext[] = [];
afterEach(async () => {
  for (const context of opened.splice(0)) await context.close().catch(() => undefined);
});

// An S256 challenge and a state as the pane makes them (src/auth/pkce.ts).
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const STATE = 'aB3dE5gH7jK9mN1pQ3sT5v';

function authStartUrl(loginUrl: string): string {
  const query = new URLSearchParams({
    login_url: loginUrl,
    client_id: stack.config.salesforce.clientId,
    redirect_uri: stack.config.salesforce.redirectUri,
    code_challenge: CHALLENGE,
    state: STATE,
  });
  return `${stack.addinOrigin}/auth-start.html?${query}`;
}

async function openDirectly(url: string): Promise<{ page: Page; requests: string[] }> {
  const context = await stack.newContext();
  opened.push(context);
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  await page.goto(url);
  return { page, requests };
}

describe('the dialog’s first page (auth-start.html)', () => {
  it('a foreign login_url in its query is not followed: it stays, says why, and asks nothing of that host', async () => {
    const { page, requests } = await openDirectly(authStartUrl('https://evil.example'));
    await page.waitForSelector('body[data-refusal]', { timeout: 10_000 });
    expect(await page.getAttribute('body', 'data-refusal')).toBe('login_not_listed');
    expect(await page.textContent('#status')).toMatch(/not one the add-in is set up for/);
    expect(await page.getAttribute('#status', 'role')).toBe('alert');
    // Longer than the page ever waits for office.js before leaving: it never leaves.
    await page.waitForTimeout(2500);
    expect(new URL(page.url()).origin).toBe(stack.addinOrigin);
    expect(new URL(page.url()).pathname).toBe('/auth-start.html');
    // The query (challenge, state) is gone from the address bar and history.
    expect(new URL(page.url()).search).toBe('');
    // (The page's own URL names the host in its query: only requests *to* it count.)
    expect(requests.filter((url) => new URL(url).hostname.endsWith('evil.example'))).toEqual([]);
    expect(requests.filter((url) => new URL(url).pathname === '/services/oauth2/authorize')).toEqual([]);
  });

  it('another org’s Salesforce host, not listed in config.json, is not followed either', async () => {
    const { page, requests } = await openDirectly(authStartUrl('https://other.my.salesforce.com'));
    await page.waitForSelector('body[data-refusal="login_not_listed"]', { timeout: 10_000 });
    await page.waitForTimeout(2500);
    expect(new URL(page.url()).pathname).toBe('/auth-start.html');
    expect(requests.filter((url) => new URL(url).hostname.endsWith('salesforce.com'))).toEqual([]);
  });

  it('the login host config.json lists is followed, to its authorize endpoint with the pane’s parameters', async () => {
    const { page, requests } = await openDirectly(authStartUrl(stack.emulator.url));
    await page.waitForURL((url) => url.origin === stack.emulator.url, { timeout: 10_000 });
    const authorize = new URL(requests.find((url) => new URL(url).pathname === '/services/oauth2/authorize')!);
    expect(authorize.origin).toBe(stack.emulator.url);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: stack.config.salesforce.clientId,
      redirect_uri: stack.config.salesforce.redirectUri,
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
      state: STATE,
      scope: 'api refresh_token',
    });
  });
});

describe('a login address in config.json that is no Salesforce host', () => {
  let foreign: Stack;

  beforeAll(async () => {
    foreign = await startStack({ config: (base) => ({ ...base, salesforce: { ...base.salesforce, loginUrl: 'https://login.evil.example' } }) });
  });

  afterAll(async () => {
    await foreign?.close();
  });

  it('the pane refuses it before any window opens: a set-up message naming the address, nothing sent', async () => {
    const context = await foreign.newContext();
    opened.push(context);
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const pane = await foreign.openHarness(page, { email: 'acme-renewal' });
    const pages = context.pages().length;
    await pane.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    const problem = pane.getByTestId('sign-in-problem');
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.textContent()).toMatch(/doesn’t trust this Salesforce address/);
    expect(await pane.getByTestId('sign-in-steps').textContent()).toContain('login.evil.example');
    expect(context.pages().length).toBe(pages);
    expect(requests.filter((url) => new URL(url).hostname.endsWith('evil.example') || new URL(url).pathname === '/auth-start.html')).toEqual([]);
    expect(await pane.getByRole('button', { name: 'Sign in to Salesforce' }).isEnabled()).toBe(true);
  });
});

describe('a stored session whose login address is no Salesforce host', () => {
  it('reopening the pane refuses it before the refresh: the welcome screen with a set-up message, the refresh token sent nowhere', async () => {
    const context = await stack.newContext();
    opened.push(context);
    const page = await context.newPage();
    const pane = await stack.openHarness(page, { email: 'acme-renewal' });
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });

    // The last session's login address, edited in IndexedDB (the refresh token beside it stays decryptable: its
    // encryption binds org and user, not the host).
    const edited = await pane.evaluate(async () => {
      const name = (await indexedDB.databases()).map((d) => d.name).find((n) => n?.startsWith('sf-auth:'));
      if (!name) return false;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const store = db.transaction('meta', 'readwrite').objectStore('meta');
      const last = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = store.get('last-session');
        req.onsuccess = () => resolve(req.result as Record<string, unknown>);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const req = store.put({ ...last, loginUrl: 'https://login.evil.example' }, 'last-session');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      });
      db.close();
      return true;
    });
    expect(edited).toBe(true);

    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const refreshesBefore = (await stack.emulatorLog()).filter((e) => e.grantType === 'refresh_token').length;
    await page.reload();
    const again = await stack.pane(page);
    const problem = again.getByTestId('sign-in-problem');
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.textContent()).toMatch(/doesn’t trust this Salesforce address/);
    await again.getByRole('button', { name: 'Sign in to Salesforce' }).waitFor();
    expect(requests.filter((url) => new URL(url).hostname.endsWith('evil.example'))).toEqual([]);
    expect((await stack.emulatorLog()).filter((e) => e.grantType === 'refresh_token').length).toBe(refreshesBefore);
  });
});
