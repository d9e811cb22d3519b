/**
 * `npm run validate`: both manifests, offline, for the dev environment and for a sample production host.
 *
 *  - dev: the committed manifest.xml is the generator's output (nobody edits it by hand), passes
 *    tests/tools/validate-manifest.ts against public/config.json, and the unified manifest passes its JSON schema;
 *  - production at https://addin.example.com with ./sample-production.config.json (an org's My Domain and sandbox as
 *    login choices): both manifests, generated, pass the same checks.
 *
 * Files on the add-in's origin are looked for in public/ and src/ (what the build serves); `npm run release` checks
 * them against the built dist/ instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRepoAsset, validateManifest } from '../validate-manifest';
import { appPackageIcons } from './app-package-icons';
import { REPO_ROOT, resolveEnvironment, type ManifestEnvironment } from './environment';
import { COMMITTED_XML_MANIFEST } from './generate';
import { unifiedManifest } from './unified-manifest';
import { validateUnifiedManifest } from './validate-unified-manifest';
import { xmlManifest } from './xml-manifest';

export const SAMPLE_PRODUCTION = { env: 'production', host: 'https://addin.example.com', configFile: path.join(REPO_ROOT, 'tests', 'tools', 'manifest', 'sample-production.config.json') };

export interface ManifestReport {
  label: string;
  errors: string[];
}

/** Both manifests of `environment`, checked; `xml` defaults to the generated one. */
export function validateEnvironmentManifests(
  environment: ManifestEnvironment,
  options: { xml?: string; unified?: unknown; readAsset?: (urlPath: string) => Uint8Array | undefined } = {},
): ManifestReport[] {
  const readAsset = options.readAsset ?? readRepoAsset;
  const icons = appPackageIcons();
  const where = `${environment.name}, ${environment.origin}`;
  return [
    { label: `XML manifest (${where})`, errors: validateManifest(options.xml ?? xmlManifest(environment), { config: environment.config, readAsset }) },
    {
      label: `unified JSON manifest (${where})`,
      errors: validateUnifiedManifest(options.unified ?? unifiedManifest(environment), { readAsset, readPackageFile: (file) => icons[file] }),
    },
  ];
}

/** The committed manifest.xml against the generator's dev output. */
export function committedManifestIsCurrent(committed = fs.readFileSync(COMMITTED_XML_MANIFEST, 'utf8')): ManifestReport {
  const generated = xmlManifest(resolveEnvironment({ env: 'dev' }));
  if (committed === generated) return { label: 'manifest.xml is the generated dev manifest', errors: [] };
  const committedLines = committed.split('\n');
  const generatedLines = generated.split('\n');
  const line = committedLines.findIndex((text, i) => text !== generatedLines[i]);
  return {
    label: 'manifest.xml is the generated dev manifest',
    errors: [
      `manifest.xml differs from tests/tools/manifest/addin.ts's dev output at line ${line + 1} (committed: ${JSON.stringify(committedLines[line] ?? '')}, generated: ${JSON.stringify(generatedLines[line] ?? '')}): edit addin.ts and run npx tsx tests/tools/manifest/generate.ts --env dev`,
    ],
  };
}

export function printReports(reports: ManifestReport[]): boolean {
  for (const report of reports) {
    if (!report.errors.length) {
      console.log(`✓ ${report.label}`);
      continue;
    }
    console.error(`✗ ${report.label}: ${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}`);
    for (const error of report.errors) console.error(`  - ${error}`);
  }
  return reports.every((report) => report.errors.length === 0);
}

function main(): number {
  const dev = resolveEnvironment({ env: 'dev' });
  const production = resolveEnvironment(SAMPLE_PRODUCTION);
  const reports = [committedManifestIsCurrent(), ...validateEnvironmentManifests(dev, { xml: fs.readFileSync(COMMITTED_XML_MANIFEST, 'utf8') }), ...validateEnvironmentManifests(production)];
  return printReports(reports) ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}
