import { describe, expect, it } from 'vitest';
import { decideCorsAllowlist, decideOauthCors, decideOrgReachable } from './cors-checks';
import type { ProbeAnswer } from './probe-answer';

const ORIGIN = 'https://addin.contoso.com';
const blocked: ProbeAnswer = { kind: 'network_error' };
const answer = (status: number, json: unknown = undefined): ProbeAnswer => ({ kind: 'answer', status, text: JSON.stringify(json ?? ''), json });

describe('decideOrgReachable', () => {
  it.each([
    ['the openid configuration', answer(200, { issuer: 'https://acme.my.salesforce.com', token_endpoint: 'https://acme.my.salesforce.com/services/oauth2/token' }), 'ok', 'reachable'],
    ['a network error', blocked, 'problem', 'unreachable'],
    ['a 404 page', answer(404, 'Not Found'), 'problem', 'not_salesforce'],
    ['JSON that is not an openid configuration', answer(200, { hello: 'world' }), 'problem', 'not_salesforce'],
  ] as const)('%s: %s', (_name, probe, status, finding) => {
    expect(decideOrgReachable(probe, 'acme.my.salesforce.com')).toMatchObject({ id: 'org-reachable', status, finding });
  });
});

describe('decideCorsAllowlist', () => {
  it.each([
    ['the version list', answer(200, [{ version: '62.0' }]), 'ok', 'origin_allowed'],
    ['any readable status', answer(404, []), 'ok', 'origin_allowed'],
    ['a network error (CORS refused)', blocked, 'problem', 'origin_not_allowed'],
  ] as const)('%s: %s', (_name, probe, status, finding) => {
    expect(decideCorsAllowlist(probe, ORIGIN)).toMatchObject({ id: 'cors-allowlist', status, finding, values: { origin: ORIGIN } });
  });
});

describe('decideOauthCors', () => {
  const allowed = decideCorsAllowlist(answer(200, []), ORIGIN);
  const refused = decideCorsAllowlist(blocked, ORIGIN);
  it.each([
    ['a readable invalid_grant, origin allowed', answer(400, { error: 'invalid_grant' }), allowed, 'ok', 'oauth_cors_on'],
    ['a network error while REST answers: the OAuth setting is off', blocked, allowed, 'problem', 'oauth_cors_off'],
    ['a network error while REST refuses too: hidden by the allowlist', blocked, refused, 'unknown', 'oauth_cors_hidden_by_allowlist'],
  ] as const)('%s', (_name, probe, allowlist, status, finding) => {
    expect(decideOauthCors(probe, allowlist, ORIGIN)).toMatchObject({ id: 'oauth-cors', status, finding });
  });

  it('names the sign-in failure a seller meets for it', () => {
    expect(decideOauthCors(blocked, allowed, ORIGIN).reason).toBe('oauth_cors_blocked');
  });
});
