import { getCertificate } from '@vitejs/plugin-basic-ssl';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The emulated org and the harness serve HTTPS with one localhost certificate (tests/harness/certificate.ts:
// office-addin-dev-certs's when installed and valid, else the self-signed one). Node processes that talk to them
// (integration and e2e workers: fetch/undici and jsforce's node-fetch transport alike) trust it through
// NODE_EXTRA_CA_CERTS, which Node reads only at start: the workers are forked with it set. Nothing turns certificate
// checking off. This file cannot import that TS module (Vite's native config loader refuses extensionless imports),
// so the workers trust both anchors it may choose: the self-signed certificate (created here if missing or stale,
// the same call) and office-addin-dev-certs's CA when present.
const certificateDir = fileURLToPath(new URL('./node_modules/.vite/basic-ssl', import.meta.url));
const selfSigned = await getCertificate(certificateDir, 'outlook-addin-dev', ['localhost', '127.0.0.1']);
const officeCa = join(homedir(), '.office-addin-dev-certs', 'ca.crt');
const trustFile = join(certificateDir, '_trust.pem');
// A new certificate's cache folder is created without waiting: make sure it exists before writing beside it.
mkdirSync(certificateDir, { recursive: true });
const certificatesOf = (pem: string) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
writeFileSync(trustFile, [...certificatesOf(selfSigned), ...(existsSync(officeCa) ? certificatesOf(readFileSync(officeCa, 'utf8')) : [])].join('\n') + '\n');
const TRUST_LOCALHOST_CERTIFICATE = { NODE_EXTRA_CA_CERTS: trustFile };

// Four projects, one command: unit and component tests beside the code, integration (real jsforce over loopback HTTP to the
// emulated org) and e2e (the production build in real Chromium). e2e files run one at a time: each starts its own
// emulator, harness server and browser, and two cores cannot carry several at once.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/emulator/**/*.test.ts', 'tests/tools/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
          // The slowest unit test takes under 2.5 s on a loaded two-core machine; a hang still ends, a busy CI does not.
          testTimeout: 15_000,
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
          // A test that runs out of time keeps typing into the next one: generous, so only a real hang ends it.
          testTimeout: 30_000,
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
