/**
 * The outbox in the production build, in real Chromium, against the emulated org: a save interrupted by a lost
 * connection goes once after Sign in again; a save made offline survives a closed pane and goes once when the pane
 * is back online; another Salesforce user signing in never sends the first user's waiting work.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONTACTS, DEMO_LEADS, DEMO_USERS } from '../emulator/seed';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { expectAxeClean } from './support/axe';
import { savedEmailTasks } from './support/emulator-records';
import { ALEX, openSignedInPane, SAM, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const lead = SAMPLE_EMAILS.find((e) => e.id === 'initech-lead')!;

let stack: Stack;

beforeAll(async () => {
  // An org without Enhanced Email: saved emails are the completed Tasks these tests count (workspace-enhanced-email covers the other).
  stack = await startStack({ emulator: { policy: { enhancedEmail: false } } });
});
beforeEach(async () => {
  await stack.emulatorControl('reset');
});
afterAll(async () => {
  await stack?.close();
});

// Reduced motion: Fluent's colour transitions would otherwise be caught half-way by axe's contrast check.
const signedInPane = (email: string) => openSignedInPane(stack, { email }, { reducedMotion: 'reduce' });
const tasksFor = (messageId: string) => savedEmailTasks(stack, messageId);

describe('the outbox', () => {
  it('connection lost mid-save → Connection lost → Sign in again → saved exactly once', async () => {
    const { context, pane } = await signedInPane(lead.id);
    await pane.getByTestId('save-email-button').waitFor({ timeout: 15_000 });
    // The seller's grant is revoked: the save's request is refused, the refresh too (invalid_grant).
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await pane.getByTestId('save-email-button').click();

    const banner = pane.getByTestId('connection-lost');
    await banner.waitFor({ timeout: 15_000 });
    const waiting = pane.getByTestId('save-email-waiting');
    await waiting.waitFor({ timeout: 10_000 });
    expect(await waiting.textContent()).toMatch(/sign in again/i);
    expect(await pane.getByTestId('outbox-entry').getAttribute('data-status')).toBe('waiting');
    expect(await tasksFor(lead.internetMessageId!)).toHaveLength(0);
    await expectAxeClean(pane);

    await signInThroughDialog(context, () => banner.getByRole('button', { name: 'Sign in again' }).click());
    await pane.getByTestId('save-email-saved').waitFor({ timeout: 20_000 });
    await expect.poll(() => pane.getByTestId('connection-lost').count()).toBe(0);
    const tasks = await tasksFor(lead.internetMessageId!);
    expect(tasks).toHaveLength(1);
    // Linked to the lead; a lead takes no WhatId.
    expect(tasks[0]).toMatchObject({ WhoId: DEMO_LEADS.tom.Id, CreatedById: DEMO_USERS.seller.id });
    expect(tasks[0]!.WhatId ?? null).toBeNull();
    expect(await pane.getByTestId('outbox').count()).toBe(0);
    await context.close();
  });

  it('offline, save, pane closed, back online, pane reopened → saved exactly once', async () => {
    const { context, page, pane } = await signedInPane(renewal.id);
    await pane.getByTestId('save-email-button').waitFor({ timeout: 15_000 });
    await stack.setOffline(context, true);
    await pane.getByTestId('save-email-button').click();
    const waiting = pane.getByTestId('save-email-waiting');
    await waiting.waitFor({ timeout: 10_000 });
    expect(await waiting.textContent()).toMatch(/offline/i);
    await page.close();
    expect(await tasksFor(renewal.internetMessageId!)).toHaveLength(0);

    await stack.setOffline(context, false);
    const reopened = await context.newPage();
    const again = await stack.openHarness(reopened, { email: renewal.id });
    await again.getByTestId('save-email-saved').waitFor({ timeout: 20_000 });
    const tasks = await tasksFor(renewal.internetMessageId!);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ WhoId: DEMO_CONTACTS.jane.Id, CreatedById: DEMO_USERS.seller.id });
    await context.close();
  });

  it("another user signs in: the first user's waiting work is not sent (and goes once when that user is back)", async () => {
    const { context, page, pane } = await signedInPane(lead.id);
    await pane.getByTestId('save-email-button').waitFor({ timeout: 15_000 });
    await stack.emulatorControl('revoke-user', { username: SAM.username });
    await pane.getByTestId('save-email-button').click();
    const banner = pane.getByTestId('connection-lost');
    await banner.waitFor({ timeout: 15_000 });
    await pane.getByTestId('save-email-waiting').waitFor({ timeout: 10_000 });

    const mark = (await stack.emulatorLog()).length;
    await signInThroughDialog(context, () => banner.getByRole('button', { name: 'Sign in again' }).click(), ALEX);
    await pane.getByTestId('signed-in-as').filter({ hasText: ALEX.name }).waitFor({ timeout: 20_000 });
    // Alex's workspace: the email's people, nothing of Sam's outbox, the save not done.
    await pane.getByTestId('save-email-button').waitFor({ timeout: 15_000 });
    expect(await pane.getByTestId('outbox').count()).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await tasksFor(lead.internetMessageId!)).toHaveLength(0);
    const writes = (await stack.emulatorLog()).slice(mark).filter((e) => e.method === 'POST' && e.path.includes('/sobjects/'));
    expect(writes).toEqual([]);

    // Alex's connection is lost in turn and Sam signs in again on this pane: Sam's save goes, once, as Sam.
    await stack.emulatorControl('revoke-user', { username: ALEX.username });
    await stack.selectEmail(page, renewal.id); // a new lookup meets the revoked grant
    await banner.waitFor({ timeout: 15_000 });
    await stack.selectEmail(page, lead.id);
    await signInThroughDialog(context, () => banner.getByRole('button', { name: 'Sign in again' }).click(), SAM);
    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: 20_000 });
    await pane.getByTestId('save-email-saved').waitFor({ timeout: 20_000 });
    const tasks = await tasksFor(lead.internetMessageId!);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ CreatedById: DEMO_USERS.seller.id, WhoId: DEMO_LEADS.tom.Id });
    await context.close();
  });
});
