/**
 * Revocation and rotation against the emulated org over real HTTP: the refresh token rotation never replays a spent
 * token when a save fails, sign-out revokes every grant the pane knows (held and stored), a revocation that had no
 * network is owed and sent at the next start, and switching user revokes the previous user's grant. The emulator's
 * grants control (GET /__emulator/grants) is the witness.
 */
import { IDBFactory } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import { createAuthController, type AuthControllerDeps } from '../../src/auth/auth-controller';
import { createPendingRevokeRetrier, createPendingRevokeStore, revokeRefreshToken } from '../../src/auth/pending-revoke';
import type { SignInOutcome } from '../../src/auth/sign-in-flow';
import { createTokenStore, type SalesforceUserKey, type TokenStore } from '../../src/auth/token-store';
import type { SalesforceConnection } from '../../src/salesforce/connection/salesforce-connection';
import type { StoredRefreshToken } from '../../src/salesforce/connection/token-session';
import { ADDIN_ORIGIN, CONTACTS_SOQL, connectionFor, logMark, SELLER, signIn, tokenCallsSince } from './connection-fixture';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;

afterEach(async () => {
  await emulator?.close();
});

interface Grant {
  id: string;
  username: string;
  revoked: boolean;
  revokedReason: string | null;
  rotations: number;
}

async function grants(): Promise<Grant[]> {
  const response = await fetch(`${emulator.url}/__emulator/grants`);
  return (await response.json()) as Grant[];
}

const SECOND = { username: 'second@demo.example', password: 'Demo-Pass-2' };

/** The pane's wiring (start-app.ts) with real parts: the IndexedDB token store, the connection, the revocation. */
function pane(options: { idb: IDBFactory; fetch?: typeof fetch; failSavesAfter?: number; outcomes?: SignInOutcome[] }) {
  const crypto = webcrypto as unknown as Crypto;
  const tokenStore: TokenStore = createTokenStore({ partitionKey: 'p' }, { indexedDB: options.idb, crypto });
  let currentUser: SalesforceUserKey | undefined;
  let saves = 0;
  const connection: SalesforceConnection = connectionFor(emulator.url, {
    tokenStore: {
      saveRefreshToken: async (token, issuedAt) => {
        saves++;
        if (options.failSavesAfter !== undefined && saves > options.failSavesAfter) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        if (currentUser) await tokenStore.saveRefreshToken(currentUser, token, issuedAt);
      },
      loadRefreshToken: async (): Promise<StoredRefreshToken | undefined> => (currentUser ? tokenStore.loadRefreshTokenRecord(currentUser) : undefined),
    },
  });
  const fetchFn = options.fetch ?? fetch;
  const revoke = (loginUrl: string, token: string) => revokeRefreshToken(fetchFn, loginUrl, token, 3000);
  const pendingRevokes = createPendingRevokeStore('p', { indexedDB: options.idb, crypto });
  const outcomes = options.outcomes ?? [];
  const deps: AuthControllerDeps = {
    connection: {
      identity: () => connection.identity(),
      state: () => connection.state(),
      subscribe: (l) => connection.subscribe(l),
      start: (tokens, identity) => connection.start(tokens, identity),
      restore: async (rt, identity) => {
        await connection.restore(rt, identity);
      },
      signOut: () => connection.signOut(),
      revoke: () => connection.revoke(),
      revocable: () => connection.revocable(),
    },
    tokenStore,
    signIn: async () => outcomes.shift() ?? { status: 'cancelled' },
    settingsFor: () => ({ loginUrl: emulator.url, clientId: 'demo-outlook-addin', redirectUri: `${ADDIN_ORIGIN}/auth-callback.html`, apiVersion: '62.0', requestTimeoutMs: 5000 }),
    ownerExtras: { partitionKey: 'p' },
    wipeAccountStorage: async () => undefined,
    revokeRefreshToken: revoke,
    pendingRevokes,
    retryPendingRevokes: createPendingRevokeRetrier(pendingRevokes, revoke),
    setCurrentUser: (user) => {
      currentUser = user ? { orgId: user.orgId, userId: user.userId } : undefined;
    },
    bestEffortTimeoutMs: 4000,
  };
  return { controller: createAuthController(deps), connection, tokenStore, pendingRevokes };
}

async function signedIn(user = SELLER): Promise<SignInOutcome> {
  const { tokens, identity } = await signIn(emulator.url, user);
  return { status: 'signed_in', tokens, identity };
}

describe('rotation never replays a spent token (emulator policy rotation: true)', () => {
  it('every save of a rotated token fails (quota): three refreshes, each with the newest token, no grant revoked for reuse', async () => {
    emulator = await startEmulator({ port: 0, policy: { rotation: true }, allowedOrigins: [ADDIN_ORIGIN] });
    const idb = new IDBFactory();
    const { controller, connection, tokenStore } = pane({ idb, failSavesAfter: 1, outcomes: [await signedIn()] });
    await controller.start();
    await controller.signIn();
    const identity = controller.snapshot().identity!;
    const signInToken = await tokenStore.loadRefreshToken(identity);

    for (let round = 0; round < 3; round++) {
      emulator.controls.expireSessions();
      const mark = await logMark(emulator.url);
      await expect(connection.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
      expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(1);
    }
    // The store never moved past the sign-in's token (every later save failed), yet it was never sent again.
    expect(await tokenStore.loadRefreshToken(identity)).toBe(signInToken);
    const [grant] = await grants();
    expect(grant).toMatchObject({ revoked: false, rotations: 3 });
    expect(connection.state().status).toBe('connected');
  });
});

describe('sign-out and user switch revoke every grant the pane knows', () => {
  it('sign-out revokes both the held and the stored refresh token (two grants of the seller: this pane’s and a later sign-in’s)', async () => {
    emulator = await startEmulator({ port: 0, allowedOrigins: [ADDIN_ORIGIN] });
    const idb = new IDBFactory();
    const { controller, tokenStore } = pane({ idb, outcomes: [await signedIn()] });
    await controller.start();
    await controller.signIn();
    const identity = controller.snapshot().identity!;
    // Another pane of the same account signed in again (a second grant) and saved its token in the shared store.
    const other = await signIn(emulator.url);
    await tokenStore.saveRefreshToken(identity, other.tokens.refreshToken!, other.tokens.issuedAt + 1);
    expect((await grants()).filter((g) => !g.revoked)).toHaveLength(2);

    await controller.signOut();
    const after = await grants();
    expect(after).toHaveLength(2);
    expect(after.every((g) => g.revoked)).toBe(true);
  });

  it('offline at sign-out: the grant stays alive only until the next start, which sends the owed revocation', async () => {
    emulator = await startEmulator({ port: 0, allowedOrigins: [ADDIN_ORIGIN] });
    const idb = new IDBFactory();
    let offline = false;
    // The browser's fetch while offline: a TypeError before any byte leaves.
    const browserFetch: typeof fetch = async (input, init) => {
      if (offline) throw new TypeError('Failed to fetch');
      return fetch(input, init);
    };
    const first = pane({ idb, fetch: browserFetch, outcomes: [await signedIn()] });
    await first.controller.start();
    await first.controller.signIn();
    offline = true;
    await first.controller.signOut();
    expect(first.controller.snapshot().status).toBe('signed_out');
    expect((await grants()).map((g) => g.revoked)).toEqual([false]);
    expect(await first.pendingRevokes.list()).toHaveLength(1);

    offline = false;
    const second = pane({ idb, fetch: browserFetch });
    await second.controller.start();
    await expect.poll(async () => (await grants()).map((g) => g.revoked), { timeout: 5000 }).toEqual([true]);
    await expect.poll(async () => (await second.pendingRevokes.list()).length, { timeout: 5000 }).toBe(0);
  });

  it('a revocation answered 503 is owed too, and sent when the browser is online again', async () => {
    emulator = await startEmulator({ port: 0, allowedOrigins: [ADDIN_ORIGIN] });
    const idb = new IDBFactory();
    const first = pane({ idb, outcomes: [await signedIn()] });
    await first.controller.start();
    await first.controller.signIn();
    emulator.controls.failNext({ status: 503, pathPrefix: '/services/oauth2/revoke', body: 'Service Unavailable' });
    await first.controller.signOut();
    expect((await grants()).map((g) => g.revoked)).toEqual([false]);
    const retry = createPendingRevokeRetrier(first.pendingRevokes, (loginUrl, token) => revokeRefreshToken(fetch, loginUrl, token, 3000));
    expect(await retry()).toBe(0);
    expect((await grants()).map((g) => g.revoked)).toEqual([true]);
  });

  it("switching Salesforce user revokes the previous user's grant, and leaves the new one alive", async () => {
    emulator = await startEmulator({ port: 0, allowedOrigins: [ADDIN_ORIGIN] });
    const idb = new IDBFactory();
    const { controller, connection } = pane({ idb, outcomes: [await signedIn(), await signedIn(SECOND)] });
    await controller.start();
    await controller.signIn();
    await controller.signInAgain();
    expect(controller.snapshot().identity?.username).toBe(SECOND.username);
    const byUser = Object.fromEntries((await grants()).map((g) => [g.username, g.revoked]));
    expect(byUser).toEqual({ [SELLER.username]: true, [SECOND.username]: false });
    await expect(connection.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
  });
});
