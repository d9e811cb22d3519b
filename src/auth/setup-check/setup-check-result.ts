/**
 * What one org set-up check concluded. A check is `ok`, a `problem` an admin fixes in Setup, or `unknown` when what
 * decides it cannot be read from here (a browser, no session, or an earlier problem hides it); `unknown` still names
 * where in Setup to look. Decisions produce findings (keys and values); the words come from
 * src/i18n/setup-check-strings.ts, in the seller's language.
 */

/** In the order they are shown: each later check relies on the earlier ones having passed. */
export const SETUP_CHECK_IDS = [
  'login-host',
  'org-reachable',
  'cors-allowlist',
  'oauth-cors',
  'client-id',
  'client-secret',
  'callback-url',
  'scopes',
  'pkce',
  'api-access',
  'enhanced-email',
  'shared-activities',
  'session-timeout',
  'refresh-token-policy',
] as const;

export type SetupCheckId = (typeof SETUP_CHECK_IDS)[number];

export type SetupCheckStatus = 'ok' | 'problem' | 'unknown';

export const SETUP_FINDINGS = [
  // Shared by several checks.
  'not_checked',
  'sign_in_to_check',
  'browser_cannot_check',
  'unexpected_answer',
  'signed_in_through_it',
  // login-host
  'my_domain',
  'generic_login_host',
  'host_refused',
  // org-reachable
  'reachable',
  'unreachable',
  'not_salesforce',
  // cors-allowlist
  'origin_allowed',
  'origin_not_allowed',
  // oauth-cors
  'oauth_cors_on',
  'oauth_cors_off',
  'oauth_cors_hidden_by_allowlist',
  // client-id
  'client_known',
  'client_unknown',
  // client-secret
  'no_secret',
  'secret_required',
  // callback-url
  'callback_listed',
  'callback_not_listed',
  // scopes
  'scopes_granted',
  'scopes_missing',
  // pkce
  'pkce_required',
  'pkce_not_required',
  // api-access
  'api_enabled',
  'api_disabled',
  // enhanced-email
  'enhanced_email_on',
  'enhanced_email_off',
  // shared-activities
  'shared_activities_on',
  'shared_activities_off',
  // session-timeout, refresh-token-policy
  'session_timeout_unreadable',
  'refresh_policy_unreadable',
] as const;

export type SetupFindingKey = (typeof SETUP_FINDINGS)[number];

export interface SetupFinding {
  id: SetupCheckId;
  status: SetupCheckStatus;
  finding: SetupFindingKey;
  /** Filled into the words: host, origin, clientId, redirectUri, scopes, detail. */
  values?: Record<string, string>;
  /** The sign-in failure reason a seller meets for this problem (my_domain_required, oauth_cors_blocked, …). */
  reason?: string;
}

/** A finding in words: what is wrong (or right) in plain words, and where in Setup to fix or look. */
export interface SetupCheckResult {
  id: SetupCheckId;
  status: SetupCheckStatus;
  what: string;
  fix: string;
  reason?: string;
}

/** Ready: nothing is a problem (unknowns are what a browser or a signed-out pane cannot read). */
export function isReady(results: ReadonlyArray<{ status: SetupCheckStatus }>): boolean {
  return results.every((result) => result.status !== 'problem');
}
