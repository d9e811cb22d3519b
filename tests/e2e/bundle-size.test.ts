import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { budgetFor, INITIAL_GZIP_BUDGET, measureBundle } from '../tools/bundle-size';

// Bundle size is deterministic for a given lockfile, so CI may hold it; speed is measured by `npm run bench`.
const dist = resolve(__dirname, '../../dist');

/** How far above the measured figure the budget may sit before it stops guarding anything (re-measure then). */
const STALE_BUDGET_SLACK = 0.1;

describe('production bundle', () => {
  it('keeps what the first paint downloads under budget', () => {
    const report = measureBundle(dist);
    expect(report.initial.length).toBeGreaterThan(0);
    expect(report.initialGzipBytes, 'first paint grew past INITIAL_GZIP_BUDGET (npm run bundle-size prints the figure)').toBeLessThan(INITIAL_GZIP_BUDGET);
  });

  it('holds the budget close to the measured figure, not far above it', () => {
    const report = measureBundle(dist);
    expect(
      INITIAL_GZIP_BUDGET,
      `first paint is ${report.initialGzipBytes} bytes: set INITIAL_GZIP_BUDGET to ${budgetFor(report.initialGzipBytes) / 1024} * 1024 (npm run bundle-size)`,
    ).toBeLessThanOrEqual(budgetFor(report.initialGzipBytes) * (1 + STALE_BUDGET_SLACK));
  });

  it('keeps jsforce out of the first paint', () => {
    const report = measureBundle(dist);
    for (const { file } of report.initial) {
      const text = readFileSync(join(dist, file), 'utf8');
      // A method name only jsforce's Connection carries; the app's own code never calls it.
      expect(text.includes('describeGlobal'), `${file} holds jsforce`).toBe(false);
    }
  });
});
