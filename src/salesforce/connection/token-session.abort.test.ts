/**
 * Work started for a session stops when it may no longer land: the refresh lock let go at its hold deadline (another
 * pane may be renewing with the same refresh token now), or the session it belongs to ended.
 */
import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../classify-salesforce-error';
import type { SalesforceTokens } from '../salesforce-api';
import type { CrossPaneMessage } from './cross-pane';
import { noopCrossPane } from './cross-pane';
import { createWebLock, type RefreshLock, type WebLockManager } from './refresh-lock';
import { createTokenSession } from './token-session';

const IDENTITY = 'https://login.example/id/00D5e000000DemoAAA/0055e000001SamAAAS';
const LOGIN = 'https://login.example';
const SIGN_IN: SalesforceTokens = { accessToken: 'access-0', refreshToken: 'refresh-0', instanceUrl: 'https://instance.example', identityUrl: IDENTITY, issuedAt: 1000 };
const RENEWED: SalesforceTokens = { accessToken: 'access-1', refreshToken: 'refresh-1', instanceUrl: 'https://instance.example', identityUrl: IDENTITY, issuedAt: 2000 };

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** navigator.locks with nobody else around: granted at once. */
const freeLocks: WebLockManager = { request: (_name, _options, callback) => callback() };

/** A token endpoint that answers after `ms` whatever happens to its signal (jsforce's fetch can do just that). */
function slowEndpoint(ms: number) {
  const signals: AbortSignal[] = [];
  return {
    signals,
    requestRefresh: async (args: { signal?: AbortSignal }): Promise<SalesforceTokens> => {
      if (args.signal) signals.push(args.signal);
      await wait(ms);
      return RENEWED;
    },
  };
}

function session(lock: RefreshLock, endpoint: ReturnType<typeof slowEndpoint>) {
  const posted: CrossPaneMessage[] = [];
  const saved: string[] = [];
  const tokenSession = createTokenSession({
    clientId: 'demo-outlook-addin',
    timeoutMs: 5_000,
    refreshLock: lock,
    crossPane: { ...noopCrossPane, post: (message) => void posted.push(message) },
    tokenStore: { saveRefreshToken: async (token) => void saved.push(token) },
    requestRefresh: (args) => endpoint.requestRefresh(args),
    classify: classifySalesforceError,
    isOnline: () => undefined,
    sleep: wait,
    random: () => 0.5,
    now: () => 42,
    backoff: { retries: 0, baseMs: 5, maxMs: 5 },
    dispatch: () => {},
  });
  return { tokenSession, posted, saved };
}

describe('token session: work that may no longer land is aborted', () => {
  it('the lock lets go at its hold deadline: the token call is aborted and its late answer is never adopted, saved or announced', async () => {
    const endpoint = slowEndpoint(150);
    const { tokenSession, posted, saved } = session(createWebLock(freeLocks, { holdMs: 50, waitMs: 1_000 }), endpoint);
    await tokenSession.begin(SIGN_IN, LOGIN);
    posted.length = 0;
    saved.length = 0;

    await expect(tokenSession.refresh('access-0')).rejects.toMatchObject({ failure: { kind: 'timeout' } });
    expect(endpoint.signals).toHaveLength(1);
    expect(endpoint.signals[0]?.aborted).toBe(true);

    await wait(250); // the endpoint's answer has arrived by now
    expect(tokenSession.current()?.accessToken).toBe('access-0');
    expect(tokenSession.revocable()?.refreshToken).toBe('refresh-0');
    expect(saved).toEqual([]);
    expect(posted.filter((m) => m.type === 'tokens')).toEqual([]);
  });

  it('a holder that finishes in time is not aborted: the renewal lands', async () => {
    const endpoint = slowEndpoint(10);
    const { tokenSession, saved } = session(createWebLock(freeLocks, { holdMs: 1_000, waitMs: 2_000 }), endpoint);
    await tokenSession.begin(SIGN_IN, LOGIN);
    await tokenSession.refresh('access-0');
    expect(endpoint.signals[0]?.aborted).toBe(false);
    expect(tokenSession.current()?.accessToken).toBe('access-1');
    expect(saved).toContain('refresh-1');
  });

  it('a sign-out aborts the token call of the session it ended, and the call is reported as not signed in', async () => {
    const endpoint = slowEndpoint(100);
    const { tokenSession } = session(createWebLock(freeLocks, { holdMs: 1_000, waitMs: 2_000 }), endpoint);
    await tokenSession.begin(SIGN_IN, LOGIN);
    const renewal = tokenSession.refresh('access-0');
    await wait(20);
    expect(endpoint.signals[0]?.aborted).toBe(false);
    tokenSession.end({ everywhere: true });
    expect(endpoint.signals[0]?.aborted).toBe(true);
    await expect(renewal).rejects.toMatchObject({ failure: { code: 'NOT_SIGNED_IN' } });
    await wait(150);
    expect(tokenSession.current()).toBeUndefined();
  });

  it('a new sign-in does not join the renewal still running for the previous session', async () => {
    const endpoint = slowEndpoint(100);
    const { tokenSession } = session(createWebLock(freeLocks, { holdMs: 1_000, waitMs: 2_000 }), endpoint);
    await tokenSession.begin(SIGN_IN, LOGIN);
    const old = tokenSession.refresh('access-0');
    old.catch(() => undefined);
    await wait(20);
    await tokenSession.begin({ ...SIGN_IN, accessToken: 'access-new', issuedAt: 1500 }, LOGIN);
    expect(endpoint.signals[0]?.aborted).toBe(true);
    const fresh = tokenSession.refresh('access-new');
    expect(fresh).not.toBe(old);
    await fresh;
    expect(endpoint.signals).toHaveLength(2);
    expect(tokenSession.current()?.accessToken).toBe('access-1');
  });

  it('a disposed session (the app torn down) aborts its token call: nothing is saved or announced after it', async () => {
    const endpoint = slowEndpoint(100);
    const { tokenSession, posted, saved } = session(createWebLock(freeLocks, { holdMs: 1_000, waitMs: 2_000 }), endpoint);
    await tokenSession.begin(SIGN_IN, LOGIN);
    posted.length = 0;
    saved.length = 0;
    const renewal = tokenSession.refresh('access-0');
    renewal.catch(() => undefined);
    await wait(20);
    tokenSession.dispose();
    expect(endpoint.signals[0]?.aborted).toBe(true);
    await wait(150);
    expect(saved).toEqual([]);
    expect(posted).toEqual([]);
  });
});
