import { describe, expect, it } from 'vitest';
import type { DialogOutcome } from '../host/office-host';
import { classifySalesforceError } from '../salesforce/classify-salesforce-error';
import { codeChallengeS256 } from './pkce';
import { buildAuthorizeUrl, idsFromIdentityUrl, parseDialogAnswer, revokeToken } from './salesforce-sign-in';
import { runSignIn, type SignInFlowDeps } from './sign-in-flow';

const ORIGIN = 'https://localhost:3000';
const SETTINGS = {
  loginUrl: 'https://login.example.test',
  clientId: 'demo-outlook-addin',
  redirectUri: `${ORIGIN}/auth-callback.html`,
  requestTimeoutMs: 2000,
};
const VERIFIER = 'v'.repeat(64);
const STATE = 'state-123';
const ID_URL = 'https://login.example.test/id/00D5e000000DemoAAA/0055e000001SamAAAS';

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
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const call = { url: String(input), init };
      calls.push(call);
      if (!server) throw new TypeError('Failed to fetch');
      return server(call);
    }) as typeof fetch,
  };
  return { deps, calls, opened };
}

const goodServer = (call: Call): Response => {
  if (call.url.endsWith('/services/oauth2/token')) {
    return json(200, { access_token: 'AT', refresh_token: 'RT', instance_url: 'https://na1.example.test', id: ID_URL, issued_at: '1700000000000' });
  }
  if (call.url === ID_URL) {
    return json(200, { organization_id: '00D5e000000DemoAAA', user_id: '0055e000001SamAAAS', username: 'seller@demo.example', display_name: 'Sam Seller', email: 'seller@demo.example' });
  }
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
    expect(new Headers(calls[1]!.init!.headers).get('Authorization')).toBe('Bearer AT');
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
      scope: 'api refresh_token openid',
      prompt: 'login',
    });
    expect(url.search).toContain('scope=api%20refresh_token%20openid');
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
    const silent = ((_: unknown, init?: RequestInit) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof fetch;
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
