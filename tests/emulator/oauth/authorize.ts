/**
 * The authorization endpoint of the web server flow: validates the app and callback, shows the login page, then
 * the Allow access page, then redirects to the callback with a code (or an error) and the caller's state.
 */
import { randomBytes } from 'node:crypto';
import { htmlReply, parseForm, redirectReply, type Reply } from '../http';
import type { OrgState } from '../org-state';
import { consentPage, loginPage, remoteAccessErrorPage } from './login-pages';

/** `offline_access` is Salesforce's other name for `refresh_token` ("Perform requests at any time"). */
function canonicalScope(scope: string): string {
  return scope === 'offline_access' ? 'refresh_token' : scope;
}

/** The requested scopes the External Client App does not have (policy `appScopes`). */
export function scopesOutsideApp(requested: string[], appScopes: string[]): string[] {
  const app = new Set(appScopes.map(canonicalScope));
  return requested.filter((scope) => !app.has(canonicalScope(scope)));
}

const LOGIN_FAILED = "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";
const LOGIN_RESTRICTED =
  'Your login attempt has failed. The username or password may be incorrect, or your location or login time may be restricted. Please contact the administrator at your company for help.';
const USER_INACTIVE = 'Your login attempt has failed. Your user account is inactive. Please contact your Salesforce administrator.';

export function callbackUrl(redirectUri: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${query}`;
}

export function handleAuthorizeGet(org: OrgState, query: URLSearchParams): Reply {
  const clientId = query.get('client_id') ?? '';
  const redirectUri = query.get('redirect_uri') ?? '';
  const state = query.get('state') ?? undefined;
  // Salesforce never redirects to an unverified app or callback: it shows an error page instead.
  if (clientId !== org.config.clientId) {
    return htmlReply(400, remoteAccessErrorPage('invalid_client_id', 'client identifier invalid'));
  }
  if (!org.isRedirectUriRegistered(redirectUri)) {
    return htmlReply(400, remoteAccessErrorPage('redirect_uri_mismatch', 'redirect_uri must match configuration'));
  }
  const requested = (query.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  // A scope the app was not given ends the flow on Salesforce's own error page: the callback never learns of it.
  if (scopesOutsideApp(requested, org.policy.appScopes).length > 0) {
    return htmlReply(400, remoteAccessErrorPage('invalid_scope', 'the requested scope is not allowed'));
  }
  if (query.get('response_type') !== 'code') {
    return redirectReply(callbackUrl(redirectUri, { error: 'unsupported_response_type', error_description: 'response type not supported', state }));
  }
  const codeChallenge = query.get('code_challenge') ?? undefined;
  const method = query.get('code_challenge_method') ?? (codeChallenge ? 'S256' : undefined);
  if (codeChallenge && method !== 'S256') {
    return redirectReply(callbackUrl(redirectUri, { error: 'invalid_request', error_description: 'invalid code challenge method', state }));
  }
  if (!codeChallenge && org.policy.requirePkce) {
    return redirectReply(callbackUrl(redirectUri, { error: 'invalid_request', error_description: 'missing required code challenge', state }));
  }
  if (org.appBlocked) {
    return redirectReply(callbackUrl(redirectUri, { error: 'OAUTH_APP_BLOCKED', error_description: 'this app is blocked by admin', state }));
  }
  const transactionId = randomBytes(18).toString('base64url');
  org.loginTransactions.set(transactionId, {
    clientId,
    redirectUri,
    state,
    // Without `scope`, Salesforce grants every scope the app has.
    scopes: requested.length > 0 ? requested : [...org.policy.appScopes],
    codeChallenge,
    nonce: query.get('nonce') ?? undefined,
    createdAt: org.now(),
  });
  // Every sign-in shows the login page (as with prompt=login): the emulator keeps no browser session.
  return htmlReply(200, loginPage({ transactionId }));
}

export function handleLoginPost(org: OrgState, body: string): { reply: Reply; username?: string } {
  const form = parseForm(body);
  const transactionId = form.txn ?? '';
  const transaction = org.loginTransactions.get(transactionId);
  if (!transaction || org.now() - transaction.createdAt > org.policy.authCodeTtlMs) {
    return { reply: htmlReply(400, remoteAccessErrorPage('invalid_request', 'the login session has expired; start the sign-in again')) };
  }
  const username = form.username ?? '';
  const user = org.userByUsername(username);
  if (!user || user.password !== (form.pw ?? form.password ?? '')) {
    return { reply: htmlReply(200, loginPage({ transactionId, username, error: LOGIN_FAILED })) };
  }
  if (!org.isActive(user.id)) {
    return { reply: htmlReply(200, loginPage({ transactionId, username, error: USER_INACTIVE })), username: user.username };
  }
  if (org.isRestricted()) {
    return { reply: htmlReply(200, loginPage({ transactionId, username, error: LOGIN_RESTRICTED })), username: user.username };
  }
  transaction.userId = user.id;
  return {
    reply: htmlReply(200, consentPage({ transactionId, appName: 'Demo Outlook Add-in', username: user.username, scopes: transaction.scopes })),
    username: user.username,
  };
}

export function handleConsentPost(org: OrgState, body: string): { reply: Reply; username?: string } {
  const form = parseForm(body);
  const transactionId = form.txn ?? '';
  const transaction = org.loginTransactions.get(transactionId);
  if (!transaction || !transaction.userId) {
    return { reply: htmlReply(400, remoteAccessErrorPage('invalid_request', 'the login session has expired; start the sign-in again')) };
  }
  org.loginTransactions.delete(transactionId);
  const username = org.userById(transaction.userId)?.username;
  const { redirectUri, state } = transaction;
  if (form.decision !== 'allow') {
    return { reply: redirectReply(callbackUrl(redirectUri, { error: 'access_denied', error_description: 'end-user denied authorization', state })), username };
  }
  if (org.appBlocked) {
    return {
      reply: redirectReply(callbackUrl(redirectUri, { error: 'OAUTH_APP_BLOCKED', error_description: 'this app is blocked by admin', state })),
      username,
    };
  }
  const code = org.tokens.issueCode({
    userId: transaction.userId,
    clientId: transaction.clientId,
    redirectUri,
    scopes: transaction.scopes,
    codeChallenge: transaction.codeChallenge,
    nonce: transaction.nonce,
    expiresAt: org.now() + org.policy.authCodeTtlMs,
  });
  return { reply: redirectReply(callbackUrl(redirectUri, { code, state })), username };
}
