import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContentSecurityPolicy } from '../tools/write-csp';
import { addinContentSecurityPolicy, HEADER_FILE } from '../tools/content-security-policy';
import { startCdnStandIn, type RunningCdnStandIn } from './support/cdn-stand-in';
import { launchChromium } from './support/chromium';
import { startHeadersFileHost, type RunningHost } from './support/hosting/headers-file-host';
import { LISTEN_PORT_PLACEHOLDER, startNginxRecipe } from './support/hosting/nginx-host';
import { applyHeadersRecipe, deploySite, IMAGE_CONF, IMAGE_ROOT, readRecipe, type Site } from './support/hosting/recipe-files';

// The hosting recipes in docs/hosting/, each serving a copy of the build (dist/) as a deployment would: the static
// host's `_headers` read by a host that interprets it as Netlify and Cloudflare Pages document, and the container's
// nginx.conf run by Debian's nginx. Each recipe file is used as it is, so a recipe missing a header or caching a page
// fails here. The copy carries an environment's own config.json in place of the built one: no rebuild.

/** An environment's config: its org's My Domain, its own External Client App and host. */
const PRODUCTION_CONFIG = {
  salesforce: {
    loginUrl: 'https://acme.my.salesforce.com',
    loginChoices: [],
    clientId: 'acme-production-consumer-key',
    redirectUri: 'https://outlook-addin.acme.example/auth-callback.html',
    apiVersion: '62.0',
    requestTimeoutMs: 20000,
  },
};

interface Recipe {
  name: string;
  start(siteDir: string): Promise<RunningHost>;
  /** Encodings the recipe serves from the build's precompressed files. */
  precompressed: Array<'gzip' | 'br'>;
  /** Other paths the host serves a page at (Cloudflare Pages: without .html), which must not be cached either. */
  pageAliases?: (page: string) => string[];
}

const RECIPES: Recipe[] = [
  {
    name: 'static host with docs/hosting/_headers',
    // The recipe's own step (its documented sed): the file copied into the site with the policy in its placeholder.
    start: async (siteDir) => startHeadersFileHost(siteDir, await applyHeadersRecipe(siteDir)),
    precompressed: ['gzip', 'br'],
    pageAliases: (page) => (page === 'index.html' ? [] : [`/${page.replace(/\.html$/, '')}`]),
  },
  { name: 'container with docs/hosting/nginx.conf (Debian nginx)', start: startNginxRecipe, precompressed: ['gzip'] },
];

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

let cdn: RunningCdnStandIn;
let browser: Browser;

beforeAll(async () => {
  cdn = await startCdnStandIn();
  browser = await launchChromium(cdn.port);
});

afterAll(async () => {
  await browser?.close();
  await cdn?.close();
});

describe.each(RECIPES)('$name', (recipe) => {
  let site: Site;
  let host: RunningHost;
  let assets: string[];
  let policy: string;
  /** Every page of the build (a new one must get the same rules). */
  let pages: string[];

  beforeAll(async () => {
    site = await deploySite(PRODUCTION_CONFIG);
    assets = (await readdir(join(site.dir, 'assets'))).filter((name) => /\.(js|css)$/.test(name));
    policy = (await readFile(join(site.dir, HEADER_FILE), 'utf8')).trim();
    pages = (await readdir(site.dir)).filter((name) => name.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'auth-start.html', 'auth-callback.html']));
    host = await recipe.start(site.dir);
  });

  afterAll(async () => {
    await host?.close();
    await site?.remove();
  });

  it('sends the Content Security Policy header (with frame-ancestors), nosniff and the referrer policy everywhere', async () => {
    // Every page, the config, an asset of each kind, and the path Office may load the pane from.
    const paths = ['/', ...pages.map((page) => `/${page}`), '/config.json', ...assets.slice(0, 3).map((name) => `/assets/${name}`)];
    for (const path of paths) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toBe(policy);
      expect(directives(response.headers.get('content-security-policy')!).get('frame-ancestors'), path).toContain('https://outlook.office.com');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('never lets a cache keep a page or config.json; keeps each hashed asset for a year, immutable', async () => {
    const aliases = pages.flatMap((page) => recipe.pageAliases?.(page) ?? []);
    for (const path of ['/', ...pages.map((page) => `/${page}`), '/config.json', ...aliases]) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.headers.get('cache-control'), path).toMatch(/^(no-cache|no-store)$/);
    }
    for (const name of assets) {
      const response = await fetch(`${host.origin}/assets/${name}`, { method: 'HEAD' });
      expect(response.headers.get('cache-control'), name).toBe('public, max-age=31536000, immutable');
    }
  });

  it("serves the build's precompressed files: the .gz (and .br where the host serves them) with Content-Encoding", async () => {
    const script = assets.find((name) => name.startsWith('index-') && name.endsWith('.js'))!;
    const original = await readFile(join(site.dir, 'assets', script));
    const precompressed = await readFile(join(site.dir, 'assets', `${script}.gz`));
    // node:http keeps the body as sent, so the bytes can be compared with the file beside the asset.
    const { request } = await import('node:http');
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(`${host.origin}/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(raw.body.equals(precompressed)).toBe(true);
    expect(gunzipSync(raw.body).equals(original)).toBe(true);
    for (const encoding of recipe.precompressed) {
      const response = await fetch(`${host.origin}/assets/${script}`, { headers: { 'accept-encoding': encoding } });
      expect(response.headers.get('content-encoding'), encoding).toBe(encoding);
      expect(Buffer.from(await response.arrayBuffer()).equals(original), encoding).toBe(true);
    }
    // A client that accepts no encoding gets the file itself.
    const plain = await fetch(`${host.origin}/assets/${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it("serves the environment's own config.json, swapped in without rebuilding, under a policy that already allows its hosts", async () => {
    const response = await fetch(`${host.origin}/config.json`);
    expect(await response.json()).toEqual(PRODUCTION_CONFIG);
    // My Domain hosts fall under the policy's Salesforce domains: no `npm run csp` needed for this config.
    const needed = directives(addinContentSecurityPolicy(PRODUCTION_CONFIG).header).get('connect-src')!;
    const served = directives(response.headers.get('content-security-policy')!).get('connect-src')!;
    const covered = (source: string) =>
      served.includes(source) || served.some((s) => s.startsWith('https://*.') && source.startsWith('https://') && new URL(source).hostname.endsWith(s.slice('https://*'.length)));
    expect(needed.filter((source) => !covered(source))).toEqual([]);
  });

  it('loads the pane in Chromium under these headers: office.js and the bundle run, nothing is refused', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      const encodings = new Map<string, string | undefined>();
      page.on('response', (response) => {
        if (!response.url().startsWith(host.origin)) return;
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
        encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
      });
      await page.goto(`${host.origin}/index.html`);
      // Outside Outlook, office.js reports no host and the pane says where it belongs (src/main.tsx): the module
      // bundle, its styles and office.js from the CDN all ran under the policy.
      await page.getByRole('heading', { name: 'Open this add-in from Outlook' }).waitFor({ timeout: 20_000 });
      expect(failed).toEqual([]);
      expect(cdn.requests.some((r) => r.path.endsWith('/office.js'))).toBe(true);
      const script = assets.find((name) => name.startsWith('index-') && name.endsWith('.js'))!;
      // Chromium accepts gzip and br: the pane's bundle arrived precompressed, and decoded.
      expect(recipe.precompressed).toContain(encodings.get(`/assets/${script}`));
      // Violations are checked after each test (support/fail-on-csp-violation.ts).
    } finally {
      await context.close();
    }
  });
});

describe.each(RECIPES)('$name, for a config naming a custom domain', (recipe) => {
  let site: Site;
  let host: RunningHost;
  const config = { salesforce: { ...PRODUCTION_CONFIG.salesforce, customDomains: ['crm.acme.example'] } };

  beforeAll(async () => {
    site = await deploySite(config);
    // The deployment's one extra step (docs/hosting/README.md): restate the policy for its config, then publish.
    await writeContentSecurityPolicy(site.dir);
    host = await recipe.start(site.dir);
  });

  afterAll(async () => {
    await host?.close();
    await site?.remove();
  });

  it('sends the restated policy, in the header and in the meta tag alike', async () => {
    const response = await fetch(`${host.origin}/index.html`);
    const header = directives(response.headers.get('content-security-policy')!);
    expect(header.get('connect-src')).toContain('https://crm.acme.example');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(await response.text())?.[1];
    expect(directives(meta!).get('connect-src')).toEqual(header.get('connect-src'));
  });
});

describe('docs/hosting/Dockerfile', () => {
  it('puts the build where nginx.conf serves from, the conf where nginx reads it, and exposes the port it listens on', async () => {
    const dockerfile = (await readRecipe('Dockerfile')).split('\n').filter((line) => !line.startsWith('#'));
    const instructions = dockerfile.join('\n');
    expect(instructions).toMatch(/^FROM nginx:stable-alpine$/m);
    expect(instructions).toMatch(new RegExp(`^COPY docs/hosting/nginx.conf ${IMAGE_CONF}$`, 'm'));
    expect(instructions).toMatch(new RegExp(`^COPY dist/ ${IMAGE_ROOT}/$`, 'm'));
    expect(instructions).toMatch(new RegExp(`^COPY \\$\\{ADDIN_CONFIG\\} ${IMAGE_ROOT}/config.json$`, 'm'));
    expect(instructions).toMatch(new RegExp(`^EXPOSE ${LISTEN_PORT_PLACEHOLDER}$`, 'm'));
    const conf = await readRecipe('nginx.conf');
    expect(conf).toMatch(new RegExp(`^\\s*root ${IMAGE_ROOT};$`, 'm'));
    expect(conf).toMatch(new RegExp(`^\\s*listen ${LISTEN_PORT_PLACEHOLDER};$`, 'm'));
  });
});
