import { readFile } from 'node:fs/promises';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { bootData, bootElement } from './boot-data';
import { browserScript, type BrowserScript } from './browser-bundle';
import { getLocalhostCertificate } from './certificate';
import { resolveInside, sendFile } from './static-files';
import { addinContentSecurityPolicy, HEADER_FILE, OFFICE_FRAME_ANCESTORS, withPolicyMeta } from '../tools/content-security-policy';

/** Microsoft's CDN URL for office.js, as src/index.html and public/*.html load it. */
export const OFFICE_JS_CDN_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The add-in's host name, and the simulated Outlook page's: two sites on one server and one certificate. */
const ADDIN_NAME = 'localhost';
const HOST_NAME = '127.0.0.1';
/** Where the harness itself serves the stand-in (dev mode rewrites the CDN URL to it). */
export const STAND_IN_PATH = '/__harness/office.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The office.js stand-in, as one classic script (the CDN stand-in in tests/e2e/support serves it too). */
export const officeStandInScript = (): Promise<string> => browserScript('officeStandIn');
/** The harness's browser scripts, bundled from TypeScript when asked for. */
const HARNESS_SCRIPTS: Record<string, BrowserScript> = {
  [STAND_IN_PATH]: 'officeStandIn',
  '/__harness/harness-page.js': 'harnessPage',
};
const HARNESS_ASSETS: Record<string, string> = {
  '/__harness/harness.css': here('./harness.css'),
};

export interface HarnessOptions {
  /** 0 picks a free port. */
  port: number;
  /** 'dev': Vite in middleware mode with HMR (npm start). 'dist': the production build, served unchanged (tests). */
  mode: 'dev' | 'dist';
  /** The emulated org; the harness proxies its /__emulator controls for the control panel. */
  emulatorUrl: string;
  /** Served as /config.json instead of public/config.json (tests point the add-in at a random-port emulator). */
  configOverride?: unknown;
  /** 'dist' mode: the folder to serve (default dist/). */
  distDir?: string;
  /** Extra static folders: URL prefix (e.g. '/__probe/') → directory. Served unchanged, before the add-in. */
  mounts?: Record<string, string>;
  /**
   * Origins the Content Security Policy allows as it allows the Salesforce domains (the emulated org's generic login
   * host, a stand-in for login.salesforce.com, which the policy's `https://*.salesforce.com` covers in production).
   */
  salesforceStandIns?: string[];
  /** Interface to listen on (default: all, so both localhost and 127.0.0.1 work). */
  host?: string;
  /**
   * 'dist' mode and mounts: send the build's precompressed copies (x.js.br, x.js.gz) to a browser that accepts them,
   * as a CDN or nginx gzip_static does (the bench; tests get the files as they are).
   */
  precompressed?: boolean;
}

export interface RunningHarness {
  /** https://localhost:<port>: the add-in's origin (the pane, its dialogs, /config.json). */
  origin: string;
  /**
   * https://127.0.0.1:<port>: the simulated Outlook page's origin, another SITE than the add-in's (the certificate
   * covers both names), so the pane is a cross-site iframe as in Outlook on the web.
   */
  hostOrigin: string;
  port: number;
  /** The harness page, on hostOrigin. */
  harnessUrl: string;
  close(): Promise<void>;
}

type ViteDevServer = import('vite').ViteDevServer;

function rewriteOfficeJs(html: string): string {
  return html.split(OFFICE_JS_CDN_URL).join(STAND_IN_PATH);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The Outlook harness: the harness page, the office.js stand-in, the add-in (dev: Vite with HMR; dist: the build)
 * and /config.json from one HTTPS server under two site names: the add-in at https://localhost:<port> (the pane and
 * its dialogs), the simulated Outlook page at https://127.0.0.1:<port>, so the pane is a cross-site iframe as in
 * Outlook on the web.
 */
export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const distDir = options.distDir ?? repo('dist');
  const publicDir = repo('public');
  if (options.mode === 'dist') {
    try {
      await readFile(`${distDir}/index.html`);
    } catch {
      throw new Error(`${distDir}/index.html is missing: run npm run build first`);
    }
  }
  const { key, cert } = await getLocalhostCertificate();
  // Known once listening; the handler only runs after that.
  let addinOrigin = '';
  let hostOrigin = '';
  const sockets = new Set<Duplex>();
  let vite: ViteDevServer | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const path = url.pathname;
    const onHostSite = (req.headers.host ?? '').startsWith(`${HOST_NAME}:`);
    const acceptEncoding = options.precompressed ? (req.headers['accept-encoding'] ?? '') : undefined;

    // The harness page lives on the host's site only: served from the add-in's origin it would make the pane
    // same-origin with Outlook, which Outlook on the web never is.
    if (path === '/' || path === '/harness' || (path === '/harness.html' && !onHostSite)) {
      res.writeHead(302, { location: `${hostOrigin}/harness.html${url.search}` });
      return res.end();
    }
    if (path === '/harness.html') {
      const html = await readFile(here('./harness.html'), 'utf8');
      return send(res, 200, html.replace('<!--BOOT-->', bootElement(bootData(url, addinOrigin))), 'text/html; charset=utf-8');
    }
    const script = HARNESS_SCRIPTS[path];
    if (script) return send(res, 200, await browserScript(script), 'text/javascript; charset=utf-8');
    const asset = HARNESS_ASSETS[path];
    if (asset) {
      await sendFile(res, asset);
      return;
    }
    if (path.startsWith('/__harness/emulator/')) return proxyToEmulator(req, res, path.slice('/__harness/emulator/'.length), url.search);
    if (path === '/config.json') {
      if (options.configOverride !== undefined) return send(res, 200, JSON.stringify(options.configOverride, null, 2), 'application/json; charset=utf-8');
      await sendFile(res, `${publicDir}/config.json`);
      return;
    }

    for (const [prefix, dir] of Object.entries(options.mounts ?? {})) {
      if (!path.startsWith(prefix)) continue;
      if (await sendFile(res, resolveInside(dir, path.slice(prefix.length)), {}, acceptEncoding)) return;
      return send(res, 404, 'Not found');
    }

    if (options.mode === 'dist') {
      // Source maps stay with support, never on the add-in's origin (the build writes them outside dist/ anyway).
      if (path.endsWith('.map') || path === `/${HEADER_FILE}`) return send(res, 404, 'Not found');
      // Every page of the add-in is served as a host must serve it: the Content-Security-Policy header for the config
      // this harness serves (its frame-ancestors naming the simulated Outlook page), and the meta tag restated for
      // that config as `npm run csp` does for a deployment.
      if (path.endsWith('.html')) {
        const page = resolveInside(distDir, path);
        const html = page ? await readFile(page, 'utf8').catch(() => undefined) : undefined;
        if (html === undefined) return send(res, 404, 'Not found');
        const policy = await currentPolicy();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': policy.header });
        return res.end(withPolicyMeta(html, policy.meta));
      }
      if (await sendFile(res, resolveInside(distDir, path), {}, acceptEncoding)) return;
      return send(res, 404, 'Not found');
    }

    // Dev mode sends no Content Security Policy: Vite's HMR preamble is an inline script; the production build is
    // what runs under it (dist mode above, every browser test).
    // Dev mode: HTML is served here so the CDN office.js URL can point at the local stand-in (a newcomer's browser
    // cannot reach or remap the CDN); everything else is Vite's (modules, HMR, public files).
    if (path.endsWith('.html')) {
      // The built pages live in src/ (index.html, the sign-in dialog's auth-start.html and auth-callback.html, MSAL's
      // msal-redirect.html): through Vite, as the build does.
      const page = resolveInside(repo('src'), path);
      const source = page ? await readFile(page, 'utf8').catch(() => undefined) : undefined;
      if (source !== undefined) {
        const html = await vite!.transformIndexHtml(url.pathname + url.search, source);
        return send(res, 200, rewriteOfficeJs(html), 'text/html; charset=utf-8');
      }
    }
    if (path.endsWith('.html')) {
      const file = resolveInside(publicDir, path);
      if (file) {
        try {
          return send(res, 200, rewriteOfficeJs(await readFile(file, 'utf8')), 'text/html; charset=utf-8');
        } catch {
          // Not a public page: fall through to Vite.
        }
      }
    }
    vite!.middlewares(req, res, () => send(res, 404, 'Not found'));
  };

  const currentPolicy = async () => {
    const config = options.configOverride !== undefined ? options.configOverride : (JSON.parse(await readFile(`${publicDir}/config.json`, 'utf8')) as unknown);
    return addinContentSecurityPolicy(config, { frameAncestors: [...OFFICE_FRAME_ANCESTORS, hostOrigin], salesforceStandIns: options.salesforceStandIns });
  };

  const proxyToEmulator = async (req: IncomingMessage, res: ServerResponse, name: string, search: string) => {
    if (!/^[a-z0-9-]+$/.test(name)) return send(res, 400, 'Bad control name');
    try {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      const answer = await fetch(`${options.emulatorUrl}/__emulator/${name}${search}`, {
        method: req.method,
        headers: body ? { 'content-type': req.headers['content-type'] ?? 'application/json' } : {},
        body: body && body.length > 0 ? body : undefined,
      });
      send(res, answer.status, await answer.text(), answer.headers.get('content-type') ?? 'text/plain');
    } catch (error) {
      send(res, 502, `The emulated org at ${options.emulatorUrl} did not answer: ${(error as Error).message}`);
    }
  };

  const server: Server = createHttpsServer({ key, cert }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Harness error: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  if (options.mode === 'dev') {
    const { createServer } = await import('vite');
    vite = await createServer({
      configFile: repo('vite.config.ts'),
      appType: 'custom',
      // HMR rides on the harness's own HTTPS server, so no second port and no mixed content.
      server: { middlewareMode: true, ws: { server: server as unknown as import('node:http').Server } },
      logLevel: 'warn',
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  addinOrigin = `https://${ADDIN_NAME}:${port}`;
  hostOrigin = `https://${HOST_NAME}:${port}`;

  return {
    origin: addinOrigin,
    hostOrigin,
    port,
    harnessUrl: `${hostOrigin}/harness.html`,
    async close() {
      await vite?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
