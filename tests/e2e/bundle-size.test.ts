import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INITIAL_GZIP_BUDGET, measureBundle } from '../tools/bundle-size';

// Bundle size is deterministic for a given lockfile, so CI may hold it; speed is measured by `npm run bench`.
const dist = resolve(__dirname, '../../dist');

describe('production bundle', () => {
  it('keeps what the first paint downloads under budget', () => {
    const report = measureBundle(dist);
    expect(report.initial.length).toBeGreaterThan(0);
    expect(report.initialGzipBytes).toBeLessThan(INITIAL_GZIP_BUDGET);
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
