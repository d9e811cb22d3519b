/**
 * `npm run release -- --env production --host https://addin.example.com [--config production-config.json]`
 *
 * Builds (type check and `vite build`), writes both manifests for that environment (dist-manifests/<env>/), validates
 * them offline against the built dist/ (every page and icon they name must be there; with --config, its URLs and
 * login hosts must agree), and packs dist/ with the manifests into release/<name>-<version>-<env>.tar.gz
 * (./pack.ts). The version is package.json's, for the add-in and both manifests (bump it there, and add its entry
 * to docs/CHANGELOG.md). dist/ is copied as built: its config.json is the one the build took from public/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions } from '../manifest/cli-args';
import { REPO_ROOT, resolveEnvironment } from '../manifest/environment';
import { manifestFiles, writeManifests } from '../manifest/generate';
import { printReports, validateEnvironmentManifests } from '../manifest/validate';
import { packRelease } from './pack';
import { readTarGz } from './tar-gz';

export const RELEASE_DIR = path.join(REPO_ROOT, 'release');
const DIST_DIR = path.join(REPO_ROOT, 'dist');

/** Files as the host serves them from `distDir`. */
export function distAssetReader(distDir: string) {
  return (urlPath: string): Uint8Array | undefined => {
    const relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
    if (relative.split('/').includes('..')) return undefined;
    const file = path.join(distDir, relative);
    return fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
  };
}

function main(argv: string[]): number {
  const options = parseOptions(argv, ['env', 'host', 'config']);
  if (!options.env) throw new Error('--env is required: dev, staging or production');
  const environment = resolveEnvironment({ env: options.env, host: options.host, configFile: options.config });
  const { name } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string };
  console.log(`Release ${name} ${environment.version} for ${environment.name} at ${environment.origin}`);

  const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) throw new Error('npm run build failed');

  for (const file of writeManifests(environment)) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (!environment.config) console.log(`(no --config: the manifests are not checked against ${environment.name}'s config.json)`);
  if (!printReports(validateEnvironmentManifests(environment, { readAsset: distAssetReader(DIST_DIR) }))) throw new Error('the manifests are not valid for this build');

  const packed = packRelease({ name, version: environment.version, environment: environment.name, distDir: DIST_DIR, manifests: manifestFiles(environment), outDir: RELEASE_DIR });
  // Read back what was written: the archive is whole and holds what was packed.
  const listed = readTarGz(fs.readFileSync(packed.archive)).map((entry) => entry.path);
  if (listed.join('\n') !== packed.entries.join('\n')) throw new Error(`${packed.archive} does not read back as packed`);
  console.log(`✓ ${path.relative(process.cwd(), packed.archive)}: ${listed.length} files (dist/, manifest.xml, app-package/ and app-package.zip)`);
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
