import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROBE_BASE = '/__probe/';

/**
 * Builds the probe pages (jsforce; the host adapter) with the project's vite.config.ts (same plugins, same polyfills) into a temporary
 * folder, to be mounted by the harness at PROBE_BASE. Independent of whether the app already loads jsforce.
 */
export async function buildJsforceProbe(): Promise<string> {
  const { build } = await import('vite');
  const { default: project } = await import('../../../vite.config');
  const root = fileURLToPath(new URL('./jsforce-probe', import.meta.url));
  const outDir = await mkdtemp(join(tmpdir(), 'jsforce-probe-'));
  // The project's plugins and polyfills, but not its pages: its build.rollupOptions.input names the app's HTML files,
  // which a merged config would keep beside the probe's (and they lie outside this root).
  await build({
    configFile: false,
    plugins: project.plugins,
    resolve: project.resolve,
    root,
    base: PROBE_BASE,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      // jsforce is large by nature; this page measures nothing, the bundle-size test does.
      chunkSizeWarningLimit: 5000,
      rollupOptions: { input: { index: join(root, 'index.html'), host: join(root, 'host-probe.html'), dialog: join(root, 'dialog-probe.html') } },
    },
  });
  return outDir;
}
