/**
 * Edit key fields on a card, in the production build, in real Chromium, against the emulated org: a stage the demo
 * org's validation rule refuses shows the rule's message on Next step and the card goes back to Salesforce's stage;
 * with a Next step it is saved. A record someone else changed since the card was loaded is a conflict that shows
 * their value and overwrites nothing until the seller chooses to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { DEMO_CONTACTS, DEMO_OPPORTUNITIES, DEMO_USERS } from '../emulator/seed';
import { NEXT_STEP_RULE_MESSAGE } from '../emulator/rest/demo-validation-rules';
import { emulatorRecords } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const widgets = DEMO_OPPORTUNITIES.acmeWidgets;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const record = async (sobject: string, id: string) => (await emulatorRecords(stack, sobject)).find((r) => r.Id === id);
const patchesSince = async (mark: number) => (await stack.emulatorLog()).slice(mark).filter((e) => e.area === 'rest' && e.method === 'PATCH');

describe('edit key fields on a card', () => {
  it('a stage the validation rule refuses: shown on Next step, the card rolls back; with a Next step it is saved', async () => {
    await stack.emulatorControl('reset');
    const { context, pane } = await openSignedInPane(stack, { email: renewal.id }, { reducedMotion: 'reduce' });
    const jane = pane.getByRole('group', { name: 'Jane Doe' });
    await jane.waitFor({ timeout: 15_000 });
    const line = jane.locator('li', { hasText: widgets.Name });
    await expect.poll(() => line.textContent()).toContain('Prospecting');

    await jane.getByRole('button', { name: `Edit ${widgets.Name}` }).click();
    const form = pane.getByTestId('edit-record-form');
    await form.waitFor();
    await form.getByRole('combobox', { name: /^Stage/i }).click();
    await pane.getByRole('option', { name: 'Proposal/Price Quote' }).click();

    // Slow answers: the card shows the new stage while the change is on its way (optimistic display).
    await stack.emulatorControl('latency', { ms: 700 });
    const mark = (await stack.emulatorLog()).length;
    await form.getByTestId('edit-record-submit').click();
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toContain('Proposal/Price Quote');

    // Refused: the rule's words on the Next step field, and the card back on Salesforce's stage.
    await expect.poll(() => form.getByTestId('edit-record-field-NextStep').textContent(), { timeout: 15_000 }).toContain(NEXT_STEP_RULE_MESSAGE);
    expect(await form.getByLabel(/^Next step/i).getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => line.textContent()).toContain('Prospecting');
    expect((await patchesSince(mark)).map((e) => e.status)).toEqual([400]);
    expect((await record('Opportunity', widgets.Id))?.StageName).toBe('Prospecting');
    await stack.emulatorControl('latency', { ms: 0 });

    await form.getByLabel(/^Next step/i).fill('Send the quote by Thursday');
    await form.getByTestId('edit-record-submit').click();
    await form.getByTestId('edit-record-done').waitFor({ timeout: 15_000 });
    expect(await record('Opportunity', widgets.Id)).toMatchObject({ StageName: 'Proposal/Price Quote', NextStep: 'Send the quote by Thursday' });
    await expect.poll(() => line.textContent()).toContain('Proposal/Price Quote');
    expect((await patchesSince(mark)).map((e) => e.status)).toEqual([400, 204]);
    await context.close();
  });

  it('a record changed meanwhile: the conflict shows their value, nothing is overwritten until the seller saves over it', async () => {
    await stack.emulatorControl('reset');
    const { context, pane } = await openSignedInPane(stack, { email: renewal.id }, { reducedMotion: 'reduce' });
    const jane = pane.getByRole('group', { name: 'Jane Doe' });
    await jane.waitFor({ timeout: 15_000 });

    // A colleague retitles Jane in Salesforce after the card was loaded.
    await stack.emulatorControl('edit-record', { sobject: 'Contact', id: DEMO_CONTACTS.jane.Id, fields: { Title: 'Chief Procurement Officer' } });

    await jane.getByRole('button', { name: 'Edit Jane Doe' }).click();
    const form = pane.getByTestId('edit-record-form');
    await form.getByLabel(/^Title/).fill('Head of Procurement');
    const mark = (await stack.emulatorLog()).length;
    await form.getByTestId('edit-record-submit').click();

    const conflict = form.getByTestId('edit-record-conflict');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await conflict.textContent()).toContain('Title: Chief Procurement Officer');
    expect(await patchesSince(mark)).toEqual([]);
    expect((await record('Contact', DEMO_CONTACTS.jane.Id))?.Title).toBe('Chief Procurement Officer');
    // The card is looked up again and shows what Salesforce has now.
    await expect.poll(() => jane.textContent(), { timeout: 15_000 }).toContain('Chief Procurement Officer');

    await conflict.getByRole('button', { name: 'Save my change over it' }).click();
    await form.getByTestId('edit-record-done').waitFor({ timeout: 15_000 });
    expect((await record('Contact', DEMO_CONTACTS.jane.Id))?.Title).toBe('Head of Procurement');
    expect((await patchesSince(mark)).map((e) => e.status)).toEqual([204]);
    await context.close();
  });

  it("the harness's control panel: A colleague edits records changes Jane's title and the opportunity's stage as another user", async () => {
    await stack.emulatorControl('reset');
    const page = await stack.context.newPage();
    await stack.openHarness(page);
    await page.getByRole('button', { name: 'A colleague edits records', exact: true }).click();
    await expect.poll(async () => (await record('Opportunity', widgets.Id))?.StageName, { timeout: 10_000 }).toBe('Needs Analysis');
    const jane = await record('Contact', DEMO_CONTACTS.jane.Id);
    expect(jane?.Title).toBe('Chief Procurement Officer');
    expect(jane?.LastModifiedById).toBe(DEMO_USERS.second.id);
    await page.close();
  });
});
