/**
 * POST /services/oauth2/token for a public client (no secret): authorization_code with PKCE S256, and
 * refresh_token with the org's refresh token policy, rotation with reuse detection and overlap detection.
 * Error bodies and descriptions are Salesforce's (see shared/salesforce-failures.dev.json).
 */
import { createHash, createHmac } from 'node:crypto';
import { jsonReply, oauthError, parseForm, type Reply } from '../http';
import type { OrgState } from '../org-state';
import { accessTokenHash, signIdToken } from './id-token';
import type { AuthCode, Grant } from './token-store';

export interface TokenOutcome {
  reply: Reply;
  username?: string;
  grantType?: string;
}

// Signs the id + issued_at pair like Salesforce does with the consumer secret; a public client cannot check it,
// but the field is part of the response shape.
const SIGNING_KEY = 'emulated-org-signing-key';

const EXPIRED = () => oauthError('invalid_grant', 'expired access/refresh token');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** `issuer`: the host that answered (My Domain or the login host), the id_token's `iss`. */
export async function handleToken(org: OrgState, body: string, issuer: string = org.baseUrl): Promise<TokenOutcome> {
  const form = parseForm(body);
  const grantType = form.grant_type;
  if (form.client_id !== org.config.clientId) {
    return { reply: oauthError('invalid_client_id', 'client identifier invalid'), grantType };
  }
  // "Require secret for Web Server Flow": the client authenticates before its code is looked at (RFC 6749 §5.2).
  if (grantType === 'authorization_code' && org.policy.requireSecretForWebServerFlow && !form.client_secret) {
    return { reply: oauthError('invalid_client', 'invalid client credentials'), grantType };
  }
  if (grantType === 'authorization_code') return { ...exchangeCode(org, form, issuer), grantType };
  if (grantType === 'refresh_token') return { ...(await refresh(org, form)), grantType };
  return { reply: oauthError('unsupported_grant_type', 'grant type not supported'), grantType };
}

function userGate(org: OrgState, userId: string): Reply | undefined {
  if (!org.isActive(userId)) return oauthError('invalid_grant', 'inactive user');
  if (org.isRestricted()) return oauthError('invalid_grant', 'ip restricted or invalid login hours');
  if (org.appBlocked) return oauthError('OAUTH_APP_BLOCKED', 'this app is blocked by admin');
  return undefined;
}

function exchangeCode(org: OrgState, form: Record<string, string>, issuer: string): { reply: Reply; username?: string } {
  const code = org.tokens.takeCode(form.code ?? '', org.now());
  if (!code || code.clientId !== form.client_id) return { reply: oauthError('invalid_grant', 'invalid authorization code') };
  const username = org.userById(code.userId)?.username;
  if (code.redirectUri !== form.redirect_uri) {
    return { reply: oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration'), username };
  }
  if (code.codeChallenge !== undefined) {
    const verifier = form.code_verifier;
    if (!verifier || s256(verifier) !== code.codeChallenge) return { reply: oauthError('invalid_grant', 'invalid code verifier'), username };
  }
  const gate = userGate(org, code.userId);
  if (gate) return { reply: gate, username };
  const grant = org.tokens.createGrant(code.userId, code.clientId, code.scopes, org.now(), org.policy.maxGrantsPerUser);
  return { reply: tokenResponse(org, grant, true, { code, issuer }), username };
}

async function refresh(org: OrgState, form: Record<string, string>): Promise<{ reply: Reply; username?: string }> {
  const presented = form.refresh_token ?? '';
  const lookup = org.tokens.lookupRefreshToken(presented);
  if (lookup.kind === 'unknown') return { reply: EXPIRED() };
  const grant = lookup.grant;
  const username = org.userById(grant.userId)?.username;
  if (grant.revoked) return { reply: EXPIRED(), username };
  if (lookup.kind === 'retired') {
    // Reuse of a rotated refresh token: someone else may hold the family, so the whole grant goes.
    org.tokens.revokeGrant(grant.id, 'rotated refresh token reused');
    return { reply: EXPIRED(), username };
  }
  const now = org.now();
  const policy = org.policy.refreshTokenPolicy;
  if (policy !== 'until_revoked') {
    const expired = 'expireAfterMs' in policy ? now - grant.createdAt >= policy.expireAfterMs : now - grant.lastUsedAt >= policy.idleMs;
    if (expired) {
      org.tokens.revokeGrant(grant.id, 'refresh token policy');
      return { reply: EXPIRED(), username };
    }
  }
  if (org.tokens.refreshesInFlight.has(presented)) {
    return { reply: oauthError('invalid_grant', 'token request is already being processed'), username };
  }
  org.tokens.refreshesInFlight.add(presented);
  try {
    if (org.policy.refreshProcessingMs > 0) await sleep(org.policy.refreshProcessingMs);
    // The grant may have been revoked while this request was being processed.
    if (grant.revoked || grant.refreshToken !== presented) return { reply: EXPIRED(), username };
    const gate = userGate(org, grant.userId);
    if (gate) return { reply: gate, username };
    grant.lastUsedAt = org.now();
    if (org.policy.rotation) org.tokens.rotateRefreshToken(grant);
    return { reply: tokenResponse(org, grant, org.policy.rotation), username };
  } finally {
    org.tokens.refreshesInFlight.delete(presented);
  }
}

/** With `openid` granted, the code exchange also carries a signed id_token (OpenID Connect Core 3.1.3.3). */
function idToken(org: OrgState, grant: Grant, accessToken: string, code: AuthCode, issuer: string, now: number): string {
  const iat = Math.floor(now / 1000);
  return signIdToken(org.idTokenKeys, {
    at_hash: accessTokenHash(accessToken),
    sub: org.identityUrl(grant.userId),
    aud: grant.clientId,
    iss: issuer,
    exp: iat + 300,
    iat,
    ...(code.nonce ? { nonce: code.nonce } : {}),
  });
}

function tokenResponse(org: OrgState, grant: Grant, includeRefreshToken: boolean, exchange?: { code: AuthCode; issuer: string }): Reply {
  const now = org.now();
  const { token } = org.tokens.issueAccessToken(grant, now, org.policy.accessTokenTtlMs);
  const id = org.identityUrl(grant.userId);
  const issuedAt = String(now);
  const body: Record<string, string> = { access_token: token };
  if (includeRefreshToken && grant.refreshToken) body.refresh_token = grant.refreshToken;
  Object.assign(body, {
    signature: createHmac('sha256', SIGNING_KEY)
      .update(id + issuedAt)
      .digest('base64'),
    scope: grant.scopes.join(' '),
    instance_url: org.baseUrl,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  });
  if (exchange && grant.scopes.includes('openid')) body.id_token = idToken(org, grant, token, exchange.code, exchange.issuer, now);
  return jsonReply(200, body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}

/** The two documented revocation errors: a token the org cannot revoke, and one it issued that no longer works. */
const REVOKE_ERRORS = {
  unknown: { error: 'unsupported_token_type', error_description: 'this token type is not supported' },
  invalid: { error: 'invalid_token', error_description: 'the token was invalid' },
} as const;

/**
 * POST (form `token=`) or GET (`?token=`) /services/oauth2/revoke: 200 empty, or 400 with the error form-encoded
 * (as Salesforce answers it; jsforce parses it with querystring). With `callback=` (GET), the JSONP form Salesforce
 * documents for browsers: `callback({})` or `callback({"error":"invalid_token"})`, always 200.
 */
export function handleRevoke(org: OrgState, token: string, jsonpCallback?: string): Reply {
  const outcome = token ? org.tokens.revoke(token, org.now()) : 'unknown';
  const failure = outcome === 'revoked' ? undefined : REVOKE_ERRORS[outcome];
  if (jsonpCallback !== undefined) {
    // Only a plain JavaScript identifier path may name the callback: anything else would be script injection.
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(jsonpCallback)) return oauthError('invalid_request', 'invalid callback');
    const payload = failure ? { error: failure.error } : {};
    return { status: 200, headers: { 'Content-Type': 'application/javascript;charset=UTF-8', 'Cache-Control': 'no-store' }, body: `${jsonpCallback}(${JSON.stringify(payload)});` };
  }
  if (!failure) return { status: 200, headers: { 'Cache-Control': 'no-store' }, body: '' };
  return {
    status: 400,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Cache-Control': 'no-store' },
    body: new URLSearchParams(failure).toString().replace(/\+/g, '%20'),
  };
}

/**
 * POST /services/oauth2/introspect (RFC 7662 as Salesforce serves it): whether a token is live, never the token
 * itself. A public client identifies itself with its client_id.
 */
export function handleIntrospect(org: OrgState, body: string): TokenOutcome {
  const form = parseForm(body);
  if (form.client_id !== org.config.clientId) return { reply: oauthError('invalid_client', 'invalid client credentials', 401) };
  const token = form.token ?? '';
  const now = org.now();
  const access = org.tokens.validAccessToken(token, now);
  const lookup = access ? undefined : org.tokens.lookupRefreshToken(token);
  const grant = access ? org.tokens.grants.get(access.grantId) : lookup?.kind === 'live' && !lookup.grant.revoked ? lookup.grant : undefined;
  const userId = access?.userId ?? grant?.userId;
  if (!grant || !userId || !org.isActive(userId)) return { reply: jsonReply(200, { active: false }, { 'Cache-Control': 'no-store' }) };
  const username = org.userById(userId)?.username;
  return {
    username,
    reply: jsonReply(
      200,
      {
        active: true,
        scope: grant.scopes.join(' '),
        client_id: grant.clientId,
        username,
        sub: org.identityUrl(userId),
        token_type: access ? 'access_token' : 'refresh_token',
        ...(access ? { exp: Math.floor(access.expiresAt / 1000) } : {}),
        iat: Math.floor((access?.issuedAt ?? grant.createdAt) / 1000),
        nbf: Math.floor((access?.issuedAt ?? grant.createdAt) / 1000),
      },
      { 'Cache-Control': 'no-store' },
    ),
  };
}
