/**
 * Two panes of the add-in in real Chromium share one refresh: the production wrapper (Web Locks + BroadcastChannel,
 * jsforce/core from a lazy chunk, built with the project's vite.config.ts) in two pages of one origin, against the
 * emulated org with refresh token rotation on. A rotated refresh token used twice would revoke the grant.
 *
 * Self-contained (its own static server and page, written at run time), so it runs beside the Node integration tests;
 * the harness-based browser suite can take it over.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import { configFor, signIn } from './connection-fixture';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

// The page: the production wrapper with its production defaults (no lock, channel or loader passed in); the
// refresh token store is localStorage, shared by the two pages like the add-in's IndexedDB store.
const PAGE_SCRIPT = `
import { createSalesforceConnection } from ${JSON.stringify(repo('src/salesforce/connection/salesforce-connection.ts'))};
const store = {
  saveRefreshToken: async (refreshToken, issuedAt) => {
    const stored = JSON.parse(localStorage.getItem('rt') ?? 'null');
    if (!stored || issuedAt >= stored.issuedAt) localStorage.setItem('rt', JSON.stringify({ refreshToken, issuedAt }));
  },
  loadRefreshToken: async () => JSON.parse(localStorage.getItem('rt') ?? 'null') ?? undefined,
};
let api;
window.__pane = {
  start: async (config, tokens, identity) => {
    api = createSalesforceConnection({ config, tokenStore: store });
    await api.start(tokens, identity);
  },
  queries: async (soql, n) => {
    const results = await Promise.allSettled(Array.from({ length: n }, () => api.query(soql)));
    return results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason && r.reason.failure ? r.reason.failure.kind : String(r.reason)));
  },
  state: () => api.state().status,
};
window.__ready = true;
`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let browser: Browser;
let server: Server;
let origin: string;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'connection-two-panes-'));
  const root = join(workDir, 'src');
  const outDir = join(workDir, 'dist');
  await import('node:fs/promises').then((fs) => fs.mkdir(root));
  await writeFile(join(root, 'index.html'), '<!doctype html><html><body><script type="module" src="./pane.ts"></script></body></html>');
  await writeFile(join(root, 'pane.ts'), PAGE_SCRIPT);
  const { build } = await import('vite');
  await build({
    configFile: repo('vite.config.ts'),
    root,
    publicDir: false,
    logLevel: 'error',
    // One page: the project's config also lists src/msal-redirect.html, which is not under this root.
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 5000, rollupOptions: { input: join(root, 'index.html') } },
  });

  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  emulator = await startEmulator({ port: 0, allowedOrigins: [origin], policy: { rotation: true, refreshProcessingMs: 60 } });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function openPane(context: Awaited<ReturnType<Browser['newContext']>>): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
  return page;
}

const SOQL = 'SELECT Id, Name FROM Contact LIMIT 3';

describe('connection: two panes in Chromium', () => {
  it('share one refresh through Web Locks and BroadcastChannel: one token call per expiry, the rotated token never reused', async () => {
    const { tokens, identity } = await signIn(emulator.url, undefined, `${origin}/auth-callback.html`);
    // The org serves HTTPS with the harness's self-signed localhost certificate.
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const a = await openPane(context);
    const b = await openPane(context);
    const config = configFor(emulator.url, { redirectUri: `${origin}/auth-callback.html` });
    for (const pane of [a, b]) {
      await pane.evaluate(([c, t, i]) => (window as unknown as { __pane: { start(...x: unknown[]): Promise<void> } }).__pane.start(c, t, i), [config, tokens, identity] as const);
    }

    const run = (pane: Page, n: number) =>
      pane.evaluate(([soql, count]) => (window as unknown as { __pane: { queries(s: string, n: number): Promise<string[]> } }).__pane.queries(soql, count), [SOQL, n] as const);

    expect([...(await run(a, 1)), ...(await run(b, 1))]).toEqual(['ok', 'ok']);

    for (let round = 0; round < 5; round++) {
      emulator.controls.expireSessions();
      emulator.controls.clearLog();
      // Both panes meet the expired session at the same time.
      const [fromA, fromB] = await Promise.all([run(a, 10), run(b, 10)]);
      expect([...fromA, ...fromB].filter((r) => r !== 'ok')).toEqual([]);
      const tokenCalls = emulator.controls.log().filter((e) => e.path === '/services/oauth2/token');
      expect(tokenCalls.map((e) => e.status)).toEqual([200]);
    }
    // No grant was revoked for reuse, and both panes still work.
    expect(emulator.controls.grants().filter((g) => g.revoked)).toEqual([]);
    expect([...(await run(a, 2)), ...(await run(b, 2))]).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await a.evaluate(() => (window as unknown as { __pane: { state(): string } }).__pane.state())).toBe('connected');
    await context.close();
  });
});
