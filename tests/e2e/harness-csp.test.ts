import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_FILE } from '../tools/content-security-policy';
import { assertNoCspViolations, takeCspViolations } from './support/csp-violations';
import { startStack, type Stack } from './support/stack';

// The production build served as a host must serve it: the Content-Security-Policy header and meta tag for the
// config the harness serves (tests/tools/content-security-policy.ts). Every e2e test fails on a violation
// (support/fail-on-csp-violation.ts); this file proves the policy holds, the app works under it, and a violation is
// caught.

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  page = await stack.context.newPage();
});

afterAll(async () => {
  await stack?.close();
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the Content Security Policy', () => {
  it('comes with every add-in page as a header, frame-ancestors naming the Office hosts and the harness page', async () => {
    for (const name of ['index.html', 'auth-start.html', 'auth-callback.html', 'msal-redirect.html', 'msal-popup-relay.html']) {
      const response = await fetch(`${stack.addinOrigin}/${name}`);
      expect(response.status, name).toBe(200);
      const policy = directives(response.headers.get('content-security-policy') ?? '');
      expect(policy.get('default-src'), name).toEqual(["'self'"]);
      expect(policy.get('script-src'), name).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
      expect(policy.get('object-src'), name).toEqual(["'none'"]);
      expect(policy.get('base-uri'), name).toEqual(["'none'"]);
      expect(policy.get('connect-src'), name).toContain(stack.config.salesforce.loginUrl);
      expect(policy.get('connect-src'), name).toContain('https://*.salesforce.com');
      expect(policy.get('frame-ancestors'), name).toEqual(expect.arrayContaining(['https://outlook.office.com', stack.hostOrigin]));
      for (const sources of policy.values()) {
        expect(sources, name).not.toContain("'unsafe-eval'");
        expect(sources, name).not.toContain("'unsafe-inline'");
      }
      // The meta tag restated for the same config, without frame-ancestors (a meta tag cannot carry it).
      const html = await response.text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");
      expect(meta, name).toBeDefined();
      expect(directives(meta!).get('connect-src'), name).toEqual(policy.get('connect-src'));
      expect(directives(meta!).has('frame-ancestors'), name).toBe(false);
    }
  });

  it('lets the pane run and style itself: office.js from the CDN, Fluent UI styles through CSSOM only', async () => {
    const pane = await stack.openHarness(page);
    await pane
      .getByRole('button', { name: /sign in/i })
      .first()
      .waitFor();
    const buckets = await pane.evaluate(() => [...document.querySelectorAll('style')].map((style) => ({ text: style.textContent ?? '', rules: style.sheet?.cssRules.length ?? -1 })));
    expect(buckets.length).toBeGreaterThan(0);
    // Griffel's buckets are empty elements with rules inserted through CSSOM; none was refused (no sheet).
    expect(buckets.every((b) => b.text === '' && b.rules >= 0)).toBe(true);
    expect(buckets.reduce((sum, b) => sum + b.rules, 0)).toBeGreaterThan(50);
  });

  it('refuses an inline script injected into the pane, and the violation fails the check', async () => {
    const pane = await stack.pane(page);
    const ran = await pane.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true;';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injectedRan?: boolean }).__injectedRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => (takeCspViolations().length === 0 ? 0 : 1)).toBe(1);
    // Recorded again, then the check every test runs afterwards throws on it.
    await pane.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { background: red }';
      document.head.append(style);
    });
    await expect
      .poll(() => {
        try {
          assertNoCspViolations();
          return 'no violation yet';
        } catch (error) {
          return (error as Error).message;
        }
      })
      .toMatch(/style-src-elem refused inline/);
  });

  it('refuses to be framed by a page that is not an Office host', async () => {
    const foreign = await stack.context.newPage();
    try {
      // The emulated org's origin: a real site, in no frame-ancestors list.
      await foreign.goto(`${stack.emulator.url}/__emulator/log`);
      await foreign.setContent(`<iframe src="${stack.addinOrigin}/index.html"></iframe>`);
      await expect.poll(() => takeCspViolations().map((v) => v.directive)).toContain('frame-ancestors');
    } finally {
      await foreign.close();
    }
  });
});

describe('the production build', () => {
  it('serves no source map: hidden maps are written outside dist/, no file points at one', async () => {
    const assets = await readdir(`${DIST}assets`);
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    for (const name of assets.filter((n) => n.endsWith('.js'))) {
      expect(await readFile(`${DIST}assets/${name}`, 'utf8'), name).not.toMatch(/sourceMappingURL/);
    }
    const script = assets.find((n) => n.startsWith('index-') && n.endsWith('.js'))!;
    expect((await fetch(`${stack.addinOrigin}/assets/${script}.map`)).status).toBe(404);
    const maps = await readdir(fileURLToPath(new URL('../../sourcemaps/assets/', import.meta.url)));
    expect(maps).toContain(`${script}.map`);
  });

  it('ships the header value for hosts that can send it', async () => {
    const header = await readFile(`${DIST}${HEADER_FILE}`, 'utf8');
    expect(directives(header).get('frame-ancestors')).toContain('https://outlook.office.com');
    expect(directives(header).get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
  });
});
