import { describe, expect, it } from 'vitest';
import type { NavigationAnswer } from './authorize-probe-checks';
import { runSetupCheck, type SetupCheckDeps } from './run-setup-check';
import { isReady, SETUP_CHECK_IDS, type SetupFinding } from './setup-check-result';

const ORG = 'https://acme.my.salesforce.com';
const ORIGIN = 'https://addin.contoso.com';
const CALLBACK = `${ORIGIN}/auth-callback.html`;

type Answer = { status: number; body: unknown } | 'blocked';

/** The org as a browser on ORIGIN sees it, by path; 'blocked' is a CORS refusal (TypeError). */
function browserSees(answers: Record<string, Answer>) {
  const asked: string[] = [];
  const fetchFn: SetupCheckDeps['fetch'] = async (url, init) => {
    const path = new URL(url).pathname;
    asked.push(`${init.method ?? 'GET'} ${path}`);
    const answer = answers[path];
    if (!answer || answer === 'blocked') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  };
  return { fetchFn, asked };
}

const HEALTHY: Record<string, Answer> = {
  '/.well-known/openid-configuration': { status: 200, body: { issuer: ORG, token_endpoint: `${ORG}/services/oauth2/token` } },
  '/services/data/': { status: 200, body: [{ version: '62.0' }] },
  '/services/oauth2/token': { status: 400, body: { error: 'invalid_grant', error_description: 'invalid authorization code' } },
};

const config = { loginUrl: ORG, clientId: 'key', redirectUri: CALLBACK };
const byId = (findings: SetupFinding[]) => Object.fromEntries(findings.map((f) => [f.id, `${f.status}:${f.finding}`]));

describe('runSetupCheck', () => {
  it('answers every check, in order', async () => {
    const { fetchFn } = browserSees(HEALTHY);
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: config, origin: ORIGIN });
    expect(findings.map((f) => f.id)).toEqual([...SETUP_CHECK_IDS]);
  });

  it('in the pane, signed out: no problem; what a browser cannot read is unknown', async () => {
    const { fetchFn } = browserSees(HEALTHY);
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: config, origin: ORIGIN });
    expect(isReady(findings)).toBe(true);
    expect(byId(findings)).toMatchObject({
      'login-host': 'ok:my_domain',
      'cors-allowlist': 'ok:origin_allowed',
      'oauth-cors': 'ok:oauth_cors_on',
      'client-id': 'ok:client_known',
      'client-secret': 'ok:no_secret',
      'callback-url': 'unknown:browser_cannot_check',
      pkce: 'unknown:browser_cannot_check',
      'api-access': 'unknown:sign_in_to_check',
      'session-timeout': 'unknown:session_timeout_unreadable',
      'refresh-token-policy': 'unknown:refresh_policy_unreadable',
    });
  });

  it('sends nothing anywhere when the login address is a generic login host', async () => {
    const { fetchFn, asked } = browserSees(HEALTHY);
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: { ...config, loginUrl: 'https://login.salesforce.com' }, origin: ORIGIN });
    expect(asked).toEqual([]);
    expect(findings.filter((f) => f.status === 'problem').map((f) => f.id)).toEqual(['login-host']);
  });

  it('an org that does not answer at all: one problem, the CORS checks unknown', async () => {
    const { fetchFn, asked } = browserSees({});
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: config, origin: ORIGIN });
    expect(asked).toEqual(['GET /.well-known/openid-configuration']);
    expect(findings.filter((f) => f.status === 'problem').map((f) => f.id)).toEqual(['org-reachable']);
    expect(byId(findings)['cors-allowlist']).toBe('unknown:not_checked');
  });

  it.each([
    ['the origin not on the allowlist', { '/services/data/': 'blocked', '/services/oauth2/token': 'blocked' }, 'cors-allowlist'],
    ['CORS for OAuth endpoints off', { '/services/oauth2/token': 'blocked' }, 'oauth-cors'],
    ['an unknown consumer key', { '/services/oauth2/token': { status: 400, body: { error: 'invalid_client_id' } } }, 'client-id'],
    ['a secret required', { '/services/oauth2/token': { status: 400, body: { error: 'invalid_client' } } }, 'client-secret'],
  ] as const)('%s: exactly that one problem', async (_name, change, problem) => {
    const { fetchFn } = browserSees({ ...HEALTHY, ...change });
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: config, origin: ORIGIN });
    expect(findings.filter((f) => f.status === 'problem').map((f) => f.id)).toEqual([problem]);
  });

  it('reads the authorize endpoint only through readNavigation, with and then without a PKCE challenge', async () => {
    const { fetchFn } = browserSees(HEALTHY);
    const navigations: string[] = [];
    const readNavigation = async (url: string): Promise<NavigationAnswer> => {
      navigations.push(url);
      const withChallenge = new URL(url).searchParams.has('code_challenge');
      return withChallenge ? { kind: 'answer', status: 200, text: 'login' } : { kind: 'answer', status: 302, location: `${CALLBACK}?error=invalid_request`, text: '' };
    };
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: config, origin: ORIGIN, readNavigation });
    expect(navigations).toHaveLength(2);
    const first = new URL(navigations[0] ?? '');
    expect(first.pathname).toBe('/services/oauth2/authorize');
    expect(first.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(first.searchParams.get('scope')).toBe('api refresh_token');
    expect(first.searchParams.get('code_challenge_method')).toBe('S256');
    expect(byId(findings)).toMatchObject({ 'callback-url': 'ok:callback_listed', scopes: 'ok:scopes_granted', pkce: 'ok:pkce_required' });
  });

  it('where CORS hides the token endpoint, the authorize page says whether the key is known', async () => {
    const { fetchFn } = browserSees({ ...HEALTHY, '/services/oauth2/token': 'blocked' });
    const readNavigation = async (): Promise<NavigationAnswer> => ({ kind: 'answer', status: 200, text: 'login' });
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: config, origin: ORIGIN, readNavigation });
    expect(byId(findings)).toMatchObject({ 'client-id': 'ok:client_known', 'client-secret': 'unknown:not_checked', 'oauth-cors': 'problem:oauth_cors_off' });
  });

  it('an unknown key seen only on the authorize page (token endpoint refused by CORS) is still named', async () => {
    const { fetchFn } = browserSees({ ...HEALTHY, '/services/oauth2/token': 'blocked' });
    const readNavigation = async (): Promise<NavigationAnswer> => ({ kind: 'answer', status: 400, text: 'error=invalid_client_id' });
    const findings = await runSetupCheck({ fetch: fetchFn, salesforce: config, origin: ORIGIN, readNavigation });
    expect(byId(findings)['client-id']).toBe('problem:client_unknown');
  });
});
