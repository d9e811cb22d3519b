/**
 * The Salesforce half of sign-in, without the dialog: the URLs the dialog walks, the answer it hands back, the code
 * exchange and who signed in. Plain fetch (no jsforce: the wrapper owns jsforce and there is no session yet).
 * Every failure leaves here as a SalesforceFailureError carrying a classified failure.
 *
 * Over 300 lines on purpose: the start page, the authorize URL, the callback answer, the code exchange and the
 * identity read are one protocol, kept in the order the dialog walks it.
 */
import type { ClassifiedFailure, ClassifyContext } from '../salesforce/failure-kinds';
import { SalesforceFailureError, createFailure } from '../salesforce/failure-kinds';
import type { SalesforceIdentity, SalesforceTokens } from '../salesforce/salesforce-api';
import { createLogger } from '../shared/logger';

const log = createLogger('auth.sign-in');

export type Classify = (error: unknown, context?: ClassifyContext) => ClassifiedFailure;

export interface SalesforceOAuthSettings {
  loginUrl: string;
  clientId: string;
  redirectUri: string;
  /** e.g. "62.0": the REST version who-signed-in is read with (runtime config `salesforce.apiVersion`). */
  apiVersion: string;
  requestTimeoutMs: number;
  /** config.json `salesforce.customDomains`: hosts outside Salesforce's domains that may receive the sign-in. */
  customDomains?: readonly string[];
}

export interface SignInHttpDeps {
  fetch: typeof fetch;
  classify: Classify;
  /** navigator.onLine; undefined when unknown. */
  isOnline?: () => boolean | undefined;
}

/**
 * The fewest scopes the add-in needs: `api` for REST, `refresh_token` to stay signed in. No `openid`: who signed in is
 * read through REST, and a scope the External Client App does not list ends on Salesforce's own error page
 * (`invalid_scope`), with no way back to the add-in. The dialog's first page builds its URL with buildAuthorizeUrl too.
 */
export const OAUTH_SCOPE = 'api refresh_token';

/**
 * Salesforce's generic login hosts. A browser cannot finish a sign-in there: their token endpoint never answers CORS
 * (CORS for OAuth endpoints exists only on My Domain and Experience Cloud hosts), and the identity URL they return is
 * not CORS either. Only hosts known to be generic are listed; a custom domain or any My Domain form is never refused.
 */
const GENERIC_LOGIN_HOSTS: ReadonlySet<string> = new Set(['login.salesforce.com', 'test.salesforce.com']);

/** True for login.salesforce.com and test.salesforce.com (any path, port or case). */
export function isGenericLoginHost(loginUrl: string): boolean {
  try {
    return GENERIC_LOGIN_HOSTS.has(new URL(loginUrl).hostname.toLowerCase().replace(/\.$/, ''));
  } catch {
    // Not a URL: not a generic host either; salesforce-hosts.ts refuses it with its own reason.
    return false;
  }
}

/** Said before the dialog opens: the login address must be the org's My Domain. */
export function myDomainRequiredFailure(loginUrl: string): ClassifiedFailure {
  let host = loginUrl;
  try {
    host = new URL(loginUrl).host;
  } catch {
    // Not a URL: the message names the text as configured.
  }
  return createFailure('admin_action_required', {
    reason: 'my_domain_required',
    detail: `${host} is a generic Salesforce login host; the add-in signs in through the org's My Domain.`,
  });
}

export interface AuthStartParams {
  loginUrl: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  state: string;
  /** `login` makes Salesforce ask for the user again (sign in again, another user). */
  prompt?: 'login';
}

/**
 * The dialog's first page, on the add-in's own origin (Office requires it). It carries the challenge and state, never
 * the verifier and never a token.
 */
export function buildAuthStartUrl(appBaseUrl: string, params: AuthStartParams): string {
  const url = new URL('auth-start.html', appBaseUrl);
  for (const [field, name] of Object.entries(AUTH_START_QUERY) as Array<[keyof AuthStartParams, string]>) {
    const value = params[field];
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

/** The start page's query names, once: the pane writes them (buildAuthStartUrl), the dialog reads them (readAuthStartQuery). */
const AUTH_START_QUERY: Record<keyof AuthStartParams, string> = {
  loginUrl: 'login_url',
  clientId: 'client_id',
  redirectUri: 'redirect_uri',
  codeChallenge: 'code_challenge',
  state: 'state',
  prompt: 'prompt',
};

/** The start page's query as the pane wrote it, every field as text ('' when absent): nothing in it is trusted yet. */
export function readAuthStartQuery(search: string): Record<keyof AuthStartParams, string> {
  const query = new URLSearchParams(search);
  const read = (field: keyof AuthStartParams) => query.get(AUTH_START_QUERY[field]) ?? '';
  return {
    loginUrl: read('loginUrl'),
    clientId: read('clientId'),
    redirectUri: read('redirectUri'),
    codeChallenge: read('codeChallenge'),
    state: read('state'),
    prompt: read('prompt'),
  };
}

/**
 * Salesforce's authorize URL. The one builder: the dialog's first page (src/auth/dialog/auth-start-plan.ts) calls it
 * with the login host it has checked against the runtime config.
 */
export function buildAuthorizeUrl(params: AuthStartParams): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
    state: params.state,
    scope: OAUTH_SCOPE,
  });
  if (params.prompt) query.set('prompt', params.prompt);
  return `${params.loginUrl.replace(/\/+$/, '')}/services/oauth2/authorize?${query.toString().replace(/\+/g, '%20')}`;
}

export type DialogAnswer = { type: 'code'; code: string; state: string } | { type: 'error'; error: string; errorDescription?: string; state?: string } | { type: 'invalid' };

/** Reads what the callback page (src/auth/dialog/auth-callback-answer.ts) sent with messageParent. Anything else is `invalid`, never a throw. */
export function parseDialogAnswer(message: string): DialogAnswer {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    // The dialog's message is outside input: anything that is not JSON is an invalid answer, by design.
    return { type: 'invalid' };
  }
  if (!value || typeof value !== 'object') return { type: 'invalid' };
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' && record[key] !== '' ? record[key] : undefined);
  const code = text('code');
  const state = text('state');
  const error = text('error');
  if (error) {
    const answer: DialogAnswer = { type: 'error', error };
    const description = text('error_description');
    if (description) answer.errorDescription = description;
    if (state) answer.state = state;
    return answer;
  }
  if (code && state) return { type: 'code', code, state };
  return { type: 'invalid' };
}

async function bounded(deps: SignInHttpDeps, timeoutMs: number, input: string, init: RequestInit, phase: ClassifyContext['phase']): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('Salesforce did not answer in time', 'TimeoutError')), timeoutMs);
  try {
    return await deps.fetch(input, { ...init, signal: controller.signal });
  } catch (error) {
    const timedOut = controller.signal.aborted;
    throw new SalesforceFailureError(deps.classify(timedOut ? new DOMException('Salesforce did not answer in time', 'TimeoutError') : error, { phase, online: deps.isOnline?.() }));
  } finally {
    clearTimeout(timer);
  }
}

async function failFromResponse(deps: SignInHttpDeps, response: Response, phase: ClassifyContext['phase']): Promise<never> {
  const body = await response.text().catch(() => '');
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  throw new SalesforceFailureError(deps.classify({ status: response.status, headers, body }, { phase, online: deps.isOnline?.() }));
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  instance_url?: unknown;
  id?: unknown;
  issued_at?: unknown;
}

/** Authorization code + PKCE verifier → tokens. No client secret: a browser cannot keep one. */
export async function exchangeCode(deps: SignInHttpDeps, settings: SalesforceOAuthSettings, code: string, codeVerifier: string): Promise<SalesforceTokens> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    code_verifier: codeVerifier,
  });
  const response = await bounded(
    deps,
    settings.requestTimeoutMs,
    `${settings.loginUrl}/services/oauth2/token`,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: body.toString() },
    'token_exchange',
  );
  if (!response.ok) return failFromResponse(deps, response, 'token_exchange');
  let json: TokenResponse;
  try {
    json = (await response.json()) as TokenResponse;
  } catch (error) {
    throw new SalesforceFailureError(deps.classify(error, { phase: 'token_exchange' }));
  }
  if (!json || typeof json !== 'object' || typeof json.access_token !== 'string' || typeof json.instance_url !== 'string' || typeof json.id !== 'string') {
    throw new SalesforceFailureError(deps.classify({ status: response.status, body: 'token response without access_token, instance_url or id' }, { phase: 'token_exchange' }));
  }
  const tokens: SalesforceTokens = {
    accessToken: json.access_token,
    instanceUrl: json.instance_url.replace(/\/+$/, ''),
    identityUrl: json.id,
    issuedAt: Number(json.issued_at) || Date.now(),
  };
  if (typeof json.refresh_token === 'string' && json.refresh_token) tokens.refreshToken = json.refresh_token;
  return tokens;
}

/** Parses https://host/id/<orgId>/<userId>. */
export function idsFromIdentityUrl(identityUrl: string): { orgId: string; userId: string } | undefined {
  const match = /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(identityUrl);
  return match?.[1] && match[2] ? { orgId: match[1], userId: match[2] } : undefined;
}

/**
 * Who signed in. The ids come from the token response's `id` (`https://<login host>/id/<orgId>/<userId>`), which is
 * parsed, never fetched: the identity URL lives on the login host and is not a CORS endpoint, so a pane cannot read it
 * (Salesforce Help, "Enable CORS for OAuth Endpoints"). The names come from one REST read of the User on instance_url,
 * which answers the origins on the org's CORS allowlist.
 */
export async function readSignedInUser(
  deps: SignInHttpDeps,
  settings: Pick<SalesforceOAuthSettings, 'loginUrl' | 'apiVersion' | 'requestTimeoutMs'>,
  tokens: SalesforceTokens,
): Promise<SalesforceIdentity> {
  const ids = idsFromIdentityUrl(tokens.identityUrl);
  if (!ids) {
    throw new SalesforceFailureError(deps.classify({ status: 200, body: 'token response id is not an identity URL (/id/<orgId>/<userId>)' }, { phase: 'token_exchange' }));
  }
  const url = `${tokens.instanceUrl}/services/data/v${settings.apiVersion}/sobjects/User/${ids.userId}?fields=Username,Name,Email`;
  const response = await bounded(deps, settings.requestTimeoutMs, url, { method: 'GET', headers: { Authorization: `Bearer ${tokens.accessToken}`, Accept: 'application/json' } }, 'request');
  if (!response.ok) return failFromResponse(deps, response, 'request');
  const text = await response.text().catch(() => '');
  let json: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: classified just below from the status, headers and text, which keep what this parse saw.
    json = undefined;
  }
  if (!json) {
    // An HTML page or a cut-off body where Salesforce's JSON was expected: classified like any REST answer.
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    throw new SalesforceFailureError(deps.classify({ status: response.status, headers, body: text }, { phase: 'request', online: deps.isOnline?.() }));
  }
  const user = json;
  const field = (key: string) => (typeof user[key] === 'string' ? user[key] : '');
  const username = field('Username');
  return {
    orgId: ids.orgId,
    userId: ids.userId,
    username,
    displayName: field('Name') || username,
    email: field('Email'),
    loginUrl: settings.loginUrl,
    instanceUrl: tokens.instanceUrl,
  };
}

/**
 * Best effort: bounded, never throws. Revoking the refresh token revokes its access tokens too. Offline or an error
 * must never keep the seller from signing out.
 */
export async function revokeToken(deps: Pick<SignInHttpDeps, 'fetch'>, loginUrl: string, token: string, timeoutMs = 5000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await deps.fetch(`${loginUrl}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      signal: controller.signal,
    });
    return response.ok;
  } catch (error) {
    // Best effort by design (see above); the trace says why a token was left for Salesforce to expire.
    log.debug('revoking the token failed', error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
