import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInToConsent, SAM } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

// Outlook on the web may ask before a dialog opens: office.js replaces the pane's body with "<add-in> wants to
// display a new window" and Allow / Ignore (DialogOptions.promptBeforeOpen, default true); the window opens from the
// Allow click, and Ignore fails displayDialogAsync with 12009. Chromium's pop-up blocker stays on, so a window that
// did not come from the Allow click would be blocked.

let stack: Stack;
const STEP = 15_000;
/** Longer than Chromium's transient user activation (5 s): the Sign in click can no longer open a window. */
const PAST_THE_SIGN_IN_CLICK_MS = 5_500;

beforeAll(async () => {
  stack = await startStack({ popupBlocker: true });
});

afterAll(async () => {
  await stack?.close();
});

describe("Outlook on the web's Allow / Ignore prompt before a dialog", () => {
  it('replaces the pane until the seller answers; Allow opens the sign-in window from its click, and sign-in completes', async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    const pane = await stack.openHarness(page, { email: 'acme-renewal' });
    await stack.setDialogBehavior(page, 'prompt');

    await pane.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    const prompt = pane.locator('body[data-office-dialog-prompt]');
    await prompt.waitFor({ timeout: STEP });
    expect(await prompt.textContent()).toContain('Salesforce wants to display a new window.');
    // The add-in's own body is gone while the prompt shows, and nothing opened by itself.
    expect(await pane.getByTestId('welcome').count()).toBe(0);
    await page.waitForTimeout(PAST_THE_SIGN_IN_CLICK_MS);
    expect(context.pages()).toHaveLength(1);

    const [dialog] = await Promise.all([context.waitForEvent('page', { timeout: STEP }), pane.getByRole('button', { name: 'Allow' }).click()]);
    // The add-in's body is back.
    expect(await pane.locator('body[data-office-dialog-prompt]').count()).toBe(0);
    await logInToConsent(dialog);
    await dialog.click('#oaapprove');
    await pane.getByTestId('signed-in-as').filter({ hasText: SAM.name }).waitFor({ timeout: STEP });
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);
    await context.close();
  });

  it('Ignore: no window, the add-in gets 12009 and says to click again', async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    const pane = await stack.openHarness(page, { email: 'acme-renewal' });
    await stack.setDialogBehavior(page, 'prompt');

    await pane.getByRole('button', { name: 'Sign in to Salesforce' }).click();
    await pane.getByRole('button', { name: 'Ignore' }).click();
    const problem = pane.getByTestId('sign-in-problem');
    await problem.waitFor({ timeout: STEP });
    expect(await problem.getAttribute('data-code')).toBe('12009');
    expect(context.pages()).toHaveLength(1);
    expect(await pane.getByRole('button', { name: 'Sign in to Salesforce' }).isEnabled()).toBe(true);
    await context.close();
  });
});
