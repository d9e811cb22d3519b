/**
 * The classifier's tables (classify-salesforce-error.ts): which code, description or network wording means which
 * failure kind, each with its source. Data only; reading an input is in .evidence.ts, the decision in the classifier.
 */
import type { FailureKind, FailureReason } from './failure-kinds';

// ---------------------------------------------------------------------------------------------------------------------
// Code tables. Keys are normalised (lower case, '-' → '_'), so REST `errorCode`s, OAuth `error`s and the web server
// flow's documented `error=access-denied` spelling meet in one table.
// ---------------------------------------------------------------------------------------------------------------------

export type CodeRule = { kind: FailureKind; reason?: FailureReason };

export const CODE_RULES: Record<string, CodeRule> = {
  // --- Session (REST 401). https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
  invalid_session_id: { kind: 'session_expired' },
  // Identity URL and userinfo answer an expired token with 403 text/plain "Bad_OAuth_Token" (DESIGN.md; Drupal
  // salesforce issue #3191597 "POST https://login.salesforce.com/id/... resulted in a 403 Forbidden response: Bad_OAuth_Token").
  bad_oauth_token: { kind: 'session_expired' },

  // --- Only an admin can fix. Salesforce OAuth flow error list (help.salesforce.com remoteaccess_oauth_web_server_flow /
  // user_agent_flow): inactive_user, inactive_org, invalid_client_id, invalid_client; Mobile SDK SFOAuthCoordinator.m.
  inactive_user: { kind: 'admin_action_required', reason: 'inactive_user' },
  inactive_org: { kind: 'admin_action_required', reason: 'inactive_org' },
  invalid_client_id: { kind: 'admin_action_required', reason: 'invalid_client' },
  invalid_client: { kind: 'admin_action_required', reason: 'invalid_client' },
  // The callback URL is not listed on the External Client App exactly: fixed in Setup, not by the seller.
  redirect_uri_mismatch: { kind: 'admin_action_required', reason: 'invalid_client' },
  // Scopes the app is not allowed to grant (e.g. `refresh_token` not selected on the app).
  invalid_scope: { kind: 'admin_action_required', reason: 'invalid_client' },
  // MicrosoftDocs SupportArticles "failure-passed-to-redirect-url-blocked-app.md": error=OAUTH_APP_BLOCKED.
  oauth_app_blocked: { kind: 'admin_action_required', reason: 'app_blocked' },
  // "Admin approved users are pre-authorized" and the user is not assigned: the admin must assign a profile/permission set.
  oauth_app_access_denied: { kind: 'admin_action_required', reason: 'app_blocked' },
  // The same refusal as the token endpoint words it: 400 invalid_app_access "user is not admin approved to access this
  // app" (observed on JWT and client-credentials token requests; the app's policy, not the grant type, decides).
  invalid_app_access: { kind: 'admin_action_required', reason: 'app_blocked' },
  // External Client Apps: the app is not installed (or not local) in the org the token request reached:
  // 400 app_not_found "External client app is not installed in this org"; OAUTH_EC_APP_NOT_FOUND on the redirect.
  app_not_found: { kind: 'admin_action_required', reason: 'invalid_client' },
  oauth_ec_app_not_found: { kind: 'admin_action_required', reason: 'invalid_client' },
  // 403 "The REST API is not enabled for this Organization." / "API is disabled for this User" (API Enabled permission).
  api_disabled_for_org: { kind: 'admin_action_required', reason: 'api_disabled' },
  api_currently_disabled: { kind: 'admin_action_required', reason: 'api_disabled' },
  // OAuth 1.0.A fault 1716 "OAuth Api Access Disabled" has the same meaning; its 2.0 form arrives as the codes above.
  // Data/file storage full: no record can be written until an admin frees space or buys more.
  storage_limit_exceeded: { kind: 'admin_action_required', reason: 'storage_full' },
  license_limit_exceeded: { kind: 'admin_action_required' },
  functionality_not_enabled: { kind: 'admin_action_required' },

  // --- Sign-in needs the user again. RFC 6749 §4.1.2.1 access_denied; Salesforce documents `error=access-denied` for the
  // web server flow and `#error=access_denied` for the user-agent flow (remoteaccess_oauth_flow_errors.htm).
  access_denied: { kind: 'reauth_required', reason: 'access_denied' },
  // Password expired: the REST API refuses every call until the user sets a new password, which Salesforce's own login
  // page asks for. Signing in again (not an admin) cures it, so this is reauth_required, not admin_action_required.
  invalid_operation_with_expired_password: { kind: 'reauth_required', reason: 'password_expired' },

  // --- Limits. REST errorcodes.htm: 403 + REQUEST_LIMIT_EXCEEDED (also the code of "ConcurrentPerOrgLongTxn Limit
  // exceeded"); OAuth rate_limit_exceeded "Number of logins exceeded".
  request_limit_exceeded: { kind: 'rate_limited' },
  rate_limit_exceeded: { kind: 'rate_limited' },
  too_many_requests: { kind: 'rate_limited' },

  // --- Access. REST errorcodes.htm 403 "verify that the logged-in user has appropriate permissions".
  insufficient_access: { kind: 'permission_denied' },
  insufficient_access_or_readonly: { kind: 'permission_denied' },
  insufficient_access_on_cross_reference_entity: { kind: 'permission_denied' },
  // Field-level security (or a field that is never writable): the seller needs edit access to the field.
  field_not_updateable: { kind: 'permission_denied' },
  // Record locked by an approval process: not transient, the record owner or admin must unlock it.
  entity_is_locked: { kind: 'permission_denied' },

  // --- Missing. REST errorcodes.htm 404 "resource couldn't be found"; ENTITY_IS_DELETED for records in the recycle bin.
  not_found: { kind: 'not_found' },
  entity_is_deleted: { kind: 'not_found' },

  // --- Salesforce refused the data or the query (SOAP API StatusCode list, same codes in REST error arrays).
  required_field_missing: { kind: 'validation' },
  field_custom_validation_exception: { kind: 'validation' },
  field_integrity_exception: { kind: 'validation' },
  field_filter_validation_exception: { kind: 'validation' },
  duplicates_detected: { kind: 'validation' },
  duplicate_value: { kind: 'validation' },
  duplicate_external_id: { kind: 'validation' },
  invalid_field: { kind: 'validation' },
  invalid_field_for_insert_update: { kind: 'validation' },
  invalid_type: { kind: 'validation' },
  invalid_type_on_field_in_record: { kind: 'validation' },
  invalid_cross_reference_key: { kind: 'validation' },
  invalid_email_address: { kind: 'validation' },
  invalid_or_null_for_restricted_picklist: { kind: 'validation' },
  invalid_query_filter_operator: { kind: 'validation' },
  malformed_query: { kind: 'validation' },
  malformed_id: { kind: 'validation' },
  string_too_long: { kind: 'validation' },
  number_outside_valid_range: { kind: 'validation' },
  json_parser_error: { kind: 'validation' },
  // A trigger, flow or process refused the save ("CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY: ... first error: ..."): the data
  // did not pass the org's automation, which the seller fixes like a validation rule.
  cannot_insert_update_activate_entity: { kind: 'validation' },
  // 300: an external id matched several records (REST errorcodes.htm; jsforce throws MULTIPLE_CHOICES).
  multiple_choices: { kind: 'validation' },

  // --- Briefly unavailable. REST errorcodes.htm 500/503; UNABLE_TO_LOCK_ROW is row-lock contention; RFC 6749
  // server_error / temporarily_unavailable.
  server_unavailable: { kind: 'transient' },
  unable_to_lock_row: { kind: 'transient' },
  unknown_exception: { kind: 'transient' },
  request_running_too_long: { kind: 'transient' },
  query_timeout: { kind: 'transient' },
  server_error: { kind: 'transient' },
  temporarily_unavailable: { kind: 'transient' },
};

/**
 * invalid_grant descriptions that are not a dead token (token endpoint text, not localized). `refreshOnly`: the words
 * mean this only in answer to a refresh (a refresh carries no authorization code, so "expired authorization code"
 * there can only be the overlapping-refresh refusal; at the code exchange it is what it says).
 */
export const INVALID_GRANT_EXCEPTIONS: Array<{ pattern: RegExp; kind: FailureKind; reason: FailureReason; refreshOnly?: boolean }> = [
  // Salesforce release notes rn_security_refresh_token_requests.htm (Summer '24): concurrent refreshes with one token.
  // Wording since Winter '25 (rn_security_refresh_token_error.htm; sfdx-core#1342 "Token request is already being processed").
  { pattern: /token request is already being processed/i, kind: 'transient', reason: 'refresh_in_progress' },
  // The first wording of the same refusal (Summer '24): segmentio/action-destinations#2300 confirmed it by load test
  // against Salesforce's token endpoint: 400 invalid_grant "expired authorization code" to a refresh_token grant.
  { pattern: /expired authorization code/i, kind: 'transient', reason: 'refresh_in_progress', refreshOnly: true },
  // "Admin approved users are pre-authorized" without the user's profile or permission set on the app.
  { pattern: /hasn'?t approved this consumer/i, kind: 'admin_action_required', reason: 'app_blocked' },
  // restforce#303 "invalid_grant: inactive user".
  { pattern: /inactive user/i, kind: 'admin_action_required', reason: 'inactive_user' },
  // Salesforce flow error list: "invalid_grant—IP restricted or invalid login hours".
  { pattern: /ip restricted|invalid login hours/i, kind: 'admin_action_required', reason: 'ip_restricted' },
  { pattern: /inactive org/i, kind: 'admin_action_required', reason: 'inactive_org' },
];

/**
 * The descriptions the token endpoint sends with each code, to recover the code from jsforce's
 * "Unable to refresh session due to: <description>". Sources: remoteaccess_oauth_flow_errors.htm, restforce#303,
 * nango.dev invalid_grant write-up, SFOAuthCoordinator.m constants.
 */
export const DESCRIPTION_TO_CODE: Array<{ pattern: RegExp; code: string }> = [
  {
    pattern:
      /expired access\/refresh token|authentication failure|token request is already being processed|inactive user|ip restricted|invalid login hours|invalid authorization code|expired authorization code|hasn'?t approved this consumer/i,
    code: 'invalid_grant',
  },
  { pattern: /app is blocked by admin/i, code: 'OAUTH_APP_BLOCKED' },
  { pattern: /not admin approved to access this app/i, code: 'invalid_app_access' },
  { pattern: /external client app is not installed/i, code: 'app_not_found' },
  { pattern: /client identifier invalid/i, code: 'invalid_client_id' },
  { pattern: /invalid client credentials/i, code: 'invalid_client' },
  { pattern: /number of logins exceeded/i, code: 'rate_limit_exceeded' },
  { pattern: /org(anization)? is locked|inactive org/i, code: 'inactive_org' },
];

export const WRAPPED_REFRESH_PREFIX = 'Unable to refresh session due to:';

/** REST sessions that a refresh cannot cure (jsforce lib/http-api.js `responsesToSkip`). */
export const NOT_REFRESHABLE_SESSION = /not valid for use with the REST API|Connected app is not attached to Agent/i;

/** Browser and Node wordings of a fetch that never reached the server (Chrome, Firefox, Safari, undici). */
export const FETCH_NETWORK_MESSAGE = /^(Failed to fetch|fetch failed|Load failed|NetworkError when attempting to fetch resource\.?|Network request failed)$/i;

export const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET']);
export const RESET_ERROR_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
export const TIMEOUT_ERROR_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
