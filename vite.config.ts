import basicSsl from '@vitejs/plugin-basic-ssl';
import react from '@vitejs/plugin-react';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { nodePolyfills } from 'vite-plugin-node-polyfills';
import { addinContentSecurityPolicy, HEADER_FILE, withPolicyMeta } from './tests/tools/content-security-policy';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The Content Security Policy for public/config.json (tests/tools/content-security-policy.ts): a meta tag first in
 * every built page, for hosts that cannot send headers, and dist/content-security-policy.txt, the header value with
 * frame-ancestors, for hosts that can. Build only: the dev server's HMR preamble is an inline script. A deployment
 * with its own config.json restates both with `npm run csp`.
 */
function contentSecurityPolicy(): Plugin {
  const policy = addinContentSecurityPolicy(JSON.parse(readFileSync(here('./public/config.json'), 'utf8')));
  return {
    name: 'addin-content-security-policy',
    apply: 'build',
    // The add-in's pages only: a test's diagnostic build reuses these plugins for pages of its own.
    transformIndexHtml: { order: 'post', handler: (html, ctx) => (ctx.filename.startsWith(here('./src/')) ? withPolicyMeta(html, policy.meta) : html) },
    generateBundle(options) {
      if (options.dir === here('./dist')) this.emitFile({ type: 'asset', fileName: HEADER_FILE, source: `${policy.header}\n` });
    },
  };
}

/**
 * Source maps for support, never served: 'hidden' maps (no sourceMappingURL comment in the code) are taken out of
 * the bundle and written to sourcemaps/ beside dist/, so nothing that publishes dist/ publishes them.
 */
const SOURCEMAP_DIR = here('./sourcemaps');
function sourcemapsOutsideDist(): Plugin {
  const maps = new Map<string, string | Uint8Array>();
  return {
    name: 'sourcemaps-outside-dist',
    apply: 'build',
    generateBundle(_options, bundle) {
      maps.clear();
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!fileName.endsWith('.map') || output.type !== 'asset') continue;
        maps.set(fileName, output.source);
        delete bundle[fileName];
      }
    },
    writeBundle(options) {
      // Only the add-in's own build owns sourcemaps/ (a test's diagnostic build reuses these plugins elsewhere).
      if (options.dir !== here('./dist')) return;
      rmSync(SOURCEMAP_DIR, { recursive: true, force: true });
      for (const [fileName, source] of maps) {
        const target = join(SOURCEMAP_DIR, fileName);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, source);
      }
    },
  };
}

/**
 * Precompressed copies beside the hashed assets (assets/x.js.gz, assets/x.js.br) for hosts that serve them as they
 * are (nginx gzip_static, docs/hosting/). Only dist/assets/: those files never change after the build, while the
 * pages and config.json are rewritten per deployment (`npm run csp`, an environment's config.json), and a stale
 * index.html.gz would serve the old policy. Files under 1 KB gain nothing.
 */
const PRECOMPRESSED = /\.(js|css|html|json|svg)$/;
const PRECOMPRESS_MIN_BYTES = 1024;
function precompressAssets(): Plugin {
  const gzipAsync = promisify(gzip);
  const brotliAsync = promisify(brotliCompress);
  return {
    name: 'precompress-assets',
    apply: 'build',
    async writeBundle(options) {
      if (options.dir !== here('./dist')) return;
      const assets = join(options.dir, 'assets');
      const files = readdirSync(assets, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && PRECOMPRESSED.test(entry.name));
      let written = 0;
      await Promise.all(
        files.map(async (entry) => {
          const file = join(entry.parentPath, entry.name);
          const source = readFileSync(file);
          if (source.length < PRECOMPRESS_MIN_BYTES) return;
          const [gz, br] = await Promise.all([
            gzipAsync(source, { level: 9 }),
            brotliAsync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
          ]);
          writeFileSync(`${file}.gz`, gz);
          writeFileSync(`${file}.br`, br);
          written += 1;
        }),
      );
      this.info(`precompressed ${written} files in ${relative(here('.'), assets)}`);
    },
  };
}

// index.html lives in src/ so the app's root is its own folder; public/ (config.json, icons) is copied
// as-is beside the build. The dev server must be HTTPS: Office refuses to load a task pane over plain HTTP.
export default defineConfig({
  root: here('./src'),
  publicDir: here('./public'),
  // Shared with tests/harness/certificate.ts, so `npm start` and `vite` present the same self-signed certificate.
  cacheDir: here('./node_modules/.vite'),
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: 'hidden',
    // The pane; the page MSAL's standard popup returns to (src/auth/microsoft/redirect-bridge-page.ts) and MSAL's popup
    // relay (src/auth/microsoft/popup-relay-page.ts), which carries the answer across the pane's storage partition:
    // those two pull in only MSAL's small bridge and relay, the pane keeps msal-browser lazy. The Salesforce sign-in
    // dialog's two pages (src/auth/dialog/) share the pane's URL builder and host check.
    rollupOptions: {
      input: {
        index: here('./src/index.html'),
        'msal-redirect': here('./src/msal-redirect.html'),
        'msal-popup-relay': here('./src/msal-popup-relay.html'),
        'auth-start': here('./src/auth-start.html'),
        'auth-callback': here('./src/auth-callback.html'),
      },
    },
  },
  server: { port: 3000, strictPort: true },
  preview: { port: 3000, strictPort: true },
  plugins: [
    react(),
    // jsforce's browser build still requires a few Node core modules. It is loaded with a dynamic import by the
    // connection wrapper, so these polyfills land in its lazy chunk, not in the first paint.
    nodePolyfills({
      include: ['events', 'stream', 'buffer', 'process', 'querystring', 'timers', 'util'],
      globals: { Buffer: true, process: true, global: true },
      protocolImports: true,
    }),
    contentSecurityPolicy(),
    sourcemapsOutsideDist(),
    precompressAssets(),
    basicSsl({ name: 'outlook-addin-dev', domains: ['localhost', '127.0.0.1'] }),
  ],
});
