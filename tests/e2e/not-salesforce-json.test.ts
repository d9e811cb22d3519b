/**
 * Answers that are not Salesforce JSON, as a seller's browser meets them in the production build: a gateway in front
 * of the org answering without CORS headers (the browser reports a network error while online), the org's HTML
 * maintenance page, and a body cut off mid-way. Each reaches the seller as "Salesforce is briefly unavailable" and
 * an automatic retry, never "Something went wrong" and never Connection lost; once the org answers again, the people
 * come back.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const COMPOSITE = '/services/data/v62.0/composite';
const STEP = 20_000;

let stack: Stack;
let context: BrowserContext | undefined;

beforeAll(async () => {
  stack = await startStack();
});

afterEach(async () => {
  await context?.close().catch(() => undefined);
  await stack.emulatorControl('clear-faults');
});

afterAll(async () => {
  await stack?.close();
});

const FAILURES: Array<[string, Record<string, unknown>]> = [
  ['a gateway 502 without CORS headers', { preset: 'gateway-error' }],
  ['a gateway 504 without CORS headers', { preset: 'gateway-error', status: 504 }],
  ['the HTML maintenance page (503)', { preset: 'maintenance-page' }],
  ['a body cut off mid-way', { cutOffAfterBytes: 40 }],
];

describe('failures that are not Salesforce JSON, in the browser', () => {
  it.each(FAILURES)('%s: "briefly unavailable", retried, never Something went wrong or Connection lost', async (_name, failure) => {
    // A fresh pane each time: people already shown are not asked again.
    let pane: Frame;
    ({ context, pane } = await openSignedInPane(stack, { email: 'unknown-sender' }));
    // Enough failures to outlast any quiet retry, so the seller's message shows; then the org answers again.
    await stack.emulatorControl('fail-next', { count: 20, pathPrefix: COMPOSITE, ...failure });
    await stack.selectEmail(pane.page(), renewal.id);
    const error = pane.getByTestId('people-error');
    await error.waitFor({ timeout: STEP });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('retry automatically');
    expect(text).not.toContain('failed unexpectedly');
    expect(await pane.getByTestId('connection-lost').count()).toBe(0);

    await stack.emulatorControl('clear-faults');
    await pane.getByTestId('people-retry').click();
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);
    expect(await pane.getByTestId('connection-lost').count()).toBe(0);
  });
});
