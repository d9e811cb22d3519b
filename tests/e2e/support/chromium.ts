import { chromium, type Browser } from 'playwright-core';
import { OFFICE_CDN_HOST } from './cdn-stand-in';

/** The flags every browser test runs Chromium with (team brief), never a downloaded browser. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchOptions {
  /**
   * Keep Chromium's pop-up blocker on. Playwright launches with `--disable-popup-blocking` by default (playwright-core
   * chromium defaults), so a window.open outside a user gesture would open anyway; sellers' browsers block it.
   */
  popupBlocker?: boolean;
}

/** Launches Debian's Chromium with Microsoft's CDN host resolved to the local stand-in. */
export function launchChromium(cdnPort: number, options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${OFFICE_CDN_HOST} 127.0.0.1:${cdnPort}`],
    ...(options.popupBlocker ? { ignoreDefaultArgs: ['--disable-popup-blocking'] } : {}),
  });
}
