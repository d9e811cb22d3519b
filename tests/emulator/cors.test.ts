import { describe, expect, it } from 'vitest';
import { corsGrantFor, preflightHeaders, type CorsContext } from './cors';

const ORIGIN = 'https://localhost:3000';
const allowed = new Set([ORIGIN]);
const myDomain: CorsContext = { host: 'my-domain', allowedOrigins: allowed, corsForOAuthEndpoints: true };

describe('corsGrantFor', () => {
  it.each([
    ['my-domain', '/services/oauth2/token', true, 'allowlisted'],
    ['my-domain', '/services/oauth2/token', false, 'none'],
    ['my-domain', '/services/oauth2/revoke', false, 'none'],
    ['my-domain', '/services/oauth2/introspect', true, 'allowlisted'],
    ['my-domain', '/services/oauth2/userinfo', false, 'allowlisted'],
    ['my-domain', '/services/data/v62.0/query', false, 'allowlisted'],
    ['my-domain', '/id/00D/005', true, 'none'],
    ['my-domain', '/services/oauth2/id/keys', false, 'any'],
    ['login', '/.well-known/openid-configuration', false, 'any'],
    ['login', '/services/oauth2/token', true, 'none'],
    ['login', '/id/00D/005', true, 'none'],
    ['login', '/services/data/v62.0/query', true, 'none'],
  ] as const)('%s %s (CORS for OAuth %s) → %s', (host, path, setting, grant) => {
    expect(corsGrantFor(path, { host, allowedOrigins: allowed, corsForOAuthEndpoints: setting })).toBe(grant);
  });
});

describe('preflightHeaders', () => {
  const ask = (headers: string, method = 'GET', origin: string = ORIGIN) => ({ origin, method, headers, privateNetwork: false, anyHeader: false });

  it('allows an allowlisted origin asking only for allowed headers, and lists what it asked', () => {
    const answer = preflightHeaders(corsGrantFor('/services/data/v62.0/query', myDomain), ask('Authorization, Sforce-Call-Options'), allowed);
    expect(answer?.['Access-Control-Allow-Origin']).toBe(ORIGIN);
    expect(answer?.['Access-Control-Allow-Headers']).toBe('authorization, sforce-call-options');
  });

  it('refuses any other header, method, origin or endpoint', () => {
    expect(preflightHeaders('allowlisted', ask('authorization, x-trace-id'), allowed)).toBeUndefined();
    expect(preflightHeaders('allowlisted', ask('authorization', 'CONNECT'), allowed)).toBeUndefined();
    expect(preflightHeaders('allowlisted', ask('authorization', 'GET', 'https://evil.example'), allowed)).toBeUndefined();
    expect(preflightHeaders('none', ask('authorization'), allowed)).toBeUndefined();
  });
});
