import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { freePort } from './support/free-port';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DialogOutcome, EmailContext, OfficeTheme } from '../../src/host/office-host';
import { SAMPLE_EMAILS } from '../harness/sample-emails';
import { buildJsforceProbe, PROBE_BASE } from './support/build-jsforce-probe';
import { startStack, type Stack } from './support/stack';

// The production host adapter (src/host, built with the project's Vite config) running in the harness pane against
// the office.js stand-in, in real Chromium: real dialog windows, real postMessage origins, real pop-up handling.

let stack: Stack;
let probeDir: string;
let page: Page;
let pane: Frame;
let plainHttp: Server;

const renewal = SAMPLE_EMAILS.find((e) => e.id === 'acme-renewal')!;
const draft = SAMPLE_EMAILS.find((e) => e.id === 'globex-draft')!;

type ProbeWindow = { __hostProbe: { host: import('../../src/host/office-host').OfficeHost; events: string[] } };

const getContext = () => pane.evaluate<EmailContext | null>(() => (window as unknown as ProbeWindow).__hostProbe.host.getEmailContext());
const events = () => pane.evaluate(() => (window as unknown as ProbeWindow).__hostProbe.events.slice());
const theme = () => pane.evaluate<OfficeTheme>(() => (window as unknown as ProbeWindow).__hostProbe.host.theme());
/** Starts openDialog in the pane (page.evaluate runs as a user gesture, like the click that must open a dialog). */
const startDialog = (path: string) =>
  pane.evaluate((url) => {
    const w = window as unknown as ProbeWindow & { __outcome?: Promise<DialogOutcome> };
    w.__outcome = w.__hostProbe.host.openDialog(url, { widthPercent: 30, heightPercent: 50 });
  }, path);
const outcome = () => pane.evaluate(() => (window as unknown as { __outcome: Promise<DialogOutcome> }).__outcome);

async function openProbePane(p: Page, email = renewal.id): Promise<Frame> {
  await p.goto(`${stack.harness.harnessUrl}?email=${email}&pane=${encodeURIComponent(`${PROBE_BASE}host-probe.html`)}`);
  await p.waitForFunction(() => (window as unknown as { __outlookHarness?: { paneHandlers(): unknown } }).__outlookHarness?.paneHandlers() != null);
  const frame = await stack.pane(p);
  await frame.waitForFunction(() => '__hostProbe' in window || '__hostProbeError' in window);
  return frame;
}

beforeAll(async () => {
  probeDir = await buildJsforceProbe();
  stack = await startStack({ mounts: { [PROBE_BASE]: probeDir }, dialogRules: true });
  plainHttp = createServer((_req, res) => res.end('a plain HTTP page'));
  await new Promise<void>((resolve) => plainHttp.listen(0, '127.0.0.1', resolve));
  page = await stack.context.newPage();
  pane = await openProbePane(page);
});

afterAll(async () => {
  await stack?.close();
  await new Promise((resolve) => plainHttp?.close(resolve));
  if (probeDir) await rm(probeDir, { recursive: true, force: true });
});

describe('host adapter against the stand-in: the email', () => {
  it('reads a read-mode email', async () => {
    expect(await getContext()).toEqual({
      mode: 'read',
      itemId: renewal.itemId,
      internetMessageId: renewal.internetMessageId,
      subject: renewal.subject,
      from: renewal.from,
      to: renewal.to,
      cc: renewal.cc,
      bodyExcerpt: renewal.body,
      date: renewal.date,
      // The whole body, for an EmailMessage's HtmlBody and TextBody, and who the Outlook user is (sent or received).
      htmlBody: expect.stringContaining('Could you send the updated quote by Thursday?<br>'),
      textBody: expect.stringContaining('Could you send the updated quote by Thursday?'),
      mailboxUser: 'seller@demo.example',
    });
  });

  it('opens a compose draft in its own pane (pinning is per mode), which follows RecipientsChanged as the seller edits it', async () => {
    await stack.selectEmail(page, draft.id);
    const compose = await stack.pane(page);
    await compose.waitForFunction(() => '__hostProbe' in window);
    const composeContext = () => compose.evaluate<EmailContext | null>(() => (window as unknown as ProbeWindow).__hostProbe.host.getEmailContext());
    expect(await composeContext()).toEqual({ mode: 'compose', subject: draft.subject, from: draft.from, to: draft.to, cc: [], bodyExcerpt: draft.body, mailboxUser: 'seller@demo.example' });
    // The pinned read pane did not follow the draft.
    expect(await events()).not.toContain('itemChanged');
    expect((await getContext())?.mode).toBe('read');

    await stack.setRecipients(page, 'cc', ['tom.nguyen@initech.example']);
    await compose.waitForFunction(() => (window as unknown as ProbeWindow).__hostProbe.events.includes('recipientsChanged'));
    expect((await composeContext())?.cc).toEqual([{ name: 'tom.nguyen@initech.example', address: 'tom.nguyen@initech.example' }]);
  });

  it('answers null when no item is selected', async () => {
    await stack.selectEmail(page, 'none');
    await pane.waitForFunction(() => (window as unknown as ProbeWindow).__hostProbe.events.includes('itemChanged'));
    expect(await getContext()).toBeNull();
  });

  it('follows OfficeThemeChanged to dark and high contrast', async () => {
    expect(await theme()).toMatchObject({ isDarkTheme: false, isHighContrast: false });
    await stack.setTheme(page, 'dark');
    await pane.waitForFunction(() => (window as unknown as ProbeWindow).__hostProbe.events.includes('themeChanged'));
    expect(await theme()).toMatchObject({ isDarkTheme: true, isHighContrast: false });
    await stack.setTheme(page, 'highContrast');
    expect(await theme()).toMatchObject({ isDarkTheme: true, isHighContrast: true });
    await stack.setTheme(page, 'light');
  });

  it('exposes the harness partition key and display language', async () => {
    const facts = await pane.evaluate(() => {
      const host = (window as unknown as ProbeWindow).__hostProbe.host;
      return { partitionKey: host.partitionKey, displayLanguage: host.displayLanguage };
    });
    expect(facts).toEqual({ partitionKey: 'harness-partition-0001', displayLanguage: 'en-US' });
  });
});

describe('host adapter against the stand-in: the dialog', () => {
  const dialogUrl = (params: Record<string, string>) => `${PROBE_BASE}dialog-probe.html?${new URLSearchParams(params)}`;

  it('settles with the first message and its origin, and closes the real window', async () => {
    const popup = stack.context.waitForEvent('page');
    await startDialog(dialogUrl({ reply: '{"code":"abc","state":"s1"}', targetOrigin: stack.addinOrigin }));
    const win = await popup;
    expect(await outcome()).toEqual({ kind: 'message', message: '{"code":"abc","state":"s1"}', origin: stack.addinOrigin });
    await win.waitForEvent('close', { timeout: 5000 });
    expect(win.isClosed()).toBe(true);
  });

  it('never receives a message sent to another targetOrigin; the seller closing the window is a cancel', async () => {
    const popup = stack.context.waitForEvent('page');
    await startDialog(dialogUrl({ reply: 'stolen', targetOrigin: 'https://evil.example' }));
    const win = await popup;
    await win.getByText('sent').waitFor();
    await win.close();
    expect(await outcome()).toEqual({ kind: 'closed' });
  });

  it('refuses a second dialog while one is open (12007)', async () => {
    const popup = stack.context.waitForEvent('page');
    await startDialog(dialogUrl({}));
    const first = await popup;
    const second = await pane.evaluate((url) => (window as unknown as ProbeWindow).__hostProbe.host.openDialog(url), dialogUrl({}));
    expect(second).toMatchObject({ kind: 'error', code: 12007 });
    await first.close();
    expect(await outcome()).toEqual({ kind: 'closed' });
  });

  it('reports blocked pop-ups (12011) and an ignored prompt (12009) without opening anything', async () => {
    let opened = 0;
    const count = () => opened++;
    stack.context.on('page', count);
    await stack.setDialogBehavior(page, 'block-popups');
    await startDialog(dialogUrl({}));
    expect(await outcome()).toMatchObject({ kind: 'error', code: 12011 });
    await stack.setDialogBehavior(page, 'ignore-prompt');
    await startDialog(dialogUrl({}));
    expect(await outcome()).toMatchObject({ kind: 'error', code: 12009 });
    await stack.setDialogBehavior(page, 'allow');
    stack.context.off('page', count);
    expect(opened).toBe(0);
  });

  it('fails the dialog with 12003 when it is directed to an HTTP page, and closes it', async () => {
    const popup = stack.context.waitForEvent('page');
    const port = (plainHttp.address() as { port: number }).port;
    await startDialog(dialogUrl({ goto: `http://localhost:${port}/plain` }));
    const win = await popup;
    expect(await outcome()).toMatchObject({ kind: 'error', code: 12003 });
    await win.waitForEvent('close', { timeout: 5000 });
  });

  it('fails the dialog with 12002 when a later page cannot load', async () => {
    const popup = stack.context.waitForEvent('page');
    const nobody = await freePort();
    await startDialog(dialogUrl({ goto: `https://localhost:${nobody}/gone` }));
    const win = await popup;
    expect(await outcome()).toMatchObject({ kind: 'error', code: 12002 });
    await win.waitForEvent('close', { timeout: 5000 });
  });

  it('reports a missing dialog page (12002)', async () => {
    await startDialog(`${PROBE_BASE}no-such-page.html`);
    expect(await outcome()).toMatchObject({ kind: 'error', code: 12002 });
  });
});

describe('outside Outlook', () => {
  it('the add-in says "Open this add-in from Outlook" when opened in a plain tab', async () => {
    const tab = await stack.context.newPage();
    await tab.goto(`${stack.addinOrigin}/index.html`);
    await expect(tab.getByTestId('startup-error').textContent({ timeout: 15_000 })).resolves.toContain('Open this add-in from Outlook');
    await tab.close();
  });
});

describe('roamingSettings', () => {
  it('keeps saved settings for the harness session across pane reloads, and only once saved', async () => {
    await pane.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const settings = (window as unknown as { Office: typeof Office }).Office.context.roamingSettings;
          settings.set('saved', { a: 1 });
          settings.saveAsync(() => {
            settings.set('unsaved', true);
            resolve();
          });
        }),
    );
    await page.evaluate(() => (window as unknown as { __outlookHarness: { reloadPane(): void } }).__outlookHarness.reloadPane());
    await page.waitForFunction(() => (window as unknown as { __outlookHarness: { paneHandlers(): unknown } }).__outlookHarness.paneHandlers() != null);
    pane = await stack.pane(page);
    await pane.waitForFunction(() => '__hostProbe' in window);
    const values = await pane.evaluate(() => {
      const settings = (window as unknown as { Office: typeof Office }).Office.context.roamingSettings;
      return { saved: settings.get('saved') as unknown, unsaved: settings.get('unsaved') as unknown };
    });
    expect(values).toEqual({ saved: { a: 1 }, unsaved: undefined });
  });
});
