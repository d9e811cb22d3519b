import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseLedger } from './fidelity-ledger';

const repoPath = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const ledger = parseLedger(readFileSync(repoPath('tests/emulator/FIDELITY.md'), 'utf8'));

describe('fidelity ledger (tests/emulator/FIDELITY.md)', () => {
  it('has rows', () => {
    expect(ledger.rows.length).toBeGreaterThan(0);
  });

  it('has no malformed rows (four cells, a known kind, at least one test named)', () => {
    expect(ledger.problems).toEqual([]);
  });

  it.each(ledger.rows.map((row) => [row.behaviour, row] as const))('row "%s" names tests that exist', (_name, row) => {
    for (const test of row.tests) {
      expect(existsSync(repoPath(test.file)), `${test.file} does not exist`).toBe(true);
      const text = readFileSync(repoPath(test.file), 'utf8');
      expect(text.includes(test.name), `${test.file} holds no test named "${test.name}"`).toBe(true);
    }
  });
});

describe('parseLedger', () => {
  const header = '| behaviour | source | kind | test |\n|---|---|---|---|\n';
  it('reads a row with two tests', () => {
    const parsed = parseLedger(`${header}| a | doc | documented | \`x.test.ts\` › \`one\`; \`y.test.ts\` › \`two\` |\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows[0]?.tests).toEqual([
      { file: 'x.test.ts', name: 'one' },
      { file: 'y.test.ts', name: 'two' },
    ]);
  });
  it('reports a row without a test, and an unknown kind', () => {
    const parsed = parseLedger(`${header}| a | doc | documented | none |\n| b | doc | guessed | \`x.test.ts\` › \`one\` |\n`);
    expect(parsed.problems).toHaveLength(2);
  });
});
