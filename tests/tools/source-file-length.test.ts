import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The house rule from issue 11: no source file over 300 lines without a reason in its header. A long file is
// sometimes right (data, a scenario read top to bottom); the header says why, so the next engineer does not split
// what belongs together, nor leave long what should be split.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const MAX_LINES = 300;
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage', '.git', 'results']);
const HEADER_LINES = 20;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** A file over the limit whose first lines do not say why it is long. */
function lacksLengthReason(text: string): boolean {
  const lines = text.split('\n');
  if (lines.length <= MAX_LINES) return false;
  return !/over 300 lines/i.test(lines.slice(0, HEADER_LINES).join('\n'));
}

describe('source file length', () => {
  it('flags a long file without a reason, and accepts one with it or a short one', () => {
    const body = Array.from({ length: MAX_LINES + 5 }, (_, i) => `export const n${i} = ${i};`).join('\n');
    expect(lacksLengthReason(body)).toBe(true);
    expect(lacksLengthReason(`/**\n * Over 300 lines on purpose: data.\n */\n${body}`)).toBe(false);
    expect(lacksLengthReason('export const one = 1;\n')).toBe(false);
  });

  it('every source file over 300 lines says why in its header', () => {
    const roots = ['src', 'tests', 'public'].map((folder) => join(repo, folder));
    const topLevel = readdirSync(repo)
      .filter((name) => SOURCE.test(name))
      .map((name) => join(repo, name));
    const offenders = [...roots.flatMap(sourceFiles), ...topLevel].filter((path) => lacksLengthReason(readFileSync(path, 'utf8'))).map((path) => relative(repo, path));
    expect(offenders).toEqual([]);
  });
});
