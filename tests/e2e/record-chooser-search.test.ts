/**
 * Several matches and search and link, in the production build in real Chromium against the emulated org: an address
 * the org knows as two contacts and a lead gets a chooser; the seller's pick is used when the email is opened again
 * (another pane of the same browser); and an opportunity found by search is what the saved email's Task relates to.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONTACTS, DEMO_OPPORTUNITIES, DEMO_SHARED_ADDRESS, DEMO_SHARED_CONTACTS } from '../emulator/seed';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { expectAxeClean } from './support/axe';
import { emulatorRecords, savedEmailTasks } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const shared = SAMPLE_EMAILS.find((e) => e.id === 'globex-shared-address')!;
const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;

let stack: Stack;
let context: BrowserContext;
let page: Page;
let pane: Frame;

beforeAll(async () => {
  stack = await startStack();
  ({ context, page, pane } = await openSignedInPane(stack, { email: shared.id }, { reducedMotion: 'reduce' }));
});

afterAll(async () => {
  await context?.close();
  await stack?.close();
});

async function restCalls(since: number) {
  return (await stack.emulatorLog()).slice(since).filter((e) => e.area === 'rest');
}

describe('several matches', () => {
  it('says the address is several people, the seller picks one, and reopening the email uses the pick', async () => {
    const chooser = pane.getByTestId('record-chooser');
    await chooser.waitFor({ timeout: 20_000 });
    expect(await chooser.textContent()).toContain(`3 people in Salesforce have the address ${DEMO_SHARED_ADDRESS}`);
    expect(await pane.getByTestId('person-card').count()).toBe(3);
    await expectAxeClean(pane);

    // Keyboard: into the group, down to Alexandra, then Use this one.
    await chooser.getByRole('radio', { name: /^Alex Kim · Contact/ }).check();
    await page.keyboard.press('ArrowDown');
    expect(await chooser.getByRole('radio', { name: /^Alexandra Kim · Contact/ }).isChecked()).toBe(true);
    await chooser.getByRole('button', { name: 'Use this one' }).click();

    await pane.getByTestId('record-chooser-chosen').waitFor();
    await expect.poll(() => pane.getByTestId('person-card').count()).toBe(1);
    expect(await pane.getByTestId('person-card').textContent()).toContain('Finance Director');
    expect(await pane.getByTestId('save-email-who').inputValue()).toBe(DEMO_SHARED_CONTACTS.alexFinance.Id);

    // The email opened again, in a new pane of the same browser (the stored sign-in, the stored choice).
    const again = await context.newPage();
    const againPane = await stack.openHarness(again, { email: shared.id });
    await againPane.getByTestId('record-chooser-chosen').waitFor({ timeout: 20_000 });
    expect(await againPane.getByTestId('person-card').count()).toBe(1);
    expect(await againPane.getByTestId('person-card').textContent()).toContain('Alexandra Kim');
    expect(await againPane.getByTestId('record-chooser').count()).toBe(0);
    await again.close();
    await page.bringToFront();
  });
});

describe('search and link', () => {
  it('recent records first, one search request, and the saved email relates to the opportunity picked', async () => {
    await stack.selectEmail(page, renewal.id);
    await pane.getByTestId('save-email-button').waitFor({ timeout: 20_000 });

    // Opening the email asked nothing of search; opening the search asks for recent records once.
    let mark = (await stack.emulatorLog()).length;
    await pane.getByRole('button', { name: 'Link to another record…' }).click();
    await pane.getByRole('button', { name: /^Link to\s*Acme - 500 Widgets\s*,\s*Opportunity/ }).waitFor({ timeout: 15_000 });
    expect((await restCalls(mark)).map((c) => c.path)).toEqual(['/services/data/v62.0/recent']);

    mark = (await stack.emulatorLog()).length;
    await pane.getByRole('searchbox', { name: 'Link to another record' }).pressSequentially('platform pil', { delay: 30 });
    const result = pane.getByRole('button', { name: /^Link to\s*Globex - Platform Pilot\s*,\s*Opportunity/ });
    await result.waitFor({ timeout: 15_000 });
    // Debounced: one SOSL request for what was typed, not one a keystroke.
    expect((await restCalls(mark)).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /services/data/v62.0/search']);
    await expectAxeClean(pane);

    await result.click();
    expect(await pane.getByTestId('record-link-linked').textContent()).toBe('Linked to Globex - Platform Pilot (Opportunity)');
    expect(await pane.getByTestId('save-email-what').inputValue()).toBe(DEMO_OPPORTUNITIES.globexPilot.Id);
    await pane.getByTestId('save-email-button').click();
    await pane.getByTestId('save-email-saved').waitFor({ timeout: 15_000 });
    // The org has Enhanced Email: one EmailMessage related to the opportunity picked, Jane among its relations.
    expect(await savedEmailTasks(stack, renewal.internetMessageId!)).toHaveLength(0);
    const messages = (await emulatorRecords(stack, 'EmailMessage')).filter((m) => m.MessageIdentifier === renewal.internetMessageId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ RelatedToId: DEMO_OPPORTUNITIES.globexPilot.Id });
    const relations = (await emulatorRecords(stack, 'EmailMessageRelation')).filter((r) => r.EmailMessageId === messages[0]!.Id).map((r) => r.RelationId);
    expect(relations).toContain(DEMO_CONTACTS.jane.Id);
  });
});
