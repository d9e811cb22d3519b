import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_USERS, type OidcUser, type RunningOidcServer } from '../oidc/oidc-server';
import { openMicrosoftSignIn, startMicrosoftStack } from './support/microsoft-stack';
import type { Stack } from './support/stack';

/**
 * "Sign in with Microsoft" when the browser's pop-up blocker stops the sign-in window, in the REAL add-in with
 * Chromium's own blocker ON (Playwright turns it off by default; `startStack({ popupBlocker: true })` keeps it).
 *
 * A real click always passes Chromium's blocker: the click's user activation lasts seconds and covers the window the
 * pane (standard popup) or the host (nested) opens after it. What a seller meets as a blocked popup is a window.open
 * without a fresh user activation. The test reproduces exactly that with a click the page dispatches itself
 * (`HTMLElement.click()`: an untrusted event, no user activation), and proves with a real click that the same button
 * in the same browser does open the window, so the blocked case can fail. (With Playwright's default launch, the same
 * untrusted click opens the window: the blocker is off.)
 */
const CLIENT_ID = 'sellers-outlook-addin-popup-test';
const [MS_SAM] = DEFAULT_USERS as [OidcUser];
const STEP = 20_000;

let stack: Stack;
let oidc: RunningOidcServer;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stack, oidc, close } = await startMicrosoftStack(CLIENT_ID, { stack: { popupBlocker: true } }));
});

afterAll(async () => {
  await close?.();
});

/**
 * Every Playwright evaluate (and so every locator action or wait) runs with CDP's `userGesture: true`, which gives the
 * frame and its ancestors a user activation for Chromium's 5 s activation lifespan. So the pane clicks the button
 * by itself (`HTMLElement.click()`: an untrusted event) once that lifespan is over, while the test touches no page.
 */
const ACTIVATION_LIFESPAN_MS = 5000;
async function clickWithoutGesture(pane: Frame) {
  await pane.evaluate((delay) => {
    setTimeout(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="microsoft-sign-in"]');
      (window as unknown as { __clickedWithoutGesture?: boolean }).__clickedWithoutGesture = !!button && !navigator.userActivation.isActive;
      button?.click();
    }, delay);
  }, ACTIVATION_LIFESPAN_MS + 1000);
  await new Promise((resolve) => setTimeout(resolve, ACTIVATION_LIFESPAN_MS + 2000));
  expect(await pane.evaluate(() => (window as unknown as { __clickedWithoutGesture?: boolean }).__clickedWithoutGesture)).toBe(true);
}

async function expectPopupBlockedMessage(pane: Frame) {
  const problem = pane.getByTestId('microsoft-sign-in-problem');
  await problem.waitFor({ timeout: STEP });
  expect(await problem.getAttribute('data-kind')).toBe('popup_blocked');
  const text = await problem.textContent();
  expect(text).toContain('Pop-ups are blocked');
  expect(text).toContain('Your browser blocked the Microsoft sign-in window.');
  expect(text).toContain('Always allow pop-ups and redirects');
  expect(text).toContain('Click “Sign in with Microsoft” again.');
  expect(await pane.locator('[data-testid="microsoft-sign-in-problem"] li').count()).toBe(3);
}

async function openPane(context: BrowserContext, nestedAppAuth: boolean): Promise<{ page: Page; pane: Frame }> {
  const page = await context.newPage();
  const pane = await stack.openHarness(page, { email: 'acme-renewal', nestedAppAuth });
  await pane.getByTestId('welcome').waitFor({ timeout: STEP });
  await pane.getByRole('button', { name: 'Sign in with Microsoft' }).waitFor({ timeout: STEP });
  return { page, pane };
}

describe('Microsoft sign-in with the browser’s pop-up blocker on', () => {
  it('standard popup: a blocked sign-in window ends in the pop-up message with guidance; a real click then opens it', async () => {
    const context = await stack.newContext();
    const { pane } = await openPane(context, false);

    await clickWithoutGesture(pane);
    await expectPopupBlockedMessage(pane);
    expect(await pane.getByTestId('microsoft-sign-in-problem').getAttribute('data-code')).toMatch(/^(popup_window_error|empty_window_error)$/);
    expect(context.pages()).toHaveLength(1);
    expect(oidc.requests.some((r) => r.path === '/auth')).toBe(false);
    // Still clickable, and the Salesforce side is untouched.
    expect(await pane.getByRole('button', { name: 'Sign in with Microsoft' }).isEnabled()).toBe(true);
    expect(await pane.getByRole('button', { name: 'Sign in to Salesforce' }).isEnabled()).toBe(true);

    // Control: the seller's own click passes the blocker (the relay page opens), and the relay's Continue click opens
    // the provider's login page past the blocker too; the seller signs in.
    const { provider: popup } = await openMicrosoftSignIn(context, () => pane.getByRole('button', { name: 'Sign in with Microsoft' }).click(), STEP);
    await popup.fill('input[name="login"]', MS_SAM.login);
    await popup.fill('input[name="password"]', MS_SAM.password);
    await popup.click('#submit');
    await pane.getByTestId('microsoft-account-name').filter({ hasText: MS_SAM.name }).waitFor({ timeout: STEP });
    expect(await pane.getByTestId('microsoft-sign-in-problem').count()).toBe(0);
    await context.close();
  });

  it('nested app authentication: the host’s sign-in window blocked ends in the same message', async () => {
    const context = await stack.newContext();
    // No account in Outlook: sign-in needs the host's window (GetTokenPopup).
    const { page, pane } = await openPane(context, true);

    await clickWithoutGesture(pane);
    await expectPopupBlockedMessage(pane);
    const methods = await page.evaluate(() =>
      (window as unknown as { __outlookHarness: { nestedAppAuthRequests(): Array<{ method: string }> } }).__outlookHarness.nestedAppAuthRequests().map((r) => r.method),
    );
    expect(methods).toContain('GetTokenPopup');
    expect(context.pages()).toHaveLength(1);

    // Control: a real click opens the host's window on the provider's login page.
    const [popup] = await Promise.all([context.waitForEvent('page'), pane.getByRole('button', { name: 'Sign in with Microsoft' }).click()]);
    await popup.waitForURL((url) => url.origin === oidc.issuer, { timeout: STEP });
    await popup.waitForSelector('input[name="login"]', { timeout: STEP });
    await popup.close();
    // Closing the host's window is a cancel, not an error.
    await expect.poll(async () => pane.getByTestId('microsoft-sign-in-problem').getAttribute('data-kind'), { timeout: STEP }).toBe('cancelled');
    await context.close();
  });
});
