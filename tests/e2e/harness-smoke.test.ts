import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONTACTS, DEMO_LEADS } from '../emulator/seed';
import { NEW_PERSON, SAMPLE_EMAILS, STRANGER } from '../harness/sample-emails';
import { buildJsforceProbe, PROBE_BASE } from './support/build-jsforce-probe';
import { OFFICE_CDN_HOST, OFFICE_CDN_PATH } from './support/cdn-stand-in';
import { startStack, type Stack } from './support/stack';

// The production build in the Outlook harness, in real Chromium, with office.js coming from "Microsoft's CDN"
// (a local server Chromium resolves the CDN host to). No request routes anywhere.

let stack: Stack;
let probeDir: string;
let page: Page;
const officeJsRequests: string[] = [];

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const lead = SAMPLE_EMAILS.find((e) => e.id === 'initech-lead')!;
const draft = SAMPLE_EMAILS.find((e) => e.id === 'globex-draft')!;

beforeAll(async () => {
  probeDir = await buildJsforceProbe();
  stack = await startStack({ mounts: { [PROBE_BASE]: probeDir } });
  page = await stack.context.newPage();
  page.on('request', (request) => {
    if (request.url().includes('office.js')) officeJsRequests.push(request.url());
  });
});

afterAll(async () => {
  await stack?.close();
  if (probeDir) await rm(probeDir, { recursive: true, force: true });
});

describe('the sample emails', () => {
  it("name the seeded org's people, and two addresses it does not know", () => {
    const seeded = new Set([...Object.values(DEMO_CONTACTS), ...Object.values(DEMO_LEADS)].map((p) => p.Email.toLowerCase()));
    const inRenewal = [renewal.from!, ...renewal.to, ...renewal.cc].map((a) => a.address);
    expect(inRenewal.filter((a) => seeded.has(a))).toEqual(['jane.doe@acme.example', 'bob.lee@acme.example', 'priya@globex.example']);
    expect(seeded.has(lead.from!.address)).toBe(true);
    expect(seeded.has(NEW_PERSON.address)).toBe(false);
    expect(seeded.has(STRANGER.address)).toBe(false);
  });
});

describe('the production build in the Outlook harness', () => {
  it('loads in the task pane with office.js from the CDN URL, answered by the stand-in', async () => {
    const pane = await stack.openHarness(page, { email: renewal.id });
    expect(pane.url()).toBe(`${stack.addinOrigin}/index.html`);

    // The pane asked the real CDN URL, and the request reached the local CDN server under the CDN's host name.
    expect(officeJsRequests).toContain(`https://${OFFICE_CDN_HOST}${OFFICE_CDN_PATH}`);
    expect(stack.cdn.requests).toContainEqual(expect.objectContaining({ host: OFFICE_CDN_HOST, path: OFFICE_CDN_PATH }));
    expect(await pane.evaluate(() => (window as unknown as { Office: { __standIn?: boolean } }).Office.__standIn)).toBe(true);

    // The app rendered (the production bundle ran, Office became ready, config.json parsed): the email or sign-in.
    const shown = pane
      .getByText(renewal.subject)
      .or(pane.getByRole('button', { name: /sign in/i }))
      .first();
    await shown.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await pane.getByTestId('startup-error').count()).toBe(0);
  });

  it('serves the real-shaped Office API: read item, requirement sets, dialog guards', async () => {
    const pane = await stack.pane(page);
    const shape = await pane.evaluate(async () => {
      const office = (window as unknown as { Office: typeof Office }).Office;
      const item = office.context.mailbox.item as Office.MessageRead;
      const body = await new Promise<Office.AsyncResult<string>>((resolve) => item.body.getAsync(office.CoercionType.Text, resolve));
      const dialogAt = (url: string) => new Promise<Office.AsyncResult<Office.Dialog>>((resolve) => office.context.ui.displayDialogAsync(url, { height: 50, width: 30 }, resolve));
      const http = await dialogAt(`http://${location.host}/auth-start.html`);
      const foreign = await dialogAt('https://evil.example/auth-start.html');
      return {
        subject: item.subject,
        subjectType: typeof item.subject,
        from: item.from,
        to: item.to.map((r) => r.emailAddress),
        cc: item.cc.map((r) => r.emailAddress),
        internetMessageId: item.internetMessageId,
        dateIsDate: item.dateTimeCreated instanceof Date,
        body: { status: body.status, startsWith: body.value.slice(0, 8) },
        mailbox15: office.context.requirements.isSetSupported('Mailbox', '1.5'),
        mailbox99: office.context.requirements.isSetSupported('Mailbox', '1.99'),
        dialog12: office.context.requirements.isSetSupported('DialogApi', '1.2'),
        naa: office.context.requirements.isSetSupported('NestedAppAuth', '1.1'),
        partitionKey: office.context.partitionKey,
        http: { status: http.status, code: http.error?.code },
        foreign: { status: foreign.status, code: foreign.error?.code },
        events: [office.EventType.ItemChanged, office.EventType.RecipientsChanged, office.EventType.DialogMessageReceived],
      };
    });
    expect(shape).toEqual({
      subject: renewal.subject,
      subjectType: 'string',
      from: { displayName: renewal.from!.name, emailAddress: renewal.from!.address, recipientType: 'externalUser' },
      to: renewal.to.map((a) => a.address),
      cc: renewal.cc.map((a) => a.address),
      internetMessageId: renewal.internetMessageId,
      dateIsDate: true,
      body: { status: 'succeeded', startsWith: renewal.body.slice(0, 8) },
      mailbox15: true,
      mailbox99: false,
      dialog12: true,
      naa: false,
      partitionKey: 'harness-partition-0001',
      http: { status: 'failed', code: 12005 },
      foreign: { status: 'failed', code: 12004 },
      events: ['olkItemSelectedChanged', 'olkRecipientsChanged', 'dialogMessageReceived'],
    });
  });

  it('delivers ItemChanged to the pinned read pane for read items only; a draft opens its own pane (pinning is per mode)', async () => {
    const pane = await stack.pane(page);
    await pane.evaluate(() => {
      const office = (window as unknown as { Office: typeof Office }).Office;
      const seen: Array<string | null> = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      office.context.mailbox.addHandlerAsync(office.EventType.ItemChanged, () => {
        const item = office.context.mailbox.item as Office.MessageRead | null;
        seen.push(item ? (typeof item.subject === 'string' ? item.subject : 'compose') : null);
      });
    });
    await stack.selectEmail(page, lead.id);
    await stack.selectEmail(page, draft.id);
    // The draft has its own pane, a fresh load of the add-in with the compose item; the read pane is hidden.
    const compose = await stack.pane(page);
    expect(compose).not.toBe(pane);
    expect(await compose.evaluate(() => typeof (window as unknown as { Office: typeof Office }).Office.context.mailbox.item?.subject)).toBe('object');
    expect(await page.locator('#task-pane').isHidden()).toBe(true);
    await stack.selectEmail(page, 'none');
    await pane.waitForFunction(() => (window as unknown as { __seen: unknown[] }).__seen.length === 2);
    expect(await pane.evaluate(() => (window as unknown as { __seen: unknown[] }).__seen)).toEqual([lead.subject, null]);
    // Leaving the draft closed its pane.
    expect(compose.isDetached()).toBe(true);
    expect(await page.locator('#task-pane').isVisible()).toBe(true);
    // The harness page itself shows what Outlook would show.
    await expect(page.getByTestId('no-item').isVisible()).resolves.toBe(true);
  });

  it("runs jsforce's browser build from a lazy chunk: import, new Connection, a real HTTP call to the org", async () => {
    const probe = await stack.context.newPage();
    await probe.goto(`${stack.addinOrigin}${PROBE_BASE}index.html?instanceUrl=${encodeURIComponent(stack.emulator.url)}`);
    await probe.waitForFunction(() => '__jsforceProbe' in window, undefined, { timeout: 20_000 });
    const result = await probe.evaluate(() => (window as unknown as { __jsforceProbe: Record<string, unknown> }).__jsforceProbe);
    expect(result).toMatchObject({ imported: true, constructed: true, version: '62.0' });
    // The bad token reached the emulated org through CORS and came back as Salesforce's own error, parsed by jsforce.
    expect(result.queryError).toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
    const log = await stack.emulatorLog();
    expect(log.some((e) => e.path.startsWith('/services/data/v62.0/query') && e.status === 401)).toBe(true);
    await probe.close();
  });

  it('looks like Outlook with the pane beside the email (screenshot for a human)', async () => {
    await stack.selectEmail(page, renewal.id);
    await page.getByTestId('email-subject').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: '/tmp/harness.png' });
    expect(await page.getByTestId('email-subject').textContent()).toBe(renewal.subject);
  });
});
