/** Reads tests/emulator/FIDELITY.md: every table row under a heading, with the tests its last cell names. */
export type LedgerKind = 'documented' | 'observed' | 'inferred';

export interface LedgerRow {
  behaviour: string;
  source: string;
  kind: LedgerKind;
  tests: Array<{ file: string; name: string }>;
}

export interface Ledger {
  rows: LedgerRow[];
  problems: string[];
}

const KINDS: readonly string[] = ['documented', 'observed', 'inferred'];
const TEST_REF = /`([^`]+\.test\.tsx?)`\s*›\s*`([^`]+)`/g;

function cells(line: string): string[] {
  // Split on pipes that are not inside backticks (a source may quote `a|b`).
  const out: string[] = [];
  let current = '';
  let inCode = false;
  for (const char of line.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (char === '`') inCode = !inCode;
    if (char === '|' && !inCode) {
      out.push(current.trim());
      current = '';
    } else current += char;
  }
  out.push(current.trim());
  return out;
}

export function parseLedger(markdown: string): Ledger {
  const rows: LedgerRow[] = [];
  const problems: string[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) continue;
    const row = cells(line);
    if (row[0] === 'behaviour' || row.every((cell) => /^-*$/.test(cell))) continue;
    if (row.length !== 4) {
      problems.push(`not four cells: ${line}`);
      continue;
    }
    const [behaviour = '', source = '', kindCell = '', testCell = ''] = row;
    const kind = kindCell.replace(/\*/g, '').trim().toLowerCase();
    if (!KINDS.includes(kind)) problems.push(`unknown kind "${kindCell}": ${behaviour}`);
    const tests = [...testCell.matchAll(TEST_REF)].map((match) => ({ file: match[1] ?? '', name: match[2] ?? '' }));
    if (tests.length === 0) problems.push(`names no test: ${behaviour}`);
    rows.push({ behaviour, source, kind: kind as LedgerKind, tests });
  }
  return { rows, problems };
}
