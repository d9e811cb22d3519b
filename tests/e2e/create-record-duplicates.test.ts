/**
 * "Create in Salesforce" in the production build, in real Chromium, against the emulated org's duplicate rules: a lead
 * refused by a Block rule shows the existing lead, with "Use this one" and no way around the rule, and using it
 * creates nothing; a lead an Alert rule flags is saved with "Save anyway" (the duplicate-rule header), once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEADS } from '../emulator/seed';
import { axeViolations } from './support/axe';
import { emulatorRecords } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const leadPosts = async (mark: number) =>
  (await stack.emulatorLog())
    .slice(mark)
    .filter((e) => e.area === 'rest' && e.path.endsWith('/sobjects/Lead'))
    .map((e) => `${e.method} ${e.status}`);

describe('create a lead against the org’s duplicate rules', () => {
  it('a Block rule: the existing lead is shown with "Use this one" and no "Save anyway"; using it creates nothing', async () => {
    const { context, pane } = await openSignedInPane(stack, { email: 'unknown-sender' }, { reducedMotion: 'reduce' });
    const panel = pane.getByTestId('create-record-panel');
    await panel.getByRole('button', { name: 'New lead' }).click({ timeout: 15_000 });
    const form = panel.getByTestId('create-record-form');
    // Prefilled from the sender: the display name and the address.
    expect(await form.getByLabel(/^Last Name/).inputValue()).toBe('Stranger');
    expect(await form.getByLabel(/^Email/).inputValue()).toBe('casey@umbrella.example');
    await form.getByLabel(/^Company/).fill('Initech Labs');
    await form.getByLabel(/^Email/).fill(DEMO_LEADS.tom.Email);
    const mark = (await stack.emulatorLog()).length;
    await form.getByTestId('create-record-submit').click();

    const refused = form.getByTestId('create-record-duplicates');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.getByRole('link', { name: 'Tom Nguyen' }).count()).toBe(1);
    expect(await refused.getByRole('button', { name: 'Save anyway' }).count()).toBe(0);
    expect(await axeViolations(pane, '[data-testid="create-record-panel"]')).toEqual([]);
    expect(await leadPosts(mark)).toEqual(['POST 400']);

    await refused.getByRole('button', { name: 'Use this one: Tom Nguyen' }).click();
    await expect.poll(() => panel.getByTestId('create-record-done').textContent(), { timeout: 15_000 }).toContain('Using the existing Lead: Tom Nguyen');
    expect(await leadPosts(mark)).toEqual(['POST 400']);
    expect((await emulatorRecords(stack, 'Lead')).filter((l) => l.Company === 'Initech Labs')).toEqual([]);
    await context.close();
  });

  it('an Alert rule: "Save anyway" saves the lead once', async () => {
    const { context, pane } = await openSignedInPane(stack, { email: 'unknown-sender' }, { reducedMotion: 'reduce' });
    const panel = pane.getByTestId('create-record-panel');
    await panel.getByRole('button', { name: 'New lead' }).click({ timeout: 15_000 });
    const form = panel.getByTestId('create-record-form');
    // Same last name and company as the seeded lead Tom Nguyen, another address: the Alert rule's match.
    await form.getByLabel(/^Last Name/).fill('Nguyen');
    await form.getByLabel(/^Company/).fill('Initech');
    const mark = (await stack.emulatorLog()).length;
    await form.getByTestId('create-record-submit').click();

    const flagged = form.getByTestId('create-record-duplicates');
    await flagged.waitFor({ timeout: 15_000 });
    expect(await flagged.getByRole('link', { name: 'Tom Nguyen' }).count()).toBe(1);
    await flagged.getByRole('button', { name: 'Save anyway' }).click();
    await expect.poll(() => panel.getByTestId('create-record-done').textContent(), { timeout: 15_000 }).toContain('Lead created: Casey Nguyen');
    expect(await leadPosts(mark)).toEqual(['POST 400', 'POST 201']);
    expect((await emulatorRecords(stack, 'Lead')).filter((l) => l.Email === 'casey@umbrella.example')).toMatchObject([{ LastName: 'Nguyen', Company: 'Initech' }]);
    await context.close();
  });
});
