/**
 * The harness's browser scripts are TypeScript modules (office-stand-in/, harness-page/); the browser gets each as
 * one classic script, bundled here with Vite at serve time. Classic, not a module: the production pages load
 * office.js with a plain script tag ahead of their own code, and it must have set window.Office by the time that
 * code runs. A bundle is kept until one of its source files changes, so `npm start` picks up an edit on reload.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The scripts the harness serves, by the entry module each is bundled from. */
export const BROWSER_ENTRIES = {
  officeStandIn: here('./office-stand-in/main.ts'),
  harnessPage: here('./harness-page/main.ts'),
} as const;

export type BrowserScript = keyof typeof BROWSER_ENTRIES;

interface Bundle {
  code: string;
  /** Each source file the bundle holds, with the modification time it was built from. */
  sources: Map<string, number>;
}

const bundles = new Map<BrowserScript, Promise<Bundle>>();

async function modifiedAt(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return -1;
  }
}

async function build(script: BrowserScript): Promise<Bundle> {
  const { build: viteBuild } = await import('vite');
  const result = await viteBuild({
    configFile: false,
    root: here('.'),
    publicDir: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      sourcemap: false,
      target: 'es2022',
      lib: { entry: BROWSER_ENTRIES[script], formats: ['iife'], name: script, fileName: script },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((output) => ('output' in output ? output.output : [])).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bundling ${script} gave no script`);
  const sources = new Map<string, number>();
  for (const id of chunk.moduleIds) if (!id.startsWith('\0')) sources.set(id, await modifiedAt(id));
  return { code: chunk.code, sources };
}

async function isFresh(bundle: Bundle): Promise<boolean> {
  for (const [file, built] of bundle.sources) if ((await modifiedAt(file)) !== built) return false;
  return true;
}

/** The browser script, bundled from TypeScript (built once, again after an edit). */
export async function browserScript(script: BrowserScript): Promise<string> {
  const cached = bundles.get(script);
  if (cached) {
    const bundle = await cached.catch(() => undefined);
    if (bundle && (await isFresh(bundle))) return bundle.code;
    if (bundles.get(script) !== cached) return browserScript(script);
  }
  const building = build(script);
  bundles.set(script, building);
  building.catch(() => {
    if (bundles.get(script) === building) bundles.delete(script);
  });
  return (await building).code;
}
