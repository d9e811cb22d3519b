import { chromium, type Browser } from 'playwright-core';
import { OFFICE_CDN_HOST } from './cdn-stand-in';
import { watchCspViolations } from './csp-violations';

/** The flags every browser test runs Chromium with (team brief), never a downloaded browser. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The features playwright-core 1.65.1 disables by default (src/server/chromium/chromiumSwitches.ts,
 * `disabledFeatures`), in its order: ignoreDefaultArgs matches the whole `--disable-features=` argument exactly.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
const PLAYWRIGHT_DISABLE_FEATURES_ARG = `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`;
/**
 * Playwright's list without ThirdPartyStoragePartitioning: a seller's Chromium partitions a cross-site iframe's
 * storage, BroadcastChannel and Web Locks by the top-level site (on by default since Chrome 115), and Outlook on the
 * web hosts the add-in in exactly such an iframe. tests/e2e/harness-partitioning.test.ts proves it is on.
 */
export const DISABLE_FEATURES_ARG = `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.filter((f) => f !== 'ThirdPartyStoragePartitioning').join(',')}`;

export interface LaunchOptions {
  /**
   * Keep Chromium's pop-up blocker on. Playwright launches with `--disable-popup-blocking` by default (playwright-core
   * chromium defaults), so a window.open outside a user gesture would open anyway; sellers' browsers block it.
   */
  popupBlocker?: boolean;
  /** More flags after the team's (the bench's process model). */
  extraArgs?: string[];
}

/**
 * Launches Debian's Chromium with Microsoft's CDN host resolved to the local stand-in, storage partitioning on. Every
 * context it makes records Content Security Policy violations (support/csp-violations.ts), which fail the test.
 */
export async function launchChromium(cdnPort: number, options: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, DISABLE_FEATURES_ARG, `--host-resolver-rules=MAP ${OFFICE_CDN_HOST} 127.0.0.1:${cdnPort}`, ...(options.extraArgs ?? [])],
    ignoreDefaultArgs: [PLAYWRIGHT_DISABLE_FEATURES_ARG, ...(options.popupBlocker ? ['--disable-popup-blocking'] : [])],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (contextOptions) => {
    const context = await newContext(contextOptions);
    await watchCspViolations(context);
    return context;
  };
  browser.newPage = async (pageOptions) => {
    const context = await browser.newContext(pageOptions);
    const page = await context.newPage();
    // As Playwright's own newPage: the page owns its context.
    page.once('close', () => void context.close().catch(() => {}));
    return page;
  };
  return browser;
}
