/**
 * npm run bundle-size: what the first paint downloads in the current dist/ (build first), and the budget line to
 * paste into tests/tools/bundle-size.ts after a change that moved it on purpose.
 */
import { fileURLToPath } from 'node:url';
import { budgetFor, INITIAL_GZIP_BUDGET, measureBundle } from './bundle-size';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const report = measureBundle(dist);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const file of report.initial) console.log(`${file.file}  gzip ${kib(file.gzipBytes)}  brotli ${kib(file.brotliBytes)}`);
console.log(`first paint: gzip ${report.initialGzipBytes} bytes (${kib(report.initialGzipBytes)}), brotli ${report.initialBrotliBytes} bytes (${kib(report.initialBrotliBytes)})`);
console.log(`lazy chunks: gzip ${kib(report.lazyGzipBytes)}`);
console.log(
  `budget now: ${INITIAL_GZIP_BUDGET} bytes (${kib(INITIAL_GZIP_BUDGET)}); measured + margin: export const INITIAL_GZIP_BUDGET = ${budgetFor(report.initialGzipBytes) / 1024} * 1024;`,
);
