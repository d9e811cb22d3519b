import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../../config/runtime-config';
import { buildAuthorizeUrl } from '../salesforce-sign-in';
import { planAuthStart } from './auth-start-plan';

const ORIGIN = 'https://addin.contoso.com';
const CONFIG = parseRuntimeConfig({
  salesforce: {
    loginUrl: 'https://acme.my.salesforce.com',
    loginChoices: [
      { label: 'Sandbox', loginUrl: 'https://acme--uat.sandbox.my.salesforce.com/' },
      { label: 'Partners', loginUrl: 'https://login.contoso.com' },
      { label: 'Not trusted', loginUrl: 'https://login.fabrikam.com' },
    ],
    customDomains: ['login.contoso.com'],
    clientId: 'the-app',
    redirectUri: `${ORIGIN}/auth-callback.html`,
  },
});
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const STATE = 'aB3dE5gH7jK9mN1pQ3sT5v';

function query(overrides: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  const values: Record<string, string | undefined> = {
    login_url: 'https://acme.my.salesforce.com',
    client_id: 'the-app',
    redirect_uri: `${ORIGIN}/auth-callback.html`,
    code_challenge: CHALLENGE,
    state: STATE,
    ...overrides,
  };
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  return `?${params}`;
}

describe('planAuthStart: the dialog goes only to a login host config.json lists', () => {
  it('builds the authorize URL with the one builder the pane uses, from config.json values', () => {
    const plan = planAuthStart(query({ prompt: 'login' }), CONFIG, ORIGIN);
    expect(plan).toEqual({
      ok: true,
      authorizeUrl: buildAuthorizeUrl({
        loginUrl: 'https://acme.my.salesforce.com',
        clientId: 'the-app',
        redirectUri: `${ORIGIN}/auth-callback.html`,
        codeChallenge: CHALLENGE,
        state: STATE,
        prompt: 'login',
      }),
    });
  });

  it.each(['https://acme--uat.sandbox.my.salesforce.com', 'https://acme--uat.sandbox.my.salesforce.com/', 'https://login.contoso.com'])('follows the listed choice %s', (loginUrl) => {
    const plan = planAuthStart(query({ login_url: loginUrl }), CONFIG, ORIGIN);
    expect(plan.ok && new URL(plan.authorizeUrl).origin).toBe(new URL(loginUrl).origin);
  });

  it('passes only prompt=login on', () => {
    const plan = planAuthStart(query({ prompt: 'consent' }), CONFIG, ORIGIN);
    expect(plan.ok && new URL(plan.authorizeUrl).searchParams.has('prompt')).toBe(false);
  });

  it.each([
    ['a foreign host', { login_url: 'https://evil.example' }, 'login_not_listed'],
    ['another Salesforce org', { login_url: 'https://other.my.salesforce.com' }, 'login_not_listed'],
    ['a listed host with a path added', { login_url: 'https://acme.my.salesforce.com/evil' }, 'login_not_listed'],
    ['a listed host over http', { login_url: 'http://acme.my.salesforce.com' }, 'login_not_listed'],
    ['a look-alike', { login_url: 'https://acme.my.salesforce.com.evil.example' }, 'login_not_listed'],
    ['javascript:', { login_url: 'javascript:alert(1)//' }, 'login_not_listed'],
    ['a listed choice that is not a Salesforce host nor a custom domain', { login_url: 'https://login.fabrikam.com' }, 'login_host_refused'],
    ['no login_url', { login_url: undefined }, 'missing_parameters'],
    ['no challenge', { code_challenge: undefined }, 'missing_parameters'],
    ['a challenge that is no S256 value', { code_challenge: 'plain-verifier' }, 'missing_parameters'],
    ['no state', { state: undefined }, 'missing_parameters'],
    ['a state with markup', { state: '<script>alert(1)</script>' }, 'missing_parameters'],
    ['another client id', { client_id: 'someone-else' }, 'settings_changed'],
    ['a foreign redirect', { redirect_uri: 'https://evil.example/auth-callback.html' }, 'settings_changed'],
  ])('refuses %s: %j', (_name, overrides, refusal) => {
    expect(planAuthStart(query(overrides), CONFIG, ORIGIN)).toEqual({ ok: false, refusal });
  });

  it('refuses when config.json sends the code to another origin than the page', () => {
    expect(planAuthStart(query(), CONFIG, 'https://elsewhere.contoso.com')).toEqual({ ok: false, refusal: 'settings_changed' });
  });

  it('a loopback org: followed by a page on loopback (demo, tests), refused by one that is not', () => {
    const local = parseRuntimeConfig({ salesforce: { loginUrl: 'https://localhost:8787', clientId: 'c', redirectUri: 'https://localhost:3000/auth-callback.html' } });
    const q = query({ login_url: 'https://localhost:8787', client_id: 'c', redirect_uri: 'https://localhost:3000/auth-callback.html' });
    expect(planAuthStart(q, local, 'https://localhost:3000')).toMatchObject({ ok: true });
    const deployed = parseRuntimeConfig({ salesforce: { loginUrl: 'https://localhost:8787', clientId: 'c', redirectUri: `${ORIGIN}/auth-callback.html` } });
    expect(planAuthStart(query({ login_url: 'https://localhost:8787', client_id: 'c' }), deployed, ORIGIN)).toEqual({ ok: false, refusal: 'login_host_refused' });
  });
});
