/**
 * Forms from metadata in the production build, in real Chromium, against the emulated org: the admin's extra card
 * field shows with Salesforce's label, the people of an email are still ONE request (the describes ride inside), and a
 * second seller whose profile cannot read a field never sees it and never gets an error for it.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONTACTS, DEMO_SEED, DEMO_USERS } from '../emulator/seed';
import { expectAxeClean } from './support/axe';
import { ALEX, signInThroughDialog } from './support/salesforce-sign-in';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type AddinConfig, type Stack } from './support/stack';

const STEP = 20_000;
let stack: Stack;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Jane has a department; the admin adds Department to contact cards; Alex's profile cannot read Contact.Phone.
  const seed = {
    ...DEMO_SEED,
    records: { ...DEMO_SEED.records, Contact: DEMO_SEED.records.Contact?.map((c) => (c.Id === DEMO_CONTACTS.jane.Id ? { ...c, Department: 'Procurement' } : c)) ?? [] },
  };
  stack = await startStack({
    config: (base) => ({ ...base, salesforce: { ...base.salesforce, objects: { Contact: { cardFields: ['Title', 'Phone', 'Department'] } } } }) as AddinConfig,
    emulator: { seed, policy: { fieldPermissions: [{ username: DEMO_USERS.second.username, field: 'Contact.Phone', access: 'none' }] } },
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stack?.close();
});

async function restCalls(since: number) {
  return (await stack.emulatorLog()).slice(since).filter((e) => e.area === 'rest');
}

function janeCard(pane: Frame) {
  return pane.getByTestId('person-card').filter({ hasText: 'Jane Doe' });
}

/** The card's term → value pairs. */
async function detailsOf(pane: Frame): Promise<Record<string, string>> {
  return janeCard(pane)
    .locator('dl')
    .evaluate((dl) => Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])));
}

describe('cards from metadata and the admin configuration', () => {
  it('the admin-configured field shows with its Salesforce label; once described, an email is ONE request', async () => {
    const mark = (await stack.emulatorLog()).length;
    const { context, pane } = await openSignedInPane(stack, { email: 'acme-renewal' }, { reducedMotion: 'reduce' });
    contexts.push(context);
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);
    expect(await detailsOf(pane)).toMatchObject({ Phone: DEMO_CONTACTS.jane.Phone, Department: 'Procurement' });
    // A seller's first email describes first (so no query names a field they cannot read), then the people.
    const calls = (await restCalls(mark)).map((c) => `${c.method} ${c.path}`);
    expect(calls).toEqual([`GET /services/data/v62.0/sobjects/User/${DEMO_USERS.seller.id}`, 'POST /services/data/v62.0/composite', 'POST /services/data/v62.0/composite']);
    await expectAxeClean(pane);

    // Another email: one request, the metadata known.
    const next = (await stack.emulatorLog()).length;
    await stack.selectEmail(pane.page(), 'initech-lead');
    await pane.getByTestId('person-card').filter({ hasText: 'Tom Nguyen' }).waitFor({ timeout: STEP });
    expect((await restCalls(next)).map((c) => c.path)).toEqual(['/services/data/v62.0/composite']);
  });

  it('a second seller without read access to Phone never sees it and never gets an error for it', async () => {
    const mark = (await stack.emulatorLog()).length;
    const context = await stack.newContext({ reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    const pane = await stack.openHarness(page, { email: 'acme-renewal' });
    await signInThroughDialog(context, () => pane.getByRole('button', { name: 'Sign in to Salesforce' }).click(), ALEX);
    await pane.getByTestId('signed-in-as').waitFor({ timeout: STEP });
    await expect.poll(() => pane.getByTestId('person-card').count(), { timeout: STEP }).toBe(3);
    const details = await detailsOf(pane);
    expect(details).not.toHaveProperty('Phone');
    expect(details).toMatchObject({ Email: DEMO_CONTACTS.jane.Email, Department: 'Procurement' });
    expect(await janeCard(pane).textContent()).not.toContain(DEMO_CONTACTS.jane.Phone);
    expect(await pane.getByTestId('people-error').count()).toBe(0);
    expect(await pane.getByTestId('connection-lost').count()).toBe(0);
    // The lookup never named the field: the describe, then the people, and no retry.
    const composites = (await restCalls(mark)).filter((c) => c.path.endsWith('/composite'));
    expect(composites.map((c) => c.status)).toEqual([200, 200]);
  });
});
