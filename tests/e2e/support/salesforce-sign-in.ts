import type { BrowserContext, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { DEMO_USERS } from '../../emulator/seed';
import type { OpenHarnessOptions, Stack } from './stack';

export interface DemoSeller {
  username: string;
  password: string;
  /** The name the pane shows once signed in. */
  name: string;
  id: string;
}

function seller(user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]): DemoSeller {
  return { username: user.username, password: user.password, name: `${user.firstName} ${user.lastName}`, id: user.id };
}

export const SAM = seller(DEMO_USERS.seller);
export const ALEX = seller(DEMO_USERS.second);

const STEP_TIMEOUT_MS = 15_000;

/** Fills the emulated org's login page in the dialog window and waits for its consent page (Allow / Deny). */
export async function logInToConsent(dialog: Page, user: Pick<DemoSeller, 'username' | 'password'> = SAM, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  await dialog.waitForSelector('#username', { timeout: timeoutMs });
  await dialog.fill('#username', user.username);
  await dialog.fill('#password', user.password);
  await dialog.click('#Login');
  await dialog.waitForSelector('#oaapprove', { timeout: timeoutMs });
}

/**
 * Runs `click` (whatever opens the Office dialog: Sign in, Sign in again), then logs in as `user` in the dialog window
 * it opens and answers the consent page. Returns the dialog window.
 */
export async function signInThroughDialog(context: BrowserContext, click: () => Promise<void>, user: DemoSeller = SAM, decision: 'allow' | 'deny' = 'allow'): Promise<Page> {
  const [dialog] = await Promise.all([context.waitForEvent('page'), click()]);
  await logInToConsent(dialog, user);
  await dialog.click(decision === 'allow' ? '#oaapprove' : '#oaapprove_deny');
  return dialog;
}

/**
 * A fresh browser context with the harness open on `harness.email`, signed in as Sam from the welcome screen.
 * On failure the context is closed, so a failed sign-in leaves no dialog or pane behind for the next test.
 */
export async function openSignedInPane(stack: Stack, harness: OpenHarnessOptions, contextOptions?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; pane: Frame }> {
  const context = await stack.newContext(contextOptions);
  try {
    const page = await context.newPage();
    const pane = await stack.openHarness(page, harness);
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
    await pane.getByTestId('signed-in-as').waitFor({ timeout: STEP_TIMEOUT_MS });
    return { context, page, pane };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
