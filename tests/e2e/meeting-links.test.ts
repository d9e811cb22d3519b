/**
 * Save meeting linked to any record, in the production build, in real Chromium, against the emulated org: the seller
 * searches a case from the Save meeting panel, saves, and the org's Event is related to that case (WhatId, read
 * through the emulator's controls); the organizer moves the meeting and the update keeps the case.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CASES, DEMO_CONTACTS } from '../emulator/seed';
import type { HarnessWindow } from '../harness/harness-api';
import { expectAxeClean } from './support/axe';
import { emulatorRecords } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

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

function organizerMoves(page: Page, id: string, changes: { start: string; end: string }): Promise<boolean> {
  return page.evaluate(([meetingId, update]) => (window as HarnessWindow).__outlookHarness.updateMeeting(meetingId, update), [id, changes] as const);
}

describe('Save meeting linked to a record found by search', () => {
  it('a case searched from Save meeting is the Event’s WhatId, and stays so when the moved meeting is updated', async () => {
    const { context, page, pane } = await openSignedInPane(stack, { email: 'acme-review-meeting' }, { reducedMotion: 'reduce' });
    const panel = pane.getByTestId('save-meeting-panel');
    await panel.getByRole('button', { name: 'Save meeting' }).waitFor({ timeout: 20_000 });

    await panel.getByRole('button', { name: 'Link to another record…' }).click();
    await panel.getByRole('searchbox', { name: 'Link to another record' }).pressSequentially('outage', { delay: 30 });
    await panel.getByRole('button', { name: /^Link to\s*00001001\s*,\s*Case/ }).click({ timeout: 15_000 });
    expect(await panel.getByTestId('record-link-linked').textContent()).toBe('Linked to 00001001 (Case)');
    expect(await panel.getByTestId('save-meeting-what').inputValue()).toBe(DEMO_CASES.acmeOutage.Id);
    await expectAxeClean(pane);

    await panel.getByRole('button', { name: 'Save meeting' }).click();
    await panel.getByTestId('save-meeting-saved').waitFor({ timeout: 20_000 });
    const [event, ...others] = await emulatorRecords(stack, 'Event');
    expect(others).toHaveLength(0);
    expect(event).toMatchObject({ Subject: 'Acme quarterly review', WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_CASES.acmeOutage.Id });

    // Opened afresh (another device, a reload), then moved: the pane no longer holds the search's pick, yet the update
    // offers and keeps the Event's own link.
    await page.reload();
    const again = (await stack.pane(page)).getByTestId('save-meeting-panel');
    await again.getByTestId('save-meeting-saved').waitFor({ timeout: 20_000 });
    expect(await organizerMoves(page, 'acme-review-meeting', { start: '2026-12-02T17:00:00.000Z', end: '2026-12-02T18:00:00.000Z' })).toBe(true);
    await again.getByTestId('save-meeting-changed').waitFor({ timeout: 20_000 });
    expect(await again.getByTestId('record-link-linked').count()).toBe(0);
    const what = again.getByTestId('save-meeting-what');
    expect(await what.inputValue()).toBe(DEMO_CASES.acmeOutage.Id);
    expect(await what.locator('option:checked').textContent()).toBe('As saved (kept)');
    await again.getByRole('button', { name: 'Update in Salesforce' }).click();
    await again.getByTestId('save-meeting-saved').waitFor({ timeout: 20_000 });
    const after = await emulatorRecords(stack, 'Event');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ Id: event!.Id, StartDateTime: '2026-12-02T17:00:00.000+0000', WhatId: DEMO_CASES.acmeOutage.Id });
    await context.close();
  });
});
