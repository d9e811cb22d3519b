/**
 * Packs a release: the built dist/ and both manifests of one environment, in one .tar.gz under release/:
 *
 *   sellers-salesforce-outlook-<version>-<env>/
 *     dist/…                 what the host serves at the add-in's origin (copied as built)
 *     manifest.xml           the XML manifest (Outlook on the Mac, older clients; sideloading)
 *     app-package/           the unified manifest's app package: manifest.json, color.png, outline.png
 *     app-package.zip        the same three, zipped: what the Microsoft 365 admin center and sideloading take
 *
 * The one version number is package.json's: the packer refuses manifests that say another.
 */
import fs from 'node:fs';
import path from 'node:path';
import { xmlVersion } from '../manifest/environment';
import { createTarGz, type TarEntry } from './tar-gz';
import { createZip } from './zip';

export interface PackOptions {
  /** The package's name (package.json `name`). */
  name: string;
  /** package.json's version, x.y.z. */
  version: string;
  environment: string;
  distDir: string;
  /** Both manifests' files by name: manifest.xml, manifest.json and the app package's icons. */
  manifests: Record<string, string | Uint8Array>;
  outDir: string;
  mtime?: Date;
}

/** Every file under `dir`, relative with forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** The manifests' versions, each as the version it stands for (x.y.z), or a message when one disagrees. */
export function manifestVersionProblems(manifests: PackOptions['manifests'], version: string): string[] {
  const problems: string[] = [];
  const xml = manifests['manifest.xml'];
  const json = manifests['manifest.json'];
  const xmlFound = xml === undefined ? undefined : /<Version>([^<]*)<\/Version>/.exec(Buffer.from(xml).toString('utf8'))?.[1];
  if (xmlFound !== xmlVersion(version)) problems.push(`manifest.xml <Version> is ${xmlFound ?? 'missing'}, package.json says ${version} (${xmlVersion(version)})`);
  const jsonFound = json === undefined ? undefined : (JSON.parse(Buffer.from(json).toString('utf8')) as { version?: unknown }).version;
  if (jsonFound !== version) problems.push(`manifest.json version is ${String(jsonFound ?? 'missing')}, package.json says ${version}`);
  return problems;
}

export function packRelease(options: PackOptions): { archive: string; entries: string[] } {
  const problems = manifestVersionProblems(options.manifests, options.version);
  if (problems.length) throw new Error(`versions disagree: ${problems.join('; ')}`);
  if (!fs.existsSync(path.join(options.distDir, 'index.html'))) throw new Error(`${options.distDir}/index.html is missing: build first`);
  const root = `${options.name}-${options.version}-${options.environment}`;
  const entries: TarEntry[] = filesUnder(options.distDir).map((file) => ({ path: `${root}/dist/${file}`, data: fs.readFileSync(path.join(options.distDir, file)) }));
  const appPackage: TarEntry[] = [];
  for (const [file, content] of Object.entries(options.manifests)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (file === 'manifest.xml') entries.push({ path: `${root}/manifest.xml`, data });
    else appPackage.push({ path: file, data });
  }
  for (const file of appPackage) entries.push({ path: `${root}/app-package/${file.path}`, data: file.data });
  entries.push({ path: `${root}/app-package.zip`, data: createZip(appPackage, options.mtime) });
  fs.mkdirSync(options.outDir, { recursive: true });
  const archive = path.join(options.outDir, `${root}.tar.gz`);
  fs.writeFileSync(archive, createTarGz(entries, options.mtime));
  return { archive, entries: entries.map((entry) => entry.path) };
}
