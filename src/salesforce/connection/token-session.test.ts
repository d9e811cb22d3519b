/** Over 300 lines on purpose: the token session's renewal rules, one scenario each, read top to bottom. */
import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../classify-salesforce-error';
import { SalesforceFailureError } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import type { ConnectionAction } from './connection-state';
import { createCrossPaneDropCounter, createInProcessCrossPaneHub, noopCrossPane, type CrossPaneChannel, type CrossPaneDropCounter } from './cross-pane';
import { createInProcessLock, type RefreshLock } from './refresh-lock';
import { OAuthEndpointError } from './token-endpoint';
import { createTokenSession, type RefreshTokenStore, type StoredRefreshToken, type TokenSession } from './token-session';

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

/** Like the IndexedDB store: keeps the newest version it was given. */
function memoryStore() {
  let stored: StoredRefreshToken | undefined;
  return {
    saveRefreshToken: async (refreshToken: string, issuedAt: number) => {
      if (!stored || issuedAt >= stored.issuedAt) stored = { refreshToken, issuedAt };
    },
    loadRefreshToken: async () => stored,
  };
}

function pane(
  endpoint: ReturnType<typeof fakeTokenEndpoint>,
  shared: { lock: RefreshLock; channel: CrossPaneChannel; store: RefreshTokenStore; drops?: CrossPaneDropCounter; now?: () => number; onSignedOutElsewhere?: () => void },
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
    now: shared.now ?? (() => 42),
    backoff: { retries: 3, baseMs: 5, maxMs: 20 },
    dispatch: (a) => actions.push(a),
    // The login host is login.example; the instance host the pane was configured to expect is instance.example.
    configuredHosts: ['instance.example'],
    drops: shared.drops ?? createCrossPaneDropCounter(),
    ...(shared.onSignedOutElsewhere ? { onSignedOutElsewhere: shared.onSignedOutElsewhere } : {}),
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
    expect((await store.loadRefreshToken())?.refreshToken).toBe('refresh-2');
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
    let stored: StoredRefreshToken | undefined;
    let quotaLeft = 1; // the sign-in's save fits; every later one meets a full quota
    const store = {
      saveRefreshToken: async (refreshToken: string, issuedAt: number) => {
        if (quotaLeft-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        stored = { refreshToken, issuedAt };
      },
      loadRefreshToken: async () => stored,
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

describe('token session: a store that failed a save is not trusted until a good save', () => {
  it('after the failed save the held token is saved again at the next refresh; once that works the store is trusted and newest', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const inner = memoryStore();
    let full = false;
    const saves: string[] = [];
    const store: RefreshTokenStore & { loadRefreshToken(): Promise<StoredRefreshToken | undefined> } = {
      saveRefreshToken: async (refreshToken, issuedAt) => {
        saves.push(refreshToken);
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await inner.saveRefreshToken(refreshToken, issuedAt);
      },
      loadRefreshToken: () => inner.loadRefreshToken(),
    };
    const a = pane(endpoint, { lock: createInProcessLock(), channel: noopCrossPane, store });
    await a.session.begin(signIn, LOGIN);
    expect(a.session.storeTrusted()).toBe(true);

    full = true;
    await a.session.refresh('access-0');
    expect(a.session.storeTrusted()).toBe(false);
    expect((await store.loadRefreshToken())?.refreshToken).toBe('refresh-0'); // spent, and still in the store

    full = false;
    await a.session.refresh('access-1');
    // The held refresh-1 was saved again before it was sent, then its rotation refresh-2 was saved.
    expect(saves).toEqual(['refresh-0', 'refresh-1', 'refresh-1', 'refresh-2']);
    expect(a.session.storeTrusted()).toBe(true);
    expect(await store.loadRefreshToken()).toEqual({ refreshToken: 'refresh-2', issuedAt: 1002 });
    expect(endpoint.used).toEqual(['refresh-0', 'refresh-1']);
  });

  it('a stored token of an older version (a record from before versions, an older build) never displaces the held one', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    let stored: StoredRefreshToken | undefined;
    // A store that takes whatever it is given, as an older build's writes would leave it.
    const store: RefreshTokenStore = {
      saveRefreshToken: async (refreshToken, issuedAt) => {
        stored = { refreshToken, issuedAt };
      },
      loadRefreshToken: async () => stored,
    };
    const a = pane(endpoint, { lock: createInProcessLock(), channel: noopCrossPane, store });
    await a.session.begin(signIn, LOGIN);
    await a.session.refresh('access-0');
    stored = { refreshToken: 'refresh-0', issuedAt: 0 };
    await a.session.refresh('access-1');
    expect(endpoint.used).toEqual(['refresh-0', 'refresh-1']);
    expect(a.actions.some((x) => x.type === 'connection_lost')).toBe(false);
  });

  it('a stored token of a newer version (another pane rotated, its announcement lost) is the one sent', async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const store = memoryStore();
    const lock = createInProcessLock();
    const a = pane(endpoint, { lock, channel: noopCrossPane, store });
    const b = pane(endpoint, { lock, channel: noopCrossPane, store });
    await a.session.begin(signIn, LOGIN);
    await b.session.begin(signIn, LOGIN);
    await a.session.refresh('access-0');
    await b.session.refresh('access-0');
    expect(endpoint.used).toEqual(['refresh-0', 'refresh-1']);
    expect(b.actions.some((x) => x.type === 'connection_lost')).toBe(false);
  });
});

describe('token session: messages from other panes are checked, and the bad ones dropped and counted', () => {
  const OTHER_SELLER = 'https://login.example/id/00D5e000000DemoAAA/0055e000002AlxAAAS';
  const forged: Array<[string, unknown]> = [
    ['not an object', 'tokens'],
    ['no type', { tokens: signIn }],
    ['tokens with an http instance', { type: 'tokens', tokens: { ...signIn, accessToken: 'evil', instanceUrl: 'http://instance.example', issuedAt: 2000 } }],
    ['tokens for a foreign host', { type: 'tokens', tokens: { ...signIn, accessToken: 'evil', instanceUrl: 'https://attacker.example', issuedAt: 2000 } }],
    ['tokens dated far in the future', { type: 'tokens', tokens: { ...signIn, accessToken: 'evil', issuedAt: 42 + 60 * 60_000 } }],
    ['tokens without an access token', { type: 'tokens', tokens: { ...signIn, accessToken: '', issuedAt: 2000 } }],
    ['lost with a failure that is not definite', { type: 'lost', identityUrl: IDENTITY, issuedAt: 2000, at: 40, failure: { kind: 'transient', connectionLost: false, retryable: true } }],
    [
      'lost with an identity over http',
      { type: 'lost', identityUrl: IDENTITY.replace('https:', 'http:'), issuedAt: 2000, at: 40, failure: { kind: 'bad_oauth_token', connectionLost: true, retryable: false } },
    ],
    ['signed_out dated in the future', { type: 'signed_out', identityUrl: IDENTITY, at: 42 + 60 * 60_000 }],
  ];

  it.each(forged)('%s: dropped, counted, the session untouched', async (_, raw) => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const hub = createInProcessCrossPaneHub();
    const drops = createCrossPaneDropCounter();
    const a = pane(endpoint, { lock: createInProcessLock(), channel: hub.connect(), store: memoryStore(), drops });
    await a.session.begin(signIn, LOGIN);
    hub.inject(raw);
    await new Promise((r) => setTimeout(r, 10));
    expect(drops.count()).toBe(1);
    expect(a.session.current()?.accessToken).toBe('access-0');
    expect(a.session.lostFailure()).toBeUndefined();
    expect(a.actions.map((x) => x.type)).toEqual(['tokens_received']);
  });

  it("another seller's well-formed announcement is ignored without being counted", async () => {
    const hub = createInProcessCrossPaneHub();
    const drops = createCrossPaneDropCounter();
    const a = pane(fakeTokenEndpoint({ rotation: true }), { lock: createInProcessLock(), channel: hub.connect(), store: memoryStore(), drops });
    await a.session.begin(signIn, LOGIN);
    hub.inject({ type: 'tokens', tokens: { ...signIn, accessToken: 'alex', identityUrl: OTHER_SELLER, issuedAt: 2000 } });
    hub.inject({ type: 'signed_out', identityUrl: OTHER_SELLER, at: 40 });
    await new Promise((r) => setTimeout(r, 10));
    expect(drops.count()).toBe(0);
    expect(a.session.current()?.accessToken).toBe('access-0');
  });

  it('a good message still passes: newer tokens of the same seller on the same instance are adopted', async () => {
    const hub = createInProcessCrossPaneHub();
    const drops = createCrossPaneDropCounter();
    const a = pane(fakeTokenEndpoint({ rotation: true }), { lock: createInProcessLock(), channel: hub.connect(), store: memoryStore(), drops });
    await a.session.begin(signIn, LOGIN);
    hub.inject({ type: 'tokens', tokens: { ...signIn, accessToken: 'access-9', refreshToken: 'refresh-9', issuedAt: 2000, extra: '<script>' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(drops.count()).toBe(0);
    expect(a.session.current()?.accessToken).toBe('access-9');
    expect(a.session.revocable()?.refreshToken).toBe('refresh-9');
  });
});

describe('token session: sign-out reaches every pane of the same seller', () => {
  it("a sign-out in one pane drops the tokens of the seller's other panes, and leaves another seller's pane alone", async () => {
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const hub = createInProcessCrossPaneHub();
    const lock = createInProcessLock();
    let told = 0;
    const a = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore() });
    const b = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore(), onSignedOutElsewhere: () => told++ });
    const alex = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore() });
    await a.session.begin(signIn, LOGIN);
    await b.session.begin(signIn, LOGIN);
    const ALEX = 'https://login.example/id/00D5e000000DemoAAA/0055e000002AlxAAAS';
    await alex.session.begin({ accessToken: 'access-alex', refreshToken: 'refresh-alex', instanceUrl: 'https://instance.example', identityUrl: ALEX, issuedAt: 1000 }, LOGIN);

    a.session.end({ everywhere: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(a.session.current()).toBeUndefined();
    expect(b.session.current()).toBeUndefined();
    expect(b.session.revocable()).toBeUndefined();
    expect(b.actions.at(-1)).toEqual({ type: 'signed_out' });
    expect(told).toBe(1);
    expect(alex.session.current()?.accessToken).toBe('access-alex');
    await expect(b.session.refresh('access-0')).rejects.toMatchObject({ failure: { code: 'NOT_SIGNED_IN' } });
  });

  it('a pane that only drops its tokens (a failed restore) tells nobody', async () => {
    const hub = createInProcessCrossPaneHub();
    const lock = createInProcessLock();
    const endpoint = fakeTokenEndpoint({ rotation: true });
    const a = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore() });
    const b = pane(endpoint, { lock, channel: hub.connect(), store: memoryStore() });
    await a.session.begin(signIn, LOGIN);
    await b.session.begin(signIn, LOGIN);
    a.session.end();
    await new Promise((r) => setTimeout(r, 10));
    expect(b.session.current()?.accessToken).toBe('access-0');
  });
});
