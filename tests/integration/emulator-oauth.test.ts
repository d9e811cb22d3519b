/**
 * The emulated org's OAuth endpoints, driven by HTTP through the login pages and by real jsforce (OAuth2,
 * Connection) over loopback HTTP. Every failure is checked in the shape jsforce surfaces it.
 *
 * Over 300 lines on purpose: the OAuth endpoints' cases, one each, read top to bottom.
 */
import { createPublicKey, createVerify, type JsonWebKey } from 'node:crypto';
import { Connection, OAuth2 } from 'jsforce';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import { useEmulatedOrg } from './emulated-org-fixture';
import { DEMO_ORG, DEMO_USERS } from '../emulator/seed';
import { authorizeByHttp, createPkce, postToken, SignInPageError, signInByHttp } from '../emulator/sign-in';

const CLIENT_ID = 'demo-outlook-addin';
const REDIRECT_URI = 'https://localhost:3000/auth-callback.html';

const org = useEmulatedOrg();

function oauth2(): OAuth2 {
  return new OAuth2({ loginUrl: org.url, clientId: CLIENT_ID, redirectUri: REDIRECT_URI });
}

async function caught(promise: PromiseLike<unknown>): Promise<Error & { errorCode?: string; data?: unknown }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { errorCode?: string };
  }
  throw new Error('expected a rejection');
}

function connection(accessToken: string): Connection {
  return new Connection({ instanceUrl: org.url, accessToken, version: '62.0' });
}

describe('authorization endpoint', () => {
  it('shows an accessible login page, then Allow access, then redirects with a code and the state', async () => {
    const pkce = createPkce();
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      state: 'st-123',
      scope: 'api refresh_token',
      prompt: 'login',
    });
    const page = await fetch(`${org.url}/services/oauth2/authorize?${params}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(/<label for="username">Username<\/label>/);
    expect(html).toMatch(/<label for="password">Password<\/label>/);
    expect(html).toContain('id="password" name="pw"');

    const result = await authorizeByHttp(org.url, { state: 'st-123', pkce });
    expect(result.location.origin + result.location.pathname).toBe(REDIRECT_URI);
    expect(result.state).toBe('st-123');
    expect(result.code).toMatch(/^aPrx.+==$/);
  });

  it("redirects Deny as access_denied with Salesforce's description", async () => {
    const result = await authorizeByHttp(org.url, { decision: 'deny', state: 's1' });
    expect(result.code).toBeUndefined();
    expect(result.error).toBe('access_denied');
    expect(result.errorDescription).toBe('end-user denied authorization');
    expect(result.state).toBe('s1');
    expect(result.location.search).toContain('error_description=end-user%20denied%20authorization');
  });

  it('answers an unknown client or an unregistered callback with an error page, never a redirect', async () => {
    for (const [clientId, redirectUri, error] of [
      ['someone-else', REDIRECT_URI, 'invalid_client_id'],
      [CLIENT_ID, 'https://evil.example/auth-callback.html', 'redirect_uri_mismatch'],
    ] as const) {
      const err = await caught(authorizeByHttp(org.url, { clientId, redirectUri }));
      expect(err).toBeInstanceOf(SignInPageError);
      expect((err as SignInPageError).status).toBe(400);
      expect((err as SignInPageError).html).toContain(`error=${error}`);
    }
  });

  it('accepts <allowed origin>/auth-callback.html for any allowed origin', async () => {
    const other = await startEmulator({ allowedOrigins: ['https://127.0.0.1:45678'] });
    try {
      const tokens = await signInByHttp(other.url, { redirectUri: 'https://127.0.0.1:45678/auth-callback.html' });
      expect(tokens.access_token).toBeTruthy();
    } finally {
      await other.close();
    }
  });

  it('shows login errors for a bad password, an inactive user and a login restriction', async () => {
    const bad = await caught(authorizeByHttp(org.url, { password: 'wrong' }));
    expect(bad.message).toMatch(/Please check your username and password/);

    org.controls.deactivateUser(DEMO_USERS.seller.username);
    const inactive = await caught(authorizeByHttp(org.url));
    expect(inactive.message).toMatch(/inactive/);
    org.controls.reactivateUser(DEMO_USERS.seller.username);

    org.controls.restrict({ loginHours: true });
    const restricted = await caught(authorizeByHttp(org.url));
    expect(restricted.message).toMatch(/location or login time may be restricted/);
  });

  it('redirects with OAUTH_APP_BLOCKED when the admin blocked the app', async () => {
    org.controls.blockApp(true);
    const result = await authorizeByHttp(org.url, { state: 'b' });
    expect(result.error).toBe('OAUTH_APP_BLOCKED');
    expect(result.errorDescription).toBe('this app is blocked by admin');
    expect(result.state).toBe('b');
  });

  it('requires a PKCE challenge', async () => {
    const result = await authorizeByHttp(org.url, { pkce: null });
    expect(result.error).toBe('invalid_request');
  });
});

describe('token endpoint: authorization_code', () => {
  it('exchanges the code with the PKCE verifier through jsforce OAuth2', async () => {
    const auth = await authorizeByHttp(org.url);
    const tokens = (await oauth2().requestToken(auth.code ?? '', { code_verifier: auth.pkce?.verifier ?? '' })) as unknown as Record<string, string>;
    expect(Object.keys(tokens)).toEqual(['access_token', 'refresh_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
    expect(tokens.access_token).toMatch(new RegExp(`^${DEMO_ORG.id}!AQ`));
    expect(tokens.instance_url).toBe(org.url);
    expect(tokens.id).toBe(`${org.loginHostUrl}/id/${DEMO_ORG.id}/${DEMO_USERS.seller.id}`);
    expect(tokens.token_type).toBe('Bearer');
    expect(Number(tokens.issued_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(tokens.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(tokens.scope).toBe('api refresh_token');

    const conn = connection(tokens.access_token ?? '');
    const identity = await conn.identity();
    expect(identity.username).toBe(DEMO_USERS.seller.username);
    expect(identity.organization_id).toBe(DEMO_ORG.id);
  });

  it('refuses a wrong or missing verifier, a reused code and a different redirect_uri as Salesforce does', async () => {
    const wrong = await authorizeByHttp(org.url);
    const wrongErr = await caught(oauth2().requestToken(wrong.code ?? '', { code_verifier: createPkce().verifier }));
    expect(wrongErr.name).toBe('invalid_grant');
    expect(wrongErr.message).toBe('invalid code verifier');

    const missing = await authorizeByHttp(org.url);
    const missingRes = await postToken(org.url, { grant_type: 'authorization_code', code: missing.code ?? '', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI });
    expect(missingRes.status).toBe(400);
    expect(missingRes.body).toEqual({ error: 'invalid_grant', error_description: 'invalid code verifier' });
    expect(missingRes.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(missingRes.headers.get('cache-control')).toBe('no-store');

    const once = await authorizeByHttp(org.url);
    await oauth2().requestToken(once.code ?? '', { code_verifier: once.pkce?.verifier ?? '' });
    const reused = await caught(oauth2().requestToken(once.code ?? '', { code_verifier: once.pkce?.verifier ?? '' }));
    expect(reused.name).toBe('invalid_grant');
    expect(reused.message).toBe('invalid authorization code');

    const mismatch = await authorizeByHttp(org.url);
    const mismatchRes = await postToken(org.url, {
      grant_type: 'authorization_code',
      code: mismatch.code ?? '',
      client_id: CLIENT_ID,
      redirect_uri: 'https://localhost:3000/other.html',
      code_verifier: mismatch.pkce?.verifier ?? '',
    });
    expect(mismatchRes.body).toEqual({ error: 'redirect_uri_mismatch', error_description: 'redirect_uri must match configuration' });
  });

  it('refuses an expired code and an unknown client', async () => {
    const auth = await authorizeByHttp(org.url);
    org.controls.advanceTime(15 * 60 * 1000 + 1);
    const expired = await caught(oauth2().requestToken(auth.code ?? '', { code_verifier: auth.pkce?.verifier ?? '' }));
    expect(expired.message).toBe('invalid authorization code');

    const stranger = new OAuth2({ loginUrl: org.url, clientId: 'nobody', redirectUri: REDIRECT_URI });
    const err = await caught(stranger.refreshToken('whatever'));
    expect(err.name).toBe('invalid_client_id');
    expect(err.message).toBe('client identifier invalid');
  });

  it('issues no refresh token without the refresh_token scope, and no REST access without api', async () => {
    org.controls.setPolicy({ appScopes: ['api', 'refresh_token', 'id'] });
    const idOnly = await signInByHttp(org.url, { scope: 'id' });
    expect(idOnly.refresh_token).toBeUndefined();
    const err = await caught(connection(idOnly.access_token).query('SELECT Id FROM Contact'));
    expect(err.name).toBe('INVALID_SESSION_ID');
    expect(err.message).toBe('This session is not valid for use with the REST API');
  });
});

describe('scopes and OpenID Connect', () => {
  it('ends an authorize request for a scope outside the app on the invalid_scope error page, with no redirect', async () => {
    expect(org.controls.getPolicy().appScopes).toEqual(['api', 'refresh_token']);
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code_challenge: createPkce().challenge,
      code_challenge_method: 'S256',
      scope: 'api refresh_token openid',
      state: 's',
    });
    const page = await fetch(`${org.url}/services/oauth2/authorize?${params}`, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Remote Access Error');
    expect(html).toContain('error=invalid_scope');

    const viaDriver = await caught(authorizeByHttp(org.url, { scope: 'api id' }));
    expect(viaDriver).toBeInstanceOf(SignInPageError);
    // offline_access is the same scope as refresh_token.
    await expect(signInByHttp(org.url, { scope: 'api offline_access' })).resolves.toHaveProperty('refresh_token');
  });

  it('grants the scopes of the app when the request names none', async () => {
    const tokens = await signInByHttp(org.url, { scope: '' });
    expect(tokens.scope).toBe('api refresh_token');
  });

  it('returns a signed id_token with openid, verifiable with the keys the org publishes', async () => {
    const plain = await signInByHttp(org.url);
    expect(plain.id_token).toBeUndefined();

    org.controls.setPolicy({ appScopes: ['api', 'refresh_token', 'openid'] });
    const tokens = await signInByHttp(org.url, { scope: 'api refresh_token openid' });
    const [header = '', payload = '', signature = ''] = (tokens.id_token ?? '').split('.');
    const head = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string; kid: string };
    expect(head.alg).toBe('RS256');
    const jwks = (await (await fetch(`${org.url}/services/oauth2/id/keys`)).json()) as { keys: Array<JsonWebKey & { kid: string }> };
    const jwk = jwks.keys.find((k) => k.kid === head.kid);
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    expect(createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(key, Buffer.from(signature, 'base64url'))).toBe(true);
    expect(createVerify('RSA-SHA256').update(`${header}.${payload}x`).verify(key, Buffer.from(signature, 'base64url'))).toBe(false);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ aud: CLIENT_ID, sub: tokens.id, iss: org.url });
    expect(Number(claims.exp)).toBeGreaterThan(Number(claims.iat));
    expect(typeof claims.at_hash).toBe('string');
  });
});

describe('token endpoint: refresh_token', () => {
  it('refreshes with jsforce OAuth2 and keeps the refresh token when rotation is off', async () => {
    const first = await signInByHttp(org.url);
    const renewed = (await oauth2().refreshToken(first.refresh_token ?? '')) as unknown as Record<string, string>;
    expect(renewed.refresh_token).toBeUndefined();
    expect(renewed.access_token).not.toBe(first.access_token);
    const result = await connection(renewed.access_token ?? '').query<{ Name: string }>('SELECT Name FROM Account ORDER BY Name LIMIT 1');
    expect(result.records[0]?.Name).toBe('Acme Corporation');
    const again = (await oauth2().refreshToken(first.refresh_token ?? '')) as unknown as Record<string, string>;
    expect(again.access_token).toBeTruthy();
  });

  it('answers an overlapping refresh with "token request is already being processed"', async () => {
    // Long enough that the second request (its own TLS handshake included) arrives while the first is processed.
    org.controls.setPolicy({ refreshProcessingMs: 400 });
    const { refresh_token: refreshToken = '' } = await signInByHttp(org.url);
    const settled = await Promise.allSettled([oauth2().refreshToken(refreshToken), oauth2().refreshToken(refreshToken)]);
    const ok = settled.filter((s) => s.status === 'fulfilled');
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0]?.reason as Error).name).toBe('invalid_grant');
    expect((failed[0]?.reason as Error).message).toBe('token request is already being processed');
    // Not a dead token: a later refresh works.
    await expect(oauth2().refreshToken(refreshToken)).resolves.toHaveProperty('access_token');
  });

  it('rotates refresh tokens and revokes the whole grant when a rotated one is reused', async () => {
    org.controls.setPolicy({ rotation: true });
    const { refresh_token: original = '' } = await signInByHttp(org.url);
    const rotated = (await oauth2().refreshToken(original)) as unknown as Record<string, string>;
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(original);

    const reuse = await caught(oauth2().refreshToken(original));
    expect(reuse.name).toBe('invalid_grant');
    expect(reuse.message).toBe('expired access/refresh token');
    // The newest token of the family died with it, and so did its session.
    const afterReuse = await caught(oauth2().refreshToken(rotated.refresh_token ?? ''));
    expect(afterReuse.message).toBe('expired access/refresh token');
    const rest = await caught(connection(rotated.access_token ?? '').query('SELECT Id FROM Contact'));
    expect(rest.name).toBe('INVALID_SESSION_ID');
  });

  it('expires refresh tokens by policy: after a time, or after idle time', async () => {
    org.controls.setPolicy({ refreshTokenPolicy: { expireAfterMs: 60_000 } });
    const fixed = await signInByHttp(org.url);
    await oauth2().refreshToken(fixed.refresh_token ?? '');
    org.controls.advanceTime(60_001);
    expect((await caught(oauth2().refreshToken(fixed.refresh_token ?? ''))).message).toBe('expired access/refresh token');

    org.controls.setPolicy({ refreshTokenPolicy: { idleMs: 60_000 } });
    const idle = await signInByHttp(org.url);
    org.controls.advanceTime(50_000);
    await oauth2().refreshToken(idle.refresh_token ?? '');
    org.controls.advanceTime(50_000);
    await oauth2().refreshToken(idle.refresh_token ?? '');
    org.controls.advanceTime(60_001);
    expect((await caught(oauth2().refreshToken(idle.refresh_token ?? ''))).message).toBe('expired access/refresh token');
  });

  it('revokes the oldest grant when the per-user limit is exceeded', async () => {
    org.controls.setPolicy({ maxGrantsPerUser: 2 });
    const first = await signInByHttp(org.url);
    const second = await signInByHttp(org.url);
    const other = await signInByHttp(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    await oauth2().refreshToken(first.refresh_token ?? '');
    const third = await signInByHttp(org.url);
    expect((await caught(oauth2().refreshToken(first.refresh_token ?? ''))).message).toBe('expired access/refresh token');
    await expect(oauth2().refreshToken(second.refresh_token ?? '')).resolves.toHaveProperty('access_token');
    await expect(oauth2().refreshToken(third.refresh_token ?? '')).resolves.toHaveProperty('access_token');
    await expect(oauth2().refreshToken(other.refresh_token ?? '')).resolves.toHaveProperty('access_token');
  });

  it('lets an access token live for accessTokenTtlMs', async () => {
    org.controls.setPolicy({ accessTokenTtlMs: 1000 });
    const tokens = await signInByHttp(org.url);
    await connection(tokens.access_token).query('SELECT Id FROM Lead');
    org.controls.advanceTime(1001);
    const err = await caught(connection(tokens.access_token).query('SELECT Id FROM Lead'));
    expect(err.name).toBe('INVALID_SESSION_ID');
  });
});

describe('revocation', () => {
  it('revoking a refresh token ends its grant and its sessions', async () => {
    const tokens = await signInByHttp(org.url);
    await oauth2().revokeToken(tokens.refresh_token ?? '');
    expect((await caught(oauth2().refreshToken(tokens.refresh_token ?? ''))).name).toBe('invalid_grant');
    expect((await caught(connection(tokens.access_token).query('SELECT Id FROM Contact'))).name).toBe('INVALID_SESSION_ID');
  });

  it('revoking an access token ends that session only', async () => {
    const tokens = await signInByHttp(org.url);
    await oauth2().revokeToken(tokens.access_token);
    expect((await caught(connection(tokens.access_token).query('SELECT Id FROM Contact'))).name).toBe('INVALID_SESSION_ID');
    await expect(oauth2().refreshToken(tokens.refresh_token ?? '')).resolves.toHaveProperty('access_token');
  });

  it('answers an unknown token with unsupported_token_type', async () => {
    const err = await caught(oauth2().revokeToken('not-a-token'));
    expect(err.name).toBe('unsupported_token_type');
    expect(err.message).toBe('this token type is not supported');
    const raw = await fetch(`${org.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=' });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(await raw.text()).toBe('error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported');
  });

  it('answers a token it issued that no longer works with invalid_token', async () => {
    const tokens = await signInByHttp(org.url);
    await oauth2().revokeToken(tokens.refresh_token ?? '');
    for (const dead of [tokens.refresh_token ?? '', tokens.access_token]) {
      const err = await caught(oauth2().revokeToken(dead));
      expect(err.name).toBe('invalid_token');
      expect(err.message).toBe('the token was invalid');
    }
  });

  it('answers the JSONP form with a callback: {} on success, the error code on failure', async () => {
    const tokens = await signInByHttp(org.url);
    const jsonp = async (token: string, callback = 'done') => {
      const res = await fetch(`${org.url}/services/oauth2/revoke?${new URLSearchParams({ token, callback })}`);
      return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
    };
    expect(await jsonp(tokens.refresh_token ?? '')).toEqual({ status: 200, type: 'application/javascript;charset=UTF-8', body: 'done({});' });
    expect((await jsonp(tokens.refresh_token ?? '')).body).toBe('done({"error":"invalid_token"});');
    expect((await jsonp('nope')).body).toBe('done({"error":"unsupported_token_type"});');
    expect((await jsonp('nope', 'alert(1)//')).status).toBe(400);
  });
});

describe('introspection', () => {
  it('tells whether a token is live, never echoing the token', async () => {
    const tokens = await signInByHttp(org.url);
    const introspect = async (token: string, clientId = CLIENT_ID) => {
      const res = await fetch(`${org.url}/services/oauth2/introspect`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: clientId }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const live = await introspect(tokens.access_token);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ active: true, client_id: CLIENT_ID, username: DEMO_USERS.seller.username, token_type: 'access_token', sub: tokens.id });
    expect(JSON.stringify(live.body)).not.toContain(tokens.access_token);
    expect((await introspect(tokens.refresh_token ?? '')).body).toMatchObject({ active: true, token_type: 'refresh_token' });
    await oauth2().revokeToken(tokens.refresh_token ?? '');
    expect((await introspect(tokens.access_token)).body).toEqual({ active: false });
    expect((await introspect('nope')).body).toEqual({ active: false });
    expect((await introspect(tokens.access_token, 'nobody')).status).toBe(401);
  });
});

describe('identity and userinfo', () => {
  it('answers userinfo and the identity URL like Salesforce, and 403 Bad_OAuth_Token once the session is gone', async () => {
    const tokens = await signInByHttp(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    const info = await fetch(`${org.url}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    const body = (await info.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      user_id: DEMO_USERS.second.id,
      organization_id: DEMO_ORG.id,
      preferred_username: DEMO_USERS.second.username,
      name: 'Alex Second',
      email: DEMO_USERS.second.email,
    });
    expect((body.urls as Record<string, string>).rest).toBe(`${org.url}/services/data/v{version}/`);

    const id = await fetch(`${tokens.id}?version=62.0`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    const identity = (await id.json()) as Record<string, unknown>;
    expect(identity).toMatchObject({ user_id: DEMO_USERS.second.id, username: DEMO_USERS.second.username, display_name: 'Alex Second' });
    expect((identity.urls as Record<string, string>).sobjects).toBe(`${org.url}/services/data/v62.0/sobjects/`);

    org.controls.expireSessions();
    for (const url of [`${org.url}/services/oauth2/userinfo`, tokens.id]) {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('Bad_OAuth_Token');
    }
  });
});
