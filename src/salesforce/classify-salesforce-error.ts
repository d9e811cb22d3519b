/**
 * The one place where a failure entering the app becomes a {@link ClassifiedFailure}. Pure: no DOM, Office, React or
 * jsforce at import, so the wrapper, the auth flow and Node tests share it.
 *
 * It decides by codes and HTTP statuses, never by Salesforce's REST `message` (localized into the user's language).
 * Text is read in three narrow places only, each because the code does not survive otherwise:
 *  - token endpoint `error_description` under `invalid_grant`: it is not localized, and Salesforce distinguishes a race,
 *    an inactive user and an IP/login-hours restriction only there;
 *  - jsforce's own auto-refresh failure, `Error("Unable to refresh session due to: <error_description>")`, which keeps
 *    the description but drops the code;
 *  - `INVALID_SESSION_ID` with "This session is not valid for use with the REST API", the exact string jsforce 3 itself
 *    matches (lib/http-api.js isSessionExpired) to avoid its refresh loop.
 *
 * Never throws: every property read goes through {@link read}, and the whole function sits in a try/catch.
 */
import { scrubSecrets } from './scrub-secrets';
import {
  CONNECTION_LOST_KINDS,
  FAILURE_KINDS,
  type ClassifiedFailure,
  type ClassifyContext,
  type FailureKind,
  type FailurePhase,
} from './failure-kinds';

// ---------------------------------------------------------------------------------------------------------------------
// Code tables. Keys are normalised (lower case, '-' → '_'), so REST `errorCode`s, OAuth `error`s and the web server
// flow's documented `error=access-denied` spelling meet in one table.
// ---------------------------------------------------------------------------------------------------------------------

type CodeRule = { kind: FailureKind; reason?: string };

const CODE_RULES: Record<string, CodeRule> = {
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
const INVALID_GRANT_EXCEPTIONS: Array<{ pattern: RegExp; kind: FailureKind; reason: string; refreshOnly?: boolean }> = [
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
const DESCRIPTION_TO_CODE: Array<{ pattern: RegExp; code: string }> = [
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

const WRAPPED_REFRESH_PREFIX = 'Unable to refresh session due to:';

/** REST sessions that a refresh cannot cure (jsforce lib/http-api.js `responsesToSkip`). */
const NOT_REFRESHABLE_SESSION = /not valid for use with the REST API|Connected app is not attached to Agent/i;

/** Browser and Node wordings of a fetch that never reached the server (Chrome, Firefox, Safari, undici). */
const FETCH_NETWORK_MESSAGE = /^(Failed to fetch|fetch failed|Load failed|NetworkError when attempting to fetch resource\.?|Network request failed)$/i;

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET']);
const RESET_ERROR_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
const TIMEOUT_ERROR_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const DETAIL_MAX = 500;

// ---------------------------------------------------------------------------------------------------------------------
// Safe access: inputs may be Proxies whose traps throw, objects with throwing getters, frozen or circular objects.
// ---------------------------------------------------------------------------------------------------------------------

function read(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function readString(value: unknown, key: string): string | undefined {
  const v = read(value, key);
  return typeof v === 'string' ? v : undefined;
}

function readStatus(value: unknown): number | undefined {
  for (const key of ['status', 'statusCode', 'httpStatusCode']) {
    const v = read(value, key);
    const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) return n;
  }
  return undefined;
}

function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

function stringsOf(value: unknown): string[] {
  if (!isArray(value)) return [];
  const out: string[] = [];
  try {
    const length = Math.min(Number(value.length) || 0, 50);
    for (let i = 0; i < length; i++) {
      const item = read(value, String(i));
      if (typeof item === 'string') out.push(item);
    }
  } catch {
    // a hostile array: keep what was read
  }
  return out;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const get = read(headers, 'get');
  if (typeof get === 'function') {
    try {
      const v: unknown = get.call(headers, name);
      if (typeof v === 'string') return v;
    } catch {
      // not a Headers after all
    }
  }
  let keys: string[];
  try {
    keys = Object.keys(headers);
  } catch {
    return undefined;
  }
  const key = keys.find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : readString(headers, key);
}

// ---------------------------------------------------------------------------------------------------------------------
// Evidence: what an input says, whatever its shape.
// ---------------------------------------------------------------------------------------------------------------------

interface Evidence {
  code?: string;
  /** OAuth `error_description` (not localized) — only consulted for invalid_grant. */
  description?: string;
  /** Salesforce's own text (REST message or OAuth description), for `detail`. */
  text?: string;
  status?: number;
  fields?: string[];
  /** The code came from a token endpoint / redirect (OAuth) rather than a REST error array. */
  oauth?: boolean;
  /** Came out of jsforce's auto-refresh: the token endpoint refused a refresh. */
  refresh?: boolean;
  network?: 'offline_or_unknown' | 'reset' | 'timeout';
  /** The body was not Salesforce's JSON: a gateway or maintenance page (HTML), a cut-off JSON body, or nothing. */
  notJson?: 'html' | 'cut_off' | 'empty' | 'text';
}

function fromRestError(item: unknown, ev: Evidence): boolean {
  const code = readString(item, 'errorCode');
  if (code === undefined) return false;
  ev.code = code;
  ev.text = readString(item, 'message');
  const fields = stringsOf(read(item, 'fields'));
  if (fields.length) ev.fields = fields;
  return true;
}

function fromOAuth(value: unknown, ev: Evidence): boolean {
  const code = readString(value, 'error');
  if (code === undefined || code.trim() === '') return false;
  ev.code = code.trim();
  ev.oauth = true;
  const description = readString(value, 'error_description');
  if (description !== undefined) ev.description = ev.text = description;
  return true;
}

/** A REST error array: Salesforce's `[{message, errorCode, fields}]`; the first coded item decides, fields merge. */
function fromRestArray(list: unknown, ev: Evidence): boolean {
  if (!isArray(list)) return false;
  let found = false;
  const fields: string[] = [];
  const length = Math.min(Number(read(list, 'length')) || 0, 50);
  for (let i = 0; i < length; i++) {
    const item = read(list, String(i));
    const one: Evidence = {};
    if (!fromRestError(item, one)) continue;
    if (!found) {
      ev.code = one.code;
      ev.text = one.text;
      found = true;
    }
    if (one.fields) fields.push(...one.fields);
  }
  if (fields.length) ev.fields = [...new Set(fields)];
  return found;
}

/** An HTML page (gateway, maintenance, login redirect) in one line for `detail`: its title, never its markup. */
function htmlSummary(html: string): string {
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();
  return title ? `An HTML page instead of Salesforce's JSON: "${title}".` : "An HTML page instead of Salesforce's JSON.";
}

/** jsforce's own text for a `Content-Type: text/html` answer (lib/http-api.js getError); the page is in `data`. */
const JSFORCE_HTML_MESSAGE = /^HTTP response contains html content/;

/** A body as it came off the wire (string) or already parsed (array/object). */
function fromBody(body: unknown, ev: Evidence): boolean {
  if (body === null || body === undefined) return false;
  if (typeof body === 'string') {
    const text = body.trim();
    if (text === '') {
      ev.notJson = 'empty';
      return false;
    }
    if (text.startsWith('[') || text.startsWith('{')) {
      try {
        return fromBody(JSON.parse(text) as unknown, ev);
      } catch {
        // Salesforce's JSON, cut off on the way (a gateway or a dropped connection): its text is not worth showing.
        ev.notJson = 'cut_off';
        ev.text = `A cut-off JSON body (${text.length} characters) instead of Salesforce's answer.`;
        return false;
      }
    }
    if (text.startsWith('<')) {
      ev.notJson = 'html';
      ev.text = htmlSummary(text);
      return false;
    }
    if (/(^|[?#&])error=/.test(text)) return fromQuery(text, ev);
    // text/plain codes such as the identity URL's "Bad_OAuth_Token" or "Missing_OAuth_Token".
    if (/^[A-Za-z][A-Za-z0-9_]{2,60}$/.test(text)) {
      ev.code = text;
      return true;
    }
    ev.text = text;
    return false;
  }
  if (isArray(body)) return fromRestArray(body, ev);
  if (typeof body === 'object') return fromOAuth(body, ev) || fromRestError(body, ev);
  return false;
}

/** An OAuth redirect: a URL, a query or fragment string, or a URLSearchParams-like object. */
function fromQuery(text: string, ev: Evidence): boolean {
  let query = text.trim();
  const mark = query.search(/[?#]/);
  if (mark >= 0 && /^[a-z][a-z0-9+.-]*:/i.test(query)) {
    // a full URL: take the fragment if it carries the error (user-agent flow), else the query.
    const hash = query.indexOf('#');
    const fragment = hash >= 0 ? query.slice(hash + 1) : '';
    query = /(^|&)error=/.test(fragment) ? fragment : query.slice(mark + 1, hash >= 0 ? hash : undefined);
  } else {
    query = query.replace(/^[?#]/, '');
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return false;
  }
  return fromOAuth({ error: params.get('error') ?? undefined, error_description: params.get('error_description') ?? undefined }, ev);
}

function isSearchParams(value: unknown): value is URLSearchParams {
  try {
    return typeof URLSearchParams !== 'undefined' && value instanceof URLSearchParams;
  } catch {
    return false;
  }
}

function fromNodeNetwork(value: unknown, ev: Evidence): boolean {
  const code = readString(value, 'code') ?? readString(value, 'errno');
  if (code === undefined) return false;
  if (TIMEOUT_ERROR_CODES.has(code)) ev.network = 'timeout';
  else if (RESET_ERROR_CODES.has(code)) ev.network = 'reset';
  else if (NETWORK_ERROR_CODES.has(code)) ev.network = 'offline_or_unknown';
  else return false;
  return true;
}

function gather(error: unknown, ev: Evidence): void {
  if (typeof error === 'string') {
    if (/(^|[?#&])error=/.test(error)) fromQuery(error, ev);
    else if (FETCH_NETWORK_MESSAGE.test(error.trim())) ev.network = 'offline_or_unknown';
    else if (!fromBody(error, ev)) ev.text = error;
    return;
  }
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return;
  if (isSearchParams(error)) {
    fromOAuth({ error: error.get('error') ?? undefined, error_description: error.get('error_description') ?? undefined }, ev);
    return;
  }

  const name = readString(error, 'name');
  const message = readString(error, 'message');
  ev.status = readStatus(error);

  // AbortController / AbortSignal.timeout() / the project's own deadline errors.
  if (name === 'AbortError' || name === 'TimeoutError') {
    ev.network = 'timeout';
    return;
  }
  // node-fetch (jsforce in Node) reports its own timeout as FetchError type 'request-timeout'.
  if (readString(error, 'type') === 'request-timeout') {
    ev.network = 'timeout';
    return;
  }
  if (fromNodeNetwork(error, ev) || fromNodeNetwork(read(error, 'cause'), ev)) return;
  if (name === 'TypeError' && message !== undefined && FETCH_NETWORK_MESSAGE.test(message.trim())) {
    ev.network = 'offline_or_unknown';
    return;
  }

  // jsforce's own refresh failure: the code is gone, only the token endpoint's description survives.
  if (message !== undefined && message.startsWith(WRAPPED_REFRESH_PREFIX)) {
    const description = message.slice(WRAPPED_REFRESH_PREFIX.length).trim();
    ev.refresh = true;
    ev.description = ev.text = description;
    if (FETCH_NETWORK_MESSAGE.test(description)) {
      ev.network = 'offline_or_unknown';
      return;
    }
    const known = DESCRIPTION_TO_CODE.find((d) => d.pattern.test(description));
    if (known) {
      ev.code = known.code;
      ev.oauth = true;
    }
    return;
  }

  // jsforce REST error (HttpApiError): name = errorCode = the REST code, data = the error item (or an array for
  // MULTIPLE_API_ERRORS). ERROR_HTTP_<status> means the body was not a REST error: its text is in `message`.
  const errorCode = readString(error, 'errorCode');
  const data = read(error, 'data');
  const httpName = /^ERROR_HTTP_(\d{3})$/.exec(errorCode ?? name ?? '');
  if (httpName) {
    ev.status ??= Number(httpName[1]);
    if (message !== undefined && JSFORCE_HTML_MESSAGE.test(message)) {
      const page = read(error, 'data');
      ev.notJson = 'html';
      ev.text = typeof page === 'string' ? htmlSummary(page) : htmlSummary('');
      return;
    }
    if (message !== undefined && !fromBody(message, ev) && ev.notJson === undefined) ev.text = message;
    return;
  }
  if (errorCode !== undefined && errorCode !== '' && errorCode !== 'Error') {
    ev.code = errorCode;
    ev.text = message;
    if (errorCode === 'MULTIPLE_API_ERRORS' && fromRestArray(data, ev)) return;
    const fields = stringsOf(read(data, 'fields'));
    if (fields.length) ev.fields = fields;
    return;
  }

  // Raw shapes: a token endpoint / redirect object, a REST error item, an HTTP-ish {status, headers, body}, an array.
  if (isArray(error)) {
    fromRestArray(error, ev);
    return;
  }
  if (fromOAuth(error, ev) || fromRestError(error, ev)) return;
  const body = read(error, 'body');
  if (fromBody(body, ev)) return;
  // The wrapper's jsforce boundary: a 2xx whose body was text, where only Salesforce's JSON (or nothing) was due.
  if (name === 'NotSalesforceJsonError') {
    ev.notJson ??= 'text';
    if (ev.text === undefined && message !== undefined) ev.text = message;
    return;
  }
  const location = headerOf(read(error, 'headers'), 'location');
  if (location !== undefined && /[?#&]error=/.test(location) && fromQuery(location, ev)) return;
  const network = read(error, 'network');
  const failure = readString(network, 'failure');
  if (failure === 'timeout') {
    ev.network = 'timeout';
    return;
  }
  if (failure !== undefined) {
    ev.network = 'offline_or_unknown';
    return;
  }

  // jsforce OAuth2 error: name = `error`, message = `error_description`. Only trusted when the name looks like an
  // OAuth/REST code (lower_snake or UPPER_SNAKE), so a plain `Error`/`RangeError` is not taken for one.
  if (name !== undefined && /^[A-Za-z]+(_[A-Za-z0-9]+)+$/.test(name)) {
    ev.code = name;
    ev.oauth = name === name.toLowerCase();
    if (message !== undefined) ev.description = ev.text = message;
    return;
  }
  if (message !== undefined && ev.text === undefined) ev.text = message;
}

// ---------------------------------------------------------------------------------------------------------------------
// Decision
// ---------------------------------------------------------------------------------------------------------------------

function normalise(code: string): string {
  return code.trim().toLowerCase().replace(/-/g, '_');
}

interface Decision {
  kind: FailureKind;
  reason?: string;
  refreshable?: boolean;
}

function decideInvalidGrant(ev: Evidence, phase: FailurePhase | undefined): Decision {
  const description = ev.description ?? '';
  const isRefresh = ev.refresh === true || phase === 'token_refresh';
  const exception = INVALID_GRANT_EXCEPTIONS.find((e) => e.pattern.test(description) && (!e.refreshOnly || isRefresh));
  if (exception) return { kind: exception.kind, reason: exception.reason };
  // At sign-in a refused code/verifier means "start sign-in again"; during a refresh (or with no phase, where the
  // grant is the only thing invalid_grant can refer to) the refresh token is dead.
  if (!ev.refresh && (phase === 'authorize' || phase === 'token_exchange')) return { kind: 'reauth_required' };
  return { kind: 'bad_oauth_token' };
}

function decideByStatus(status: number | undefined, ev: Evidence): Decision | undefined {
  if (status === undefined) return undefined;
  if (status === 420 || status >= 500) return { kind: 'transient' };
  if (status === 429) return { kind: 'rate_limited' };
  // REST 401 = "session ID or OAuth token used has expired or is invalid" (errorcodes.htm). A token endpoint's 401
  // carries an OAuth code and never reaches here.
  if (status === 401 && !ev.oauth) return { kind: 'session_expired', refreshable: true };
  if (status === 403) return { kind: 'permission_denied' };
  if (status === 404 || status === 410) return { kind: 'not_found' };
  return undefined;
}

function decide(ev: Evidence, context: ClassifyContext): Decision {
  const phase = context.phase;
  if (ev.network === 'timeout') return { kind: 'timeout' };
  if (ev.network === 'reset') return context.online === false ? { kind: 'offline' } : { kind: 'transient' };
  if (ev.network === 'offline_or_unknown') {
    if (context.online === false) return { kind: 'offline' };
    // Online, yet no answer a browser may read: at the code exchange, the token endpoint did not answer CORS (a generic
    // login host, "Enable CORS for OAuth endpoints" off, or the origin not on the CORS allowlist): a set-up fix.
    if (phase === 'token_exchange') return { kind: 'admin_action_required', reason: 'oauth_cors_blocked' };
    // On REST after sign-in, a gateway's 502/503/504 carries no CORS headers and reaches the pane as exactly this. So
    // at a refresh: the same token endpoint answered this pane's sign-in, so its set-up is not what failed.
    if (phase === 'request' || phase === 'token_refresh') return { kind: 'transient', reason: 'not_salesforce_json' };
    return { kind: 'unknown' };
  }

  if (ev.code !== undefined) {
    const key = normalise(ev.code);
    if (key === 'invalid_grant') return decideInvalidGrant(ev, phase);
    const rule = CODE_RULES[key];
    if (rule) {
      if (rule.kind === 'session_expired') {
        // A 403 is never a session problem, except the identity/userinfo URLs' Bad_OAuth_Token.
        if (ev.status === 403 && key !== 'bad_oauth_token') return { kind: 'permission_denied' };
        // "This session is not valid for use with the REST API": the API is blocked for this session (missing `api`
        // scope, API Enabled permission, a high-assurance session level or an IP policy on the app). A refresh
        // returns the same kind of session, and signing in again yields it again, so neither the Connection lost
        // banner nor a refresh loop helps: the app's or profile's settings must change. admin_action_required,
        // refreshable false; `code` stays INVALID_SESSION_ID for support.
        if (NOT_REFRESHABLE_SESSION.test(ev.text ?? '')) return { kind: 'admin_action_required', reason: 'api_session_not_allowed', refreshable: false };
        return { kind: 'session_expired', refreshable: true };
      }
      return rule.reason === undefined ? { kind: rule.kind } : { kind: rule.kind, reason: rule.reason };
    }
    // An unlisted code is unknown, whatever its 4xx status: jsforce keeps no status, so guessing from a 400 or 403
    // would classify one failure differently by the path it took. A server-side status still means "try again".
    const byStatus = decideByStatus(ev.status, ev);
    return byStatus && (byStatus.kind === 'transient' || byStatus.kind === 'rate_limited') ? byStatus : { kind: 'unknown' };
  }
  if (ev.notJson !== undefined) {
    const notJson = decideNotJson(ev.status, ev.notJson);
    if (notJson) return notJson;
  }
  return decideByStatus(ev.status, ev) ?? { kind: 'unknown' };
}

/**
 * A body that is not Salesforce's JSON, with an HTTP status. Where Salesforce's JSON was due (any success, any 5xx or
 * 420) a gateway, a maintenance page or a cut-off transfer stood in for Salesforce: `transient`, retried. A cut-off
 * body is that whatever the status, except 401 (a refresh may cure it) and 429 (a limit). Without a status it is not
 * evidence of anything.
 */
function decideNotJson(status: number | undefined, notJson: NonNullable<Evidence['notJson']>): Decision | undefined {
  if (status === undefined || status === 401 || status === 429) return undefined;
  if (status < 400 || status === 420 || status >= 500 || notJson === 'cut_off') return { kind: 'transient', reason: 'not_salesforce_json' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------------
// Detail: Salesforce's text, never a token.
// ---------------------------------------------------------------------------------------------------------------------

function detailOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  const scrubbed = scrubSecrets(flat);
  return scrubbed.length > DETAIL_MAX ? `${scrubbed.slice(0, DETAIL_MAX - 1)}…` : scrubbed;
}

// ---------------------------------------------------------------------------------------------------------------------

const VALID_KINDS: ReadonlySet<string> = new Set(FAILURE_KINDS);

function passThrough(error: unknown): ClassifiedFailure | undefined {
  if (readString(error, 'name') !== 'SalesforceFailureError') return undefined;
  const failure = read(error, 'failure');
  const kind = readString(failure, 'kind');
  if (kind === undefined || !VALID_KINDS.has(kind)) return undefined;
  return failure as ClassifiedFailure;
}

function build(decision: Decision, ev: Evidence): ClassifiedFailure {
  const { kind } = decision;
  const failure: ClassifiedFailure = {
    kind,
    connectionLost: CONNECTION_LOST_KINDS.has(kind),
    // Worth an automatic retry with backoff: the cause passes by itself. rate_limited is not: the org's 24-hour or
    // login limit does not reset within a backoff; the seller (or the outbox, later) tries again.
    retryable: kind === 'transient' || kind === 'timeout' || kind === 'offline',
  };
  if (ev.code !== undefined) failure.code = ev.code;
  if (decision.reason !== undefined) failure.reason = decision.reason;
  const detail = detailOf(ev.text);
  if (detail !== undefined) failure.detail = detail;
  if (ev.status !== undefined) failure.status = ev.status;
  if (ev.fields?.length) failure.fields = ev.fields;
  if (decision.refreshable !== undefined) failure.refreshable = decision.refreshable;
  else if (ev.code !== undefined && normalise(ev.code) === 'invalid_session_id') failure.refreshable = false;
  return failure;
}

export function classifySalesforceError(error: unknown, context: ClassifyContext = {}): ClassifiedFailure {
  try {
    const own = passThrough(error);
    if (own) return own;
    const phase = readString(context, 'phase') as FailurePhase | undefined;
    const online = read(context, 'online');
    const ctx: ClassifyContext = { phase, online: typeof online === 'boolean' ? online : undefined };
    const ev: Evidence = {};
    gather(error, ev);
    return build(decide(ev, ctx), ev);
  } catch {
    return { kind: 'unknown', connectionLost: false, retryable: false };
  }
}
