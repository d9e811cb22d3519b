/**
 * Connection lost and the two ways out, in the production build against the emulated org: session expired and
 * refresh token revoked (mid-session and at reopen) → the banner → Sign in again restores in place and the waiting
 * work goes through once; a closed dialog leaves the banner; offline is never Connection lost; Sign out revokes and
 * wipes; another user signing in never sends the first user's work.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { axeViolations } from './support/axe';
import { emulatorRecords } from './support/emulator-records';
import { ALEX, openSignedInPane, SAM, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const MESSAGE_ID = renewal.internetMessageId!;
const INVALID_SESSION = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];

let stack: Stack;

beforeAll(async () => {
  // An org without Enhanced Email: saved emails are the completed Tasks these tests count (workspace-enhanced-email covers the other).
  stack = await startStack({ emulator: { policy: { enhancedEmail: false } } });
});

afterAll(async () => {
  await stack?.close();
});

const opened: BrowserContext[] = [];
afterEach(async () => {
  for (const context of opened.splice(0)) await context.close().catch(() => undefined);
  await stack.emulatorControl('reset');
});

async function signedInPane(options: { partitionKey?: string } = {}): Promise<{ context: BrowserContext; page: Page; pane: Frame }> {
  const signedIn = await openSignedInPane(stack, { email: renewal.id, ...options });
  opened.push(signedIn.context);
  const { pane } = signedIn;
  await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });
  // The workspace has looked up the email's people: the pane has a working session.
  await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
  return signedIn;
}

async function tasksForMessage(): Promise<Array<Record<string, unknown>>> {
  const all = await emulatorRecords(stack, 'Task');
  return all.filter((t) => JSON.stringify(t).includes(MESSAGE_ID.replace(/[<>]/g, '')));
}

/** axe on the shell's own parts (header, banner, notices); the workspace's own page is checked by its tests. */
const SHELL_PARTS = { include: [['header'], ['[data-testid="connection-lost"]']] };

function banner(pane: Frame) {
  return pane.getByTestId('connection-lost');
}

async function saveEmail(pane: Frame): Promise<void> {
  await pane.getByTestId('save-email-button').click();
}

async function expectLostBanner(pane: Frame, why: RegExp): Promise<void> {
  await banner(pane).waitFor({ timeout: 15_000 });
  const text = (await banner(pane).textContent()) ?? '';
  expect(text).toContain('Connection lost');
  expect(text).toMatch(why);
  // Both ways out are real buttons, reachable by keyboard.
  const again = banner(pane).getByRole('button', { name: 'Sign in again' });
  const out = banner(pane).getByRole('button', { name: 'Sign out' });
  expect(await again.isEnabled()).toBe(true);
  expect(await out.isEnabled()).toBe(true);
  await again.focus();
  await again.press('Tab');
  expect(await out.evaluate((el) => el === document.activeElement)).toBe(true);
}

describe('Connection lost', () => {
  it('session expired → the next action shows Connection lost → Sign in again → banner gone, the action done once, the view kept', async () => {
    const { context, pane } = await signedInPane();
    // The session is refused, and refused again after renewal: the session cannot be renewed (INVALID_SESSION_ID).
    await stack.emulatorControl('expire-sessions');
    await stack.emulatorControl('fail-next', { count: 2, status: 401, body: INVALID_SESSION, pathPrefix: '/services/data', headers: { 'WWW-Authenticate': 'Token' } });
    await saveEmail(pane);
    await expectLostBanner(pane, /session expired or is no longer valid/);
    expect(await pane.getByTestId('welcome').count()).toBe(0);
    expect(await tasksForMessage()).toHaveLength(0);

    // Details expand and copy, with kind and code and no token.
    await banner(pane).getByRole('button', { name: 'Details' }).click();
    const details = (await pane.getByTestId('connection-lost-details').textContent()) ?? '';
    expect(details).toContain('session_expired');
    expect(details).toContain('INVALID_SESSION_ID');
    expect(details).toContain('00D5e000000DemoAAA');
    expect(details).not.toMatch(/00D5e000000DemoAAA!/);

    await signInThroughDialog(context, () => banner(pane).getByRole('button', { name: 'Sign in again' }).click());
    await banner(pane).waitFor({ state: 'detached', timeout: 15_000 });
    // The prompt=login dialog, then the same view: the people are still there, no welcome screen in between.
    expect(await pane.getByTestId('person-card').count()).toBe(3);
    await expect.poll(async () => (await tasksForMessage()).length, { timeout: 15_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await tasksForMessage()).toHaveLength(1);
    const authorizes = (await stack.emulatorLog()).filter((e) => e.path === '/services/oauth2/authorize');
    expect(authorizes.length).toBeGreaterThanOrEqual(2);
  });

  it('refresh token revoked mid-session → Connection lost (could not be renewed) → Sign in again', async () => {
    const { context, pane } = await signedInPane();
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await saveEmail(pane);
    await expectLostBanner(pane, /could not be renewed/);
    // After a definite refusal the token endpoint is not asked again, whatever the pane does.
    const refreshesAfterLost = async () => (await stack.emulatorLog()).filter((e) => e.grantType === 'refresh_token').length;
    const before = await refreshesAfterLost();
    await stack.selectEmail(pane.page(), 'initech-lead');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await refreshesAfterLost()).toBe(before);

    await stack.selectEmail(pane.page(), renewal.id);
    await signInThroughDialog(context, () => banner(pane).getByRole('button', { name: 'Sign in again' }).click());
    await banner(pane).waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(async () => (await tasksForMessage()).length, { timeout: 15_000 }).toBe(1);
  });

  it('refresh token revoked while the pane was closed → reopening shows the banner, not the welcome screen', async () => {
    const { context, page } = await signedInPane();
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await page.reload();
    const pane = await stack.pane(page);
    await expectLostBanner(pane, /could not be renewed/);
    expect(await pane.getByTestId('welcome').count()).toBe(0);
    await signInThroughDialog(context, () => banner(pane).getByRole('button', { name: 'Sign in again' }).click());
    await banner(pane).waitFor({ state: 'detached', timeout: 15_000 });
    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor();
  });

  it('the seller closes the sign-in dialog → back to the banner, nothing lost', async () => {
    const { context, pane } = await signedInPane();
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await saveEmail(pane);
    await banner(pane).waitFor({ timeout: 15_000 });
    await expect.poll(() => pane.locator('[data-testid="outbox-entry"][data-status="waiting"]').count(), { timeout: 10_000 }).toBe(1);
    // The banner is announced (an assertive live region) and the page with it is axe-clean.
    expect(await pane.locator('[aria-live="assertive"]').count()).toBeGreaterThan(0);
    await banner(pane).getByRole('button', { name: 'Details' }).click();
    expect(await axeViolations(pane, SHELL_PARTS)).toEqual([]);

    const [dialog] = await Promise.all([context.waitForEvent('page'), banner(pane).getByRole('button', { name: 'Sign in again' }).click()]);
    await dialog.waitForSelector('#username');
    await dialog.close();

    await expect.poll(() => banner(pane).getByRole('button', { name: 'Sign in again' }).isEnabled(), { timeout: 5000 }).toBe(true);
    expect(await banner(pane).count()).toBe(1);
    expect(await pane.getByTestId('sign-in-problem').count()).toBe(0);
    expect(await pane.getByTestId('person-card').count()).toBe(3);
    expect(await pane.locator('[data-testid="outbox-entry"][data-status="waiting"]').count()).toBe(1);
    expect(await tasksForMessage()).toHaveLength(0);
  });

  it('offline → an offline notice, never Connection lost; it recovers by itself', async () => {
    const { context, page, pane } = await signedInPane();
    await stack.setOffline(context, true);
    await stack.selectEmail(page, 'initech-lead');
    await pane.getByTestId('offline-notice').waitFor({ timeout: 15_000 });
    expect(await banner(pane).count()).toBe(0);
    await stack.setOffline(context, false);
    await pane.getByTestId('offline-notice').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await banner(pane).count()).toBe(0);
  });
});

describe('Only an admin can fix it', () => {
  it('user deactivated → the admin message, never Connection lost; sign in again once reactivated, the work goes once', async () => {
    const { context, pane } = await signedInPane();
    await stack.emulatorControl('deactivate-user', { username: SAM.username });
    await stack.emulatorControl('expire-sessions');
    await saveEmail(pane);
    const blocked = pane.getByTestId('connection-blocked');
    await blocked.waitFor({ timeout: 15_000 });
    expect(await blocked.textContent()).toContain('Ask your Salesforce admin to reactivate your user');
    expect(await banner(pane).count()).toBe(0);
    expect(await tasksForMessage()).toHaveLength(0);

    await stack.emulatorControl('reactivate-user', { username: SAM.username });
    await signInThroughDialog(context, () => blocked.getByRole('button', { name: 'Sign in again' }).click());
    await blocked.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(async () => (await tasksForMessage()).length, { timeout: 15_000 }).toBe(1);
  });
});

describe('Sign out', () => {
  it('revokes at the org, empties IndexedDB and localStorage, returns to the welcome screen', async () => {
    const partitionKey = 'pk-e2e-signout';
    const { context, pane } = await signedInPane({ partitionKey });
    await pane.evaluate((key) => localStorage.setItem(`${key}:pane-prefs`, '{"pinned":true}'), partitionKey);
    const mark = (await stack.emulatorLog()).length;

    await pane.getByTestId('sign-out').click();
    await pane.getByTestId('welcome').waitFor({ timeout: 15_000 });

    const revokes = (await stack.emulatorLog()).slice(mark).filter((e) => e.path === '/services/oauth2/revoke');
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.status).toBe(200);
    const grants = (await (await fetch(`${stack.emulator.url}/__emulator/grants`)).json()) as Array<{ username: string; revoked: boolean }>;
    const samGrants = grants.filter((g) => g.username === SAM.username);
    expect(samGrants.length).toBeGreaterThan(0);
    expect(samGrants.filter((g) => !g.revoked)).toEqual([]);

    const left = await pane.evaluate(async (key) => {
      const dbs = await indexedDB.databases();
      const keys = Object.keys(localStorage).filter((k) => k.startsWith(key));
      return { dbs: dbs.map((d) => d.name), keys };
    }, partitionKey);
    // Nothing of this account is left: no token store, no outbox, no cache, no partition keys.
    expect(left.dbs).toEqual([]);
    expect(left.keys).toEqual([]);
    // Ready to sign in again, with a fresh outbox: saving works.
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
    await saveEmail(pane);
    await expect.poll(async () => (await tasksForMessage()).length, { timeout: 15_000 }).toBe(1);
  });

  it('asks before discarding unsent work; keep cancels, discard signs out even when the org cannot be reached', async () => {
    const { context, pane } = await signedInPane();
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await saveEmail(pane);
    await banner(pane).waitFor({ timeout: 15_000 });

    await banner(pane).getByRole('button', { name: 'Sign out' }).click();
    const confirm = pane.getByTestId('sign-out-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/1 change/);
    await confirm.getByRole('button', { name: 'Keep and cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await banner(pane).count()).toBe(1);
    expect(await pane.locator('[data-testid="outbox-entry"]').count()).toBe(1);

    await stack.setOffline(context, true);
    await banner(pane).getByRole('button', { name: 'Sign out' }).click();
    await pane.getByTestId('sign-out-confirm').getByRole('button', { name: 'Discard and sign out' }).click();
    await pane.getByTestId('welcome').waitFor({ timeout: 15_000 });
    await stack.setOffline(context, false);
    expect(await tasksForMessage()).toHaveLength(0);
  });
});

describe('another user signs in again', () => {
  it('says so, does not send the first user’s waiting work, and starts clean', async () => {
    const { context, pane } = await signedInPane();
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await saveEmail(pane);
    await banner(pane).waitFor({ timeout: 15_000 });
    await expect.poll(() => pane.locator('[data-testid="outbox-entry"][data-status="waiting"]').count(), { timeout: 10_000 }).toBe(1);

    await signInThroughDialog(context, () => banner(pane).getByRole('button', { name: 'Sign in again' }).click(), ALEX);
    const notice = pane.getByTestId('switched-user');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/You are now signed in as Alex Second.*work waiting for Sam Seller.*was not sent/);
    await pane.getByTestId('signed-in-as').filter({ hasText: ALEX.name }).waitFor();
    expect(await banner(pane).count()).toBe(0);
    // Alex's workspace: his own (empty) outbox, the people looked up again for him.
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
    expect(await pane.locator('[data-testid="outbox-entry"]').count()).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await tasksForMessage()).toHaveLength(0);
    const writesByAlex = (await stack.emulatorLog()).filter((e) => e.username === ALEX.username && e.method === 'POST' && e.path.includes('/sobjects/Task'));
    expect(writesByAlex).toHaveLength(0);
  });
});
