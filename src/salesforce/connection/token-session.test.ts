import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../classify-salesforce-error';
import { SalesforceFailureError } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import type { ConnectionAction } from './connection-state';
import { createInProcessCrossPaneHub, noopCrossPane, type CrossPaneChannel } from './cross-pane';
import { createInProcessLock, type RefreshLock } from './refresh-lock';
import { OAuthEndpointError } from './token-endpoint';
import { createTokenSession, type TokenSession } from './token-session';

const IDENTITY = 'https://login.example/id/00D5e000000DemoAAA/0055e000001SamAAAS';
const LOGIN = 'https://login.example';

/** A token endpoint with rotation: reusing a spent refresh token revokes the grant, like Salesforce. */
function fakeTokenEndpoint(options: { rotation: boolean; processingMs?: number }) {
  let serial = 0;
  let live = new Set(['refresh-0']);
  let revoked = false;
  const used: string[] = [];
  const inProcess = new Set<string>();
  return {
    used,
    revokeAll() {
      revoked = true;
    },
    async requestRefresh(args: { refreshToken: string }): Promise<SalesforceTokens> {
      used.push(args.refreshToken);
      await new Promise((r) => setTimeout(r, options.processingMs ?? 5));
      if (inProcess.has(args.refreshToken)) throw new OAuthEndpointError('invalid_grant', 'token request is already being processed', 400);
      if (revoked || !live.has(args.refreshToken)) {
        revoked = true; // reuse of a rotated token revokes the whole grant
        live = new Set();
        throw new OAuthEndpointError('invalid_grant', 'expired access/refresh token', 400);
      }
      serial++;
      let refreshToken: string | undefined;
      if (options.rotation) {
        refreshToken = `refresh-${serial}`;
        live = new Set([refreshToken]);
      }
      return { accessToken: `access-${serial}`, refreshToken, instanceUrl: 'https://instance.example', identityUrl: IDENTITY, issuedAt: 1000 + serial };
    },
  };
}

function memoryStore() {
  let token: string | undefined;
  return {
    saveRefreshToken: async (t: string) => {
      token = t;
    },
    loadRefreshToken: async () => token,
  };
}

function pane(
  endpoint: ReturnType<typeof fakeTokenEndpoint>,
  shared: { lock: RefreshLock; channel: CrossPaneChannel; store: { saveRefreshToken(t: string): Promise<void>; loadRefreshToken?(): Promise<string | undefined> } },
): { session: TokenSession; actions: ConnectionAction[] } {
  const actions: ConnectionAction[] = [];
  const session = createTokenSession({
    clientId: 'demo-outlook-addin',
    timeoutMs: 2000,
    refreshLock: shared.lock,
    crossPane: shared.channel,
    tokenStore: shared.store,
    requestRefresh: (args) => endpoint.requestRefresh(args),
    classify: classifySalesforceError,
    isOnline: () => undefined,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    random: () => 0.5,
    now: () => 42,
    backoff: { retries: 3, baseMs: 5, maxMs: 20 },
    dispatch: (a) => actions.push(a),
  });
  return { session, actions };
}

const signIn: SalesforceTokens = { accessToken: 'access-0', refreshToken: 'refresh-0', instanceUrl: 'https://instance.example', identityUrl: IDENTITY, issuedAt: 1000 };

describe('token session: single flight across two panes', () => {
  it('two panes sharing a lock and a channel: many expired requests, one token call, both panes get the new token', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const hub = createInProcessCrossPaneHub();
    const lock = createInProcessLock();
    const store = memoryStore();
    const a = pane(endpoint, { lock, channel: hub.connect(), store });
    const b = pane(endpoint, { lock, channel: hub.connect(), store });
    await a.session.begin(signIn, LOGIN);
    await b.session.begin(signIn, LOGIN);

    const refreshes = [...Array.from({ length: 10 }, () => a.session.refresh('access-0')), ...Array.from({ length: 10 }, () => b.session.refresh('access-0'))];
    await Promise.all(refreshes);

    expect(endpoint.used).toEqual(['refresh-0']);
    expect(a.session.current()?.accessToken).toBe('access-1');
    expect(b.session.current()?.accessToken).toBe('access-1');

    // The next expiry, met first by pane B: it must send the rotated token it learned from A, never the spent one.
    await b.session.refresh('access-1');
    await a.session.refresh('access-1');
    expect(endpoint.used).toEqual(['refresh-0', 'refresh-1']);
    expect(a.session.current()?.accessToken).toBe('access-2');
    expect(a.actions.some((x) => x.type === 'connection_lost')).toBe(false);
    expect(await store.loadRefreshToken()).toBe('refresh-2');
  });

  it('an announcement overtaken by the lock hand-over: the second pane asks, gets the tokens, makes no token call', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const hub = createInProcessCrossPaneHub();
    let delayedOnce = false;
    // The first 'tokens' announcement reaches the other pane only after the lock has long been handed over.
    const slowFirstAnnouncement = (channel: CrossPaneChannel): CrossPaneChannel => ({
      ...channel,
      post(message) {
        if (message.type === 'tokens' && !delayedOnce) {
          delayedOnce = true;
          setTimeout(() => channel.post(message), 400);
          return;
        }
        channel.post(message);
      },
    });
    const lock = createInProcessLock();
    const store = memoryStore();
    const a = pane(endpoint, { lock, channel: slowFirstAnnouncement(hub.connect()), store });
    const b = pane(endpoint, { lock, channel: hub.connect(), store });
    await a.session.begin(signIn, LOGIN);
    await b.session.begin(signIn, LOGIN);
    delayedOnce = false;

    await Promise.all([a.session.refresh('access-0'), b.session.refresh('access-0')]);
    expect(endpoint.used).toEqual(['refresh-0']);
    expect(b.session.current()?.accessToken).toBe('access-1');
  });

  it('without a channel, the stored (rotated) refresh token stops the second pane from reusing the spent one', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const lock = createInProcessLock();
    const store = memoryStore();
    const a = pane(endpoint, { lock, channel: noopCrossPane, store });
    const b = pane(endpoint, { lock, channel: noopCrossPane, store });
    await a.session.begin(signIn, LOGIN);
    await b.session.begin(signIn, LOGIN);

    await Promise.all([a.session.refresh('access-0'), b.session.refresh('access-0')]);
    // B could not know A's new access token, so it renewed too, but with the rotated token: no revocation.
    expect(endpoint.used).toEqual(['refresh-0', 'refresh-1']);
    expect(b.actions.some((x) => x.type === 'connection_lost')).toBe(false);
    await expect(a.session.refresh(a.session.current()!.accessToken)).resolves.toBeUndefined();
  });

  it('a revoked grant: one token call in all, both panes lost, no later token call', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: false });
    endpoint.revokeAll();
    const hub = createInProcessCrossPaneHub();
    const lock = createInProcessLock();
    const store = memoryStore();
    const a = pane(endpoint, { lock, channel: hub.connect(), store });
    const b = pane(endpoint, { lock, channel: hub.connect(), store });
    await a.session.begin(signIn, LOGIN);
    await b.session.begin(signIn, LOGIN);

    const results = await Promise.allSettled([a.session.refresh('access-0'), a.session.refresh('access-0'), b.session.refresh('access-0')]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const reason = (r as PromiseRejectedResult).reason as SalesforceFailureError;
      expect(reason).toBeInstanceOf(SalesforceFailureError);
      expect(reason.failure.kind).toBe('bad_oauth_token');
    }
    await expect(b.session.refresh('access-0')).rejects.toMatchObject({ failure: { kind: 'bad_oauth_token' } });
    expect(endpoint.used).toHaveLength(1);
    expect(a.session.lostFailure()?.kind).toBe('bad_oauth_token');
    expect(b.session.lostFailure()?.kind).toBe('bad_oauth_token');
    expect(b.actions.filter((x) => x.type === 'connection_lost')).toHaveLength(1);

    // Sign-in again in pane A reconnects pane B through the channel.
    await a.session.begin({ ...signIn, accessToken: 'access-new', issuedAt: 5000 }, LOGIN);
    await new Promise((r) => setTimeout(r, 10));
    expect(b.session.lostFailure()).toBeUndefined();
    expect(b.session.current()?.accessToken).toBe('access-new');
  });

  it('the overlapping-refresh answer is retried, not lost', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: false });
    let first = true;
    const racing = {
      ...endpoint,
      requestRefresh: async (args: { refreshToken: string }) => {
        if (first) {
          first = false;
          throw new OAuthEndpointError('invalid_grant', 'token request is already being processed', 400);
        }
        return endpoint.requestRefresh(args);
      },
    };
    const a = pane(racing, { lock: createInProcessLock(), channel: noopCrossPane, store: memoryStore() });
    await a.session.begin(signIn, LOGIN);
    await a.session.refresh('access-0');
    expect(a.session.current()?.accessToken).toBe('access-1');
    expect(a.session.lostFailure()).toBeUndefined();
  });

  it('a token endpoint that never answers is bounded', async () => {
    const hanging = { ...fakeTokenEndpoint({ rotation: false }), requestRefresh: () => new Promise<SalesforceTokens>(() => {}) };
    const actions: ConnectionAction[] = [];
    const session = createTokenSession({
      clientId: 'x',
      timeoutMs: 30,
      refreshLock: createInProcessLock(),
      crossPane: noopCrossPane,
      tokenStore: memoryStore(),
      requestRefresh: hanging.requestRefresh,
      classify: classifySalesforceError,
      isOnline: () => false,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      random: () => 0,
      now: () => 1,
      backoff: { retries: 2, baseMs: 1, maxMs: 1 },
      dispatch: (a) => actions.push(a),
    });
    await session.begin(signIn, LOGIN);
    await expect(session.refresh('access-0')).rejects.toMatchObject({ failure: { kind: 'offline' } });
    expect(session.lostFailure()).toBeUndefined();
    expect(actions.map((x) => x.type)).toContain('network_offline');
  });
});

describe('token session: a restoring pane and another seller in the same origin', () => {
  const SAM_USER = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };
  const ALEX_IDENTITY = 'https://login.example/id/00D5e000000DemoAAA/0055e000002AlxAAAS';
  const alexTokens: SalesforceTokens = { accessToken: 'access-alex', refreshToken: 'refresh-alex', instanceUrl: 'https://instance.example', identityUrl: ALEX_IDENTITY, issuedAt: 2000 };

  it("never adopts another seller's tokens: restoring Sam asks, Alex's pane stays silent, Sam renews with Sam's own token", async () => {
    const endpoint = fakeTokenEndpoint({ rotation: false });
    const hub = createInProcessCrossPaneHub();
    const lock = createInProcessLock();
    const alex = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore() });
    const sam = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore() });
    await alex.session.begin(alexTokens, LOGIN);
    await new Promise((r) => setTimeout(r, 10)); // Alex's announcement reaches Sam's pane before it restores

    sam.session.beginPending('refresh-0', LOGIN, SAM_USER);
    await sam.session.refresh('');

    expect(endpoint.used).toEqual(['refresh-0']);
    expect(sam.session.current()).toMatchObject({ accessToken: 'access-1', identityUrl: IDENTITY });
    expect(sam.session.revocable()?.refreshToken).toBe('refresh-0');
    expect(alex.session.current()?.accessToken).toBe('access-alex');
  });

  it("a pending session ignores another seller's announcement that arrives while it waits", async () => {
    const endpoint = fakeTokenEndpoint({ rotation: false, processingMs: 30 });
    const hub = createInProcessCrossPaneHub();
    const lock = createInProcessLock();
    const alexChannel = hub.connect();
    const sam = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore() });
    sam.session.beginPending('refresh-0', LOGIN, SAM_USER);
    const restoring = sam.session.refresh('');
    alexChannel.post({ type: 'tokens', tokens: alexTokens });
    await restoring;
    expect(sam.session.current()).toMatchObject({ accessToken: 'access-1', identityUrl: IDENTITY });
  });

  it("a pending session still takes its own seller's tokens from another pane: one token call between them", async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const hub = createInProcessCrossPaneHub();
    const lock = createInProcessLock();
    const store = memoryStore();
    const connected = pane(endpoint, { lock, channel: hub.connect(), store });
    const restoring = pane(endpoint, { lock, channel: hub.connect(), store });
    await connected.session.begin(signIn, LOGIN);
    await connected.session.refresh('access-0');

    restoring.session.beginPending('refresh-0', LOGIN, SAM_USER);
    await restoring.session.refresh('');
    expect(endpoint.used).toEqual(['refresh-0']);
    expect(restoring.session.current()?.accessToken).toBe('access-1');
  });
});

describe('token session: rotation never replays a spent token', () => {
  it('a rotated token whose save failed (quota) is not replaced by the older stored one at the next refresh', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    let token: string | undefined;
    let quotaLeft = 1; // the sign-in's save fits; every later one meets a full quota
    const store = {
      saveRefreshToken: async (t: string) => {
        if (quotaLeft-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        token = t;
      },
      loadRefreshToken: async () => token,
    };
    const a = pane(endpoint, { lock: createInProcessLock(), channel: noopCrossPane, store });
    await a.session.begin(signIn, LOGIN);
    await a.session.refresh('access-0'); // rotates to refresh-1; its save fails, the store still says refresh-0
    await a.session.refresh('access-1');

    expect(endpoint.used).toEqual(['refresh-0', 'refresh-1']);
    expect(a.actions.some((x) => x.type === 'connection_lost')).toBe(false);
    expect(a.session.current()?.accessToken).toBe('access-2');
  });
});
