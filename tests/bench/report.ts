/** The table on stdout and the JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SectionResult } from './section-result';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function formatTable(results: SectionResult[]): string {
  const lines: string[] = [];
  const metricWidth = Math.max(24, ...results.flatMap((r) => r.rows.map((row) => row.metric.length)));
  const valueWidth = Math.max(12, ...results.flatMap((r) => r.rows.map((row) => row.value.length)));
  for (const result of results) {
    const header = `${result.title}  [${(result.durationMs / 1000).toFixed(1)} s]`;
    lines.push('', header, '─'.repeat(Math.min(120, Math.max(header.length, metricWidth + valueWidth + 6))));
    if (result.status === 'n/a') {
      lines.push(`  n/a: ${result.reason ?? ''}`);
      continue;
    }
    for (const row of result.rows) lines.push(`  ${pad(row.metric, metricWidth)}  ${pad(row.value, valueWidth)}  ${row.note ?? ''}`.trimEnd());
    if (result.status === 'error') lines.push(`  ERROR: ${result.reason ?? 'unknown'}`);
    for (const check of result.checks) lines.push(`  ${check.goal ? (check.pass ? 'MET ' : 'MISS') : check.pass ? 'PASS' : 'FAIL'}  ${check.name} (${check.detail})`);
  }
  return lines.join('\n');
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
