/**
 * The browser tests' stack: the emulated org, the Outlook harness serving the production build, Chromium driven by
 * playwright-core, and the Office dialog watcher, each on a free port, torn down together.
 *
 * Over 300 lines on purpose: the stack's options, its start and its page helpers share one lifetime; split, each
 * file would pass the same handles around.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page, Request } from 'playwright-core';
import { startEmulator } from '../../emulator/server';
import type { DialogBehavior, HarnessAction, HarnessWindow, OutlookHarness, ThemeName } from '../../harness/harness-api';
import { DIALOG_NAME_PREFIX, type RecipientField } from '../../harness/host-protocol';
import { startHarness, type HarnessOptions, type RunningHarness } from '../../harness/server';
import { startCdnStandIn, type RunningCdnStandIn } from './cdn-stand-in';
import { launchChromium } from './chromium';
import { withFreePort } from './free-port';

type RunningEmulator = Awaited<ReturnType<typeof startEmulator>>;
type EmulatorOptions = NonNullable<Parameters<typeof startEmulator>[0]>;

/** The shape of public/config.json, as the add-in reads it at start-up. */
export interface AddinConfig {
  salesforce: {
    loginUrl: string;
    loginChoices: { label: string; loginUrl: string }[];
    clientId: string;
    redirectUri: string;
    apiVersion: string;
    requestTimeoutMs: number;
  };
  microsoft?: { clientId: string; authority: string };
}

export interface StackOptions {
  /** Adjust the config the add-in loads (it starts pointing at this stack's emulator and harness origin). */
  config?: (base: AddinConfig) => AddinConfig;
  /** Extra emulator options (policy, seed…); port and allowedOrigins are set by the stack. */
  emulator?: Omit<EmulatorOptions, 'port' | 'allowedOrigins'>;
  /** Extra folders served by the harness: URL prefix → directory (e.g. a diagnostic build). */
  mounts?: HarnessOptions['mounts'];
  /** Chromium's pop-up blocker on, as in a seller's browser (Playwright turns it off by default). */
  popupBlocker?: boolean;
  /**
   * Report the Office dialog's navigations to the harness, which raises 12003 for an HTTP page and 12002 for a page
   * that cannot load, as Outlook does. Default: on when the emulated org is served over HTTPS (an HTTP org's login
   * page would itself be refused, as a real Outlook refuses it).
   */
  dialogRules?: boolean;
  /** Serve the build's precompressed .br/.gz copies to the browser, as a CDN would (the bench). */
  precompressed?: boolean;
  /** More Chromium flags (the bench: one renderer for the pane, so CPU throttling covers it). */
  chromiumArgs?: string[];
}

export interface OpenHarnessOptions {
  /** A sample email id from tests/harness/sample-emails.ts, or 'none'. Default: the first one. */
  email?: string;
  partitionKey?: string;
  theme?: ThemeName;
  /**
   * Report NestedAppAuth 1.1 as supported. The pane then also gets `window.nestedAppAuthBridge`, answered by the
   * harness page playing the Outlook host (tests/harness/harness-page/nested-app-auth-host.ts), which needs
   * `microsoft.authority` in the add-in's config (or an authority in the request) to reach an OpenID Connect provider.
   */
  nestedAppAuth?: boolean;
  /**
   * The account signed in to Outlook itself (with nestedAppAuth): the host gets tokens for it from the provider with
   * the password grant (`startOidcServer({ passwordGrant: true })`), silently. Without it the host has no account,
   * GetToken answers "interaction required" and GetTokenPopup opens the provider's login page.
   */
  outlookAccount?: { login: string; password: string };
  lang?: string;
  /**
   * Outlook's platform variant: 'windows' (Office.context.platform PC, partitionKey undefined), 'mac' (platform Mac),
   * default Outlook on the web.
   */
  platform?: 'web' | 'windows' | 'mac';
  /** 'old': a webview without BroadcastChannel and Web Locks (the stand-in removes them before the add-in loads). */
  webview?: 'old';
}

export interface Stack {
  browser: Browser;
  /** The default browser context (HTTPS errors ignored: the servers use a self-signed certificate). */
  context: BrowserContext;
  emulator: RunningEmulator;
  harness: RunningHarness;
  cdn: RunningCdnStandIn;
  /** https://localhost:<port>, the add-in's origin. */
  addinOrigin: string;
  /** https://127.0.0.1:<port>, the simulated Outlook page's origin: another site than the add-in's. */
  hostOrigin: string;
  /** What /config.json serves. */
  config: AddinConfig;
  /** A fresh, isolated browser context (own storage), closed by close(). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens the harness page and waits until the pane's office.js has attached. Returns the pane frame. */
  openHarness(page: Page, options?: OpenHarnessOptions): Promise<Frame>;
  /**
   * The task pane on show: the pinned read pane, or a compose item's own pane (pinning is per mode). Waits until its
   * office.js attached to the host.
   */
  pane(page: Page): Promise<Frame>;
  /** Switches the selected email as Outlook would: the pane receives ItemChanged. */
  selectEmail(page: Page, emailId: string): Promise<void>;
  setTheme(page: Page, theme: ThemeName): Promise<void>;
  /**
   * 'prompt' → Outlook on the web's Allow / Ignore prompt replaces the pane's body first; 'block-popups' →
   * displayDialogAsync fails with 12011; 'ignore-prompt' → 12009.
   */
  setDialogBehavior(page: Page, behavior: DialogBehavior): Promise<void>;
  /** Edits a draft's recipients as the seller would: the pane receives RecipientsChanged. */
  setRecipients(page: Page, field: RecipientField, addresses: string[]): Promise<void>;
  /** Chromium's own network emulation for every page of the context (pane, dialog): requests fail, navigator.onLine false. */
  setOffline(context: BrowserContext, offline: boolean): Promise<void>;
  /** POST {emulator}/__emulator/<name> over real HTTP; throws on a non-2xx answer. */
  emulatorControl(name: string, body?: unknown): Promise<unknown>;
  /** GET {emulator}/__emulator/log. */
  emulatorLog(): Promise<Array<{ method: string; path: string; status: number; area?: string; grantType?: string; username?: string }>>;
  close(): Promise<void>;
}

/**
 * Outlook sees where its dialog window goes; the harness page cannot (another site's navigations in a window it
 * opened are hidden from it). The browser's own events can: each navigation of an Office dialog window (one the
 * harness page opened, named by the office.js stand-in) is reported to the harness, which raises 12003 for an HTTP
 * page and 12002 for a page that cannot load.
 */
function watchOfficeDialogs(context: BrowserContext, hostOrigin: string): void {
  // The context's own request events: a popup's first navigations can come before its 'page' event.
  const hosts = new WeakMap<Page, Promise<Page | null>>();
  const harnessPageOf = (page: Page) => {
    let host = hosts.get(page);
    if (!host) {
      host = (async () => {
        const opener = await page.opener().catch(() => null);
        if (!opener || !opener.url().startsWith(`${hostOrigin}/`)) return null;
        // The window's name outlives its navigations; reading it fails while one is under way, so try again.
        for (let attempt = 0; attempt < 40; attempt++) {
          const name = await page.evaluate(() => window.name).catch(() => undefined);
          if (name !== undefined) return name.startsWith(DIALOG_NAME_PREFIX) ? opener : null;
          if (page.isClosed()) return null;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return null;
      })();
      hosts.set(page, host);
    }
    return host;
  };
  const report = (request: Request, outcome: 'loaded' | 'failed') => {
    if (!request.isNavigationRequest()) return;
    let page: Page;
    try {
      if (request.frame().parentFrame()) return;
      page = request.frame().page();
    } catch {
      return;
    }
    void harnessPageOf(page).then((host) =>
      host?.evaluate(([u, o]) => (window as HarnessWindow).__outlookHarness.dialogNavigated(u, o), [request.url(), outcome] as const).catch(() => undefined),
    );
  };
  context.on('request', (request) => {
    if (request.url().startsWith('http:')) report(request, 'loaded');
  });
  context.on('requestfailed', (request) => {
    // ERR_ABORTED is a navigation replaced by another one (or the window closing), not a page that failed to load.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') report(request, 'failed');
  });
  context.on('response', (response) => {
    if (response.status() === 404) report(response.request(), 'failed');
  });
}

const DIST_INDEX = fileURLToPath(new URL('../../../dist/index.html', import.meta.url));

/**
 * Everything a browser test needs, from real local servers only: an emulated org on a random port, the harness
 * serving the production build on a random port, a stand-in for Microsoft's office.js CDN, and Chromium resolving the
 * CDN host to it. Builds nothing: `npm test` builds first.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!existsSync(DIST_INDEX)) throw new Error('dist/index.html is missing: run npm run build first');

  const cleanups: Array<() => Promise<unknown>> = [];
  const close = async () => {
    // Reverse order: browser first (no more requests), then the servers it talked to.
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch(() => {});
    }
  };

  try {
    const { emulator, harness, addinOrigin, config } = await withFreePort(async (harnessPort) => {
      const addinOrigin = `https://localhost:${harnessPort}`;
      const emulator = await startEmulator({ ...options.emulator, port: 0, allowedOrigins: [addinOrigin] });
      try {
        const base: AddinConfig = {
          salesforce: {
            loginUrl: emulator.url,
            loginChoices: [],
            clientId: 'demo-outlook-addin',
            redirectUri: `${addinOrigin}/auth-callback.html`,
            apiVersion: '62.0',
            requestTimeoutMs: 10_000,
          },
        };
        const config = options.config ? options.config(base) : base;
        const harness = await startHarness({
          port: harnessPort,
          mode: 'dist',
          emulatorUrl: emulator.url,
          configOverride: config,
          mounts: options.mounts,
          salesforceStandIns: [emulator.loginHostUrl],
          precompressed: options.precompressed,
        });
        return { emulator, harness, addinOrigin, config };
      } catch (error) {
        await emulator.close();
        throw error;
      }
    });
    cleanups.push(() => emulator.close());
    cleanups.push(() => harness.close());

    const cdn = await startCdnStandIn();
    cleanups.push(() => cdn.close());

    const browser = await launchChromium(cdn.port, { popupBlocker: options.popupBlocker, extraArgs: options.chromiumArgs });
    cleanups.push(() => browser.close());

    const dialogRules = options.dialogRules ?? emulator.url.startsWith('https:');
    const contexts: BrowserContext[] = [];
    const newContext = async (contextOptions: BrowserContextOptions = {}) => {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 }, ...contextOptions });
      contexts.push(context);
      if (dialogRules) watchOfficeDialogs(context, harness.hostOrigin);
      return context;
    };
    cleanups.push(async () => {
      for (const context of contexts) await context.close().catch(() => {});
    });
    const context = await newContext();

    const pane = async (page: Page): Promise<Frame> => {
      // Before the harness page's script ran, __outlookHarness is not there yet.
      await page.waitForFunction(() => (window as Partial<HarnessWindow>).__outlookHarness?.paneHandlers() != null);
      const mode = await page.evaluate(() => (window as HarnessWindow).__outlookHarness.paneMode());
      const element = await page.waitForSelector(mode === 'compose' ? '#compose-pane' : '#task-pane', { state: 'attached' });
      const frame = await element.contentFrame();
      if (!frame) throw new Error('The task pane iframe has no frame');
      return frame;
    };

    // The harness's actions resolve once the pane took the event (postMessage is asynchronous).
    const harnessCall = async <K extends HarnessAction>(page: Page, method: K, ...args: Parameters<OutlookHarness[K]>) => {
      await page.evaluate(
        async ([name, params]) => {
          const api = (window as HarnessWindow).__outlookHarness;
          await (api[name] as (...a: typeof params) => unknown).apply(api, params);
        },
        [method, args] as const,
      );
    };

    const emulatorControl = async (name: string, body?: unknown) => {
      const response = await fetch(`${emulator.url}/__emulator/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`emulator control ${name} answered ${response.status}: ${text}`);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    };

    return {
      browser,
      context,
      emulator,
      harness,
      cdn,
      addinOrigin,
      hostOrigin: harness.hostOrigin,
      config,
      newContext,
      pane,
      async openHarness(page, open = {}) {
        const query = new URLSearchParams();
        if (open.email) query.set('email', open.email);
        if (open.partitionKey) query.set('partitionKey', open.partitionKey);
        if (open.theme) query.set('theme', open.theme);
        if (open.nestedAppAuth) query.set('naa', '1');
        if (open.lang) query.set('lang', open.lang);
        if (open.platform && open.platform !== 'web') query.set('platform', open.platform);
        if (open.webview) query.set('webview', open.webview);
        if (open.outlookAccount) {
          // Before the harness page's own script runs, and only in the harness page (not the pane or a dialog).
          await page.addInitScript((account) => {
            if (window === window.top && !window.opener) (window as HarnessWindow).__OUTLOOK_HARNESS_ACCOUNT__ = account;
          }, open.outlookAccount);
        }
        await page.goto(`${harness.harnessUrl}?${query}`);
        return pane(page);
      },
      selectEmail: (page, emailId) => harnessCall(page, 'selectEmail', emailId),
      setTheme: (page, theme) => harnessCall(page, 'setTheme', theme),
      setDialogBehavior: (page, behavior) => harnessCall(page, 'setDialogBehavior', behavior),
      setRecipients: (page, field, addresses) => harnessCall(page, 'setRecipients', field, addresses),
      setOffline: (ctx, offline) => ctx.setOffline(offline),
      emulatorControl,
      async emulatorLog() {
        const response = await fetch(`${emulator.url}/__emulator/log`);
        if (!response.ok) throw new Error(`emulator log answered ${response.status}`);
        const data = (await response.json()) as unknown;
        const entries = Array.isArray(data) ? data : ((data as { entries?: unknown[] }).entries ?? []);
        return entries as Awaited<ReturnType<Stack['emulatorLog']>>;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
