import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goalCheck } from './goals';
import { END, limitsMarkdown, README, START, writeReadmeSection } from './readme-table';
import type { SectionResult } from './section-result';

const result: SectionResult = {
  id: 'limits',
  title: 'limits',
  status: 'ok',
  rows: [{ metric: 'first-paint JS, gzip', value: '2.67x', note: 'a | b' }],
  checks: [goalCheck('first-paint JS (gzip) vs shell', 2.67, 1.3, 'x')],
  data: {},
  durationMs: 1,
};

describe('the README section the bench writes', () => {
  it('replaces only the text between the markers, and says by how much a goal is missed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'readme-')), 'README.md');
    writeFileSync(file, `before\n${START}\nold table\n${END}\nafter\n`);
    expect(writeReadmeSection(limitsMarkdown(result, '2026-11-30T16:00:00Z', 'test'), file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`before\n${START}\n`)).toBe(true);
    expect(text.endsWith(`${END}\nafter\n`)).toBe(true);
    expect(text).not.toContain('old table');
    expect(text).toContain('| first-paint JS, gzip | 2.67x | a \\| b |');
    expect(text).toContain('2.67x, goal ≤ 1.30x: missed by 1.37x (105% over)');
  });

  it('writes nothing to a README without the markers', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'readme-')), 'README.md');
    writeFileSync(file, 'no markers\n');
    expect(writeReadmeSection('table', file)).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('no markers\n');
  });

  it('the project README has the markers', () => {
    const text = readFileSync(README, 'utf8');
    expect(text.indexOf(START)).toBeGreaterThan(0);
    expect(text.indexOf(END)).toBeGreaterThan(text.indexOf(START));
  });
});
