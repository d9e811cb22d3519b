/** Over 300 lines on purpose: the auth controller's scenarios, one each, read top to bottom. */
import { IDBFactory } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxOwner } from '../salesforce/outbox/outbox';
import type { ConnectionState, SalesforceIdentity, SalesforceTokens } from '../salesforce/salesforce-api';
import { createAuthController, type AuthControllerDeps, type ConnectionControl } from './auth-controller';
import { createPendingRevokeRetrier, createPendingRevokeStore, type RevokeOutcome } from './pending-revoke';
import type { SignInOutcome } from './sign-in-flow';
import { createTokenStore, type TokenStore } from './token-store';
import { ALEX, SAM } from '../testing/fake-salesforce-api';

const tokensFor = (who: SalesforceIdentity, rt = `rt-${who.userId}`): SalesforceTokens => ({
  accessToken: `at-${who.userId}`,
  refreshToken: rt,
  instanceUrl: who.instanceUrl,
  identityUrl: `${who.loginUrl}/id/${who.orgId}/${who.userId}`,
  issuedAt: 1,
});

function fakeConnection() {
  let state: ConnectionState = { status: 'signed_out' };
  let identity: SalesforceIdentity | undefined;
  const log: string[] = [];
  let restoreResult: ConnectionState = { status: 'connected' };
  const connection: ConnectionControl = {
    identity: () => identity,
    state: () => state,
    subscribe: () => () => undefined,
    start: (tokens, who) => {
      log.push(`start:${who.userId}:${tokens.accessToken}`);
      identity = who;
      state = { status: 'connected' };
    },
    restore: async (rt, who) => {
      log.push(`restore:${who.userId}:${rt}`);
      identity = who;
      state = restoreResult;
    },
    signOut: () => {
      log.push('signOut');
      identity = undefined;
      state = { status: 'signed_out' };
    },
    revoke: async () => {
      log.push('revoke');
    },
  };
  return {
    connection,
    log,
    lose: () => {
      state = { status: 'lost', failure: { kind: 'session_expired', connectionLost: true, retryable: false }, at: 1 };
    },
    restoreTo: (next: ConnectionState) => {
      restoreResult = next;
    },
  };
}

function fakeOutbox() {
  const log: string[] = [];
  const pending = new Map<string, number>();
  const key = (o: OutboxOwner) => `${o.orgId}/${o.userId}`;
  return {
    log,
    pending,
    outbox: {
      resume: (o: OutboxOwner) => log.push(`resume:${o.userId}`),
      pause: () => log.push('pause'),
      pendingCount: async (o: OutboxOwner) => pending.get(key(o)) ?? 0,
      discardAll: async (o: OutboxOwner) => {
        log.push(`discardAll:${o.userId}`);
        pending.delete(key(o));
      },
    },
  };
}

let store: TokenStore;
let idb: IDBFactory;

beforeEach(() => {
  idb = new IDBFactory();
  store = createTokenStore({ partitionKey: 'p' }, { indexedDB: idb, crypto: webcrypto as unknown as Crypto });
});

function setup(outcomes: SignInOutcome[]) {
  const conn = fakeConnection();
  const box = fakeOutbox();
  const requests: Array<{ forceLogin?: boolean; loginUrl: string }> = [];
  const events: string[] = [];
  const deps: AuthControllerDeps = {
    connection: conn.connection,
    tokenStore: store,
    signIn: async (request) => {
      requests.push({ forceLogin: request.forceLogin, loginUrl: request.settings.loginUrl });
      return outcomes.shift() ?? { status: 'cancelled' };
    },
    settingsFor: (loginUrl) => ({ loginUrl: loginUrl ?? 'http://localhost:8787', clientId: 'c', redirectUri: 'https://a/cb', apiVersion: '62.0', requestTimeoutMs: 1000 }),
    outbox: box.outbox,
    microsoftAuth: { signOut: async () => void events.push('microsoftSignOut') },
    ownerExtras: { partitionKey: 'p' },
    wipeAccountStorage: async () => void events.push('wipeAccountStorage'),
    clearCrmCache: () => events.push('clearCrmCache'),
    setCurrentUser: (user) => events.push(`currentUser:${user?.userId ?? 'none'}`),
    bestEffortTimeoutMs: 100,
  };
  return { controller: createAuthController(deps), conn, box, requests, events, deps };
}

describe('auth controller', () => {
  it('shows the welcome screen when nothing is stored', async () => {
    const { controller } = setup([]);
    expect(controller.snapshot().status).toBe('starting');
    await controller.start();
    expect(controller.snapshot().status).toBe('signed_out');
  });

  it('signs in, stores the refresh token encrypted and the last session, and resumes the outbox', async () => {
    const { controller, conn, box } = setup([{ status: 'signed_in', tokens: tokensFor(SAM), identity: SAM }]);
    await controller.start();
    await controller.signIn();
    expect(controller.snapshot()).toMatchObject({ status: 'signed_in', identity: SAM });
    expect(conn.log).toEqual([`start:${SAM.userId}:at-${SAM.userId}`]);
    expect(await store.loadRefreshToken(SAM)).toBe(`rt-${SAM.userId}`);
    expect(await store.loadLastSession()).toMatchObject({ orgId: SAM.orgId, userId: SAM.userId, loginUrl: SAM.loginUrl });
    expect(box.log).toEqual([`resume:${SAM.userId}`]);
  });

  it('disposed while the sign-in dialog is open (the Microsoft account changed): the late answer stores nothing, starts nothing, resumes nothing', async () => {
    let answer: (outcome: SignInOutcome) => void = () => undefined;
    const { controller, deps, conn, box, events } = setup([]);
    const late = createAuthController({ ...deps, signIn: () => new Promise<SignInOutcome>((resolve) => (answer = resolve)) });
    await late.start();
    const signingIn = late.signIn();
    late.dispose();
    answer({ status: 'signed_in', tokens: tokensFor(SAM), identity: SAM });
    await signingIn;
    expect(conn.log).toEqual([]);
    expect(box.log).toEqual([]);
    expect(events).toEqual(['currentUser:none']);
    expect(await store.loadLastSession()).toBeUndefined();
    expect(await store.loadRefreshToken(SAM)).toBeUndefined();
    expect(controller.snapshot().status).toBe('starting');
  });

  it('disposed while restoring: the outbox is not resumed for the replaced app state', async () => {
    await store.saveRefreshToken(SAM, 'stored-rt');
    await store.saveLastSession({ ...SAM });
    const { controller, box, events } = setup([]);
    const starting = controller.start();
    controller.dispose();
    await starting;
    expect(box.log).toEqual([]);
    expect(events).toEqual(['currentUser:none']);
  });

  it('restores silently at start-up, without a dialog', async () => {
    await store.saveRefreshToken(SAM, 'stored-rt');
    await store.saveLastSession({ ...SAM });
    const { controller, conn, requests, box } = setup([]);
    await controller.start();
    expect(requests).toHaveLength(0);
    expect(conn.log).toEqual([`restore:${SAM.userId}:stored-rt`]);
    expect(controller.snapshot()).toMatchObject({ status: 'signed_in', identity: { userId: SAM.userId } });
    expect(box.log).toEqual([`resume:${SAM.userId}`]);
  });

  it('start({ restore: false }) (app state rebuilt right after a Sign out) shows the welcome screen and restores nothing', async () => {
    await store.saveRefreshToken(SAM, 'stored-rt');
    await store.saveLastSession({ ...SAM });
    const { controller, conn, box } = setup([]);
    await controller.start({ restore: false });
    expect(controller.snapshot().status).toBe('signed_out');
    expect(conn.log).toEqual([]);
    expect(box.log).toEqual([]);
    // Once per controller: a later plain start() does not restore either.
    await controller.start();
    expect(conn.log).toEqual([]);
  });

  it('stays signed in (banner, not welcome) when the restore finds the connection lost', async () => {
    await store.saveRefreshToken(SAM, 'dead-rt');
    await store.saveLastSession({ ...SAM });
    const { controller, conn } = setup([]);
    conn.restoreTo({ status: 'lost', failure: { kind: 'bad_oauth_token', connectionLost: true, retryable: false }, at: 1 });
    await controller.start();
    expect(controller.snapshot().status).toBe('signed_in');
  });

  it('goes to the welcome screen when the restore ends signed out', async () => {
    await store.saveRefreshToken(SAM, 'rt');
    await store.saveLastSession({ ...SAM });
    const { controller, conn } = setup([]);
    conn.restoreTo({ status: 'signed_out' });
    await controller.start();
    expect(controller.snapshot().status).toBe('signed_out');
  });

  it('signs in again as the same user in place: same session key, no notice, outbox resumed', async () => {
    const { controller, conn, box, requests } = setup([
      { status: 'signed_in', tokens: tokensFor(SAM), identity: SAM },
      { status: 'signed_in', tokens: tokensFor(SAM, 'rt-2'), identity: SAM },
    ]);
    await controller.start();
    await controller.signIn();
    const key = controller.snapshot().sessionKey;
    conn.lose();
    await controller.signInAgain();
    expect(requests[1]).toMatchObject({ forceLogin: true, loginUrl: SAM.loginUrl });
    expect(controller.snapshot()).toMatchObject({ status: 'signed_in', sessionKey: key });
    expect(controller.snapshot().notice).toBeUndefined();
    expect(box.log.filter((l) => l.startsWith('resume'))).toEqual([`resume:${SAM.userId}`, `resume:${SAM.userId}`]);
    expect(await store.loadRefreshToken(SAM)).toBe('rt-2');
  });

  it('signs in again as another user: says so, does not resume the first user, starts clean', async () => {
    const { controller, conn, box, events } = setup([
      { status: 'signed_in', tokens: tokensFor(SAM), identity: SAM },
      { status: 'signed_in', tokens: tokensFor(ALEX), identity: ALEX },
    ]);
    await controller.start();
    await controller.signIn();
    box.pending.set(`${SAM.orgId}/${SAM.userId}`, 2);
    const key = controller.snapshot().sessionKey;
    conn.lose();
    box.log.length = 0;
    await controller.signInAgain();
    const snap = controller.snapshot();
    expect(snap).toMatchObject({ status: 'signed_in', identity: ALEX, sessionKey: key + 1 });
    expect(snap.notice).toMatchObject({ type: 'switched_user', previous: SAM, identity: ALEX, unsentCount: 2 });
    expect(box.log).toEqual(['pause', `resume:${ALEX.userId}`]);
    expect(box.pending.get(`${SAM.orgId}/${SAM.userId}`)).toBe(2); // kept for Sam, not sent
    expect(events).toContain('clearCrmCache');
    expect(await store.loadRefreshToken(SAM)).toBeUndefined();
    expect(await store.loadLastSession()).toMatchObject({ userId: ALEX.userId });
  });

  it('keeps the seller where they were when the dialog is closed', async () => {
    const { controller, conn } = setup([{ status: 'signed_in', tokens: tokensFor(SAM), identity: SAM }, { status: 'cancelled' }]);
    await controller.start();
    await controller.signIn();
    conn.lose();
    await controller.signInAgain();
    expect(controller.snapshot()).toMatchObject({ status: 'signed_in', identity: SAM });
    expect(controller.snapshot().notice).toBeUndefined();
    expect(controller.snapshot().busy).toBeUndefined();
  });

  it('a failure after the dialog (the connection refuses the tokens) ends as a notice, never a pane stuck busy', async () => {
    const { controller, conn } = setup([{ status: 'signed_in', tokens: tokensFor(SAM), identity: SAM }]);
    conn.connection.start = () => {
      throw new TypeError('storage exploded');
    };
    await controller.start();
    await expect(controller.signIn()).resolves.toBeUndefined();
    expect(controller.snapshot().busy).toBeUndefined();
    expect(controller.snapshot().notice).toMatchObject({ type: 'sign_in_problem', problem: { status: 'dialog_failed', message: 'TypeError' } });
  });

  it('reports a dialog failure as a notice and stays put', async () => {
    const { controller } = setup([{ status: 'dialog_failed', code: 12011, message: 'blocked' }]);
    await controller.start();
    await controller.signIn();
    expect(controller.snapshot()).toMatchObject({ status: 'signed_out', notice: { type: 'sign_in_problem', problem: { code: 12011 } } });
    controller.dismissNotice();
    expect(controller.snapshot().notice).toBeUndefined();
  });

  it('signs out: revokes, discards, wipes, signs out of Microsoft, back to welcome', async () => {
    const { controller, conn, box, events } = setup([{ status: 'signed_in', tokens: tokensFor(SAM), identity: SAM }]);
    await controller.start();
    await controller.signIn();
    box.pending.set(`${SAM.orgId}/${SAM.userId}`, 1);
    expect(await controller.pendingWork()).toBe(1);
    await controller.signOut();
    expect(conn.log.slice(1)).toEqual(['revoke', 'signOut']);
    expect(box.log).toContain(`discardAll:${SAM.userId}`);
    expect(events).toEqual(expect.arrayContaining(['wipeAccountStorage', 'microsoftSignOut', 'currentUser:none']));
    expect(controller.snapshot()).toMatchObject({ status: 'signed_out' });
    expect(controller.snapshot().identity).toBeUndefined();
    expect((await idb.databases()).map((d) => d.name)).not.toContain(store.databaseName);
  });

  it('signs out even when revocation and Microsoft never answer', async () => {
    const { deps } = setup([{ status: 'signed_in', tokens: tokensFor(SAM), identity: SAM }]);
    deps.connection.revoke = () => new Promise(() => undefined);
    deps.microsoftAuth = { signOut: () => Promise.reject(new Error('offline')) };
    const again = createAuthController(deps);
    await again.start();
    await again.signIn();
    const started = Date.now();
    await again.signOut();
    expect(again.snapshot().status).toBe('signed_out');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('auth controller: revocation that reaches every token, and is owed when it cannot be sent', () => {
  /** A connection that holds a refresh token (rotations change it) and tells subscribers of its state. */
  function holdingConnection() {
    const base = fakeConnection();
    const listeners = new Set<(state: ConnectionState) => void>();
    let held: string | undefined;
    const connection: ConnectionControl = {
      ...base.connection,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      start: (tokens, who) => {
        void base.connection.start(tokens, who);
        held = tokens.refreshToken;
      },
      revocable: () => (held ? { refreshToken: held, loginUrl: SAM.loginUrl } : undefined),
      // Like the real connection: its own sign-out is a state change its subscribers see too.
      signOut: () => {
        held = undefined;
        void base.connection.signOut();
        for (const l of [...listeners]) l({ status: 'signed_out' });
      },
    };
    return {
      ...base,
      connection,
      rotate: (to: string) => {
        held = to;
      },
      /** Another pane signed this seller out: the connection dropped its tokens and says signed_out. */
      signedOutElsewhere: () => {
        held = undefined;
        void base.connection.signOut();
        for (const l of [...listeners]) l({ status: 'signed_out' });
      },
    };
  }

  function setupRevoking(outcomes: SignInOutcome[], answer: (token: string) => RevokeOutcome) {
    const conn = holdingConnection();
    const { deps, box, events } = setup(outcomes);
    const sent: string[] = [];
    const pendingRevokes = createPendingRevokeStore('p', { indexedDB: idb, crypto: webcrypto as unknown as Crypto });
    const revokeRefreshToken = async (_: string, token: string) => {
      sent.push(token);
      return answer(token);
    };
    const full: AuthControllerDeps = {
      ...deps,
      connection: conn.connection,
      revokeRefreshToken,
      pendingRevokes,
      retryPendingRevokes: createPendingRevokeRetrier(pendingRevokes, revokeRefreshToken),
    };
    return { controller: createAuthController(full), conn, box, events, sent, pendingRevokes, deps: full };
  }

  it('sign-out revokes both the held and the stored refresh token when they differ (a rotation the store missed)', async () => {
    const { controller, conn, sent } = setupRevoking([{ status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM }], () => 'revoked');
    await controller.start();
    await controller.signIn();
    conn.rotate('rt-2'); // held in memory; its save failed, the store still has rt-1
    await controller.signOut();
    expect(sent.sort()).toEqual(['rt-1', 'rt-2']);
    expect(controller.snapshot().status).toBe('signed_out');
  });

  it('the same token held and stored is revoked once', async () => {
    const { controller, sent } = setupRevoking([{ status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM }], () => 'revoked');
    await controller.start();
    await controller.signIn();
    await controller.signOut();
    expect(sent).toEqual(['rt-1']);
  });

  it('offline at sign-out: the revocation is owed (encrypted), sent at the next start, and then gone', async () => {
    let online = false;
    const first = setupRevoking([{ status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM }], () => (online ? 'revoked' : 'retry'));
    await first.controller.start();
    await first.controller.signIn();
    await first.controller.signOut();
    expect(first.controller.snapshot().status).toBe('signed_out');
    expect((await first.pendingRevokes.list()).map((r) => r.refreshToken)).toEqual(['rt-1']);

    // The pane opens again, online now.
    online = true;
    const second = setupRevoking([], () => 'revoked');
    await second.controller.start();
    await vi.waitFor(async () => expect(await second.pendingRevokes.list()).toEqual([]));
    expect(second.sent).toEqual(['rt-1']);
  });

  it('owed revocations are sent again when the browser comes back online', async () => {
    let online = false;
    const onlineListeners: Array<() => void> = [];
    const s = setupRevoking([{ status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM }], () => (online ? 'revoked' : 'retry'));
    const controller = createAuthController({ ...s.deps, onOnline: (l) => (onlineListeners.push(l), () => undefined) });
    await controller.start();
    await controller.signIn();
    await controller.signOut();
    expect(await s.pendingRevokes.list()).toHaveLength(1);
    online = true;
    onlineListeners.forEach((l) => l());
    await vi.waitFor(async () => expect(await s.pendingRevokes.list()).toEqual([]));
  });

  it("switching Salesforce user revokes the previous user's refresh tokens (held and stored)", async () => {
    const { controller, conn, sent } = setupRevoking(
      [
        { status: 'signed_in', tokens: tokensFor(SAM, 'rt-sam-1'), identity: SAM },
        { status: 'signed_in', tokens: tokensFor(ALEX, 'rt-alex'), identity: ALEX },
      ],
      () => 'revoked',
    );
    await controller.start();
    await controller.signIn();
    conn.rotate('rt-sam-2');
    conn.lose();
    await controller.signInAgain();
    expect(controller.snapshot()).toMatchObject({ status: 'signed_in', identity: ALEX });
    expect(sent.sort()).toEqual(['rt-sam-1', 'rt-sam-2']);
    expect(await store.loadRefreshToken(SAM)).toBeUndefined();
    expect(await store.loadRefreshToken(ALEX)).toBe('rt-alex');
  });

  it('signing in again as the same user revokes nothing', async () => {
    const { controller, conn, sent } = setupRevoking(
      [
        { status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM },
        { status: 'signed_in', tokens: tokensFor(SAM, 'rt-2'), identity: SAM },
      ],
      () => 'revoked',
    );
    await controller.start();
    await controller.signIn();
    conn.lose();
    await controller.signInAgain();
    expect(sent).toEqual([]);
  });

  it('a sign-out in another pane of the seller: the welcome screen, the outbox paused, nothing cached, the stored session revoked and forgotten', async () => {
    const { controller, conn, box, events, sent } = setupRevoking([{ status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM }], () => 'revoked');
    await controller.start();
    await controller.signIn();
    const key = controller.snapshot().sessionKey;
    events.length = 0;
    conn.signedOutElsewhere();
    expect(controller.snapshot()).toMatchObject({ status: 'signed_out', sessionKey: key + 1 });
    expect(controller.snapshot().identity).toBeUndefined();
    expect(box.log.at(-1)).toBe('pause');
    expect(events).toEqual(['currentUser:none', 'clearCrmCache']);
    // This store (a pane of another Microsoft account keeps its own) must not restore the seller on reload.
    await vi.waitFor(async () => expect(await store.loadLastSession()).toBeUndefined());
    expect(await store.loadRefreshToken(SAM)).toBeUndefined();
    expect(sent).toEqual(['rt-1']);
  });

  it("a sign-out of the seller elsewhere leaves another seller's stored last session alone", async () => {
    const { controller, conn } = setupRevoking([{ status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM }], () => 'revoked');
    await controller.start();
    await controller.signIn();
    await store.saveLastSession({ ...ALEX });
    conn.signedOutElsewhere();
    await vi.waitFor(async () => expect(await store.loadRefreshToken(SAM)).toBeUndefined());
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.loadLastSession()).toMatchObject({ userId: ALEX.userId });
  });

  it('its own sign-out is not mistaken for one from another pane (one session key step, Microsoft signed out)', async () => {
    const { controller, events } = setupRevoking([{ status: 'signed_in', tokens: tokensFor(SAM, 'rt-1'), identity: SAM }], () => 'revoked');
    await controller.start();
    await controller.signIn();
    const key = controller.snapshot().sessionKey;
    await controller.signOut();
    expect(controller.snapshot().sessionKey).toBe(key + 1);
    expect(events).toContain('microsoftSignOut');
  });
});
