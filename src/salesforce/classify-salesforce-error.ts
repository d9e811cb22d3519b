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
 * Never throws: every property read goes through {@link read} (.safe-read.ts), and the whole function sits in a
 * try/catch. The tables with their sources are in .rules.ts; reading what an input says is in .evidence.ts.
 */
import { scrubSecrets } from '../shared/scrub-secrets';
import { gather, type Evidence } from './classify-salesforce-error.evidence';
import { CODE_RULES, INVALID_GRANT_EXCEPTIONS, NOT_REFRESHABLE_SESSION } from './classify-salesforce-error.rules';
import { read, readString } from './classify-salesforce-error.safe-read';
import { FAILURE_KINDS, createFailure, type ClassifiedFailure, type ClassifyContext, type FailureExtras, type FailureKind, type FailurePhase, type FailureReason } from './failure-kinds';

const DETAIL_MAX = 500;

// ---------------------------------------------------------------------------------------------------------------------
// Decision
// ---------------------------------------------------------------------------------------------------------------------

function normalise(code: string): string {
  return code.trim().toLowerCase().replace(/-/g, '_');
}

interface Decision {
  kind: FailureKind;
  reason?: FailureReason;
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
    // Own keys only: a code such as `constructor` or `__proto__` would otherwise find Object.prototype's members.
    const rule = Object.hasOwn(CODE_RULES, key) ? CODE_RULES[key] : undefined;
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
  const extras: FailureExtras = {};
  if (ev.code !== undefined) extras.code = ev.code;
  if (decision.reason !== undefined) extras.reason = decision.reason;
  const detail = detailOf(ev.text);
  if (detail !== undefined) extras.detail = detail;
  if (ev.status !== undefined) extras.status = ev.status;
  if (ev.fields?.length) extras.fields = ev.fields;
  if (ev.duplicates) extras.duplicates = ev.duplicates;
  if (decision.refreshable !== undefined) extras.refreshable = decision.refreshable;
  else if (ev.code !== undefined && normalise(ev.code) === 'invalid_session_id') extras.refreshable = false;
  return createFailure(decision.kind, extras);
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
    // The promise of this function: whatever the input does, the caller gets a failure to act on. Nothing is logged:
    // the input is the very thing that may hold a token, and it just proved hostile to reading.
    return createFailure('unknown');
  }
}
