/**
 * The seller's workspace in the production build, in real Chromium, against the emulated org: the people of an email
 * in one Salesforce request (none when shown again), save the email (linked right, never twice), create a contact
 * with the org's validation rule on the field, and axe-clean pages.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_USERS } from '../emulator/seed';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { signInByHttp } from '../emulator/sign-in';
import { expectAxeClean } from './support/axe';
import { emulatorRecords, savedEmailTasks } from './support/emulator-records';
import { openSignedInPane, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

// Reduced motion: Fluent's colour transitions would otherwise be caught half-way by axe's contrast check.
const signedInPane = (email: string) => openSignedInPane(stack, { email }, { reducedMotion: 'reduce' });
const tasksFor = (messageId: string) => savedEmailTasks(stack, messageId);

async function restCalls(since: number) {
  return (await stack.emulatorLog()).slice(since).filter((e) => e.area === 'rest');
}

describe('people of an email', () => {
  let context: BrowserContext;
  let page: Page;
  let pane: Frame;

  it('three known addresses and one unknown: ONE Salesforce request once described, three cards, one "Not in Salesforce"', async () => {
    const mark = (await stack.emulatorLog()).length;
    ({ context, page, pane } = await signedInPane(renewal.id));
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => pane.getByTestId('unknown-person-card').count()).toBe(1);
    expect(await pane.getByTestId('unknown-person-card').textContent()).toContain('Not in Salesforce');
    expect(await pane.getByTestId('unknown-person-card').getByRole('button', { name: 'Create contact' }).count()).toBe(1);

    const calls = await restCalls(mark);
    // Sign-in reads who signed in over REST (the identity URL is not readable cross-origin); a seller's first email
    // describes the objects first (field-level security: metadata-fields.test.ts), then the people are ONE call.
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /services/data/v62.0/sobjects/User/${DEMO_USERS.seller.id}`,
      'POST /services/data/v62.0/composite',
      'POST /services/data/v62.0/composite',
    ]);

    // Jane's card: title, account, phone, owner, open opportunities with stage and amount, a link to her record.
    const jane = pane.getByTestId('person-card').filter({ hasText: 'Jane Doe' });
    const text = (await jane.textContent()) ?? '';
    expect(text).toContain('Acme Corporation');
    expect(text).toContain('Sam Seller');
    expect(text).toContain('Acme - Support Renewal');
    expect(text).toContain('Negotiation/Review');
    expect(text).toContain('12,000');
    expect(text).not.toContain('Acme - 2025 Order'); // closed won
    const link = jane.getByTestId('record-link');
    expect(await link.getAttribute('href')).toBe(`${stack.emulator.url}/lightning/r/Contact/${DEMO_CONTACTS.jane.Id}/view`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    // The seller's own address is not a person of the email.
    expect(await pane.getByText('seller@demo.example', { exact: false }).count()).toBe(0);
    await expectAxeClean(pane);
  });

  it('shown again (another email, then back): no request for it', async () => {
    await stack.selectEmail(page, 'initech-lead');
    await pane.getByTestId('person-card').filter({ hasText: 'Tom Nguyen' }).waitFor({ timeout: 15_000 });
    const mark = (await stack.emulatorLog()).length;
    await stack.selectEmail(page, renewal.id);
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
    await pane.getByTestId('save-email-panel').waitFor();
    expect(await restCalls(mark)).toEqual([]);
  });

  it('no item selected (pinned pane): says so', async () => {
    await stack.selectEmail(page, 'none');
    await pane.getByTestId('no-item').waitFor({ timeout: 10_000 });
    await stack.selectEmail(page, renewal.id);
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
  });

  it('save the email: one Task linked to Jane and Acme; saved again from another device: still one', async () => {
    // Another device (its own storage, so its own outbox) on the same email, opened before the save: "not saved yet".
    const device = await signedInPane(renewal.id);
    await device.pane.getByTestId('save-email-button').waitFor({ timeout: 20_000 });

    // Chromium throttles animation frames in a tab that is not in front; Playwright's clicks wait on them.
    await page.bringToFront();
    await pane.getByTestId('save-email-button').click();
    await pane.getByTestId('save-email-saved').waitFor({ timeout: 15_000 });
    const tasks = await tasksFor(renewal.internetMessageId!);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      Subject: `Email: ${renewal.subject}`,
      Status: 'Completed',
      TaskSubtype: 'Email',
      WhoId: DEMO_CONTACTS.jane.Id,
      WhatId: DEMO_ACCOUNTS.acme.Id,
    });
    const link = pane.getByTestId('saved-task-link');
    expect(await link.getAttribute('href')).toBe(`${stack.emulator.url}/lightning/r/Task/${String(tasks[0]!.Id)}/view`);

    // A second pane of the same seller on this device shares the outbox: it shows "Saved" without asking.
    const sibling = await context.newPage();
    const siblingPane = await stack.openHarness(sibling, { email: renewal.id });
    await siblingPane.getByTestId('save-email-saved').waitFor({ timeout: 20_000 });
    await sibling.close();

    await device.page.bringToFront();
    await device.pane.getByTestId('save-email-button').click();
    await device.pane.getByTestId('save-email-saved').waitFor({ timeout: 15_000 });
    expect(await tasksFor(renewal.internetMessageId!)).toHaveLength(1);
    expect(await device.pane.getByTestId('saved-task-link').getAttribute('href')).toBe(await link.getAttribute('href'));
    await device.context.close();
    await page.bringToFront();
  });

  it('create a contact: the validation rule on Phone shows on the field; fixed, the contact is created', async () => {
    const card = pane.getByTestId('unknown-person-card');
    await card.getByRole('button', { name: 'Create contact' }).click();
    const form = pane.getByTestId('create-contact-form');
    await form.waitFor();
    // Prefilled from the display name and the address; the account matched by domain.
    expect(await form.getByLabel('First name').inputValue()).toBe('Nora');
    expect(await form.getByLabel(/^Last name/).inputValue()).toBe('Newperson');
    expect(await form.getByLabel('Account').inputValue()).toBe(DEMO_ACCOUNTS.acme.Id);

    // Required field checked before sending.
    const mark = (await stack.emulatorLog()).length;
    await form.getByLabel(/^Last name/).fill('');
    await form.getByTestId('create-contact-submit').click();
    await expect.poll(() => form.getByTestId('field-LastName').textContent()).toContain('Required');
    expect(await restCalls(mark)).toEqual([]);

    await form.getByLabel(/^Last name/).fill('Newperson');
    await form.getByLabel('Phone').fill('12');
    await form.getByTestId('create-contact-submit').click();
    await expect.poll(() => form.getByTestId('field-Phone').textContent(), { timeout: 15_000 }).toMatch(/7 digits/i);
    expect(await form.getByLabel('Phone').getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(pane);

    await form.getByLabel('Phone').fill('+1 555 010 0199');
    // From the keyboard: the submit button goes away with the form, and the new card takes its focus.
    await form.getByTestId('create-contact-submit').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(4);
    expect(await pane.getByTestId('unknown-person-card').count()).toBe(0);
    const focused = () => pane.evaluate(() => ({ testId: document.activeElement?.getAttribute('data-testid'), label: document.activeElement?.getAttribute('aria-label') }));
    await expect.poll(focused).toEqual({ testId: 'person-card', label: 'Nora Newperson' });
    const contacts = await emulatorRecords(stack, 'Contact');
    expect(contacts.filter((c) => c.Email === 'newperson@acme.example')).toEqual([
      expect.objectContaining({ FirstName: 'Nora', LastName: 'Newperson', AccountId: DEMO_ACCOUNTS.acme.Id, Phone: '+1 555 010 0199' }),
    ]);
    await context.close();
  });
});

describe('placeholders while the people load', () => {
  it('one placeholder card an address of the email, as wide as the cards that replace them', async () => {
    await stack.emulatorControl('reset');
    const { context, page, pane } = await signedInPane('unknown-sender');
    await pane.getByTestId('unknown-person-card').waitFor({ timeout: 15_000 });
    try {
      // Salesforce slow to answer: the placeholders stay long enough to be counted.
      await stack.emulatorControl('latency', { ms: 2_000 });
      await stack.selectEmail(page, renewal.id); // four people (the seller is not one of them)
      await expect.poll(() => pane.getByTestId('person-card').count()).toBe(0);
      await expect.poll(() => pane.getByTestId('people-skeleton-card').count(), { timeout: 1_500 }).toBe(4);
      const skeletonWidth = await pane
        .getByTestId('people-skeleton-card')
        .first()
        .evaluate((e) => e.getBoundingClientRect().width);
      await stack.emulatorControl('latency', { ms: 0 });
      await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBe(3);
      expect(await pane.getByTestId('people-skeleton-card').count()).toBe(0);
      expect(
        await pane
          .getByTestId('person-card')
          .first()
          .evaluate((e) => e.getBoundingClientRect().width),
      ).toBe(skeletonWidth);
    } finally {
      await stack.emulatorControl('latency', { ms: 0 });
      await context.close();
    }
  });
});

describe('compose mode and hostile CRM data', () => {
  it('follows the recipients as typed; CRM text with HTML or script renders as text, links only to the instance', async () => {
    const seller = await signInByHttp(stack.emulator.url, { redirectUri: `${stack.addinOrigin}/auth-callback.html` });
    const created = await fetch(`${seller.instance_url}/services/data/v62.0/sobjects/Contact`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${seller.access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        FirstName: '<script>window.__xss=1</script>',
        LastName: '<img src=x onerror="window.__xss=2">',
        // Contact.Title holds at most 128 characters (the org refuses more with STRING_TOO_LONG): a full-length one.
        Title: `javascript:alert(1) ${'W'.repeat(108)}`,
        Email: 'hostile@acme.example',
        Phone: '+1 555 000 0000',
      }),
    });
    expect(created.status).toBe(201);

    const { context, page, pane } = await signedInPane('globex-draft');
    await pane.getByTestId('person-card').filter({ hasText: 'Priya Raman' }).waitFor({ timeout: 15_000 });
    expect(await pane.getByTestId('save-email-panel').count()).toBe(0); // an unsent draft has no Message-ID to save by

    await stack.setRecipients(page, 'to', ['priya@globex.example', 'hostile@acme.example']);
    const hostile = pane.getByTestId('person-card').filter({ hasText: 'hostile@acme.example' });
    await hostile.waitFor({ timeout: 15_000 });
    const text = (await hostile.textContent()) ?? '';
    expect(text).toContain('<img src=x onerror="window.__xss=2">');
    expect(text).toContain('<script>');
    expect(text.length).toBeLessThan(2_000); // a 128-character title and the names stay one card's worth of text
    expect(await hostile.locator('img, script').count()).toBe(0);
    expect(await pane.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const hrefs = await hostile.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0); // the card's record link, at least
    for (const href of hrefs) expect(href.startsWith(`${stack.emulator.url}/lightning/r/Contact/`)).toBe(true);
    await expectAxeClean(pane);
    await context.close();
  });
});

describe('French, dark theme', () => {
  it('strings and amounts follow the Office language; the dark theme stays axe clean', async () => {
    await stack.emulatorControl('reset'); // Nora unknown again, whatever ran before
    const context = await stack.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    const pane = await stack.openHarness(page, { email: renewal.id, lang: 'fr-FR', theme: 'dark' });
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Se connecter à Salesforce' }).click());
    await pane.getByText('Personnes de cet e-mail').waitFor({ timeout: 15_000 });
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(await pane.getByTestId('unknown-person-card').first().textContent()).toContain('Absent de Salesforce');
    const jane = (await pane.getByTestId('person-card').filter({ hasText: 'Jane Doe' }).textContent()) ?? '';
    expect(jane).toMatch(/12[\s\u202f\u00a0]000/);
    expect(await pane.getByTestId('save-email-button').textContent()).toBe('Enregistrer l’e-mail');
    await expectAxeClean(pane);
    await context.close();
  });
});
