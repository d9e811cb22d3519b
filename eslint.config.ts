import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

// The layers of src/, top to bottom, as the design notes draw them (DESIGN.md; issue 11 item 7). A folder may import its own layer's
// folders and any layer below it, never one above: main.tsx → app → features → components → auth, i18n →
// salesforce → host, config → shared. Each features/<x> imports only itself, never another feature: features share
// through the folders below them. src/testing holds test-only fakes: test files may import it, production code never,
// so the fakes stay out of the production build by construction. import-x/no-cycle forbids cycles, including between
// folders of one layer.

const root = dirname(fileURLToPath(import.meta.url));
const LAYERS: readonly (readonly string[])[] = [['main.tsx'], ['app'], ['features'], ['components'], ['auth', 'i18n'], ['salesforce'], ['host', 'config'], ['shared']];
const FEATURES = readdirSync(`${root}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

type Zone = { target: string | string[]; from: string | string[]; except?: string[]; message: string };

const layerZones: Zone[] = LAYERS.flatMap((layer, depth) => {
  const above = LAYERS.slice(0, depth).flat();
  if (above.length === 0) return [];
  return layer.map((folder) => ({
    target: `./src/${folder}`,
    from: above.map((upper) => `./src/${upper}`),
    message: `src/${folder} sits below ${above.join(', ')} and must not import them (layers: ${LAYERS.map((l) => l.join(' / ')).join(' → ')}).`,
  }));
});

// Folders of one layer may import each other (auth's dialog pages take their strings from i18n, which names one of
// auth's types), except at the bottom: host and config import only shared.
const bottomZones: Zone[] = [
  { target: './src/host', from: './src/config', message: 'src/host imports only src/shared.' },
  { target: './src/config', from: './src/host', message: 'src/config imports only src/shared.' },
];

const featureZones: Zone[] = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'A feature imports only itself and the shared folders below it (components, auth, i18n, salesforce, host, config, shared), never another feature.',
}));

const testingZone: Zone = {
  target: './src',
  from: './src/testing',
  message: 'src/testing holds test-only fakes: only test files (*.test.ts(x), tests/) may import them.',
};

const JSFORCE_ONLY_IN_CONNECTION = 'Only src/salesforce/connection/ imports jsforce: everything else goes through the connection wrapper.';
const OFFICE_ONLY_IN_HOST = 'Only src/host/ touches Office: take what you need from the host adapter.';

const TEST_FILES = ['src/**/*.test.ts', 'src/**/*.test.tsx'];

export default defineConfig(
  {
    ignores: ['dist/', 'sourcemaps/', 'coverage/', 'test-results/', 'tests/bench/results/', 'public/', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads only files with these extensions: without .ts and .tsx, no-cycle would follow no import.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // `const { secret: _, ...rest } = x` is how the code drops a field.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Off: 88 hits, nearly all fakes and adapters that implement a promise-returning interface with an async function.
      '@typescript-eslint/require-await': 'off',
      // Off: 45 hits, none real. Services are closures typed by interfaces with method syntax; no method uses `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Off: 19 hits, all String() of fetch bodies, IndexedDB keys and emulator record fields that are strings at run time.
      '@typescript-eslint/no-base-to-string': 'off',
      // Rethrowing what a catch or a rejection handed over is not a new non-Error rejection.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  { files: ['src/**/*.ts', 'src/**/*.tsx'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, ...bottomZones, ...featureZones, testingZone] }],
      'no-restricted-imports': ['error', { patterns: [{ regex: '^jsforce(/|$)', message: JSFORCE_ONLY_IN_CONNECTION }] }],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/^jsforce(\\u002F|$)/]', message: JSFORCE_ONLY_IN_CONNECTION }],
      'no-restricted-globals': ['error', { name: 'Office', message: OFFICE_ONLY_IN_HOST }],
      'no-restricted-properties': [
        'error',
        { object: 'globalThis', property: 'Office', message: OFFICE_ONLY_IN_HOST },
        { object: 'window', property: 'Office', message: OFFICE_ONLY_IN_HOST },
        { object: 'self', property: 'Office', message: OFFICE_ONLY_IN_HOST },
      ],
    },
  },
  {
    // Test files and the fakes themselves keep the layers but may use src/testing; a test may build real jsforce
    // errors to pin what the classifier makes of them.
    files: [...TEST_FILES, 'src/testing/**'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: [...layerZones, ...bottomZones, ...featureZones] }],
      'no-restricted-imports': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['src/host/**'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/salesforce/connection/**'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: [...TEST_FILES, 'tests/**'],
    rules: {
      // Off in tests: vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`, and tests read
      // raw IndexedDB requests, whose `result` is `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Off in tests: they wrap raw IndexedDB requests, whose `error` is `DOMException | null`.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
);
