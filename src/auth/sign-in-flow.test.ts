/** Over 300 lines on purpose: the sign-in flow's outcomes, one scenario each over the fake Office dialog, read top to bottom. */
import { describe, expect, it } from 'vitest';
import type { DialogOutcome } from '../host/office-host';
import { classifySalesforceError } from '../salesforce/classify-salesforce-error';
import { codeChallengeS256 } from './pkce';
import { buildAuthorizeUrl, idsFromIdentityUrl, isGenericLoginHost, OAUTH_SCOPE, parseDialogAnswer, revokeToken } from './salesforce-sign-in';
import { runSignIn, type SignInFlowDeps } from './sign-in-flow';

const ORIGIN = 'https://localhost:3000';
const SETTINGS = {
  loginUrl: 'https://login.example.test',
  clientId: 'demo-outlook-addin',
  redirectUri: `${ORIGIN}/auth-callback.html`,
  apiVersion: '62.0',
  requestTimeoutMs: 2000,
  // Stand-in hosts for the org: named as custom domains, as an admin would name a non-Salesforce login host.
  customDomains: ['login.example.test', 'na1.example.test'],
};
const VERIFIER = 'v'.repeat(64);
const STATE = 'state-123';
const ID_URL = 'https://login.example.test/id/00D5e000000DemoAAA/0055e000001SamAAAS';
const USER_URL = 'https://na1.example.test/services/data/v62.0/sobjects/User/0055e000001SamAAAS?fields=Username,Name,Email';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function makeDeps(answer: (url: string) => DialogOutcome | Promise<DialogOutcome>, server?: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const opened: string[] = [];
  const deps: SignInFlowDeps = {
    appBaseUrl: `${ORIGIN}/`,
    appOrigin: ORIGIN,
    classify: classifySalesforceError,
    createPkcePair: async () => ({ verifier: VERIFIER, challenge: await codeChallengeS256(VERIFIER), method: 'S256' }),
    createState: () => STATE,
    openDialog: async (url) => {
      opened.push(url);
      return answer(url);
    },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const call = { url: String(input), init };
      calls.push(call);
      if (!server) throw new TypeError('Failed to fetch');
      return server(call);
    },
  };
  return { deps, calls, opened };
}

const goodServer = (call: Call): Response => {
  if (call.url.endsWith('/services/oauth2/token')) {
    return json(200, { access_token: 'AT', refresh_token: 'RT', instance_url: 'https://na1.example.test', id: ID_URL, issued_at: '1700000000000' });
  }
  if (call.url === USER_URL) {
    return json(200, { attributes: { type: 'User' }, Username: 'seller@demo.example', Name: 'Sam Seller', Email: 'seller@demo.example' });
  }
  // The identity URL is on the login host and never answers a browser (not a CORS endpoint): as a pane sees it.
  if (call.url === ID_URL) throw new TypeError('Failed to fetch');
  return json(404, [{ errorCode: 'NOT_FOUND', message: 'no' }]);
};

const message = (payload: unknown, origin = ORIGIN): DialogOutcome => ({ kind: 'message', message: JSON.stringify(payload), origin });

describe('runSignIn', () => {
  it('opens auth-start on the add-in origin with the challenge and state, exchanges the code with the verifier, reads the identity', async () => {
    const { deps, calls, opened } = makeDeps(() => message({ code: 'CODE', state: STATE }), goodServer);
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(outcome.status).toBe('signed_in');
    if (outcome.status !== 'signed_in') return;
    expect(outcome.identity).toEqual({
      orgId: '00D5e000000DemoAAA',
      userId: '0055e000001SamAAAS',
      username: 'seller@demo.example',
      displayName: 'Sam Seller',
      email: 'seller@demo.example',
      loginUrl: SETTINGS.loginUrl,
      instanceUrl: 'https://na1.example.test',
    });
    expect(outcome.tokens.refreshToken).toBe('RT');

    const start = new URL(opened[0]!);
    expect(start.origin + start.pathname).toBe(`${ORIGIN}/auth-start.html`);
    expect(start.searchParams.get('code_challenge')).toBe(await codeChallengeS256(VERIFIER));
    expect(start.searchParams.get('state')).toBe(STATE);
    expect(start.searchParams.get('prompt')).toBeNull();
    expect(opened[0]).not.toContain(VERIFIER);

    const form = new URLSearchParams(String(calls[0]!.init!.body));
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'authorization_code',
      code: 'CODE',
      client_id: SETTINGS.clientId,
      redirect_uri: SETTINGS.redirectUri,
      code_verifier: VERIFIER,
    });
    expect(calls.map((c) => c.url)).toEqual([`${SETTINGS.loginUrl}/services/oauth2/token`, USER_URL]);
    expect(new Headers(calls[1]!.init!.headers).get('Authorization')).toBe('Bearer AT');
    // The identity URL is kept (the token store keys the seller by it), never fetched.
    expect(outcome.tokens.identityUrl).toBe(ID_URL);
  });

  it('asks Salesforce for the user again on sign in again', async () => {
    const { deps, opened } = makeDeps(() => ({ kind: 'closed' }));
    await runSignIn(deps, { settings: SETTINGS, forceLogin: true });
    expect(new URL(opened[0]!).searchParams.get('prompt')).toBe('login');
  });

  it('treats a closed dialog as a quiet cancel', async () => {
    const { deps, calls } = makeDeps(() => ({ kind: 'closed' }));
    expect(await runSignIn(deps, { settings: SETTINGS })).toEqual({ status: 'cancelled' });
    expect(calls).toHaveLength(0);
  });

  it.each([12002, 12003, 12004, 12005, 12007, 12009, 12011])('ends dialog error %i as dialog_failed', async (code) => {
    const { deps } = makeDeps(() => ({ kind: 'error', code, message: 'x' }));
    expect(await runSignIn(deps, { settings: SETTINGS })).toMatchObject({ status: 'dialog_failed', code });
  });

  it('ends a dialog that throws as dialog_failed', async () => {
    const { deps } = makeDeps(() => {
      throw new Error('no dialog API');
    });
    expect(await runSignIn(deps, { settings: SETTINGS })).toMatchObject({ status: 'dialog_failed', code: 0 });
  });

  it('refuses an answer from another origin or with another state, and exchanges nothing', async () => {
    const other = makeDeps(() => message({ code: 'CODE', state: STATE }, 'https://evil.example'), goodServer);
    expect(await runSignIn(other.deps, { settings: SETTINGS })).toEqual({ status: 'rejected', reason: 'origin_mismatch' });
    expect(other.calls).toHaveLength(0);
    const wrongState = makeDeps(() => message({ code: 'CODE', state: 'forged' }), goodServer);
    expect(await runSignIn(wrongState.deps, { settings: SETTINGS })).toEqual({ status: 'rejected', reason: 'state_mismatch' });
    expect(wrongState.calls).toHaveLength(0);
    const junk = makeDeps(() => ({ kind: 'message', message: 'not json', origin: ORIGIN }), goodServer);
    expect(await runSignIn(junk.deps, { settings: SETTINGS })).toEqual({ status: 'rejected', reason: 'invalid_answer' });
  });

  it.each([
    ['access_denied', 'end-user denied authorization', 'reauth_required'],
    ['OAUTH_APP_BLOCKED', 'this app is blocked by admin', 'admin_action_required'],
    ['invalid_client_id', 'client identifier invalid', 'admin_action_required'],
  ])('classifies the error redirect %s', async (error, description, kind) => {
    const { deps, calls } = makeDeps(() => message({ error, error_description: description, state: STATE }), goodServer);
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(outcome).toMatchObject({ status: 'failed', failure: { kind, code: error } });
    expect(calls).toHaveLength(0);
  });

  it('classifies a refused code exchange', async () => {
    const { deps } = makeDeps(
      () => message({ code: 'CODE', state: STATE }),
      () => json(400, { error: 'invalid_grant', error_description: 'invalid code verifier' }),
    );
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.failure.connectionLost).toBe(false);
  });

  it('settles a network failure during the exchange', async () => {
    const { deps } = makeDeps(() => message({ code: 'CODE', state: STATE }));
    deps.isOnline = () => false;
    expect(await runSignIn(deps, { settings: SETTINGS })).toMatchObject({ status: 'failed', failure: { kind: 'offline' } });
  });

  it('settles an exchange that never answers within the deadline', async () => {
    const { deps } = makeDeps(
      () => message({ code: 'CODE', state: STATE }),
      (call) =>
        new Promise<Response>((_, reject) => {
          call.init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const outcome = await runSignIn(deps, { settings: { ...SETTINGS, requestTimeoutMs: 50 } });
    expect(outcome).toMatchObject({ status: 'failed', failure: { kind: 'timeout' } });
  });
});

describe('runSignIn: who signed in, without the identity URL', () => {
  const codeAnswer = () => message({ code: 'CODE', state: STATE });
  const tokenServer = (user: (call: Call) => Response | Promise<Response>) => (call: Call) => (call.url.endsWith('/services/oauth2/token') ? goodServer(call) : user(call));

  it('reads the user with the API version of the runtime config, never the identity URL', async () => {
    const { deps, calls } = makeDeps(codeAnswer, goodServer);
    const outcome = await runSignIn(deps, { settings: { ...SETTINGS, apiVersion: '61.0' } });
    // Another API version from the runtime config: the read follows it (goodServer answers v62.0 only).
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(calls[1]!.url).toBe(USER_URL.replace('v62.0', 'v61.0'));
    expect(calls.some((c) => c.url.includes('/id/'))).toBe(false);
  });

  it('falls back to the username for a user without a Name', async () => {
    const { deps } = makeDeps(
      codeAnswer,
      tokenServer(() => json(200, { Username: 'only@demo.example' })),
    );
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(outcome).toMatchObject({ status: 'signed_in', identity: { username: 'only@demo.example', displayName: 'only@demo.example', email: '' } });
  });

  it.each([
    ['a REST refusal', () => json(403, [{ errorCode: 'API_DISABLED_FOR_ORG', message: 'The REST API is not enabled for this Organization.' }]), 'admin_action_required'],
    ['a maintenance page with 200', () => new Response('<html><title>Down for Maintenance</title></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), 'transient'],
    ['a gateway 503 with an empty body', () => new Response('', { status: 503 }), 'transient'],
    ['a cut-off JSON body', () => new Response('{"Username":"sel', { status: 200, headers: { 'Content-Type': 'application/json' } }), 'transient'],
    [
      'a network error while online',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'transient',
    ],
  ])('classifies %s at the user read', async (_, user, kind) => {
    const { deps } = makeDeps(codeAnswer, tokenServer(user));
    deps.isOnline = () => true;
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(outcome).toMatchObject({ status: 'failed', failure: { kind, connectionLost: false } });
  });

  it('a token response whose id is not an identity URL fails, classified, without a REST call', async () => {
    const { deps, calls } = makeDeps(codeAnswer, () => json(200, { access_token: 'AT', instance_url: 'https://na1.example.test', id: 'https://login.example.test/not-an-id' }));
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(outcome).toMatchObject({ status: 'failed', failure: { kind: 'unknown' } });
    expect(calls).toHaveLength(1);
  });

  it('never puts the access token in the failure', async () => {
    const { deps } = makeDeps(
      codeAnswer,
      tokenServer(() => new Response('<html>Bearer AT</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })),
    );
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(JSON.stringify(outcome)).not.toMatch(/Bearer AT/);
  });
});

describe('runSignIn: a login host that cannot answer the pane', () => {
  it.each(['https://login.salesforce.com', 'https://test.salesforce.com/', 'https://LOGIN.Salesforce.com:443'])(
    '%s: a set-up message naming My Domain before any window opens',
    async (loginUrl) => {
      const { deps, calls, opened } = makeDeps(() => message({ code: 'CODE', state: STATE }), goodServer);
      const outcome = await runSignIn(deps, { settings: { ...SETTINGS, loginUrl } });
      expect(outcome).toMatchObject({
        status: 'failed',
        failure: { kind: 'admin_action_required', reason: 'my_domain_required', connectionLost: false },
        loginUrl,
        appOrigin: ORIGIN,
      });
      expect(opened).toHaveLength(0);
      expect(calls).toHaveLength(0);
    },
  );

  it('refuses only the known generic login hosts, never a My Domain, Experience Cloud or custom domain', () => {
    for (const generic of ['https://login.salesforce.com', 'https://test.salesforce.com', 'https://login.salesforce.com./']) expect(isGenericLoginHost(generic), generic).toBe(true);
    for (const host of [
      'https://acme.my.salesforce.com',
      'https://acme--uat.sandbox.my.salesforce.com',
      'https://acme.my.site.com',
      'https://acme.force.com',
      'https://login.acme.com',
      'https://login.salesforce.com.evil.example',
      'https://127.0.0.1:8443',
      'not a url',
    ])
      expect(isGenericLoginHost(host), host).toBe(false);
  });

  it('a network error at the code exchange while online (CORS refused): a set-up message, with the origin to allowlist', async () => {
    const { deps, opened } = makeDeps(() => message({ code: 'CODE', state: STATE }));
    deps.isOnline = () => true;
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(opened).toHaveLength(1);
    expect(outcome).toEqual({
      status: 'failed',
      failure: expect.objectContaining({ kind: 'admin_action_required', reason: 'oauth_cors_blocked', connectionLost: false, retryable: false }),
      loginUrl: SETTINGS.loginUrl,
      appOrigin: ORIGIN,
    });
  });
});

describe('runSignIn: hosts checked before a token goes anywhere', () => {
  it.each([
    ['https://evil.example', 'not_salesforce'],
    ['http://acme.my.salesforce.com', 'not_https'],
    ['https://acme.my.salesforce.com:8443', 'port'],
    ['https://user@acme.my.salesforce.com', 'credentials'],
  ])('login address %s: a set-up message, and no window, no request', async (loginUrl, refusal) => {
    const { deps, calls, opened } = makeDeps(() => message({ code: 'CODE', state: STATE }), goodServer);
    const outcome = await runSignIn(deps, { settings: { ...SETTINGS, loginUrl } });
    expect(outcome).toMatchObject({ status: 'failed', failure: { kind: 'admin_action_required', reason: 'salesforce_host_refused', retryable: false }, loginUrl });
    expect(outcome.status === 'failed' && outcome.refusedHost).toBe(new URL(loginUrl).host);
    expect(outcome.status === 'failed' && outcome.failure.detail).toContain(refusal === 'not_salesforce' ? 'customDomains' : new URL(loginUrl).hostname);
    expect(opened).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it('a loopback org is refused to a pane that is not itself on loopback, allowed to one that is', async () => {
    const production = makeDeps(() => message({ code: 'CODE', state: STATE }), goodServer);
    production.deps.appOrigin = 'https://addin.contoso.com';
    production.deps.appBaseUrl = 'https://addin.contoso.com/';
    const outcome = await runSignIn(production.deps, { settings: { ...SETTINGS, loginUrl: 'https://localhost:8787' } });
    expect(outcome).toMatchObject({ status: 'failed', failure: { reason: 'salesforce_host_refused' }, refusedHost: 'localhost:8787' });
    expect(production.opened).toHaveLength(0);

    const local = makeDeps(() => ({ kind: 'closed' }), goodServer);
    expect(await runSignIn(local.deps, { settings: { ...SETTINGS, loginUrl: 'https://localhost:8787' } })).toEqual({ status: 'cancelled' });
    expect(local.opened).toHaveLength(1);
  });

  const foreign =
    (answer: Record<string, string>) =>
    (call: Call): Response => {
      if (call.url.endsWith('/services/oauth2/token')) {
        return json(200, { access_token: 'AT', refresh_token: 'RT', instance_url: 'https://na1.example.test', id: ID_URL, issued_at: '1700000000000', ...answer });
      }
      if (call.url.endsWith('/services/oauth2/revoke')) return new Response('', { status: 200 });
      return goodServer(call);
    };

  it.each([
    [{ instance_url: 'https://evil.example' }, 'evil.example', 'instance_url'],
    [{ instance_url: 'https://acme.my.salesforce.com.evil.example' }, 'acme.my.salesforce.com.evil.example', 'instance_url'],
    [{ instance_url: 'http://na1.example.test' }, 'na1.example.test', 'instance_url'],
    [{ id: 'https://evil.example/id/00D5e000000DemoAAA/0055e000001SamAAAS' }, 'evil.example', 'id in the token response'],
  ])('a token response naming %j: nothing sent there, the grant revoked at the login host, a set-up message', async (answer, host, role) => {
    const { deps, calls } = makeDeps(() => message({ code: 'CODE', state: STATE }), foreign(answer));
    const outcome = await runSignIn(deps, { settings: SETTINGS });
    expect(outcome).toMatchObject({ status: 'failed', failure: { kind: 'admin_action_required', reason: 'salesforce_host_refused' }, refusedHost: host });
    expect(outcome.status === 'failed' && outcome.failure.detail).toContain(role);
    // The token endpoint, then the revocation of the refresh token on that same login host: nothing else.
    expect(calls.map((c) => c.url)).toEqual([`${SETTINGS.loginUrl}/services/oauth2/token`, `${SETTINGS.loginUrl}/services/oauth2/revoke`]);
    expect(String(calls[1]!.init?.body)).toBe('token=RT');
    expect(calls.some((c) => new Headers(c.init?.headers).has('Authorization'))).toBe(false);
  });
});

describe('sign-in helpers', () => {
  it('builds the authorize URL Salesforce expects', () => {
    const url = new URL(
      buildAuthorizeUrl({ loginUrl: 'https://x.my.salesforce.com/', clientId: 'cid', redirectUri: `${ORIGIN}/auth-callback.html`, codeChallenge: 'ch', state: 'st', prompt: 'login' }),
    );
    expect(url.origin + url.pathname).toBe('https://x.my.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: `${ORIGIN}/auth-callback.html`,
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      state: 'st',
      scope: 'api refresh_token',
      prompt: 'login',
    });
    expect(url.search).toContain('scope=api%20refresh_token&');
  });

  it('asks for the fewest scopes', () => {
    expect(OAUTH_SCOPE).toBe('api refresh_token');
    const url = new URL(buildAuthorizeUrl({ loginUrl: 'https://x.my.salesforce.com', clientId: 'c', redirectUri: 'https://a/cb', codeChallenge: 'ch', state: 'st' }));
    expect(url.searchParams.get('scope')).toBe(OAUTH_SCOPE);
    expect(url.searchParams.has('prompt')).toBe(false);
  });

  it('parses dialog answers without throwing', () => {
    expect(parseDialogAnswer('{"code":"c","state":"s"}')).toEqual({ type: 'code', code: 'c', state: 's' });
    expect(parseDialogAnswer('{"error":"access_denied","state":"s"}')).toEqual({ type: 'error', error: 'access_denied', state: 's' });
    for (const bad of ['', 'null', '[]', '{"code":"c"}', '{"state":"s"}', '42']) expect(parseDialogAnswer(bad)).toEqual({ type: 'invalid' });
  });

  it('reads org and user from the identity URL', () => {
    expect(idsFromIdentityUrl(ID_URL)).toEqual({ orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' });
    expect(idsFromIdentityUrl('https://x/other')).toBeUndefined();
  });

  it('revokes best effort: false, never a throw, on failure or silence', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await revokeToken({ fetch: failing }, 'https://l', 'RT')).toBe(false);
    const silent = ((_: unknown, init?: RequestInit) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch;
    const started = Date.now();
    expect(await revokeToken({ fetch: silent }, 'https://l', 'RT', 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    let body = '';
    const ok = (async (_: unknown, init?: RequestInit) => {
      body = String(init?.body);
      return new Response('', { status: 200 });
    }) as unknown as typeof fetch;
    expect(await revokeToken({ fetch: ok }, 'https://l', 'RT')).toBe(true);
    expect(body).toBe('token=RT');
  });
});
