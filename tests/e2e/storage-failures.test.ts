/**
 * Storage failures are visible and lose nothing, in the production build in real Chromium against the emulated org:
 * a pane whose browser has no IndexedDB (private modes, some webviews) still signs in and shows the people of an
 * email, read-only, with a notice; a Save email the browser refuses to keep (quota) says so on the button, is not
 * sent, and goes once on the next try.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { savedEmailTasks } from './support/emulator-records';
import { openSignedInPane, signInThroughDialog } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const STEP = 15_000;

let stack: Stack;

beforeAll(async () => {
  // An org without Enhanced Email: saved emails are the completed Tasks these tests count (workspace-enhanced-email covers the other).
  stack = await startStack({ emulator: { policy: { enhancedEmail: false } } });
});

afterAll(async () => {
  await stack?.close();
});

// Init scripts run in every frame of the context before its own scripts; each acts in the pane frame only (a
// cross-site iframe on the add-in's origin), never in the harness page or the sign-in dialog. Functions, not strings:
// the pane's Content Security Policy has no unsafe-eval.

/** As in a webview without IndexedDB: the property is there and undefined before the add-in loads. */
function removeIndexedDbInPane(origin: string): void {
  if (window === window.top || location.origin !== origin) return;
  Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
}

/**
 * A write over quota, as the IndexedDB spec has it fail: the put itself succeeds, then the commit cannot be written and
 * the transaction aborts with a QuotaExceededError (https://w3c.github.io/IndexedDB/#commit-a-transaction). Only the
 * outbox store ('entries'), only while `__quotaFull` is set.
 */
function quotaFullInPane(origin: string): void {
  if (window === window.top || location.origin !== origin) return;
  const w = window as unknown as { __quotaFull: boolean };
  w.__quotaFull = true;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    const request = put.apply(this, args);
    if (w.__quotaFull && this.name === 'entries') {
      const tx = this.transaction;
      request.addEventListener('success', () => {
        const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        Object.defineProperty(tx, 'error', { configurable: true, get: () => quota });
        tx.abort();
      });
    }
    return request;
  };
}

describe('storage failures are visible and lose nothing', () => {
  it('no IndexedDB in the pane: the seller signs in and sees the people, read-only, with a notice', async () => {
    const context = await stack.newContext({ reducedMotion: 'reduce' });
    try {
      await context.addInitScript(removeIndexedDbInPane, stack.addinOrigin);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const pane = await stack.openHarness(page, { email: renewal.id });
      expect(await pane.evaluate(() => window.indexedDB === undefined)).toBe(true);

      // Said before sign-in too: the seller learns why they will sign in again next time.
      await pane.getByTestId('storage-unavailable-notice').waitFor({ timeout: STEP });
      await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
      await pane.getByTestId('signed-in-as').waitFor({ timeout: STEP });

      await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);
      expect(await pane.getByTestId('storage-unavailable-notice').textContent()).toContain('look people up');
      // Read-only: no write the browser could not keep is offered.
      expect(await pane.getByTestId('save-email-panel').count()).toBe(0);
      expect(await pane.getByTestId('create-contact-open').count()).toBe(0);
      expect(await pane.getByTestId('unknown-person-card').count()).toBe(1);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('Save email over quota: the button says storage is full, nothing is sent, and the next try saves it once', async () => {
    const context = await stack.newContext({ reducedMotion: 'reduce' });
    try {
      await context.addInitScript(quotaFullInPane, stack.addinOrigin);
      const page = await context.newPage();
      const pane = await stack.openHarness(page, { email: renewal.id });
      await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click());
      const button = pane.getByTestId('save-email-button');
      await button.waitFor({ timeout: STEP });

      await button.click();
      const error = pane.getByTestId('save-email-write-error');
      await error.waitFor({ timeout: STEP });
      expect(await error.textContent()).toContain('browser storage is full');
      expect(await button.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
      expect(await pane.getByTestId('storage-unavailable-notice').count()).toBe(0);
      // Nothing queued, nothing sent: the seller's choice is still on screen for the next try.
      await new Promise((r) => setTimeout(r, 1000));
      expect(await savedEmailTasks(stack, renewal.internetMessageId!)).toHaveLength(0);
      expect(await button.isEnabled()).toBe(true);

      await pane.evaluate(() => {
        (window as unknown as { __quotaFull: boolean }).__quotaFull = false;
      });
      await button.click();
      await pane.getByTestId('save-email-saved').waitFor({ timeout: STEP });
      expect(await error.count()).toBe(0);
      expect(await savedEmailTasks(stack, renewal.internetMessageId!)).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it("Windows (partitionKey undefined): sign-out deletes the add-in's own storage by exact name and leaves another add-in's", async () => {
    const { context, pane } = await openSignedInPane(stack, { email: renewal.id, platform: 'windows' }, { reducedMotion: 'reduce' });
    try {
      expect(await pane.evaluate(() => (window as unknown as { Office: typeof Office }).Office.context.partitionKey ?? null)).toBeNull();
      await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);
      // Another add-in (or library) served from the same origin keeps its own database and keys here.
      await pane.evaluate(async () => {
        localStorage.setItem('other-addin.prefs', 'kept');
        await new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('other-addin', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('s');
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        });
      });
      const names = () => pane.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
      expect(await names()).toContain('sf-auth::');

      await pane.getByTestId('sign-out').click();
      await pane.getByRole('button', { name: 'Sign in to Salesforce' }).waitFor({ timeout: STEP });
      await expect.poll(async () => (await names()).includes('sf-auth::'), { timeout: 5_000 }).toBe(false);
      expect(await names()).toContain('other-addin');
      expect(await pane.evaluate(() => localStorage.getItem('other-addin.prefs'))).toBe('kept');
    } finally {
      await context.close();
    }
  });
});
