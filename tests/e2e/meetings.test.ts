/**
 * Meetings in the production build, in real Chromium, against the emulated org, with Outlook's appointment forms
 * simulated at the office.js boundary: save a meeting as an attendee (read form) and as the organizer (organizer
 * form); the organizer moves and renames it, the seller saves again, and Salesforce still has one Event, updated; a
 * case searched from Save meeting is the Event's WhatId (read through the emulator's controls), kept by a later update.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CASES, DEMO_CONTACTS, DEMO_LEADS, DEMO_USERS } from '../emulator/seed';
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

const signedInPane = (email: string) => openSignedInPane(stack, { email }, { reducedMotion: 'reduce' });
const events = () => emulatorRecords(stack, 'Event');

async function saveAndWait(pane: Frame, buttonName: 'Save meeting' | 'Update in Salesforce'): Promise<void> {
  const panel = pane.getByTestId('save-meeting-panel');
  await panel.getByRole('button', { name: buttonName }).click({ timeout: 20_000 });
  await panel.getByTestId('save-meeting-saved').waitFor({ timeout: 20_000 });
}

/** The organizer moves and renames the meeting: the attendee's item changes under the pinned pane. */
function organizerMoves(page: Page, id: string, changes: { subject?: string; start?: string; end?: string }): Promise<boolean> {
  return page.evaluate(([meetingId, update]) => (window as HarnessWindow).__outlookHarness.updateMeeting(meetingId, update), [id, changes] as const);
}

describe('meetings', () => {
  it('as an attendee: the people behind the attendees, Save meeting → one Event; moved and renamed → the same Event, updated', async () => {
    const { context, page, pane } = await signedInPane('acme-review-meeting');
    await pane.getByRole('heading', { name: 'People in this meeting' }).waitFor({ timeout: 20_000 });
    const panel = pane.getByTestId('save-meeting-panel');
    await panel.getByRole('button', { name: 'Save meeting' }).waitFor({ timeout: 20_000 });
    // Organizer Jane, required Bob (both Acme contacts), optional Priya (Globex); the seller is left out.
    for (const name of ['Jane Doe', 'Bob Lee', 'Priya Raman']) expect(await pane.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toContain('Organized by Jane Doe');
    await expectAxeClean(pane);

    await saveAndWait(pane, 'Save meeting');
    const [first, ...others] = await events();
    expect(others).toHaveLength(0);
    expect(first).toMatchObject({
      Subject: 'Acme quarterly review',
      StartDateTime: '2026-12-01T15:00:00.000+0000',
      EndDateTime: '2026-12-01T15:45:00.000+0000',
      Location: 'Acme HQ, Room 4',
      WhoId: DEMO_CONTACTS.jane.Id,
      WhatId: DEMO_ACCOUNTS.acme.Id,
      CreatedById: DEMO_USERS.seller.id,
    });
    // Shared Activities (the demo org's default): every contact is related, the primary through WhoId.
    const related = (await emulatorRecords(stack, 'EventRelation')).filter((r) => r.EventId === first!.Id && r.IsParent === true).map((r) => r.RelationId);
    expect(related.sort()).toEqual([DEMO_CONTACTS.jane.Id, DEMO_CONTACTS.bob.Id, DEMO_CONTACTS.priya.Id].sort());

    expect(await organizerMoves(page, 'acme-review-meeting', { subject: 'Acme quarterly review (moved)', start: '2026-12-02T17:00:00.000Z', end: '2026-12-02T18:00:00.000Z' })).toBe(true);
    await panel.getByTestId('save-meeting-changed').waitFor({ timeout: 20_000 });
    await saveAndWait(pane, 'Update in Salesforce');
    const after = await events();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      Id: first!.Id,
      Subject: 'Acme quarterly review (moved)',
      StartDateTime: '2026-12-02T17:00:00.000+0000',
      EndDateTime: '2026-12-02T18:00:00.000+0000',
      DurationInMinutes: 60,
    });
    expect((await emulatorRecords(stack, 'EventRelation')).filter((r) => r.EventId === first!.Id && r.IsParent === true)).toHaveLength(3);
    await context.close();
  });

  it("as the organizer, in the organizer's form: saved on the lead, with no account; a second pane sees it saved; moved in the form → updated", async () => {
    const { context, page, pane } = await signedInPane('initech-demo-organizer');
    const panel = pane.getByTestId('save-meeting-panel');
    await panel.getByRole('button', { name: 'Save meeting' }).waitFor({ timeout: 20_000 });
    expect(await panel.textContent()).toContain('You organize this meeting');
    await saveAndWait(pane, 'Save meeting');
    const saved = await events();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ Subject: 'Initech product demo', WhoId: DEMO_LEADS.tom.Id, WhatId: null, StartDateTime: '2026-12-04T09:00:00.000+0000' });

    // Another pane (a reload, another device of the same mailbox): the same key, so Saved at once, nothing added.
    await page.reload();
    const again = await stack.pane(page);
    await again.getByTestId('save-meeting-saved').waitFor({ timeout: 20_000 });
    expect(await events()).toHaveLength(1);

    // The organizer moves it in the open form (AppointmentTimeChanged): save again updates the one Event.
    expect(await organizerMoves(page, 'initech-demo-organizer', { start: '2026-12-05T13:00:00.000Z', end: '2026-12-05T13:30:00.000Z' })).toBe(true);
    await again.getByTestId('save-meeting-changed').waitFor({ timeout: 20_000 });
    await saveAndWait(again, 'Update in Salesforce');
    const moved = await events();
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ Id: saved[0]!.Id, StartDateTime: '2026-12-05T13:00:00.000+0000', DurationInMinutes: 30 });
    await context.close();
  });

  it('a recurring meeting: the occurrence in view is saved, as its own Event', async () => {
    const { context, pane } = await signedInPane('globex-weekly-occurrence');
    const panel = pane.getByTestId('save-meeting-panel');
    await panel.getByRole('button', { name: 'Save meeting' }).waitFor({ timeout: 20_000 });
    expect(await panel.textContent()).toContain('One occurrence of a recurring meeting');
    await saveAndWait(pane, 'Save meeting');
    const saved = await events();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ Subject: 'Globex weekly sync', WhoId: DEMO_CONTACTS.priya.Id, StartDateTime: '2026-12-03T16:00:00.000+0000', DurationInMinutes: 30 });
    await context.close();
  });

  it('a case searched from Save meeting is the Event’s WhatId, and stays so when the moved meeting is updated', async () => {
    const { context, page, pane } = await signedInPane('acme-review-meeting');
    const panel = pane.getByTestId('save-meeting-panel');
    await panel.getByRole('button', { name: 'Save meeting' }).waitFor({ timeout: 20_000 });

    await panel.getByRole('button', { name: 'Link to another record…' }).click();
    await panel.getByRole('searchbox', { name: 'Link to another record' }).pressSequentially('outage', { delay: 30 });
    await panel.getByRole('button', { name: /^Link to\s*00001001\s*,\s*Case/ }).click({ timeout: 15_000 });
    expect(await panel.getByTestId('record-link-linked').textContent()).toBe('Linked to 00001001 (Case)');
    expect(await panel.getByTestId('save-meeting-what').inputValue()).toBe(DEMO_CASES.acmeOutage.Id);
    await expectAxeClean(pane);

    await saveAndWait(pane, 'Save meeting');
    const [event, ...others] = await events();
    expect(others).toHaveLength(0);
    expect(event).toMatchObject({ Subject: 'Acme quarterly review', WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_CASES.acmeOutage.Id });

    // Opened afresh (another device, a reload), then moved: the pane no longer holds the search's pick, yet the update
    // offers and keeps the Event's own link.
    await page.reload();
    const againPane = await stack.pane(page);
    const again = againPane.getByTestId('save-meeting-panel');
    await again.getByTestId('save-meeting-saved').waitFor({ timeout: 20_000 });
    expect(await organizerMoves(page, 'acme-review-meeting', { start: '2026-12-02T17:00:00.000Z', end: '2026-12-02T18:00:00.000Z' })).toBe(true);
    await again.getByTestId('save-meeting-changed').waitFor({ timeout: 20_000 });
    expect(await again.getByTestId('record-link-linked').count()).toBe(0);
    const what = again.getByTestId('save-meeting-what');
    expect(await what.inputValue()).toBe(DEMO_CASES.acmeOutage.Id);
    expect(await what.locator('option:checked').textContent()).toBe('As saved (kept)');
    await saveAndWait(againPane, 'Update in Salesforce');
    const after = await events();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ Id: event!.Id, StartDateTime: '2026-12-02T17:00:00.000+0000', WhatId: DEMO_CASES.acmeOutage.Id });
    await context.close();
  });
});
