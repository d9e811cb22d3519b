import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
const DIST_INDEX = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

export interface DistInfo {
  dir: string;
  /** True when this run built it. */
  built: boolean;
  buildMs?: number;
  /** When dist/index.html was written: a stale build measures old code. */
  builtAt: string;
}

/** The production build the bench measures: dist/ as it is, or built with the project's vite.config.ts if missing. */
export async function ensureDist(force: boolean): Promise<DistInfo> {
  let built = false;
  let buildMs: number | undefined;
  if (force || !existsSync(DIST_INDEX)) {
    const { build } = await import('vite');
    const started = performance.now();
    // Same as `vite build` (npm run build without the type check): the config's own root, outDir and plugins.
    await build({ configFile: VITE_CONFIG, logLevel: 'warn' });
    buildMs = performance.now() - started;
    built = true;
    if (!existsSync(DIST_INDEX)) throw new Error('vite build finished but dist/index.html is still missing');
  }
  return { dir: DIST_DIR, built, buildMs, builtAt: statSync(DIST_INDEX).mtime.toISOString() };
}
