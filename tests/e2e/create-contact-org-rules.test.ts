/**
 * "Create contact" in the production build, in real Chromium, against the emulated org's field rules: an address the
 * form lets through but Salesforce refuses (INVALID_EMAIL_ADDRESS) is shown on the Email field, in Salesforce's words,
 * and on no other field; corrected, the contact is created once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { emulatorRecords } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

describe("create contact against the org's field rules", () => {
  it("an address Salesforce refuses shows on the Email field in Salesforce's words; corrected, the contact is created", async () => {
    const { context, pane } = await openSignedInPane(stack, { email: renewal.id }, { reducedMotion: 'reduce' });
    const card = pane.getByTestId('unknown-person-card');
    await card.waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Create contact' }).click();
    const form = pane.getByTestId('create-contact-form');
    await form.waitFor();

    const refused = 'nora..newperson@acme.example';
    await form.getByLabel(/^Email/).fill(refused);
    const mark = (await stack.emulatorLog()).length;
    await form.getByTestId('create-contact-submit').click();
    await expect.poll(() => form.getByTestId('field-Email').textContent(), { timeout: 15_000 }).toContain(`Email: invalid email address: ${refused}`);
    expect(await form.getByLabel(/^Email/).getAttribute('aria-invalid')).toBe('true');
    for (const other of ['FirstName', 'LastName', 'Title', 'Phone']) {
      expect(await form.getByTestId(`field-${other}`).textContent(), other).not.toContain('invalid email address');
    }
    const sent = (await stack.emulatorLog()).slice(mark).filter((e) => e.area === 'rest' && e.path.endsWith('/sobjects/Contact'));
    expect(sent.map((e) => `${e.method} ${e.status}`)).toEqual(['POST 400']);
    expect((await emulatorRecords(stack, 'Contact')).filter((c) => String(c.Email ?? '').includes('newperson'))).toEqual([]);

    await form.getByLabel(/^Email/).fill('nora.newperson@acme.example');
    await form.getByTestId('create-contact-submit').click();
    await expect.poll(async () => (await emulatorRecords(stack, 'Contact')).filter((c) => c.Email === 'nora.newperson@acme.example').length, { timeout: 15_000 }).toBe(1);
    await context.close();
  });
});
