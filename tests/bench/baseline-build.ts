/**
 * The baseline the bench measures against (issue 14): tests/bench/baseline-shell/ (React 19 + Fluent UI v9 alone),
 * built by the same Vite with the same React plugin and defaults as the add-in (minified, hashed assets, module
 * preloads), into a temporary folder, with .br/.gz copies beside its assets as the add-in's build writes them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const SHELL_ROOT = fileURLToPath(new URL('./baseline-shell/', import.meta.url));
/** Where the harness serves the shell (a mount beside the add-in, same origin, same server, same compression). */
export const BASELINE_PATH = '/__baseline/';

export interface BaselineBuild {
  dir: string;
  buildMs: number;
  remove(): void;
}

/** Writes x.br and x.gz beside every asset of 1 KB or more, at the levels vite.config.ts's precompressAssets uses. */
function precompress(assetsDir: string): void {
  for (const name of readdirSync(assetsDir)) {
    if (!/\.(js|css)$/.test(name)) continue;
    const file = join(assetsDir, name);
    const source = readFileSync(file);
    if (source.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.length } }));
  }
}

export async function buildBaselineShell(): Promise<BaselineBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  const started = performance.now();
  await build({
    configFile: false,
    root: SHELL_ROOT,
    logLevel: 'warn',
    base: BASELINE_PATH,
    plugins: [react()],
    build: { outDir: dir, emptyOutDir: true },
  });
  const buildMs = performance.now() - started;
  precompress(join(dir, 'assets'));
  return { dir, buildMs, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
