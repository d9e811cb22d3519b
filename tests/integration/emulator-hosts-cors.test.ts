/**
 * The emulated org's two hosts and its CORS per endpoint, over real HTTPS: My Domain (org.url, instance and
 * userinfo, REST) and the generic login host (org.loginHostUrl, standing for login.salesforce.com: the identity
 * URL, and a token endpoint for servers only). What a browser may read is checked here header by header; the same
 * rules in real Chromium are in emulator-browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { useEmulatedOrg, useSellerTokens } from './emulated-org-fixture';
import { DEMO_ORG, DEMO_USERS } from '../emulator/seed';
import { authorizeByHttp, type TokenResponse } from '../emulator/sign-in';

const ADDIN_ORIGIN = 'https://localhost:3000';
const EVIL_ORIGIN = 'https://evil.example';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

const org = useEmulatedOrg({ allowedOrigins: [ADDIN_ORIGIN] });
const tokens = useSellerTokens(org);

function preflight(url: string, origin: string, method = 'POST', headers = 'content-type'): Promise<Response> {
  return fetch(url, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers } });
}

function withOrigin(init: RequestInit, origin: string): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), Origin: origin } };
}

/** The CORS-relevant answer of an actual request and of its preflight. */
async function corsOf(url: string, init: RequestInit, origin: string): Promise<{ allowOrigin: string | null; preflightStatus: number; preflightAllowOrigin: string | null }> {
  const answer = await fetch(url, withOrigin(init, origin));
  const pre = await preflight(url, origin, init.method ?? 'GET', init.method === 'POST' ? 'content-type' : 'authorization');
  return { allowOrigin: answer.headers.get('access-control-allow-origin'), preflightStatus: pre.status, preflightAllowOrigin: pre.headers.get('access-control-allow-origin') };
}

const tokenCall = (): RequestInit => ({ method: 'POST', headers: FORM, body: 'grant_type=refresh_token&client_id=demo-outlook-addin&refresh_token=nope' });
const revokeCall = (): RequestInit => ({ method: 'POST', headers: FORM, body: 'token=nope' });
const introspectCall = (): RequestInit => ({ method: 'POST', headers: FORM, body: 'token=nope&client_id=demo-outlook-addin' });

describe('two hosts', () => {
  it('serves My Domain and the generic login host as two HTTPS origins; the token response names each', async () => {
    expect(org.url).toMatch(/^https:\/\/localhost:\d+$/);
    expect(org.loginHostUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(org.url).origin).not.toBe(new URL(org.loginHostUrl).origin);
    expect(tokens.instance_url).toBe(org.url);
    expect(tokens.id).toBe(`${org.loginHostUrl}/id/${DEMO_ORG.id}/${DEMO_USERS.seller.id}`);
  });

  it('answers the identity URL only on the login host, and never with CORS', async () => {
    const path = new URL(tokens.id).pathname;
    const auth = { Authorization: `Bearer ${tokens.access_token}` };
    const onMyDomain = await fetch(`${org.url}${path}`, { headers: auth });
    expect(onMyDomain.status).toBe(404);
    const onLoginHost = await fetch(tokens.id, { headers: { ...auth, Origin: ADDIN_ORIGIN } });
    expect(onLoginHost.status).toBe(200);
    expect(onLoginHost.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await preflight(tokens.id, ADDIN_ORIGIN, 'GET', 'authorization');
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the login host token endpoint to servers but never answers CORS there', async () => {
    const auth = await authorizeByHttp(org.loginHostUrl);
    const exchange = await fetch(`${org.loginHostUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { ...FORM, Origin: ADDIN_ORIGIN },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: auth.code ?? '',
        client_id: 'demo-outlook-addin',
        redirect_uri: auth.redirectUri,
        code_verifier: auth.pkce?.verifier ?? '',
      }),
    });
    expect(exchange.status).toBe(200);
    expect(((await exchange.json()) as TokenResponse).instance_url).toBe(org.url);
    expect(exchange.headers.get('access-control-allow-origin')).toBeNull();
    for (const path of ['/services/oauth2/token', '/services/oauth2/revoke', '/services/oauth2/introspect']) {
      const pre = await preflight(`${org.loginHostUrl}${path}`, ADDIN_ORIGIN);
      expect(pre.status, path).toBe(403);
      expect(pre.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('serves REST and userinfo on My Domain only', async () => {
    const auth = { Authorization: `Bearer ${tokens.access_token}` };
    expect((await fetch(`${org.loginHostUrl}/services/data/v62.0/limits`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${org.loginHostUrl}/services/oauth2/userinfo`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${org.url}/services/oauth2/userinfo`, { headers: auth })).status).toBe(200);
  });
});

describe('CORS for OAuth endpoints on My Domain', () => {
  const endpoints = (): Array<[string, RequestInit]> => [
    ['/services/oauth2/token', tokenCall()],
    ['/services/oauth2/revoke', revokeCall()],
    ['/services/oauth2/introspect', introspectCall()],
  ];

  it('answers token, revoke and introspect CORS for an allowlisted origin while "Enable CORS for OAuth endpoints" is on', async () => {
    expect(org.controls.getPolicy().corsForOAuthEndpoints).toBe(true);
    for (const [path, init] of endpoints()) {
      expect(await corsOf(`${org.url}${path}`, init, ADDIN_ORIGIN), path).toEqual({ allowOrigin: ADDIN_ORIGIN, preflightStatus: 204, preflightAllowOrigin: ADDIN_ORIGIN });
      expect(await corsOf(`${org.url}${path}`, init, EVIL_ORIGIN), path).toEqual({ allowOrigin: null, preflightStatus: 403, preflightAllowOrigin: null });
    }
  });

  it('answers no CORS on token, revoke and introspect once the setting is off (HTTP control), while REST and userinfo keep the allowlist', async () => {
    const set = await fetch(`${org.url}/__emulator/policy`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ corsForOAuthEndpoints: false }) });
    expect(((await set.json()) as { corsForOAuthEndpoints: boolean }).corsForOAuthEndpoints).toBe(false);
    for (const [path, init] of endpoints()) {
      expect(await corsOf(`${org.url}${path}`, init, ADDIN_ORIGIN), path).toEqual({ allowOrigin: null, preflightStatus: 403, preflightAllowOrigin: null });
    }
    const auth = { headers: { Authorization: `Bearer ${tokens.access_token}` } };
    expect(await corsOf(`${org.url}/services/data/v62.0/limits`, auth, ADDIN_ORIGIN)).toEqual({ allowOrigin: ADDIN_ORIGIN, preflightStatus: 204, preflightAllowOrigin: ADDIN_ORIGIN });
    expect(await corsOf(`${org.url}/services/oauth2/userinfo`, auth, ADDIN_ORIGIN)).toEqual({ allowOrigin: ADDIN_ORIGIN, preflightStatus: 204, preflightAllowOrigin: ADDIN_ORIGIN });
  });
});

describe('CORS allowlist on REST and userinfo', () => {
  it('puts Access-Control-Allow-Origin on REST, userinfo and control answers for allowlisted origins only', async () => {
    const auth = { Authorization: `Bearer ${tokens.access_token}` };
    for (const url of [`${org.url}/services/data/v62.0/limits`, `${org.url}/services/oauth2/userinfo`, `${org.url}/__emulator/log`]) {
      const allowed = await fetch(url, { headers: { ...auth, Origin: ADDIN_ORIGIN } });
      expect(allowed.headers.get('access-control-allow-origin'), url).toBe(ADDIN_ORIGIN);
      expect(allowed.headers.get('vary'), url).toBe('Origin');
      const denied = await fetch(url, { headers: { ...auth, Origin: EVIL_ORIGIN } });
      expect(denied.headers.get('access-control-allow-origin'), url).toBeNull();
    }
    const rest = await fetch(`${org.url}/services/data/v62.0/limits`, { headers: { ...auth, Origin: ADDIN_ORIGIN } });
    expect(rest.headers.get('access-control-expose-headers')).toContain('Sforce-Limit-Info');
  });

  it('allows in preflights only the request headers Salesforce allows', async () => {
    const url = `${org.url}/services/data/v62.0/query`;
    const allowed = await preflight(url, ADDIN_ORIGIN, 'GET', 'authorization,content-type,accept,x-prettyprint,sforce-call-options');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ADDIN_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization, content-type, accept, x-prettyprint, sforce-call-options');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(allowed.headers.get('access-control-max-age')).toBeTruthy();

    const unknownHeader = await preflight(url, ADDIN_ORIGIN, 'GET', 'authorization,x-custom-trace');
    expect(unknownHeader.status).toBe(403);
    expect(unknownHeader.headers.get('access-control-allow-origin')).toBeNull();
    expect(unknownHeader.headers.get('access-control-allow-headers')).toBeNull();

    const unknownMethod = await preflight(url, ADDIN_ORIGIN, 'TRACE', 'authorization');
    expect(unknownMethod.headers.get('access-control-allow-origin')).toBeNull();

    const otherOrigin = await preflight(url, EVIL_ORIGIN, 'GET', 'authorization');
    expect(otherOrigin.headers.get('access-control-allow-origin')).toBeNull();
    expect(otherOrigin.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('OpenID Connect documents', () => {
  it('answers openid-configuration and id/keys to any origin, on both hosts', async () => {
    for (const base of [org.url, org.loginHostUrl]) {
      for (const path of ['/.well-known/openid-configuration', '/services/oauth2/id/keys']) {
        const res = await fetch(`${base}${path}`, { headers: { Origin: EVIL_ORIGIN } });
        expect(res.status, `${base}${path}`).toBe(200);
        expect(res.headers.get('access-control-allow-origin'), `${base}${path}`).toBe('*');
      }
      const config = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(config).toMatchObject({ issuer: base, jwks_uri: `${base}/services/oauth2/id/keys`, token_endpoint: `${base}/services/oauth2/token` });
    }
  });
});
