import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAM, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

// Sign-in through the Office dialog, against the emulated org, in the production build: first sign-in, a closed
// dialog, blocked pop-ups, an ignored prompt, a refused consent, and start-up restore on reopen.

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

// A failed test must not leave its dialog or pane behind for the next one.
const opened: BrowserContext[] = [];
afterEach(async () => {
  for (const context of opened.splice(0)) await context.close().catch(() => undefined);
});

async function freshPane(options: { partitionKey?: string } = {}): Promise<{ context: BrowserContext; page: Page; pane: Frame }> {
  const context = await stack.newContext();
  opened.push(context);
  const page = await context.newPage();
  const pane = await stack.openHarness(page, { email: 'acme-renewal', ...options });
  return { context, page, pane };
}

describe('the welcome screen', () => {
  it('follows the Office theme: light, dark, high contrast', async () => {
    const { page, pane } = await freshPane();
    const background = () => pane.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    await pane.getByTestId('welcome').waitFor();
    expect(luminance(await background())).toBeGreaterThan(0.8);
    await stack.setTheme(page, 'dark');
    await expect.poll(async () => luminance(await background()), { timeout: 5000 }).toBeLessThan(0.3);
    await stack.setTheme(page, 'highContrast');
    await expect.poll(async () => (await background()).replace(/\s/g, ''), { timeout: 5000 }).toBe('rgb(0,0,0)');
  });

  it('shows the French strings when Outlook is in French', async () => {
    const context = await stack.newContext();
    opened.push(context);
    const page = await context.newPage();
    const pane = await stack.openHarness(page, { email: 'acme-renewal', lang: 'fr-FR' });
    await pane.getByRole('button', { name: 'Se connecter à Salesforce' }).waitFor();
  });
});

describe('sign-in', () => {
  it('first sign-in: welcome → dialog → login → signed in; no token in the DOM, URLs or localStorage; refresh token encrypted at rest', async () => {
    const { context, page, pane } = await freshPane();
    const urls: string[] = [];
    context.on('request', (request) => urls.push(request.url()));
    await pane.getByRole('button', { name: 'Sign in to Salesforce' }).waitFor();
    const dialog = await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());

    // The dialog started on the add-in's origin, went to the org's authorize endpoint with PKCE and the scopes.
    const start = urls.find((u) => u.includes('/auth-start.html'))!;
    expect(new URL(start).origin).toBe(stack.addinOrigin);
    const authorize = new URL(urls.find((u) => u.includes('/services/oauth2/authorize?'))!);
    expect(authorize.origin).toBe(stack.emulator.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('api refresh_token');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${stack.addinOrigin}/auth-callback.html`);
    expect(authorize.searchParams.get('state')).toBeTruthy();

    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });
    // The dialog is closed by the pane once it has the answer.
    await expect.poll(() => dialog.isClosed(), { timeout: 5000 }).toBe(true);

    // Who signed in came from REST on the instance, never from the identity URL (not a CORS endpoint on Salesforce).
    expect(urls.filter((u) => /\/id\/00D/.test(u))).toEqual([]);
    expect(urls.some((u) => /\/services\/data\/v\d+\.0\/sobjects\/User\/005\w+\?fields=Username,Name,Email$/.test(u))).toBe(true);

    const log = await stack.emulatorLog();
    const exchange = log.find((e) => e.path === '/services/oauth2/token');
    expect(exchange).toMatchObject({ status: 200, grantType: 'authorization_code' });

    const leaks = await pane.evaluate(async () => {
      const html = document.documentElement.outerHTML;
      const storage = JSON.stringify({ ...localStorage });
      const dbs = await indexedDB.databases();
      return { html, storage, dbs: dbs.map((d) => d.name) };
    });
    // Emulator access tokens look like 00D…!AQ…
    expect(leaks.html).not.toMatch(/00D5e000000DemoAAA!/);
    expect(leaks.storage).not.toMatch(/00D5e000000DemoAAA!/);
    expect(leaks.dbs.some((name) => name?.startsWith('sf-auth:'))).toBe(true);
    for (const url of urls) expect(url).not.toMatch(/00D5e000000DemoAAA!|[?&#](access_token|refresh_token)=/);
    // The callback cleared the code from its URL.
    expect(urls.some((u) => u.includes('/auth-callback.html?code='))).toBe(true);

    // Reopening the pane restores silently: no dialog, signed in again by a refresh.
    const pages = context.pages().length;
    await page.reload();
    const again = await stack.pane(page);
    await again.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });
    expect(context.pages().length).toBe(pages);
    const refreshes = async () => (await stack.emulatorLog()).filter((e) => e.path === '/services/oauth2/token' && e.grantType === 'refresh_token' && e.status === 200).length;
    await expect.poll(refreshes, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  });

  it('a closed dialog is a quiet cancel: back on the welcome screen, button ready again', async () => {
    const { context, pane } = await freshPane();
    const [dialog] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Sign in to Salesforce' }).click()]);
    await dialog.waitForSelector('#username');
    await dialog.close();
    const button = pane.getByRole('button', { name: 'Sign in to Salesforce' });
    await expect.poll(() => button.isEnabled(), { timeout: 5000 }).toBe(true);
    expect(await pane.getByTestId('sign-in-problem').count()).toBe(0);
  });

  it('blocked pop-ups: tells how to allow them', async () => {
    const { context, page, pane } = await freshPane();
    await stack.setDialogBehavior(page, 'block-popups');
    await pane.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    const problem = pane.getByTestId('sign-in-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('12011');
    expect(await problem.textContent()).toMatch(/Pop-ups are blocked/);
    expect(await pane.getByTestId('sign-in-steps').textContent()).toMatch(/Always allow pop-ups/);
    // After allowing pop-ups, the same button works.
    await stack.setDialogBehavior(page, 'allow');
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await pane.getByTestId('signed-in-as').waitFor({ timeout: 15_000 });
  });

  it('an ignored prompt: says to click again', async () => {
    const { page, pane } = await freshPane();
    await stack.setDialogBehavior(page, 'ignore-prompt');
    await pane.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    const problem = pane.getByTestId('sign-in-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('12009');
    expect(await problem.textContent()).toMatch(/click the button again/i);
  });

  it('a refused consent (access_denied) ends in a message, not a pending button', async () => {
    const { context, pane } = await freshPane();
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click(), SAM, 'deny');
    const problem = pane.getByTestId('sign-in-problem');
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.getAttribute('data-code')).toBe('access_denied');
    expect(await pane.getByRole('button', { name: 'Sign in to Salesforce' }).isEnabled()).toBe(true);
  });

  it('an app blocked by the admin (OAUTH_APP_BLOCKED) says to ask the admin', async () => {
    const { context, pane } = await freshPane();
    await stack.emulatorControl('block-app', { blocked: true });
    try {
      const [dialog] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Sign in to Salesforce' }).click()]);
      // The blocked app is refused at the authorize endpoint (after login in a real org; at once or after login here).
      await Promise.race([
        dialog.waitForSelector('#username', { timeout: 15_000 }).then(async () => {
          await dialog.fill('#username', SAM.username);
          await dialog.fill('#password', SAM.password);
          await dialog.click('#Login');
        }),
        pane.getByTestId('sign-in-problem').waitFor({ timeout: 15_000 }),
      ]).catch(() => undefined);
      const problem = pane.getByTestId('sign-in-problem');
      await problem.waitFor({ timeout: 15_000 });
      expect(await problem.getAttribute('data-code')).toBe('OAUTH_APP_BLOCKED');
      expect(await problem.textContent()).toMatch(/admin/i);
    } finally {
      await stack.emulatorControl('block-app', { blocked: false });
    }
  });
});

describe('a login host whose token endpoint cannot answer the pane', () => {
  let generic: Stack;

  beforeAll(async () => {
    // login.salesforce.com as the configured login address: never contacted (nothing resolves it here), refused first.
    generic = await startStack({ config: (base) => ({ ...base, salesforce: { ...base.salesforce, loginUrl: 'https://login.salesforce.com' } }) });
  });

  afterAll(async () => {
    await generic?.close();
  });

  it('login.salesforce.com: a set-up message naming My Domain and the CORS settings, and no sign-in window', async () => {
    const context = await generic.newContext();
    opened.push(context);
    const page = await context.newPage();
    const pane = await generic.openHarness(page, { email: 'acme-renewal' });
    const pages = context.pages().length;
    await pane.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    const problem = pane.getByTestId('sign-in-problem');
    await problem.waitFor({ timeout: 10_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).toMatch(/My Domain/);
    expect(text).not.toMatch(/Something went wrong/);
    const steps = (await pane.getByTestId('sign-in-steps').textContent()) ?? '';
    expect(steps).toContain('Enable CORS for OAuth endpoints');
    expect(steps).toContain(generic.addinOrigin);
    expect(steps).toContain('https://login.salesforce.com');
    expect(context.pages().length).toBe(pages);
    expect(await pane.getByRole('button', { name: 'Sign in to Salesforce' }).isEnabled()).toBe(true);
  });
});

describe('a token endpoint that does not answer the pane (CORS for OAuth endpoints off, or the origin not allowlisted)', () => {
  let noCors: Stack;

  beforeAll(async () => {
    // The org with "Enable CORS for OAuth endpoints" off: its login pages work in the dialog (a first-party window,
    // where CORS does not apply), but its token endpoint answers the pane without CORS headers.
    noCors = await startStack({ emulator: { policy: { corsForOAuthEndpoints: false } } });
  });

  afterAll(async () => {
    await noCors?.close();
  });

  it('the code exchange fails as a browser sees it: a set-up message naming My Domain, the CORS setting and the origin, never "Something went wrong"', async () => {
    const context = await noCors.newContext();
    opened.push(context);
    const page = await context.newPage();
    const pane = await noCors.openHarness(page, { email: 'acme-renewal' });
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    const problem = pane.getByTestId('sign-in-problem');
    await problem.waitFor({ timeout: 15_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).not.toMatch(/Something went wrong|unexpectedly/);
    expect(text).toMatch(/isn’t set up for the add-in/);
    const steps = (await pane.getByTestId('sign-in-steps').textContent()) ?? '';
    expect(steps).toMatch(/My Domain/);
    expect(steps).toContain('Enable CORS for OAuth endpoints');
    expect(steps).toContain(noCors.addinOrigin);
    expect(await pane.getByTestId('signed-in-as').count()).toBe(0);
    expect(await pane.getByRole('button', { name: 'Sign in to Salesforce' }).isEnabled()).toBe(true);
  });
});
