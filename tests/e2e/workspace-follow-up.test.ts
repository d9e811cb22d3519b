/**
 * Log a follow-up, in the production build, in real Chromium, against the emulated org: the form on a contact's card
 * (subject from the email, due in three business days), checked before sending, through the outbox to an open Task on
 * the right person; Salesforce's refusal on the field it names; offline it waits and goes once; axe-clean.
 */
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_LEADS, DEMO_USERS } from '../emulator/seed';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { expectAxeClean } from './support/axe';
import { emulatorRecords } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const lead = SAMPLE_EMAILS.find((e) => e.id === 'initech-lead')!;

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

// Reduced motion: Fluent's colour transitions would otherwise be caught half-way by axe's contrast check.
const signedInPane = (email: string) => openSignedInPane(stack, { email }, { reducedMotion: 'reduce' });

/** Follow-up Tasks (open, keyed) in the emulated org, read over its HTTP control API. */
async function followUpTasks(): Promise<Record<string, unknown>[]> {
  const all = await emulatorRecords(stack, 'Task');
  return all.filter((t) => String(t.Description ?? '').includes('Follow-up-Key: '));
}

/** Three working days after today, in the machine's local time (Chromium runs on the same machine). */
function expectedDueDate(): string {
  const date = new Date();
  date.setHours(12, 0, 0, 0);
  for (let left = 3; left > 0;) {
    date.setDate(date.getDate() + 1);
    if (date.getDay() !== 0 && date.getDay() !== 6) left--;
  }
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

async function openFollowUp(pane: Frame, name: string) {
  const open = pane.getByRole('button', { name: `Log a follow-up for ${name}` });
  await open.waitFor({ timeout: 15_000 });
  await open.click();
  const form = pane.getByTestId('follow-up-form');
  await form.waitFor();
  expect(await open.getAttribute('aria-expanded')).toBe('true');
  return form;
}

describe('log a follow-up', () => {
  it('prefilled from the email, required fields checked, then an open Task due on the date, on the contact, as the seller', async () => {
    const { context, pane } = await signedInPane(renewal.id);
    const form = await openFollowUp(pane, 'Jane Doe');
    const subject = form.getByRole('textbox', { name: /Subject/ });
    const due = form.getByLabel(/Due date/);
    expect(await subject.inputValue()).toBe(`Follow up: ${renewal.subject}`);
    expect(await due.inputValue()).toBe(expectedDueDate());
    await expectAxeClean(pane);

    // Nothing goes to Salesforce without a subject or a due date.
    await subject.fill('');
    await due.fill('');
    const writesBefore = (await stack.emulatorLog()).filter((e) => e.method === 'POST' && e.path.includes('/sobjects/Task')).length;
    await form.getByTestId('follow-up-submit').click();
    await expect.poll(() => form.getByTestId('follow-up-field-subject').textContent()).toContain('Required');
    expect(await form.getByTestId('follow-up-field-dueDate').textContent()).toContain('Required');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(pane);
    await new Promise((r) => setTimeout(r, 300));
    expect((await stack.emulatorLog()).filter((e) => e.method === 'POST' && e.path.includes('/sobjects/Task')).length).toBe(writesBefore);
    expect(await followUpTasks()).toEqual([]);

    await subject.fill('Send the updated quote');
    await due.fill('2031-03-14');
    await form.getByRole('textbox', { name: /Note/ }).fill('Include the support upgrade.');
    await form.getByTestId('follow-up-submit').click();
    const done = pane.getByTestId('follow-up-done');
    await done.waitFor({ timeout: 15_000 });
    expect(await done.textContent()).toMatch(/Follow-up logged, due Mar 14, 2031/);
    expect(await pane.getByTestId('follow-up-task-link').getAttribute('href')).toMatch(new RegExp(`^${stack.emulator.url}/`));

    const tasks = await followUpTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      Subject: 'Send the updated quote',
      Status: 'Not Started',
      ActivityDate: '2031-03-14',
      WhoId: DEMO_CONTACTS.jane.Id,
      WhatId: DEMO_ACCOUNTS.acme.Id,
      OwnerId: DEMO_USERS.seller.id,
      CreatedById: DEMO_USERS.seller.id,
    });
    expect(String(tasks[0]!.Description)).toMatch(/^Include the support upgrade\.\n\nFollow-up-Key: \S+$/);
    expect(await pane.getByTestId('outbox').count()).toBe(0);
    await expectAxeClean(pane);

    await pane.getByTestId('follow-up-close').click();
    await expect.poll(() => pane.getByTestId('follow-up-form').count()).toBe(0);
    await context.close();
  });

  it("Salesforce's refusal shows on the field it names; corrected, the follow-up goes once", async () => {
    const { context, pane } = await signedInPane(lead.id);
    const form = await openFollowUp(pane, 'Tom Nguyen');
    // A validation rule on Task.ActivityDate, answered as Salesforce does (400, errorCode, fields).
    await stack.emulatorControl('fail-next', {
      status: 400,
      pathPrefix: '/services/data/v62.0/sobjects/Task',
      body: [{ message: 'Due date must be within the next quarter.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['ActivityDate'] }],
    });
    await form.getByTestId('follow-up-submit').click();
    await expect.poll(() => form.getByTestId('follow-up-field-dueDate').textContent(), { timeout: 15_000 }).toContain('Due date must be within the next quarter.');
    expect(await form.getByLabel(/Due date/).getAttribute('aria-invalid')).toBe('true');
    expect(await followUpTasks()).toEqual([]);
    await expectAxeClean(pane);

    await form.getByLabel(/Due date/).fill('2031-01-06');
    await form.getByTestId('follow-up-submit').click();
    await pane.getByTestId('follow-up-done').waitFor({ timeout: 15_000 });
    const tasks = await followUpTasks();
    expect(tasks).toHaveLength(1);
    // A lead takes no WhatId.
    expect(tasks[0]).toMatchObject({ WhoId: DEMO_LEADS.tom.Id, Status: 'Not Started', ActivityDate: '2031-01-06', CreatedById: DEMO_USERS.seller.id });
    expect(tasks[0]!.WhatId ?? null).toBeNull();
    await context.close();
  });

  it('offline: the follow-up waits, shown as Waiting, and goes exactly once when the network is back', async () => {
    const { context, pane } = await signedInPane(renewal.id);
    const form = await openFollowUp(pane, 'Bob Lee');
    await stack.setOffline(context, true);
    await form.getByTestId('follow-up-submit').click();
    const waiting = form.getByTestId('follow-up-waiting');
    await waiting.waitFor({ timeout: 10_000 });
    expect(await waiting.textContent()).toMatch(/offline/i);
    expect(await pane.getByTestId('outbox-entry').getAttribute('data-status')).toBe('waiting');
    expect(await followUpTasks()).toEqual([]);

    await stack.setOffline(context, false);
    await pane.getByTestId('follow-up-done').waitFor({ timeout: 20_000 });
    const tasks = await followUpTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ WhoId: DEMO_CONTACTS.bob.Id, ActivityDate: expectedDueDate(), Status: 'Not Started' });
    await context.close();
  });
});
