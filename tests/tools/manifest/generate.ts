/**
 * Writes both manifests for an environment:
 *
 *   npx tsx tests/tools/manifest/generate.ts --env dev
 *   npx tsx tests/tools/manifest/generate.ts --env production --host https://addin.example.com [--config its-config.json]
 *
 * Into dist-manifests/<env>/ (git-ignored): manifest.xml, and the unified manifest's app package, manifest.json with
 * its two icons, also zipped as app-package.zip (what the Microsoft 365 admin center and sideloading take). The dev environment's manifest.xml is also the committed top-level manifest.xml (sideloading reads
 * it from there; a test fails when it is stale).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZip } from '../release/zip';
import { appPackageIcons } from './app-package-icons';
import { parseOptions } from './cli-args';
import { REPO_ROOT, resolveEnvironment, type ManifestEnvironment } from './environment';
import { unifiedManifest } from './unified-manifest';
import { xmlManifest } from './xml-manifest';

export const COMMITTED_XML_MANIFEST = path.join(REPO_ROOT, 'manifest.xml');
export const MANIFESTS_DIR = path.join(REPO_ROOT, 'dist-manifests');

export const unifiedManifestText = (environment: ManifestEnvironment) => `${JSON.stringify(unifiedManifest(environment), null, 2)}\n`;

/** The files of both manifests for `environment`, by name. */
export function manifestFiles(environment: ManifestEnvironment): Record<string, string | Buffer> {
  return { 'manifest.xml': xmlManifest(environment), 'manifest.json': unifiedManifestText(environment), ...appPackageIcons() };
}

/** Writes them into `dir` (default dist-manifests/<env>/); the list of files written. */
export function writeManifests(environment: ManifestEnvironment, dir = path.join(MANIFESTS_DIR, environment.name)): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const files = manifestFiles(environment);
  const appPackage = Object.entries(files)
    .filter(([name]) => name !== 'manifest.xml')
    .map(([name, content]) => ({ path: name, data: Buffer.from(content) }));
  for (const [name, content] of Object.entries({ ...files, 'app-package.zip': createZip(appPackage) })) {
    fs.writeFileSync(path.join(dir, name), content);
    written.push(path.join(dir, name));
  }
  return written;
}

function main(argv: string[]): number {
  const options = parseOptions(argv, ['env', 'host', 'config', 'out']);
  const environment = resolveEnvironment({ env: options.env ?? 'dev', host: options.host, configFile: options.config });
  const written = writeManifests(environment, options.out ? path.resolve(options.out) : undefined);
  if (environment.name === 'dev' && !options.host && !options.config) {
    fs.writeFileSync(COMMITTED_XML_MANIFEST, xmlManifest(environment));
    written.push(COMMITTED_XML_MANIFEST);
  }
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`✗ ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
