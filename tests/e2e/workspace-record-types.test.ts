/**
 * Record types in the edit and create forms, in the production build, in real Chromium, against the emulated org: its
 * opportunities have two record types with different stages (New Business: all ten; Renewal: six, no Prospecting or
 * Needs Analysis). Editing a Renewal opportunity offers only Renewal's stages, never one only New Business allows;
 * editing a New Business one offers its own; the record type and its picklists cost one request, when the form opens.
 * A new opportunity takes the record type the seller chooses (New Business by default), with that type's stages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { OPPORTUNITY_RECORD_TYPES } from '../emulator/record-types';
import { DEMO_OPPORTUNITIES } from '../emulator/seed';
import { axeViolations } from './support/axe';
import { emulatorRecords } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const email = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const { acmeRenewal, acmeWidgets } = DEMO_OPPORTUNITIES;
const RENEWAL_STAGES = OPPORTUNITY_RECORD_TYPES.renewal.picklists.StageName;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const restCalls = async () => (await stack.emulatorLog()).filter((e) => e.area === 'rest').length;

describe('edit form and record types', () => {
  it("a Renewal opportunity offers only Renewal's stages; a New Business one offers its own", async () => {
    await stack.emulatorControl('reset');
    await stack.emulatorControl('edit-record', { sobject: 'Opportunity', id: acmeRenewal.Id, fields: { RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id } });
    await stack.emulatorControl('edit-record', { sobject: 'Opportunity', id: acmeWidgets.Id, fields: { RecordTypeId: OPPORTUNITY_RECORD_TYPES.newBusiness.id } });
    const { context, pane } = await openSignedInPane(stack, { email: email.id }, { reducedMotion: 'reduce' });
    const jane = pane.getByRole('group', { name: 'Jane Doe' });
    await jane.waitFor({ timeout: 15_000 });
    await jane.locator('li', { hasText: acmeRenewal.Name }).waitFor();
    const beforeEdit = await restCalls();

    await jane.getByRole('button', { name: `Edit ${acmeRenewal.Name}` }).click();
    const form = pane.getByTestId('edit-record-form');
    await form.waitFor({ timeout: 15_000 });
    await form.getByRole('combobox', { name: /^Stage/i }).click();
    const options = pane.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    const offered = await options.allTextContents();
    expect(offered).toEqual([...RENEWAL_STAGES]);
    expect(offered).not.toContain('Prospecting');
    expect(offered).not.toContain('Needs Analysis');
    // The record's type and its picklists: one request, when the form opened.
    expect((await restCalls()) - beforeEdit).toBe(1);
    await form.getByRole('combobox', { name: /^Stage/i }).press('Escape');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await jane.getByRole('button', { name: `Edit ${acmeWidgets.Name}` }).click();
    await form.waitFor({ timeout: 15_000 });
    await form.getByRole('combobox', { name: /^Stage/i }).click();
    await options.first().waitFor();
    expect(await options.allTextContents()).toContain('Prospecting');
    await context.close();
  });

  it('a new opportunity is created with the record type the seller chose, its stages alone offered', async () => {
    await stack.emulatorControl('reset');
    const { context, pane } = await openSignedInPane(stack, { email: email.id }, { reducedMotion: 'reduce' });
    const panel = pane.getByTestId('create-record-panel');
    await panel.getByRole('button', { name: 'New opportunity' }).click({ timeout: 15_000 });
    const form = panel.getByTestId('create-record-form');
    const recordType = form.getByRole('combobox', { name: /^Record type/ });
    await recordType.waitFor({ timeout: 15_000 });
    expect(await recordType.textContent()).toContain('New Business');
    const stage = form.getByRole('combobox', { name: /^Stage/ });
    expect(await stage.locator('option').allTextContents()).toContain('Prospecting');

    await recordType.click();
    await pane.getByRole('listbox').getByRole('option', { name: 'Renewal' }).click();
    await expect.poll(() => stage.locator('option').allTextContents()).not.toContain('Prospecting');
    expect(await axeViolations(pane, '[data-testid="create-record-panel"]')).toEqual([]);
    await form.getByLabel(/^Name/).fill('Acme - Renewal 2027');
    await stage.selectOption('Qualification');
    await form.getByTestId('create-record-submit').click();
    await panel.getByTestId('create-record-done').waitFor({ timeout: 15_000 });
    const created = (await emulatorRecords(stack, 'Opportunity')).find((o) => o.Name === 'Acme - Renewal 2027');
    expect(created).toMatchObject({ RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id, StageName: 'Qualification' });
    await context.close();
  });
});
