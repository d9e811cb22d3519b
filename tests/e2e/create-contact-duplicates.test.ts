/**
 * "Create contact" in the production build, in real Chromium, against the emulated org's Contact duplicate rule
 * (Alert, on Email): a colleague adds the contact while the seller's pane shows the address as unknown; the seller's
 * create is refused with that contact listed, "Use this one" creates nothing and the card shows the contact as found.
 * The search box in the same pane: typing again cancels the search in flight, and the newer one answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../emulator/seed';
import { signInByHttp } from '../emulator/sign-in';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { axeViolations } from './support/axe';
import { emulatorRecords } from './support/emulator-records';
import { openSignedInPane } from './support/salesforce-sign-in';
import { startStack, type Stack } from './support/stack';

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const NORA = 'newperson@acme.example';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.close();
});

const contactWrites = async (mark: number) =>
  (await stack.emulatorLog())
    .slice(mark)
    .filter((e) => e.area === 'rest' && e.path.includes('/sobjects/Contact') && e.method !== 'GET')
    .map((e) => `${e.method} ${e.status}`);

describe("create contact against the org's duplicate rule", () => {
  it('a colleague added the contact meanwhile: "Use this one" creates nothing and the card shows that contact', async () => {
    const { context, pane } = await openSignedInPane(stack, { email: renewal.id }, { reducedMotion: 'reduce' });
    const unknown = pane.getByTestId('unknown-person-card').filter({ hasText: NORA });
    await unknown.waitFor({ timeout: 15_000 });

    const colleague = await signInByHttp(stack.emulator.url, {
      username: DEMO_USERS.second.username,
      password: DEMO_USERS.second.password,
      redirectUri: `${stack.addinOrigin}/auth-callback.html`,
    });
    const added = await fetch(`${colleague.instance_url}/services/data/v62.0/sobjects/Contact`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${colleague.access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ FirstName: 'Nora', LastName: 'Newperson', Email: NORA }),
    });
    expect(added.status).toBe(201);
    const existing = ((await added.json()) as { id: string }).id;

    await unknown.getByRole('button', { name: 'Create contact' }).click();
    const form = pane.getByTestId('create-contact-form');
    await form.waitFor();
    const mark = (await stack.emulatorLog()).length;
    await form.getByTestId('create-contact-submit').click();

    const refused = form.getByTestId('create-contact-duplicates');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.getByRole('link', { name: 'Nora Newperson' }).getAttribute('href')).toContain(`/lightning/r/Contact/${existing}/view`);
    expect(await refused.getByRole('button', { name: 'Save anyway' }).count()).toBe(1);
    expect(await axeViolations(pane, '[data-testid="create-contact-form"]')).toEqual([]);
    expect(await contactWrites(mark)).toEqual(['POST 400']);

    await refused.getByRole('button', { name: 'Use this one: Nora Newperson' }).click();
    const card = pane.getByTestId('person-card').filter({ hasText: NORA });
    await card.waitFor({ timeout: 15_000 });
    expect(await pane.getByTestId('unknown-person-card').filter({ hasText: NORA }).count()).toBe(0);
    expect(await contactWrites(mark)).toEqual(['POST 400']);
    expect((await emulatorRecords(stack, 'Contact')).filter((c) => c.Email === NORA).map((c) => c.Id)).toEqual([existing]);
    await context.close();
  });
});

describe('search and link: typing again cancels the search in flight', () => {
  it('the held search request is closed at the org, no failure is shown, and the newer search answers', async () => {
    const { context, pane } = await openSignedInPane(stack, { email: renewal.id }, { reducedMotion: 'reduce' });
    await pane.getByTestId('save-email-button').waitFor({ timeout: 20_000 });
    await pane.getByRole('button', { name: 'Link to another record…' }).click();
    const box = pane.getByRole('searchbox', { name: 'Link to another record' });
    await box.waitFor();

    stack.emulator.controls.hangNext({ pathPrefix: '/services/data/v62.0/search' });
    await box.fill('acm');
    await expect.poll(() => stack.emulator.heldAnswersOpen(), { timeout: 15_000 }).toBe(1);
    await box.fill('acme corp');
    // Chromium gives the held request up on the wire: the org sees its connection close.
    await expect.poll(() => stack.emulator.heldAnswersOpen(), { timeout: 15_000 }).toBe(0);
    await pane.getByRole('button', { name: /^Link to\s*Acme Corporation\s*,\s*Account/ }).waitFor({ timeout: 15_000 });
    expect(await pane.getByTestId('record-search-failed').count()).toBe(0);
    expect(
      await pane
        .getByRole('alert')
        .filter({ hasText: /connection|Salesforce/i })
        .count(),
    ).toBe(0);
    await context.close();
  });
});
