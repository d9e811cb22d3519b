/**
 * The failure kinds of ../shared/DESIGN.md. Codes live here once; the classifier maps every failure onto them and
 * the connection state machine decides what each means for the seller.
 */
export const FAILURE_KINDS = [
  'bad_oauth_token',
  'session_expired',
  'reauth_required',
  'admin_action_required',
  'rate_limited',
  'permission_denied',
  'not_found',
  'validation',
  'transient',
  'offline',
  'timeout',
  'unknown',
] as const;

export type FailureKind = (typeof FAILURE_KINDS)[number];

export type FailurePhase = 'authorize' | 'token_exchange' | 'token_refresh' | 'request' | 'revoke';

export interface ClassifyContext {
  phase?: FailurePhase;
  /** navigator.onLine at the time of failure; undefined when unknown (Node). */
  online?: boolean;
}

export interface ClassifiedFailure {
  kind: FailureKind;
  /** True exactly for bad_oauth_token and session_expired: the seller must sign in again. */
  connectionLost: boolean;
  /** Worth retrying automatically (with backoff) without the seller. */
  retryable: boolean;
  /** The Salesforce or OAuth code as it came (errorCode or error), if any. */
  code?: string;
  /** Salesforce's own text, for details and support. Never shown as the only explanation. */
  detail?: string;
  /** HTTP status when known. */
  status?: number;
  /** Field names Salesforce named (REQUIRED_FIELD_MISSING, validation rules). */
  fields?: string[];
  /**
   * The precise cause when the kind alone does not tell the seller what to ask for (admin_action_required:
   * 'inactive_user', 'ip_restricted', 'app_blocked', 'api_disabled', 'invalid_client', 'inactive_org', 'storage_full',
   * 'api_session_not_allowed', and the set-up causes of sign-in: 'my_domain_required' (a generic login host such as
   * login.salesforce.com), 'oauth_cors_blocked' (the token endpoint did not answer the pane: CORS for OAuth endpoints,
   * the CORS allowlist or My Domain); reauth_required: 'access_denied', 'password_expired'; transient:
   * 'refresh_in_progress', 'not_salesforce_json' (a gateway or maintenance page, a cut-off body, or a REST call or refresh
   * that got no readable answer while online)). Stable keys for messages and tests, never Salesforce text.
   */
  reason?: string;
  /** True when a refresh could cure it (INVALID_SESSION_ID during a request, except "not valid for use with the REST API"). */
  refreshable?: boolean;
}

export const CONNECTION_LOST_KINDS: ReadonlySet<FailureKind> = new Set(['bad_oauth_token', 'session_expired']);

/**
 * The project's own error: carries a classified failure through promise chains, so callers never re-classify and
 * the classifier recognises it at once.
 */
export class SalesforceFailureError extends Error {
  override name = 'SalesforceFailureError';
  constructor(readonly failure: ClassifiedFailure) {
    super(`${failure.kind}${failure.code ? ` (${failure.code})` : ''}${failure.detail ? `: ${failure.detail}` : ''}`);
  }
}
