import { getCertificate } from '@vitejs/plugin-basic-ssl';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The emulated org and the harness serve HTTPS with one self-signed localhost certificate. Node processes that talk
// to them (integration and e2e workers: fetch/undici and jsforce's node-fetch transport alike) trust exactly that
// certificate through NODE_EXTRA_CA_CERTS, which Node reads only at start: the workers are forked with it set.
// Nothing turns certificate checking off.
// Same call as tests/harness/certificate.ts (imported TS would trip Vite's native config loader): creates the
// certificate if it is missing or stale, in the cache both use.
const certificateDir = fileURLToPath(new URL('./node_modules/.vite/basic-ssl', import.meta.url));
await getCertificate(certificateDir, 'outlook-addin-dev', ['localhost', '127.0.0.1']);
const TRUST_LOCALHOST_CERTIFICATE = { NODE_EXTRA_CA_CERTS: `${certificateDir}/_cert.pem` };

// Four projects, one command: unit and component tests beside the code, integration (real jsforce over loopback HTTP to the
// emulated org) and e2e (the production build in real Chromium). e2e files run one at a time: each starts its own
// emulator, harness server and browser, and two cores cannot carry several at once.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/emulator/**/*.test.ts', 'tests/tools/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Component tests: React and Fluent rendered into jsdom with Testing Library, fed by the fakes in src/testing.
        // The production build in real Chromium stays the e2e project's.
        test: {
          name: 'components',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src/testing/component-test-setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/chaos/**/*.test.ts'],
          environment: 'node',
          env: TRUST_LOCALHOST_CERTIFICATE,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // A Content Security Policy violation in any page a test drove fails that test.
          setupFiles: ['tests/e2e/support/fail-on-csp-violation.ts'],
          env: TRUST_LOCALHOST_CERTIFICATE,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
