import { ESLint } from 'eslint';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules in eslint.config.ts can fail: each snippet below breaks one, linted as if it sat at the given path
// (the imports name real files, so the resolver finds them). Only the boundary rules run, and without type
// information, which these rules do not need: the whole type-aware lint is `npm run lint`.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const BOUNDARY_RULES = new Set(['import-x/no-cycle', 'import-x/no-restricted-paths', 'no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals', 'no-restricted-properties']);

// Two features as they are today, and a source file of the second, so the snippet imports something that exists.
const [feature, otherFeature] = readdirSync(`${repo}src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => name !== 'workspace');
const sourceIn = (folder: string) =>
  readdirSync(`${repo}src/features/${folder}`)
    .find((name) => /^[^.]+\.tsx?$/.test(name))
    ?.replace(/\.tsx?$/, '');
const featureFile = sourceIn(feature!);
const otherFeatureFile = sourceIn(otherFeature!);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({
    cwd: repo,
    overrideConfigFile: `${repo}eslint.config.ts`,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => BOUNDARY_RULES.has(ruleId),
  });
});

async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repo}${path}` });
  return (result?.messages ?? []).map((m) => (m.severity === 2 ? `${m.ruleId}: ${m.message}` : `not an error: ${m.message}`));
}

describe('eslint.config.ts holds the layers', { timeout: 60_000 }, () => {
  it.each([
    ['a feature importing another feature', `src/features/${feature}/probe.ts`, `export * from '../${otherFeature}/${otherFeatureFile}';\n`, 'import-x/no-restricted-paths'],
    ['a feature importing app', 'src/features/people/probe.ts', "export { App } from '../../app/app';\n", 'import-x/no-restricted-paths'],
    [
      'salesforce importing auth',
      'src/salesforce/probe.ts',
      "import type { TokenStoreScope } from '../auth/token-store';\nexport type Scope = TokenStoreScope;\n",
      'import-x/no-restricted-paths',
    ],
    ['host importing salesforce, by a dynamic import', 'src/host/probe.ts', "export const load = () => import('../salesforce/failure-kinds');\n", 'import-x/no-restricted-paths'],
    ['config importing host', 'src/config/probe.ts', "export { readEmailContext } from '../host/read-email-context';\n", 'import-x/no-restricted-paths'],
    ['jsforce imported from a feature', 'src/features/people/probe.ts', "import { Connection } from 'jsforce';\nexport { Connection };\n", 'no-restricted-imports'],
    ['a jsforce subpath loaded lazily outside the connection', 'src/salesforce/crm/probe.ts', "export const load = () => import('jsforce/core');\n", 'no-restricted-syntax'],
    ['Office used in a feature', 'src/features/save-email/probe.ts', 'export const subject = () => Office.context.mailbox.item?.subject;\n', 'no-restricted-globals'],
    [
      'Office reached through globalThis',
      'src/app/probe.ts',
      'export const office = () => (globalThis as Record<string, unknown>).Office ?? globalThis.Office;\n',
      'no-restricted-properties',
    ],
    ['production code importing a test fake', 'src/app/probe.ts', "export { createFakeOffice } from '../testing/fake-office';\n", 'import-x/no-restricted-paths'],
  ])('refuses %s', async (_name, path, code, rule) => {
    const errors = await boundaryErrors(path, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.every((e) => e.startsWith(`${rule}: `)),
      errors.join('\n'),
    ).toBe(true);
  });

  it.each([
    [
      'a feature importing its own files and the folders below it',
      `src/features/${feature}/probe.ts`,
      `export * from './${featureFile}';\nexport * from '../../components/form-field';\nexport * from '../../salesforce/failure-kinds';\n`,
    ],
    ['the connection importing jsforce', 'src/salesforce/connection/probe.ts', "export const load = () => import('jsforce/core');\n"],
    ['the host using Office', 'src/host/probe.ts', 'export const ready = () => Office.onReady();\n'],
    ['a test importing a fake', 'src/app/probe.test.ts', "export { createFakeOffice } from '../testing/fake-office';\n"],
  ])('allows %s', async (_name, path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    // no-cycle reads the imported files from disk: two that import each other, in a folder of their own.
    const dir = mkdtempSync(join(tmpdir(), 'lint-cycle-'));
    try {
      writeFileSync(join(dir, 'first.ts'), "import { second } from './second';\nexport const first = () => second;\n");
      writeFileSync(join(dir, 'second.ts'), "import { first } from './first';\nexport const second = () => first;\n");
      const cycles = new ESLint({
        cwd: dir,
        overrideConfigFile: `${repo}eslint.config.ts`,
        overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
        ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-cycle',
      });
      const [result] = await cycles.lintFiles([join(dir, 'first.ts')]);
      expect(result?.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual(['import-x/no-cycle: Dependency cycle detected']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
