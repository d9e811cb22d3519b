import { afterEach } from 'vitest';
import { assertNoCspViolations } from './csp-violations';

// e2e setup file: every browser test fails when any page it drove refused something under the add-in's Content
// Security Policy (tests/tools/content-security-policy.ts), so the policy shipped is the policy every test ran under.
afterEach(async () => {
  // Reports travel from the browser over the driver connection: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 150));
  assertNoCspViolations();
});
