/**
 * Documented failure cases beyond ../shared/salesforce-failures.dev.json, in the same wire shape (status, headers,
 * body as it comes off the network), so the test can replay each one through real jsforce as well as raw.
 * Every case names where its code, status or body comes from.
 *
 * Over 300 lines on purpose: data: one documented case each, with its source, read top to bottom.
 */
import type { FailureKind, FailurePhase } from './failure-kinds';

export interface WireCase {
  id: string;
  phase: FailurePhase;
  status: number | null;
  headers: Record<string, string>;
  body: string | null;
  expected: FailureKind;
  /** Further properties the classification must have. */
  also?: { refreshable?: boolean; reason?: string; fields?: string[]; code?: string };
  source: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };
const TOKEN_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8', 'Cache-Control': 'no-store' };
const ERRORCODES = 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm';
const FLOW_ERRORS = 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_flow_errors.htm';
const RN_REFRESH_RACE = 'https://help.salesforce.com/s/articleView?id=release-notes.rn_security_refresh_token_requests.htm&release=250&type=5';
const RN_REFRESH_RACE_WINTER25 = 'https://help.salesforce.com/s/articleView?id=release-notes.rn_security_refresh_token_error.htm&release=252&type=5';

const rest = (errors: Array<{ errorCode: string; message: string; fields?: string[] }>) => JSON.stringify(errors);
const oauth = (error: string, description: string) => JSON.stringify({ error, error_description: description });

export const OWN_CASES: WireCase[] = [
  {
    id: 'OWN-REST-NOT-VALID',
    phase: 'request',
    status: 401,
    headers: JSON_HEADERS,
    body: rest([{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }]),
    expected: 'admin_action_required',
    also: { refreshable: false, reason: 'api_session_not_allowed', code: 'INVALID_SESSION_ID' },
    source:
      'OBSERVED — jsforce/jsforce#1301 (High Assurance session level) and #1274; NangoHQ/nango#4344 (IP relaxation); jsforce 3 lib/http-api.js isSessionExpired skips it to avoid a refresh loop',
  },
  {
    id: 'OWN-REST-SESSION-LOCALIZED',
    phase: 'request',
    status: 401,
    headers: JSON_HEADERS,
    body: rest([{ message: 'Session expirée ou non valide', errorCode: 'INVALID_SESSION_ID' }]),
    expected: 'session_expired',
    also: { refreshable: true },
    source: `DOCUMENTED — ${ERRORCODES} (401 + errorCode); message localized per the user's language (docs/architecture.md), so the code decides`,
  },
  {
    id: 'OWN-IDENTITY-BAD-TOKEN',
    phase: 'request',
    status: 403,
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: 'Bad_OAuth_Token',
    expected: 'session_expired',
    also: { refreshable: true, code: 'Bad_OAuth_Token' },
    source:
      'OBSERVED — drupal salesforce issue #3191597 ("POST https://login.salesforce.com/id/... resulted in a 403 Forbidden response: Bad_OAuth_Token"); docs/architecture.md (identity and userinfo URLs)',
  },
  {
    id: 'OWN-403-PLAIN',
    phase: 'request',
    status: 403,
    headers: { 'Content-Type': 'text/html' },
    body: '<html><body>Forbidden</body></html>',
    expected: 'permission_denied',
    source: `DOCUMENTED — ${ERRORCODES} (403: "Verify that the logged-in user has appropriate permissions"); a 403 is never a session problem (docs/architecture.md)`,
  },
  {
    id: 'OWN-API-CURRENTLY-DISABLED',
    phase: 'request',
    status: 403,
    headers: JSON_HEADERS,
    body: rest([{ message: 'API is disabled for this User', errorCode: 'API_CURRENTLY_DISABLED' }]),
    expected: 'admin_action_required',
    also: { reason: 'api_disabled' },
    source: 'OBSERVED — Adobe Marketo Sales Connect "Salesforce diagnostics" (API_CURRENTLY_DISABLED: "API is disabled for this user"; admin must grant API access)',
  },
  {
    id: 'OWN-CONCURRENT-LONG-TXN',
    phase: 'request',
    status: 403,
    headers: JSON_HEADERS,
    body: rest([{ message: 'ConcurrentPerOrgLongTxn Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
    expected: 'rate_limited',
    source: `DOCUMENTED — ${ERRORCODES} (403 + REQUEST_LIMIT_EXCEEDED); concurrent long-running request limit reported with the same code`,
  },
  {
    id: 'OWN-LIMIT-LOCALIZED',
    phase: 'request',
    status: 403,
    headers: JSON_HEADERS,
    body: rest([{ message: 'TotalRequests-Limit überschritten.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
    expected: 'rate_limited',
    source: `DOCUMENTED — ${ERRORCODES}; localized message (German) must not change the kind`,
  },
  {
    id: 'OWN-CROSS-REF-ACCESS',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([{ message: 'insufficient access rights on cross-reference id: 001xx000003DGb2', errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', fields: [] }]),
    expected: 'permission_denied',
    source: 'DOCUMENTED — SOAP API StatusCode INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY (same codes in REST error arrays); REST answers it with 400',
  },
  {
    id: 'OWN-ENTITY-DELETED',
    phase: 'request',
    status: 404,
    headers: JSON_HEADERS,
    body: rest([{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }]),
    expected: 'not_found',
    source: `DOCUMENTED — ${ERRORCODES} (404: "resource couldn't be found or has been deleted"); ENTITY_IS_DELETED in the api-evangelist Salesforce ErrorResponse schema`,
  },
  {
    id: 'OWN-VALIDATION-RULE',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([{ message: 'Phone must have 10 digits', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Phone'] }]),
    expected: 'validation',
    also: { fields: ['Phone'] },
    source: `DOCUMENTED — ${ERRORCODES} (400) + SOAP API StatusCode FIELD_CUSTOM_VALIDATION_EXCEPTION (validation rule)`,
  },
  {
    id: 'OWN-DUPLICATES',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([{ message: 'Use one of these records?', errorCode: 'DUPLICATES_DETECTED', fields: [] }]),
    expected: 'validation',
    source: 'DOCUMENTED — duplicate rules with "Alert" answer DUPLICATES_DETECTED (SOAP API StatusCode list / DuplicateResult)',
  },
  {
    id: 'OWN-MULTIPLE-ERRORS',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([
      { message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] },
      { message: 'Email: invalid email address: x', errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] },
    ]),
    expected: 'validation',
    also: { fields: ['LastName', 'Email'] },
    source: 'DOCUMENTED — REST errors are an array (errorcodes.htm); jsforce 3 turns two or more into MULTIPLE_API_ERRORS with the array in err.data (lib/http-api.js getError)',
  },
  {
    id: 'OWN-INVALID-FIELD-SOQL',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([{ message: "No such column 'Foo__c' on entity 'Contact'.", errorCode: 'INVALID_FIELD' }]),
    expected: 'validation',
    source: `DOCUMENTED — ${ERRORCODES} (400); INVALID_FIELD is the SOQL unknown-column code`,
  },
  {
    id: 'OWN-UNKNOWN-400-CODE',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([{ message: 'Some new refusal', errorCode: 'SOME_FUTURE_CODE' }]),
    expected: 'unknown',
    source: `DOCUMENTED — ${ERRORCODES} (400); an unlisted code stays unknown in every shape, since jsforce's error keeps no status to fall back on`,
  },
  {
    id: 'OWN-LOCK-ROW',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([{ message: 'unable to obtain exclusive access to this record', errorCode: 'UNABLE_TO_LOCK_ROW', fields: [] }]),
    expected: 'transient',
    source: 'DOCUMENTED — SOAP API StatusCode UNABLE_TO_LOCK_ROW (row lock contention, retry); restforce Restforce::ErrorCode::UnableToLockRow',
  },
  {
    id: 'OWN-EXPIRED-PASSWORD',
    phase: 'request',
    status: 403,
    headers: JSON_HEADERS,
    body: rest([{ message: 'The users password has expired, you must call SetPassword before attempting any other API operations', errorCode: 'INVALID_OPERATION_WITH_EXPIRED_PASSWORD' }]),
    expected: 'reauth_required',
    also: { reason: 'password_expired' },
    source: 'DOCUMENTED code — SOAP API ExceptionCode INVALID_OPERATION_WITH_EXPIRED_PASSWORD; status INFERRED. Salesforce login asks for a new password, so signing in again cures it',
  },
  {
    id: 'OWN-STORAGE-FULL',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: rest([{ message: 'storage limit exceeded', errorCode: 'STORAGE_LIMIT_EXCEEDED', fields: [] }]),
    expected: 'admin_action_required',
    also: { reason: 'storage_full' },
    source: 'DOCUMENTED — SOAP API StatusCode STORAGE_LIMIT_EXCEEDED (data storage full; admin frees or buys storage)',
  },
  {
    id: 'OWN-420-EDGE',
    phase: 'request',
    status: 420,
    headers: { 'Content-Type': 'text/html' },
    body: '<html><body>Salesforce Edge</body></html>',
    expected: 'transient',
    source: `DOCUMENTED — ${ERRORCODES} (420: "Salesforce Edge doesn't have routing information available for this request host")`,
  },
  {
    id: 'OWN-502-GATEWAY',
    phase: 'request',
    status: 502,
    headers: { 'Content-Type': 'text/html' },
    body: '<html><body>Bad Gateway</body></html>',
    expected: 'transient',
    source: `DOCUMENTED — ${ERRORCODES} (5xx); gateways answer HTML, so jsforce reports ERROR_HTTP_502`,
  },
  {
    id: 'OWN-TR-IP-RESTRICTED',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'ip restricted or invalid login hours'),
    expected: 'admin_action_required',
    also: { reason: 'ip_restricted' },
    source: "DOCUMENTED — Salesforce web server / user-agent flow error list ('invalid_grant—IP restricted or invalid login hours')",
  },
  {
    id: 'OWN-TR-IP-RESTRICTED-CASE',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'IP Restricted or Invalid Login Hours'),
    expected: 'admin_action_required',
    also: { reason: 'ip_restricted' },
    source: 'DOCUMENTED — same as OWN-TR-IP-RESTRICTED; matched case-insensitively',
  },
  {
    id: 'OWN-TR-INVALID-CLIENT',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_client', 'invalid client credentials'),
    expected: 'admin_action_required',
    also: { reason: 'invalid_client' },
    source:
      'OBSERVED — nango.dev "Salesforce OAuth refresh token invalid_grant" table (400 invalid_client "invalid client credentials"); SFOAuthCoordinator.m kSFOAuthErrorTypeInvalidClientCredentials',
  },
  {
    id: 'OWN-TR-INACTIVE-ORG',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('inactive_org', 'Org is locked, closed, or suspended'),
    expected: 'admin_action_required',
    also: { reason: 'inactive_org' },
    source: "DOCUMENTED — Salesforce flow error list ('inactive_org—Org is locked, closed, or suspended')",
  },
  {
    id: 'OWN-TR-GATEWAY',
    phase: 'token_refresh',
    status: 503,
    headers: { 'Content-Type': 'text/html' },
    body: '<html><body>Service Unavailable</body></html>',
    expected: 'transient',
    source: 'INFERRED — token endpoint behind the same edge as the REST API (errorcodes.htm 503); jsforce OAuth2 reports ERROR_HTTP_503 with the HTML as description',
  },
  {
    id: 'OWN-TX-AUTH-FAILURE',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'authentication failure'),
    expected: 'reauth_required',
    source:
      'DOCUMENTED — Salesforce CLI "Resolve Common Authorization Errors" (sfdx_dev_troubleshoot_auth_errors.htm: "Error authenticating with auth code due to: invalid_grant::authentication failure")',
  },
  {
    id: 'OWN-TX-PKCE',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'invalid code verifier'),
    expected: 'reauth_required',
    source: 'INFERRED — RFC 7636 §4.6: a wrong code_verifier is refused with invalid_grant at the token endpoint',
  },
  {
    id: 'OWN-TX-INACTIVE-USER',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'inactive user'),
    expected: 'admin_action_required',
    also: { reason: 'inactive_user' },
    source: 'OBSERVED — restforce/restforce#303 (invalid_grant: inactive user); the same answer at code exchange',
  },
  // --- Token endpoint wordings: every wording Salesforce has used for one refusal, each in the phase it meets
  // (tests/integration/token-endpoint-wordings.test.ts injects each one at the emulated token endpoint).
  {
    id: 'WORDING-RACE-ALREADY-PROCESSING',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'token request is already being processed'),
    expected: 'transient',
    also: { reason: 'refresh_in_progress' },
    source: `DOCUMENTED — ${RN_REFRESH_RACE} and ${RN_REFRESH_RACE_WINTER25} (the refusal of a refresh that overlaps another with the same token)`,
  },
  {
    id: 'WORDING-RACE-ALREADY-PROCESSING-CAPITAL',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'Token request is already being processed'),
    expected: 'transient',
    also: { reason: 'refresh_in_progress' },
    source: 'OBSERVED — forcedotcom/sfdx-core#1342 (concurrent refreshes under refresh token rotation rejected with "Token request is already being processed"); matched case-insensitively',
  },
  {
    id: 'WORDING-RACE-EXPIRED-CODE',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'expired authorization code'),
    expected: 'transient',
    also: { reason: 'refresh_in_progress' },
    source: `OBSERVED — segmentio/action-destinations#2300 (Aug 2024, after ${RN_REFRESH_RACE}: "I confirmed the error code and description by running a load test"; packages/destination-actions/src/destinations/salesforce/index.ts retries 400 invalid_grant "expired authorization code" on a refresh_token grant). A refresh carries no code, so in this phase the words can only mean the race`,
  },
  {
    id: 'WORDING-CODE-EXPIRED',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'expired authorization code'),
    expected: 'reauth_required',
    source:
      'OBSERVED — chulkilee/ex_force test/ex_force/oauth_test.exs ("get_token/2 - authorization_code - expired": 400 invalid_grant "expired authorization code" from /services/oauth2/token); the code lives 15 minutes (web server flow)',
  },
  {
    id: 'WORDING-CODE-INVALID',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'invalid authorization code'),
    expected: 'reauth_required',
    source:
      'OBSERVED — tests/fixtures/salesforce-failures.json TX-02 (a reused or unknown code; public write-ups of {"error":"invalid_grant","error_description":"invalid authorization code"})',
  },
  {
    id: 'WORDING-IP-EXCHANGE',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', 'IP restricted or invalid login hours'),
    expected: 'admin_action_required',
    also: { reason: 'ip_restricted' },
    source: `DOCUMENTED — ${FLOW_ERRORS} ("invalid_grant—IP restricted or invalid login hours"); the capitalised form as Java clients compare it (error_description "IP restricted or invalid login hours") and SalesforceMobileSDK-iOS SFOAuthCoordinator (kSFOAuthErrorInvalidGrant: "expired access/refresh token, or IP restricted, or invalid login hours")`,
  },
  {
    id: 'WORDING-APP-BLOCKED-REFRESH',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('OAUTH_APP_BLOCKED', 'this app is blocked by admin'),
    expected: 'admin_action_required',
    also: { reason: 'app_blocked' },
    source:
      'OBSERVED wording — MicrosoftDocs/SupportArticles-docs failure-passed-to-redirect-url-blocked-app.md ("error=OAUTH_APP_BLOCKED error_description=this app is blocked by admin"); at the token endpoint, as a 400 JSON body, INFERRED (blocking an app also ends its refreshes)',
  },
  {
    id: 'WORDING-APP-BLOCKED-EXCHANGE',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('OAUTH_APP_BLOCKED', 'this app is blocked by admin'),
    expected: 'admin_action_required',
    also: { reason: 'app_blocked' },
    source: 'OBSERVED wording — as WORDING-APP-BLOCKED-REFRESH; at the code exchange INFERRED',
  },
  {
    id: 'WORDING-NOT-ADMIN-APPROVED-REFRESH',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_app_access', 'user is not admin approved to access this app'),
    expected: 'admin_action_required',
    also: { reason: 'app_blocked' },
    source:
      'OBSERVED wording — forcedotcom/cli#3260 (invalid_app_access "user is not admin approved to access this app" at the code exchange, an org with API Access Control); jetstreamapp/jetstream#656 (the same words on a running session). In a refresh INFERRED (the policy is checked on every token request)',
  },
  {
    id: 'WORDING-NOT-ADMIN-APPROVED-EXCHANGE',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_app_access', 'user is not admin approved to access this app'),
    expected: 'admin_action_required',
    also: { reason: 'app_blocked' },
    source:
      'OBSERVED — forcedotcom/cli#3260 (web server flow code exchange: "Error authenticating with auth code due to: invalid_app_access::user is not admin approved to access this app"); the redirect form is OAUTH_APP_ACCESS_DENIED with the same description (MicrosoftDocs/SupportArticles-docs failure-passed-to-redirect-url-access-denied.md)',
  },
  {
    id: 'WORDING-NOT-APPROVED-CONSUMER',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('invalid_grant', "user hasn't approved this consumer"),
    expected: 'admin_action_required',
    also: { reason: 'app_blocked' },
    source:
      'OBSERVED — Striim "Salesforce troubleshooting" (docs: "user hasn\'t approved this consumer — the user has not been pre-authorized for the app"); {"error":"invalid_grant","error_description":"user hasn\'t approved this consumer"} in public JWT set-up notes. Only an admin pre-authorizes',
  },
  {
    id: 'WORDING-ECA-NOT-INSTALLED',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('app_not_found', 'External client app is not installed in this org'),
    expected: 'admin_action_required',
    also: { reason: 'invalid_client' },
    source:
      'OBSERVED — {"error":"app_not_found","error_description":"External client app is not installed in this org"} from /services/oauth2/token in public External Client App set-up notes (token request sent to another org than the app\'s); its redirect form OAUTH_EC_APP_NOT_FOUND in PipedreamHQ/pipedream#21557 and #21571',
  },
  {
    id: 'WORDING-LOGIN-RATE-REFRESH',
    phase: 'token_refresh',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('rate_limit_exceeded', 'Number of logins exceeded'),
    expected: 'rate_limited',
    source: `DOCUMENTED code and words — ${FLOW_ERRORS} ("rate_limit_exceeded—Number of logins exceeded"); SFOAuthCoordinator.m kSFOAuthErrorTypeRateLimitExceeded; status 400 INFERRED`,
  },
  {
    id: 'WORDING-LOGIN-RATE-EXCHANGE',
    phase: 'token_exchange',
    status: 400,
    headers: TOKEN_HEADERS,
    body: oauth('rate_limit_exceeded', 'Number of logins exceeded'),
    expected: 'rate_limited',
    source: `DOCUMENTED — as WORDING-LOGIN-RATE-REFRESH; a code exchange is a login too`,
  },
  {
    id: 'OWN-AZ-ACCESS-DENIED-HYPHEN',
    phase: 'authorize',
    status: null,
    headers: { Location: 'https://localhost:3000/auth-callback.html?error=access-denied&state=s1' },
    body: 'error=access-denied',
    expected: 'reauth_required',
    also: { reason: 'access_denied' },
    source: `DOCUMENTED — ${FLOW_ERRORS} (web server flow example "?error=access-denied")`,
  },
  {
    id: 'OWN-AZ-INACTIVE-ORG',
    phase: 'authorize',
    status: null,
    headers: { Location: 'https://localhost:3000/auth-callback.html?error=inactive_org&error_description=Org+is+locked' },
    body: 'error=inactive_org&error_description=Org%20is%20locked',
    expected: 'admin_action_required',
    source: "DOCUMENTED — Salesforce user-agent flow error list ('inactive_org—Org is locked, closed, or suspended')",
  },
  {
    id: 'OWN-AZ-APP-ACCESS-DENIED',
    phase: 'authorize',
    status: null,
    headers: { Location: 'https://localhost:3000/auth-callback.html?error=OAUTH_APP_ACCESS_DENIED&error_description=user+is+not+admin+approved+to+access+this+app' },
    body: 'error=OAUTH_APP_ACCESS_DENIED&error_description=user%20is%20not%20admin%20approved%20to%20access%20this%20app',
    expected: 'admin_action_required',
    also: { reason: 'app_blocked' },
    source:
      'OBSERVED — "Admin approved users are pre-authorized" policy; error=OAUTH_APP_ACCESS_DENIED "user is not admin approved to access this app" (Salesforce Stack Exchange / help articles)',
  },
  {
    id: 'OWN-AZ-ECA-NOT-FOUND',
    phase: 'authorize',
    status: null,
    headers: { Location: 'https://localhost:3000/auth-callback.html?error=OAUTH_EC_APP_NOT_FOUND&state=s1' },
    body: 'error=OAUTH_EC_APP_NOT_FOUND',
    expected: 'admin_action_required',
    also: { reason: 'invalid_client' },
    source: 'OBSERVED — PipedreamHQ/pipedream#21557 and #21571 (OAUTH_EC_APP_NOT_FOUND after a successful login: the External Client App is not installed in the org signed into)',
  },
  {
    id: 'OWN-AZ-REDIRECT-MISMATCH',
    phase: 'authorize',
    status: null,
    headers: { Location: 'https://localhost:3000/auth-callback.html?error=redirect_uri_mismatch&error_description=redirect_uri+must+match+configuration' },
    body: 'error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration',
    expected: 'admin_action_required',
    also: { reason: 'invalid_client' },
    source: 'DOCUMENTED — Salesforce web server flow error list (redirect_uri_mismatch); docs/architecture.md: the callback URL must be listed exactly on the External Client App',
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Failures that are not Salesforce JSON: a gateway or maintenance page, an empty body, a cut-off body. Each reaches the
// seller as "Salesforce is briefly unavailable" and is retried (transient, reason not_salesforce_json), never unknown
// and never Connection lost. jsforce resolves a 2xx that is not JSON with the raw text instead of rejecting
// (lib/http-api.js parseResponseBody falls back to the text), so these are replayed through the wrapper's own boundary
// (sendJsforceRequest), not bare jsforce.
// ---------------------------------------------------------------------------------------------------------------------

const MAINTENANCE_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><title>Salesforce - Down for Maintenance</title></head>' +
  "<body><center><span>We are down for maintenance.</span><br><br>Sorry for the inconvenience. We'll be back shortly.</center></body></html>";
const GATEWAY_PAGE = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
const CLI_2487 = 'OBSERVED — forcedotcom/cli#2487 (an instance down for service answers 503 with an HTML maintenance page)';
const JSFORCE_1376 = 'OBSERVED — jsforce/jsforce#1376 (an unreachable or gone org answers HTML for every URL; jsforce keys on Content-Type text/html)';

export const NOT_SALESFORCE_JSON_CASES: WireCase[] = [
  {
    id: 'NJ-503-MAINTENANCE-HTML',
    phase: 'request',
    status: 503,
    headers: { 'Content-Type': 'text/html' },
    body: MAINTENANCE_PAGE,
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: `${CLI_2487}; ${JSFORCE_1376}`,
  },
  {
    id: 'NJ-503-MAINTENANCE-HTML-CHARSET',
    phase: 'request',
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=UTF-8' },
    body: MAINTENANCE_PAGE,
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: `${CLI_2487}; with a charset jsforce's exact text/html check misses and the page arrives as the message`,
  },
  {
    id: 'NJ-200-MAINTENANCE-HTML',
    phase: 'request',
    status: 200,
    headers: { 'Content-Type': 'text/html;charset=UTF-8' },
    body: MAINTENANCE_PAGE,
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source:
      'OBSERVED — wadewegner/Force.com-Toolkit-for-NET#160 ("We are down for maintenance" page as a query response); forcedotcom/wsc#290 (HTML from the Salesforce edge where SOAP/JSON was due)',
  },
  {
    id: 'NJ-502-GATEWAY-HTML',
    phase: 'request',
    status: 502,
    headers: { 'Content-Type': 'text/html' },
    body: GATEWAY_PAGE,
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: 'INFERRED — docs/architecture.md "Gateways and maintenance can answer with HTML"; forcedotcom/wsc#290 (HTML from the Salesforce edge)',
  },
  {
    id: 'NJ-502-EMPTY',
    phase: 'request',
    status: 502,
    headers: {},
    body: '',
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: 'INFERRED — docs/architecture.md "Gateways … can answer … without CORS headers"; a gateway 502 with no body',
  },
  {
    id: 'NJ-504-EMPTY',
    phase: 'request',
    status: 504,
    headers: { 'Content-Length': '0' },
    body: '',
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: 'INFERRED — a gateway timeout with no body (RFC 9110 §15.6.5)',
  },
  {
    id: 'NJ-200-CUT-OFF-JSON',
    phase: 'request',
    status: 200,
    headers: JSON_HEADERS,
    body: '{"totalSize":1,"done":true,"records":[{"attributes":{"type":"Contact","url":"/services/data/v62.0/sobjects/Contact/003',
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: 'INFERRED — a transfer cut off by a gateway or a dropped connection; jsforce returns the unparsable text (lib/http-api.js parseResponseBody)',
  },
  {
    id: 'NJ-200-EMPTY-JSON',
    phase: 'request',
    status: 200,
    headers: JSON_HEADERS,
    body: '',
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: 'INFERRED — a 200 that carries none of the JSON Salesforce documents for the resource',
  },
  {
    id: 'NJ-400-CUT-OFF-JSON',
    phase: 'request',
    status: 400,
    headers: JSON_HEADERS,
    body: '[{"message":"Required fields are missing: [LastN',
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: `INFERRED — ${ERRORCODES} (400 carries a JSON error array); cut off, its code is lost, so it is retried rather than shown as unknown`,
  },
  {
    id: 'NJ-503-CUT-OFF-JSON',
    phase: 'request',
    status: 503,
    headers: JSON_HEADERS,
    body: '[{"message":"Server Unavailable","errorCo',
    expected: 'transient',
    also: { reason: 'not_salesforce_json' },
    source: `INFERRED — ${ERRORCODES} (503 SERVER_UNAVAILABLE), cut off`,
  },
];
