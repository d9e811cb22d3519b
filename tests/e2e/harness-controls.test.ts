/**
 * The harness page's org controls, clicked in real Chromium, reach the emulated org over real HTTP (page → harness
 * server → emulator; no request routes): each button's effect is read back from the org itself (its records, its
 * token endpoint, its REST answers, its timing).
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../emulator/seed';
import { postToken, signInByHttp, type TokenResponse } from '../emulator/sign-in';
import { startStack, type Stack } from './support/stack';

const require = createRequire(import.meta.url);
let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  page = await stack.context.newPage();
  await stack.openHarness(page);
});
beforeEach(async () => {
  await stack.emulatorControl('reset');
});
afterAll(async () => {
  await stack?.close();
});

const button = (name: string) => page.getByRole('button', { name, exact: true });

async function signIn(user: { username: string; password: string }): Promise<TokenResponse> {
  return signInByHttp(stack.emulator.url, { username: user.username, password: user.password, redirectUri: `${stack.addinOrigin}/auth-callback.html` });
}

async function refresh(tokens: TokenResponse) {
  return postToken(stack.emulator.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: 'demo-outlook-addin' });
}

async function restCall(tokens: TokenResponse): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${stack.emulator.url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function userIsActive(userId: string): Promise<unknown> {
  const users = (await (await fetch(`${stack.emulator.url}/__emulator/records/User`)).json()) as Record<string, unknown>[];
  return users.find((u) => u.Id === userId)?.IsActive;
}

/** The control's answer is logged on the page once the org has answered: the state is then in place. */
async function clickAndWait(name: string, control: string): Promise<void> {
  const before = await page
    .locator('#activity li')
    .filter({ hasText: `org: ${control} → 200` })
    .count();
  await button(name).click();
  await expect
    .poll(
      () =>
        page
          .locator('#activity li')
          .filter({ hasText: `org: ${control} → 200` })
          .count(),
      { timeout: 5000 },
    )
    .toBeGreaterThan(before);
}

describe('harness org controls', () => {
  it('the controls have accessible names (axe on the control panel)', async () => {
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
      const result = await axe.run({ include: [['.controls']] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 200)) }));
    });
    expect(violations).toEqual([]);
    for (const name of [
      'Deactivate user',
      'Reactivate user',
      'Restrict login IP range',
      'Restrict login hours',
      'Lift restrictions',
      'Block the app',
      'Unblock the app',
      'Set latency',
      'No latency',
    ]) {
      expect(await button(name).count(), name).toBe(1);
    }
    expect(await page.getByLabel('User to deactivate or reactivate').count()).toBe(1);
    expect(await page.getByLabel('Latency (ms)').count()).toBe(1);
  });

  it('Deactivate user / Reactivate user: the chosen user goes inactive in the org (refresh refused), then active again', async () => {
    const alex = await signIn(DEMO_USERS.second);
    const sam = await signIn(DEMO_USERS.seller);
    await page.getByLabel('User to deactivate or reactivate').selectOption(DEMO_USERS.second.username);

    await clickAndWait('Deactivate user', 'deactivate-user');
    expect(await userIsActive(DEMO_USERS.second.id)).toBe(false);
    expect(await userIsActive(DEMO_USERS.seller.id)).toBe(true);
    expect((await refresh(alex)).body).toMatchObject({ error: 'invalid_grant', error_description: 'inactive user' });
    expect((await restCall(alex)).status).toBe(401);
    expect((await refresh(sam)).status).toBe(200);

    await clickAndWait('Reactivate user', 'reactivate-user');
    expect(await userIsActive(DEMO_USERS.second.id)).toBe(true);
    expect((await refresh(alex)).status).toBe(200);
  });

  it('Restrict login IP range / login hours, then Lift restrictions: token requests refused, then allowed', async () => {
    const sam = await signIn(DEMO_USERS.seller);
    await clickAndWait('Restrict login IP range', 'restrict');
    expect((await refresh(sam)).body).toMatchObject({ error: 'invalid_grant', error_description: 'ip restricted or invalid login hours' });
    await clickAndWait('Lift restrictions', 'restrict');
    expect((await refresh(sam)).status).toBe(200);

    await clickAndWait('Restrict login hours', 'restrict');
    expect((await refresh(sam)).body).toMatchObject({ error: 'invalid_grant', error_description: 'ip restricted or invalid login hours' });
    await expect(signIn(DEMO_USERS.seller)).rejects.toThrow();
    await clickAndWait('Lift restrictions', 'restrict');
    expect((await refresh(sam)).status).toBe(200);
  });

  it('Block the app / Unblock the app: sessions end and the token endpoint answers OAUTH_APP_BLOCKED, then works again', async () => {
    const sam = await signIn(DEMO_USERS.seller);
    expect((await restCall(sam)).status).toBe(200);
    await clickAndWait('Block the app', 'block-app');
    expect((await restCall(sam)).status).toBe(401);
    expect((await refresh(sam)).body).toMatchObject({ error: 'OAUTH_APP_BLOCKED' });
    await clickAndWait('Unblock the app', 'block-app');
    expect((await refresh(sam)).status).toBe(200);
  });

  it('Set latency delays every org request by the chosen time; No latency takes it away', async () => {
    const timed = async () => {
      const start = performance.now();
      const response = await fetch(`${stack.emulator.url}/services/data/`);
      expect(response.status).toBe(200);
      return performance.now() - start;
    };
    expect(await timed()).toBeLessThan(400);
    await page.getByLabel('Latency (ms)').fill('800');
    await clickAndWait('Set latency', 'latency');
    expect(await page.locator('#latency-readout').textContent()).toBe('latency: 800 ms');
    expect(await timed()).toBeGreaterThanOrEqual(780);
    await clickAndWait('No latency', 'latency');
    expect(await page.locator('#latency-readout').textContent()).toBe('latency: 0 ms');
    expect(await timed()).toBeLessThan(400);
  });

  it.each([
    ['403-access', 403, 'INSUFFICIENT_ACCESS_OR_READONLY'],
    ['400-validation', 400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION'],
  ])('Fail next %s: the next REST request gets Salesforce-shaped %i %s, the one after is served', async (kind, status, errorCode) => {
    const sam = await signIn(DEMO_USERS.seller);
    await page.getByLabel('Failure to inject').selectOption(kind);
    await page.getByLabel('Fail next').fill('1');
    await clickAndWait('Fail next request', 'fail-next');
    // The token endpoint is not what the failure is for: it goes to the REST API only.
    expect((await refresh(sam)).status).toBe(200);
    const failed = await restCall(sam);
    expect(failed.status).toBe(status);
    expect(failed.body).toEqual([{ message: expect.any(String), errorCode, fields: [] }]);
    expect((await restCall(sam)).status).toBe(200);
  });
});
