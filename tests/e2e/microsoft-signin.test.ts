import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLocalhostCertificate } from '../harness/certificate';
import { resolveInside, sendFile } from '../harness/static-files';
import { DEFAULT_USERS, startOidcServer, type OidcUser, type RunningOidcServer } from '../oidc/oidc-server';
import { CHROMIUM_ARGS } from './support/chromium';

/**
 * The production bundle of src/auth/microsoft (built here with Vite, minified, MSAL in its own lazy chunk) in real
 * Chromium, signing in against a real OpenID Connect provider on loopback. Both servers are real HTTPS servers: no
 * request interception, so a CORS or redirect URI mistake fails the test the way it would fail a seller.
 */
const CLIENT_ID = 'sellers-outlook-addin-test';

const [SAM, ALEX] = DEFAULT_USERS as [OidcUser, OidcUser];

let outDir: string;
let app: Server;
let appOrigin: string;
let oidc: RunningOidcServer;
let browser: Browser;
let context: BrowserContext;
const consoleLines: string[] = [];
const visitedUrls: string[] = [];

async function serveStatic(root: string): Promise<Server> {
  const { key, cert } = await getLocalhostCertificate();
  const server = createServer({ key, cert }, (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'https://localhost').pathname;
    void sendFile(res, resolveInside(root, path === '/' ? '/index.html' : path)).then((sent) => {
      if (!sent) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

function watch(page: Page) {
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('framenavigated', (frame) => visitedUrls.push(frame.url()));
}

async function openApp(query = ''): Promise<Page> {
  const page = await context.newPage();
  watch(page);
  await page.goto(`${appOrigin}/index.html${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Clicks Sign in (a real click: the only way the popup may open) and signs in on the provider's own page. */
async function signIn(page: Page, user: OidcUser) {
  const popupOpened = page.waitForEvent('popup');
  await page.click('#sign-in');
  const popup = await popupOpened;
  watch(popup);
  await popup.waitForSelector('input[name="login"]');
  await popup.fill('input[name="login"]', user.login);
  await popup.fill('input[name="password"]', user.password);
  await popup.click('#submit');
  await expect.poll(() => page.textContent('#status'), { timeout: 20_000 }).toBe('signed_in');
}

async function sessionStorageDump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k) ?? ''])));
}

async function localStorageDump(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k) ?? ''])));
}

const accountKeyOf = (page: Page) => page.evaluate(() => document.body.dataset.accountKey ?? '');

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'microsoft-signin-'));
  const pageRoot = resolve(__dirname, '../oidc/signin-page');
  await build({
    configFile: false,
    root: pageRoot,
    logLevel: 'warn',
    mode: 'production',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { index: join(pageRoot, 'index.html'), redirect: join(pageRoot, 'msal-redirect.html') } },
    },
  });

  app = await serveStatic(outDir);
  appOrigin = `https://localhost:${(app.address() as AddressInfo).port}`;
  oidc = await startOidcServer({
    clientId: CLIENT_ID,
    redirectUris: [`${appOrigin}/msal-redirect.html`],
    allowedOrigins: [appOrigin],
    users: DEFAULT_USERS,
  });
  await writeFile(join(outDir, 'config.json'), JSON.stringify({ microsoft: { clientId: CLIENT_ID, authority: oidc.issuer } }));

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    // Keep Chromium's pop-up blocker on (Playwright turns it off by default): a sign-in window may only open from a
    // click, and the test must be able to see the difference.
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
  // The loopback certificate is self-signed; this trusts it without intercepting anything.
  context = await browser.newContext({ ignoreHTTPSErrors: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await oidc?.close();
  await new Promise<void>((done) => (app ? app.close(() => done()) : done()));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('Microsoft sign-in against a local OpenID Connect provider', () => {
  it('loads MSAL lazily: the page entry does not carry it', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeTruthy();
    const entryCode = await readFile(join(outDir, entry ?? ''), 'utf8');
    // A string only msal-browser carries; it must sit in a chunk loaded when sign-in starts, not in the entry.
    expect(entryCode).not.toContain('nestedAppAuthBridge');
    const chunks = await readdir(join(outDir, 'assets'));
    const msalChunks = await Promise.all(chunks.map(async (f) => (await readFile(join(outDir, 'assets', f), 'utf8')).includes('nestedAppAuthBridge')));
    expect(msalChunks.some(Boolean)).toBe(true);

    const page = await openApp();
    expect(await page.textContent('#status')).toBe('signed_out');
    expect(await page.textContent('#failure')).toBe('');
    await page.close();
  });

  it('signs in, shows the name, keys the store to the account; a second account sees nothing; sign out clears both', async () => {
    // Seller A signs in and keeps something in the account's namespace.
    const pageA = await openApp();
    await signIn(pageA, SAM);
    expect(await pageA.textContent('#name')).toBe('Sam Seller');
    expect(await pageA.textContent('#diagnostics')).toBe('Microsoft sign-in signed in (standard popup)');
    const keyA = await accountKeyOf(pageA);
    expect(keyA).toMatch(/^ms:.+/);
    await pageA.fill('#note', 'deal notes of Sam');
    await pageA.click('#save');
    expect(await pageA.textContent('#stored')).toBe('deal notes of Sam');

    // The token exchange went to the provider's token endpoint from the app's origin (CORS for real).
    expect(oidc.requests).toContainEqual({ method: 'POST', path: '/token', origin: appOrigin });

    const homeAccountIdA = keyA.slice('ms:'.length);
    // No token in web storage, ever: MSAL's cache is in memory; only a non-secret hint is kept for the session.
    const tokens = () => oidc.issuedTokens;
    expect(tokens().length).toBeGreaterThanOrEqual(2);
    const storageA = JSON.stringify([await sessionStorageDump(pageA), await localStorageDump(pageA)]);
    for (const token of tokens()) expect(storageA).not.toContain(token);
    expect(storageA.toLowerCase()).toContain(homeAccountIdA);

    // A reload within the session stays signed in, silently (no popup: ssoSilent in a hidden frame).
    let popupsOnReload = 0;
    pageA.on('popup', () => (popupsOnReload += 1));
    await pageA.reload();
    await pageA.waitForSelector('body[data-ready="true"]');
    expect(await pageA.textContent('#status')).toBe('signed_in');
    expect(await pageA.textContent('#name')).toBe('Sam Seller');
    expect(await accountKeyOf(pageA)).toBe(keyA);
    expect(popupsOnReload).toBe(0);

    // Seller B, in another pane of the same browser profile (same localStorage), signs in: the provider still has
    // A's session, so this also proves the popup asks for the login again instead of silently reusing A.
    const pageB = await openApp();
    await signIn(pageB, ALEX);
    expect(await pageB.textContent('#name')).toBe('Alex Second');
    const keyB = await accountKeyOf(pageB);
    expect(keyB).toMatch(/^ms:.+/);
    expect(keyB).not.toBe(keyA);
    // A's data exists in this very storage, but B's namespace holds nothing of it.
    expect(await pageB.evaluate(() => Object.keys(localStorage))).toContain(`test-store:${keyA}:note`);
    expect(await pageB.textContent('#stored')).toBe('');

    // Tokens never reach the DOM, a URL, the console, or web storage.
    for (const page of [pageA, pageB]) {
      const seen = [await page.content(), JSON.stringify(await sessionStorageDump(page)), JSON.stringify(await localStorageDump(page))].join('\n');
      for (const token of tokens()) expect(seen).not.toContain(token);
    }
    for (const token of tokens()) {
      expect(visitedUrls.join('\n')).not.toContain(token);
      expect(consoleLines.join('\n')).not.toContain(token);
    }

    // A signs out: A's namespace and A's MSAL cache are gone; B is untouched.
    await pageA.click('#sign-out');
    await expect.poll(() => pageA.textContent('#status')).toBe('signed_out');
    expect(await pageA.textContent('#name')).toBe('');
    expect(await pageA.evaluate(() => Object.keys(localStorage))).not.toContain(`test-store:${keyA}:note`);
    const afterSignOut = JSON.stringify([await sessionStorageDump(pageA), await localStorageDump(pageA)]);
    expect(afterSignOut.toLowerCase()).not.toContain(homeAccountIdA);
    for (const token of tokens()) expect(afterSignOut).not.toContain(token);

    // And stays out after a reload (no silent sign-in back into A).
    await pageA.reload();
    await pageA.waitForSelector('body[data-ready="true"]');
    expect(await pageA.textContent('#status')).toBe('signed_out');

    await pageB.reload();
    await pageB.waitForSelector('body[data-ready="true"]');
    expect(await pageB.textContent('#name')).toBe('Alex Second');
    await pageA.close();
    await pageB.close();
  });

  it('after a reload, the provider answering for another account never signs this pane in as that account', async () => {
    const pageSam = await openApp();
    await signIn(pageSam, SAM);
    const keySam = await accountKeyOf(pageSam);
    // Another pane signs in as Alex: the provider's session is now Alex's.
    const pageAlex = await openApp();
    await signIn(pageAlex, ALEX);
    // Sam's pane reloads and restores silently: the provider answers for Alex, which must be refused.
    await pageSam.reload();
    await pageSam.waitForSelector('body[data-ready="true"]');
    expect(await pageSam.textContent('#status')).toBe('signed_out');
    expect(await pageSam.textContent('#name')).toBe('');
    expect(await accountKeyOf(pageSam)).toBe('');
    expect(keySam).not.toBe(await accountKeyOf(pageAlex));
    await pageAlex.click('#sign-out');
    await pageSam.close();
    await pageAlex.close();
  });

  it('a sign-in not started by a click is refused by the browser and ends as popup_blocked', async () => {
    // A page that has had no click and calls signIn by itself: the "open it after a failure" mistake.
    const page = await context.newPage();
    let popups = 0;
    page.on('popup', () => (popups += 1));
    await page.goto(`${appOrigin}/index.html?signInOnLoad=1`);
    // Leave the page alone: the driver's own calls count as user gestures for up to 5 s (Chromium's transient
    // activation), and the page waits until none is in effect before it calls signIn.
    await new Promise((r) => setTimeout(r, 7000));
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
    expect(popups).toBe(0);
    expect(await page.textContent('#failure')).toMatch(/^popup_blocked:(empty_window_error|popup_window_error)$/);
    expect(await page.textContent('#status')).toBe('signed_out');
    await page.close();
  });

  it('a popup the seller closed: a second click abandons it and signs in', async () => {
    const page = await openApp();
    const firstOpened = page.waitForEvent('popup');
    await page.click('#sign-in');
    const first = await firstOpened;
    await first.waitForSelector('input[name="login"]');
    await first.close();
    // MSAL 5 cannot see the closing (see MicrosoftAuthDeps.popupTimeoutMs); the seller clicks again.
    expect(await page.textContent('#status')).toBe('signing_in');
    await signIn(page, SAM);
    expect(await page.textContent('#name')).toBe('Sam Seller');
    await page.click('#sign-out');
    await expect.poll(() => page.textContent('#status')).toBe('signed_out');
    await page.close();
  });

  it('a popup left without an answer ends as a timeout, not a pending promise', async () => {
    const page = await openApp('?popupTimeoutMs=3000');
    const opened = page.waitForEvent('popup');
    await page.click('#sign-in');
    const popup = await opened;
    await popup.close();
    await expect.poll(() => page.textContent('#failure'), { timeout: 15_000 }).toBe('timeout:timed_out');
    expect(await page.textContent('#status')).toBe('signed_out');
    await page.close();
  });
});
