import { defineConfig } from 'vitest/config';

// Three projects, one command: unit tests beside the code, integration (real jsforce over loopback HTTP to the
// emulated org) and e2e (the production build in real Chromium). e2e files run one at a time: each starts its own
// emulator, harness server and browser, and two cores cannot carry several at once.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'tests/emulator/**/*.test.ts', 'tests/tools/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
