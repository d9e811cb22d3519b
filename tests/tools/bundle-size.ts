import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

export interface BundleReport {
  /** Scripts the first paint waits for: index.html's module entry and its modulepreloads. */
  initial: { file: string; gzipBytes: number; brotliBytes: number }[];
  initialGzipBytes: number;
  /** The same scripts brotli-compressed (quality 11, as the build's .br copies). */
  initialBrotliBytes: number;
  /** Every other JS chunk, loaded on demand (jsforce among them). */
  lazyGzipBytes: number;
  /** The chunk that holds jsforce, if it was found. */
  jsforceChunk?: string;
}

/**
 * Budget for what the first paint downloads, gzip: the figure measured on main plus BUDGET_MARGIN, so a change that
 * adds first-paint code fails CI instead of hiding under a far-away limit. To re-measure after a deliberate change:
 * `npm run build && npm run bundle-size`, which prints the figure and the line to paste here.
 */
export const INITIAL_GZIP_BUDGET = 166 * 1024;

/** The slack above the measured figure: about 3%, rounded up to a whole KiB. */
export const BUDGET_MARGIN = 0.03;

export function budgetFor(measuredGzipBytes: number): number {
  return Math.ceil((measuredGzipBytes * (1 + BUDGET_MARGIN)) / 1024) * 1024;
}

/** Brotli at the quality the build's precompressed copies use (vite.config.ts precompressAssets). */
export function brotliSize(source: Buffer): number {
  return brotliCompressSync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length } }).length;
}

/** `base`: the build's public base path (Vite's `base`), which the page's script URLs start with. */
export function measureBundle(distDir: string, base = '/'): BundleReport {
  const indexHtml = join(distDir, 'index.html');
  if (!existsSync(indexHtml)) throw new Error(`${indexHtml} is missing: run npm run build first`);
  const html = readFileSync(indexHtml, 'utf8');
  const initialFiles = new Set<string>();
  const inDist = (url: string) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ''));
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) initialFiles.add(inDist(m[1]!));
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) initialFiles.add(inDist(m[1]!));
  const gz = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
  const br = (file: string) => brotliSize(readFileSync(join(distDir, file)));
  const initial = [...initialFiles].map((file) => ({ file, gzipBytes: gz(file), brotliBytes: br(file) }));
  const assets = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  let lazyGzipBytes = 0;
  let jsforceChunk: string | undefined;
  for (const name of assets) {
    const file = `assets/${name}`;
    if (initialFiles.has(file)) continue;
    lazyGzipBytes += gz(file);
    if (!jsforceChunk && readFileSync(join(distDir, file), 'utf8').includes('describeGlobal')) jsforceChunk = file;
  }
  return {
    initial,
    initialGzipBytes: initial.reduce((s, f) => s + f.gzipBytes, 0),
    initialBrotliBytes: initial.reduce((s, f) => s + f.brotliBytes, 0),
    lazyGzipBytes,
    jsforceChunk,
  };
}
