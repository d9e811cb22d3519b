/**
 * Enhanced Email, saved at a glance and shared mailboxes in the production build, in real Chromium, against the
 * emulated org: a save is one EmailMessage with its relations; a second seller's pane says who saved it and adds
 * nothing; an org without Enhanced Email gets one Task; an email in a shared mailbox saves as the signed-in seller.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_USERS } from '../emulator/seed';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { expectAxeClean } from './support/axe';
import { emulatorRecords, savedEmailTasks } from './support/emulator-records';
import { ALEX, openSignedInPane, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const shared = SAMPLE_EMAILS.find((e) => e.id === 'shared-mailbox')!;
const STEP = 20_000;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
beforeEach(async () => {
  await stack.emulatorControl('reset');
});
afterAll(async () => {
  await stack?.close();
});

const emailMessages = async (messageId: string) => (await emulatorRecords(stack, 'EmailMessage')).filter((m) => m.MessageIdentifier === messageId);
const relationsOf = async (emailId: unknown) => (await emulatorRecords(stack, 'EmailMessageRelation')).filter((r) => r.EmailMessageId === emailId).map((r) => [r.RelationId, r.RelationType]);

async function alexPane(email: string): Promise<{ context: BrowserContext; pane: Frame }> {
  const context = await stack.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const pane = await stack.openHarness(page, { email });
  await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click(), ALEX);
  await pane.getByTestId('signed-in-as').waitFor({ timeout: STEP });
  return { context, pane };
}

describe('Enhanced Email', () => {
  it('saves one EmailMessage with its relations; a second seller’s pane says who saved it and adds nothing', async () => {
    const sam = await openSignedInPane(stack, { email: renewal.id }, { reducedMotion: 'reduce' });
    await sam.pane.getByTestId('save-email-button').click({ timeout: STEP });
    const saved = sam.pane.getByTestId('save-email-saved');
    await saved.waitFor({ timeout: STEP });
    expect(await saved.getByTestId('saved-by').textContent()).toMatch(/^Saved by you, /);
    expect(await saved.getByTestId('saved-task-link').getAttribute('data-sobject')).toBe('EmailMessage');

    const [message, ...more] = await emailMessages(renewal.internetMessageId!);
    expect(more).toHaveLength(0);
    expect(message).toMatchObject({ Status: '1', Incoming: true, FromAddress: 'jane.doe@acme.example', RelatedToId: DEMO_ACCOUNTS.acme.Id, CreatedById: DEMO_USERS.seller.id });
    expect(String(message?.HtmlBody)).toContain('support upgrade');
    expect(await relationsOf(message?.Id)).toEqual([
      [DEMO_CONTACTS.jane.Id, 'FromAddress'],
      [DEMO_CONTACTS.bob.Id, 'ToAddress'],
      [DEMO_CONTACTS.priya.Id, 'CcAddress'],
    ]);
    expect(await savedEmailTasks(stack, renewal.internetMessageId!)).toHaveLength(0);
    await sam.context.close();

    const alex = await alexPane(renewal.id);
    const seen = alex.pane.getByTestId('save-email-saved');
    await seen.waitFor({ timeout: STEP });
    expect(await seen.getByTestId('saved-by').textContent()).toMatch(/^Saved by Sam Seller, /);
    expect(await seen.getByTestId('saved-linked-to').textContent()).toContain('Jane Doe');
    expect(await alex.pane.getByTestId('save-email-button').count()).toBe(0);
    await expectAxeClean(alex.pane);
    expect(await emailMessages(renewal.internetMessageId!)).toHaveLength(1);
    await alex.context.close();
  });

  it('in an org without Enhanced Email, saves one completed Task, and a second seller sees it saved', async () => {
    await stack.emulatorControl('policy', { enhancedEmail: false });
    const sam = await openSignedInPane(stack, { email: renewal.id }, { reducedMotion: 'reduce' });
    await sam.pane.getByTestId('save-email-button').click({ timeout: STEP });
    await sam.pane.getByTestId('save-email-saved').waitFor({ timeout: STEP });
    const tasks = await savedEmailTasks(stack, renewal.internetMessageId!);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ Status: 'Completed', WhoId: DEMO_CONTACTS.jane.Id, CreatedById: DEMO_USERS.seller.id });
    await sam.context.close();

    const alex = await alexPane(renewal.id);
    const seen = alex.pane.getByTestId('save-email-saved');
    await seen.waitFor({ timeout: STEP });
    expect(await seen.getByTestId('saved-by').textContent()).toMatch(/^Saved by Sam Seller, /);
    expect(await seen.getByTestId('saved-task-link').getAttribute('data-sobject')).toBe('Task');
    expect(await savedEmailTasks(stack, renewal.internetMessageId!)).toHaveLength(1);
    await alex.context.close();
  });
});

describe('a shared mailbox', () => {
  it('shows the people and saves the email as the signed-in seller', async () => {
    const sam = await openSignedInPane(stack, { email: shared.id }, { reducedMotion: 'reduce' });
    await expect.poll(async () => (await sam.pane.getByTestId('person-card').allTextContents()).join(' '), { timeout: STEP }).toContain('Priya Raman');
    expect(await sam.pane.getByTestId('shared-mailbox-note').textContent()).toContain('sales-team@demo.example');
    await sam.pane.getByTestId('save-email-button').click();
    await sam.pane.getByTestId('save-email-saved').waitFor({ timeout: STEP });
    const [message] = await emailMessages(shared.internetMessageId!);
    expect(message).toMatchObject({ CreatedById: DEMO_USERS.seller.id, Incoming: true, ToAddress: 'sales-team@demo.example', FromAddress: 'priya@globex.example' });
    expect(await relationsOf(message?.Id)).toEqual([
      [DEMO_CONTACTS.priya.Id, 'FromAddress'],
      [DEMO_CONTACTS.bob.Id, 'CcAddress'],
    ]);
    await expectAxeClean(sam.pane);
    await sam.context.close();
  });
});
