/**
 * Bundle: what the first paint downloads (index.html's module entry and its modulepreloads) and what loads on demand,
 * gzip, measured by the same code the CI bundle-size test uses, against the same budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL_GZIP_BUDGET, measureBundle } from '../tools/bundle-size';
import type { DistInfo } from './ensure-dist';
import { kib, type Section } from './section-result';

export function bundleSection(dist: () => Promise<DistInfo>): Section {
  return {
    id: 'bundle',
    title: 'Bundle (production build, gzip)',
    async run() {
      const info = await dist();
      const report = measureBundle(info.dir);
      // The marker the CI test uses: a method only jsforce's Connection has.
      const initialWithJsforce = report.initial.filter((f) => readFileSync(join(info.dir, f.file), 'utf8').includes('describeGlobal')).map((f) => f.file);
      const share = (report.initialGzipBytes / INITIAL_GZIP_BUDGET) * 100;
      return {
        rows: [
          {
            metric: 'initial (first paint)',
            value: kib(report.initialGzipBytes),
            note: `budget ${kib(INITIAL_GZIP_BUDGET)} (${share.toFixed(0)}% used); ${report.initial.map((f) => f.file).join(', ')}`,
          },
          { metric: 'lazy (on demand)', value: kib(report.lazyGzipBytes), note: report.jsforceChunk ? `jsforce in ${report.jsforceChunk}` : 'no jsforce chunk found' },
          { metric: 'build', value: info.built ? `built now (${Math.round(info.buildMs ?? 0)} ms)` : 'existing dist/', note: `dist/index.html written ${info.builtAt}` },
        ],
        checks: [
          { name: 'initial gzip under budget', pass: report.initialGzipBytes < INITIAL_GZIP_BUDGET, detail: `${report.initialGzipBytes} < ${INITIAL_GZIP_BUDGET} bytes` },
          {
            name: 'jsforce kept out of the first paint',
            pass: initialWithJsforce.length === 0,
            detail: initialWithJsforce.length ? `in ${initialWithJsforce.join(', ')}` : `lazy chunk ${report.jsforceChunk ?? '(none: jsforce not in the build)'}`,
          },
        ],
        data: { ...report, budgetGzipBytes: INITIAL_GZIP_BUDGET, dist: info },
      };
    },
  };
}
