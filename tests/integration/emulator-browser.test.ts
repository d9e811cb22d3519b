/**
 * The emulated org in real Chromium, with no request interception (Playwright would answer CORS preflights itself
 * and hide mistakes): the login and Allow pages work with a keyboard-free click path, and the CORS allowlist lets
 * an allowed origin read REST answers while another origin is blocked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { DEMO_USERS } from '../emulator/seed';
import { createPkce, signInByHttp } from '../emulator/sign-in';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let org: RunningEmulator;
let browser: Browser;
const pages: Server[] = [];

/** A tiny origin serving one blank page, so the browser's fetches are genuinely cross-origin. */
async function startOrigin(): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>origin</title><p>callback</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pages.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let allowedOrigin: string;
let otherOrigin: string;

beforeAll(async () => {
  allowedOrigin = await startOrigin();
  otherOrigin = await startOrigin();
  org = await startEmulator({ allowedOrigins: [allowedOrigin] });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}, 60_000);

/** Chromium does not know the harness's self-signed certificate; the org's pages and APIs are HTTPS with it. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  return context.newPage();
}

afterAll(async () => {
  await browser?.close();
  await org?.close();
  await Promise.all(pages.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('emulated org in Chromium', () => {
  it('signs in through the login and Allow pages and lands on the callback with a code', async () => {
    const page = await newPage();
    const pkce = createPkce();
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: 'demo-outlook-addin',
      redirect_uri: `${allowedOrigin}/auth-callback.html`,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      state: 'browser-state',
    });
    await page.goto(`${org.url}/services/oauth2/authorize?${params}`);
    await page.getByLabel('Username').fill(DEMO_USERS.second.username);
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/check your username and password/);

    await page.getByLabel('Password').fill(DEMO_USERS.second.password);
    await page.getByRole('button', { name: 'Log In' }).click();
    await page.getByRole('heading', { name: 'Allow Access?' }).waitFor();
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((url) => url.pathname === '/auth-callback.html');
    const landed = new URL(page.url());
    expect(landed.origin).toBe(allowedOrigin);
    expect(landed.searchParams.get('state')).toBe('browser-state');
    const code = landed.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    // The page on the allowed origin can exchange the code itself (CORS on the token endpoint).
    await page.goto(`${allowedOrigin}/`);
    const exchanged = await page.evaluate(
      async ([url, c, verifier, redirect]) => {
        const res = await fetch(`${url}/services/oauth2/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'authorization_code', code: c, client_id: 'demo-outlook-addin', redirect_uri: redirect, code_verifier: verifier }),
        });
        const body = (await res.json()) as { id?: string };
        return { status: res.status, id: body.id };
      },
      [org.url, code, pkce.verifier, `${allowedOrigin}/auth-callback.html`] as const,
    );
    expect(exchanged).toEqual({ status: 200, id: `${org.loginHostUrl}/id/00D5e000000DemoAAA/${DEMO_USERS.second.id}` });
    await page.close();
  });

  it('lets the allowed origin call REST with a bearer token (real preflight) and blocks another origin', async () => {
    const { access_token: token } = await signInByHttp(org.url, { redirectUri: `${allowedOrigin}/auth-callback.html` });
    const callFrom = async (origin: string) => {
      const page = await newPage();
      await page.goto(`${origin}/`);
      const result = await page.evaluate(
        async ([url, bearer]) => {
          try {
            const res = await fetch(`${url}/services/data/v62.0/query?q=${encodeURIComponent("SELECT Name FROM Lead WHERE Email = 'tom.nguyen@initech.example'")}`, {
              headers: { Authorization: `Bearer ${bearer}` },
            });
            const body = (await res.json()) as { records: Array<{ Name: string }> };
            return { status: res.status, limitInfo: res.headers.get('Sforce-Limit-Info'), names: body.records.map((r) => r.Name) };
          } catch (err) {
            return { error: (err as Error).name };
          }
        },
        [org.url, token] as const,
      );
      await page.close();
      return result;
    };
    const allowed = await callFrom(allowedOrigin);
    expect(allowed).toEqual({ status: 200, limitInfo: expect.stringMatching(/^api-usage=\d+\/100000$/), names: ['Tom Nguyen'] });
    await expect(callFrom(otherOrigin)).resolves.toEqual({ error: 'TypeError' });
  });

  it('lets the allowed origin read neither the identity URL nor, with CORS for OAuth endpoints off, the token endpoint', async () => {
    const tokens = await signInByHttp(org.url, { redirectUri: `${allowedOrigin}/auth-callback.html` });
    const page = await newPage();
    await page.goto(`${allowedOrigin}/`);
    const attempt = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) =>
      page.evaluate(
        async ([u, i]) => {
          try {
            const res = await fetch(u, i);
            return { status: res.status };
          } catch (err) {
            return { error: (err as Error).name };
          }
        },
        [url, init] as const,
      );
    const refresh = {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=refresh_token&client_id=demo-outlook-addin&refresh_token=${encodeURIComponent(tokens.refresh_token ?? '')}`,
    };

    // The identity URL lives on the login host, which never answers CORS.
    await expect(attempt(tokens.id, { headers: { Authorization: `Bearer ${tokens.access_token}` } })).resolves.toEqual({ error: 'TypeError' });
    // Neither does the login host's token endpoint, even for an allowlisted origin.
    await expect(attempt(`${org.loginHostUrl}/services/oauth2/token`, refresh)).resolves.toEqual({ error: 'TypeError' });
    // My Domain's token endpoint does, while the org setting is on.
    await expect(attempt(`${org.url}/services/oauth2/token`, refresh)).resolves.toEqual({ status: 200 });
    org.controls.setPolicy({ corsForOAuthEndpoints: false });
    try {
      await expect(attempt(`${org.url}/services/oauth2/token`, refresh)).resolves.toEqual({ error: 'TypeError' });
      await expect(attempt(`${org.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=x' })).resolves.toEqual({
        error: 'TypeError',
      });
    } finally {
      org.controls.setPolicy({ corsForOAuthEndpoints: true });
    }
    await page.close();
  });

  it('shows a gateway answer without CORS headers to the page as a network error, then the org answers again', async () => {
    const { access_token: token } = await signInByHttp(org.url, { redirectUri: `${allowedOrigin}/auth-callback.html` });
    const page = await newPage();
    await page.goto(`${allowedOrigin}/`);
    const call = () =>
      page.evaluate(
        async ([url, bearer]) => {
          try {
            const res = await fetch(`${url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${bearer}` } });
            return { status: res.status };
          } catch (err) {
            return { error: (err as Error).name };
          }
        },
        [org.url, token] as const,
      );
    org.controls.failNext({ preset: 'gateway-error', status: 503, pathPrefix: '/services/data' });
    await expect(call()).resolves.toEqual({ error: 'TypeError' });
    await expect(call()).resolves.toEqual({ status: 200 });
    await page.close();
  });
});
