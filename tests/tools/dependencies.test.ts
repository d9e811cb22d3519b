import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every package the project installs is used: a runtime dependency is imported by the add-in's source, a development
// dependency by a test, a tool or a config file, or named by a script or tsconfig's "types". An unused package is
// attack surface and install time for nothing.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const tsconfig = readFileSync(join(repo, 'tsconfig.json'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

const read = (files: string[]) => files.map((f) => readFileSync(f, 'utf8')).join('\n');
const appSource = read(sources(join(repo, 'src')).filter((f) => !/\.test\.tsx?$/.test(f)));
const everySource = read([...sources(join(repo, 'src')), ...sources(join(repo, 'tests')), join(repo, 'vite.config.ts'), join(repo, 'vitest.config.ts'), join(repo, 'eslint.config.ts')]);

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** import … from 'pkg', import('pkg'), require('pkg'), require.resolve('pkg'), with or without a subpath. */
const imported = (name: string, code: string) => new RegExp(`(from\\s+|import\\(\\s*|require(\\.resolve)?\\(\\s*)['"]${escape(name)}(/[^'"]*)?['"]`).test(code);
/** @types/x is used when x is, or when tsconfig lists it in "types". */
const typesUsed = (name: string, code: string) => {
  const target = name.slice('@types/'.length);
  return new RegExp(`"${escape(target)}"`).test(tsconfig) || imported(target, code);
};
const binaries: Record<string, string> = { typescript: 'tsc', tsx: 'tsx', vite: 'vite', vitest: 'vitest', eslint: 'eslint', prettier: 'prettier' };
/** Packages a tool loads by itself, each used while the file that needs it exists. */
const loadedBy: Record<string, string> = { jiti: 'eslint.config.ts' };
/** Packages named as a setting rather than imported: vitest loads jsdom for a project whose environment is 'jsdom'. */
const namedIn: Record<string, { file: string; pattern: RegExp }> = { jsdom: { file: 'vitest.config.ts', pattern: /environment:\s*'jsdom'/ } };
/** Peer dependencies the project must install for a package it uses (npm lists them, the package imports them). */
const peerOf: Record<string, string> = { '@testing-library/dom': '@testing-library/react' };

describe('package.json', () => {
  it('lists no runtime dependency the add-in does not import', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !imported(name, appSource));
    expect(unused).toEqual([]);
  });

  it('lists no development dependency that no test, tool, config or script uses', () => {
    const scripts = Object.values(pkg.scripts).join('\n');
    const unused = Object.keys(pkg.devDependencies).filter((name) => {
      if (name.startsWith('@types/')) return !typesUsed(name, everySource);
      const loader = loadedBy[name];
      if (loader && existsSync(join(repo, loader))) return false;
      const setting = namedIn[name];
      if (setting && setting.pattern.test(readFileSync(join(repo, setting.file), 'utf8'))) return false;
      const user = peerOf[name];
      if (user && name in pkg.devDependencies && imported(user, everySource)) return false;
      const binary = binaries[name];
      return !imported(name, everySource) && !(binary && new RegExp(`(^|\\s|&&\\s*)${binary}\\s`, 'm').test(scripts));
    });
    expect(unused).toEqual([]);
  });
});
