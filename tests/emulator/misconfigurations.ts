/**
 * The set-up mistakes an admin can make in a real org, one control each (`controls.misconfigure(name)`, or
 * POST /__emulator/misconfigure {name}). Each is a policy change, so `reset()` undoes it. The org set-up check
 * (src/auth/setup-check) must name exactly one problem for each of the first seven; the last two are settings the
 * check reports on or off (tests/integration/setup-check.test.ts).
 */
import type { EmulatorPolicy } from './policy';

export const MISCONFIGURATIONS = [
  'oauth-cors-off',
  'origin-not-allowlisted',
  'callback-not-listed',
  'secret-required',
  'pkce-not-required',
  'scope-missing',
  'api-disabled',
  'enhanced-email-off',
  'shared-activities-off',
] as const;

export type Misconfiguration = (typeof MISCONFIGURATIONS)[number];

/** An origin and a callback that are not the add-in's, so the lists are not empty (as an org's rarely are). */
const ANOTHER_ORIGIN = 'https://another-app.example';

export function misconfigurationPolicy(name: Misconfiguration, usernames: readonly string[]): Partial<EmulatorPolicy> {
  switch (name) {
    case 'oauth-cors-off':
      return { corsForOAuthEndpoints: false };
    case 'origin-not-allowlisted':
      return { corsAllowlist: [ANOTHER_ORIGIN] };
    case 'callback-not-listed':
      return { callbackUrls: [`${ANOTHER_ORIGIN}/auth-callback.html`] };
    case 'secret-required':
      return { requireSecretForWebServerFlow: true };
    case 'pkce-not-required':
      return { requirePkce: false };
    case 'scope-missing':
      // The app offers `api` only: the add-in's `refresh_token` ends on the invalid_scope page.
      return { appScopes: ['api'] };
    case 'api-disabled':
      return { apiDisabledUsers: [...usernames] };
    case 'enhanced-email-off':
      return { enhancedEmail: false };
    case 'shared-activities-off':
      return { sharedActivities: false };
    default:
      throw new Error(`unknown misconfiguration ${String(name)}`);
  }
}

export function isMisconfiguration(name: unknown): name is Misconfiguration {
  return typeof name === 'string' && (MISCONFIGURATIONS as readonly string[]).includes(name);
}
