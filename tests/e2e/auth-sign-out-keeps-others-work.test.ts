/**
 * Sign-out never loses another user's unsent work, in the production build, in real Chromium, against the emulated
 * org: Sam's save waits (connection lost), Alex signs in on the same pane and then signs out; Sam's entry is still in
 * the shared outbox database, nothing was sent, and when Sam signs in again it goes exactly once, as Sam.
 */
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEADS, DEMO_USERS } from '../emulator/seed';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { savedEmailTasks } from './support/emulator-records';
import { ALEX, SAM, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const lead = SAMPLE_EMAILS.find((e) => e.id === 'initech-lead')!;
const PARTITION = 'pk-e2e-keeps-others-work';

let stack: Stack;

beforeAll(async () => {
  // An org without Enhanced Email: saved emails are the completed Tasks these tests count (workspace-enhanced-email covers the other).
  stack = await startStack({ emulator: { policy: { enhancedEmail: false } } });
});
afterAll(async () => {
  await stack?.close();
});

const tasksForLead = () => savedEmailTasks(stack, lead.internetMessageId!);

/** Every outbox entry in the pane's IndexedDB, whatever database holds it: its owner's user id and status. */
async function outboxEntriesInBrowser(pane: Frame): Promise<Array<{ database: string; userId: string; status: string; type: string }>> {
  return pane.evaluate(async () => {
    const found: Array<{ database: string; userId: string; status: string; type: string }> = [];
    for (const info of await indexedDB.databases()) {
      const name = info.name;
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (db.objectStoreNames.contains('entries')) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('entries', 'readonly').objectStore('entries').getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        for (const entry of all as Array<{ owner: { userId: string }; status: string; action: { type: string } }>) {
          found.push({ database: name, userId: entry.owner.userId, status: entry.status, type: entry.action.type });
        }
      }
      db.close();
    }
    return found;
  });
}

describe('sign-out keeps other users’ waiting work', () => {
  it("Alex signs in on Sam's pane and signs out: Sam's waiting save survives and goes once, as Sam, when Sam is back", async () => {
    const context = await stack.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    const pane = await stack.openHarness(page, { email: lead.id, partitionKey: PARTITION });
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click(), SAM);
    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 15_000 });

    // Sam's save meets a lost connection (the grant is revoked: the request and the refresh are refused) and waits.
    await pane.getByTestId('save-email-button').waitFor({ timeout: 15_000 });
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await pane.getByTestId('save-email-button').click();
    const banner = pane.getByTestId('connection-lost');
    await banner.waitFor({ timeout: 15_000 });
    await pane.getByTestId('save-email-waiting').waitFor({ timeout: 10_000 });
    expect(await outboxEntriesInBrowser(pane)).toEqual([expect.objectContaining({ userId: DEMO_USERS.seller.id, status: 'waiting', type: 'save_email' })]);

    // Alex signs in on the same pane (Sign in again as another user).
    const mark = (await stack.emulatorLog()).length;
    await signInThroughDialog(context, () => banner.getByRole('button', { name: 'Sign in again' }).click(), ALEX);
    await pane.getByTestId('signed-in-as').filter({ hasText: ALEX.name }).waitFor({ timeout: 20_000 });
    await pane.getByTestId('save-email-button').waitFor({ timeout: 15_000 });
    expect(await pane.getByTestId('outbox').count()).toBe(0);

    // The switch revoked Sam's grant (issue 10: the previous user's refresh token is revoked, not just forgotten).
    expect((await stack.emulatorLog()).slice(mark).filter((e) => e.path === '/services/oauth2/revoke')).toHaveLength(1);

    // Alex signs out. Alex has nothing waiting, so no question is asked.
    const signOutMark = (await stack.emulatorLog()).length;
    await pane.getByTestId('sign-out').click();
    await pane.getByTestId('welcome').waitFor({ timeout: 15_000 });
    expect(await pane.getByTestId('sign-out-confirm').count()).toBe(0);
    const alexRevokes = (await stack.emulatorLog()).slice(signOutMark).filter((e) => e.path === '/services/oauth2/revoke');
    expect(alexRevokes).toHaveLength(1);
    const grants = (await (await fetch(`${stack.emulator.url}/__emulator/grants`)).json()) as Array<{ username: string; revoked: boolean }>;
    const alexGrants = grants.filter((g) => g.username === ALEX.username);
    expect(alexGrants.length).toBeGreaterThan(0);
    expect(alexGrants.filter((g) => !g.revoked)).toEqual([]);

    // Sam's entry is still there (the shared outbox database was not deleted), and nothing was sent meanwhile.
    const left = await outboxEntriesInBrowser(pane);
    expect(left).toEqual([expect.objectContaining({ userId: DEMO_USERS.seller.id, status: 'waiting', type: 'save_email' })]);
    expect(left[0]!.database).toContain(PARTITION);
    const writes = (await stack.emulatorLog()).slice(mark).filter((e) => e.method === 'POST' && e.path.includes('/sobjects/'));
    expect(writes).toEqual([]);
    expect(await tasksForLead()).toHaveLength(0);

    // Sam signs in again from the welcome screen: the save goes, exactly once, as Sam.
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click(), SAM);
    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 20_000 });
    await pane.getByTestId('save-email-saved').waitFor({ timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 1500)); // a second send would have happened by now
    const tasks = await tasksForLead();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ WhoId: DEMO_LEADS.tom.Id, OwnerId: DEMO_USERS.seller.id, CreatedById: DEMO_USERS.seller.id });
    const creates = (await stack.emulatorLog()).filter((e) => e.method === 'POST' && e.path.endsWith('/sobjects/Task') && e.status === 201);
    expect(creates.map((e) => e.username)).toEqual([SAM.username]);
    await expect.poll(async () => (await outboxEntriesInBrowser(pane)).filter((e) => e.status !== 'done')).toEqual([]);
    await context.close();
  });
});
