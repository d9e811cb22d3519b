/**
 * The failure kinds of docs/architecture.md and the precise reasons beside them, as MSAL.js keeps its error codes: one
 * constant per code with a line on who raises it, and failures built by one factory ({@link createFailure}), so
 * `connectionLost` and `retryable` follow from the kind and never from a hand-written object. The classifier maps
 * every failure onto these; the connection state machine decides what each means for the seller; the message table
 * (i18n/failure-messages.ts) is keyed by them, so a code without a message does not compile.
 */
export const FAILURE_KINDS = [
  // The token endpoint refused a refresh (invalid_grant, a dead refresh token): classifier.
  'bad_oauth_token',
  // REST 401 / INVALID_SESSION_ID / the identity URL's Bad_OAuth_Token: classifier; token-session (no refresh token).
  'session_expired',
  // Sign-in needs the seller again (denied consent, a bad code, not signed in, another user): classifier, token-session,
  // the outbox's owner check.
  'reauth_required',
  // Only a Salesforce admin can fix it (user, org, app, API, set-up): classifier, salesforce-hosts, salesforce-sign-in.
  'admin_action_required',
  // REQUEST_LIMIT_EXCEEDED, rate_limit_exceeded, 429: classifier.
  'rate_limited',
  // 403 and the INSUFFICIENT_ACCESS family: classifier.
  'permission_denied',
  // 404/410, NOT_FOUND, ENTITY_IS_DELETED: classifier.
  'not_found',
  // Salesforce refused the data or the query: classifier; the connection's own checks of ids, sObject and field names.
  'validation',
  // 5xx, 420, lock contention, an overlapping refresh, a gateway's page: classifier.
  'transient',
  // No network while the browser says offline: classifier; the connection's and token-session's deadlines.
  'offline',
  // No answer within the client's deadline: classifier; the connection's and token-session's deadlines.
  'timeout',
  // Anything else (a network error while online, an answer without an id): classifier, people lookup, the connection.
  'unknown',
] as const;

export type FailureKind = (typeof FAILURE_KINDS)[number];

/**
 * The precise cause when the kind alone does not tell the seller what to do or ask for. Stable keys for messages and
 * tests, never Salesforce text.
 */
export const FAILURE_REASONS = [
  // admin_action_required. invalid_grant "inactive user", INACTIVE_USER: classifier.
  'inactive_user',
  // admin_action_required. invalid_grant "IP restricted or invalid login hours": classifier.
  'ip_restricted',
  // admin_action_required. OAUTH_APP_BLOCKED, OAUTH_APP_ACCESS_DENIED, invalid_app_access, "hasn't approved": classifier.
  'app_blocked',
  // admin_action_required. API_DISABLED_FOR_ORG, API_CURRENTLY_DISABLED: classifier.
  'api_disabled',
  // admin_action_required. invalid_client(_id), redirect_uri_mismatch, invalid_scope, app_not_found: classifier.
  'invalid_client',
  // admin_action_required. inactive_org, "organization is locked": classifier.
  'inactive_org',
  // admin_action_required. STORAGE_LIMIT_EXCEEDED: classifier.
  'storage_full',
  // admin_action_required. INVALID_SESSION_ID "not valid for use with the REST API" (a refresh cannot cure it): classifier.
  'api_session_not_allowed',
  // admin_action_required. The login address is login.salesforce.com or test.salesforce.com: salesforce-sign-in.ts.
  'my_domain_required',
  // admin_action_required. A login or instance host that is not Salesforce's nor a listed custom domain: salesforce-hosts.ts.
  'salesforce_host_refused',
  // admin_action_required. The token endpoint gave the pane no readable answer at the code exchange (CORS): classifier.
  'oauth_cors_blocked',
  // reauth_required. access_denied / access-denied on the redirect: classifier.
  'access_denied',
  // reauth_required. INVALID_OPERATION_WITH_EXPIRED_PASSWORD: classifier.
  'password_expired',
  // transient. invalid_grant "token request is already being processed" (two refreshes overlapped): classifier.
  'refresh_in_progress',
  // transient. A gateway or maintenance page, a cut-off body, or no readable answer while online: classifier.
  'not_salesforce_json',
] as const;

export type FailureReason = (typeof FAILURE_REASONS)[number];

const REASONS: ReadonlySet<string> = new Set(FAILURE_REASONS);

/** For values that crossed a boundary (storage, another pane, an older build): a reason this build knows. */
export function isFailureReason(value: unknown): value is FailureReason {
  return typeof value === 'string' && REASONS.has(value);
}

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
   * The precise cause, where the kind alone does not tell the seller what to do. Failures that arrive from outside this
   * build (another pane, the outbox's stored entries) keep a reason only when {@link isFailureReason} knows it.
   */
  reason?: FailureReason;
  /** True when a refresh could cure it (INVALID_SESSION_ID during a request, except "not valid for use with the REST API"). */
  refreshable?: boolean;
  /** DUPLICATES_DETECTED: whether the rule lets the record be saved anyway, and the records it matched. */
  duplicates?: import('./duplicate-refusal').DuplicateRefusal;
}

export const CONNECTION_LOST_KINDS: ReadonlySet<FailureKind> = new Set(['bad_oauth_token', 'session_expired']);

/**
 * Worth an automatic retry with backoff: the cause passes by itself. rate_limited is not: the org's 24-hour or login
 * limit does not reset within a backoff; the seller (or the outbox, later) tries again.
 */
export const RETRYABLE_KINDS: ReadonlySet<FailureKind> = new Set(['transient', 'timeout', 'offline']);

/** Everything a failure may carry besides what its kind decides. */
export type FailureExtras = Omit<ClassifiedFailure, 'kind' | 'connectionLost' | 'retryable'>;

/** The one way to build a failure: `connectionLost` and `retryable` follow from the kind. */
export function createFailure(kind: FailureKind, extras: FailureExtras = {}): ClassifiedFailure {
  const derived = { kind, connectionLost: CONNECTION_LOST_KINDS.has(kind), retryable: RETRYABLE_KINDS.has(kind) };
  // First for the order of keys (kind leads in JSON and logs), last so extras that carry their own (a cast, plain
  // JS, a spread failure) cannot contradict the kind.
  return { ...derived, ...extras, ...derived };
}

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
