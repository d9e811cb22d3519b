import { IDBFactory } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTokenStore, tokenDatabaseName, type TokenStoreDeps } from './token-store';
import { createPendingRevokeStore } from './pending-revoke';
import { forgetUnkeyedSession } from './unkeyed-session';

const SAM = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };
const LOGIN = 'https://login.example';
const session = { ...SAM, loginUrl: LOGIN, instanceUrl: 'https://instance.example' };

let deps: TokenStoreDeps;
let revoked: Array<[string, string]>;
const revokeStored = async (loginUrl: string, token: string) => {
  revoked.push([loginUrl, token]);
  return true;
};
const databaseNames = async () => (await deps.indexedDB.databases()).map((d) => d.name);

beforeEach(() => {
  deps = { indexedDB: new IDBFactory(), crypto: webcrypto as unknown as Crypto };
  revoked = [];
});

async function storeSession(scope: { partitionKey?: string; microsoftAccountId?: string }, refreshToken: string) {
  const store = createTokenStore(scope, deps);
  await store.saveRefreshToken(SAM, refreshToken);
  await store.saveLastSession(session);
}

describe('forgetUnkeyedSession', () => {
  it("revokes and wipes the partition's unkeyed session; the account's store and other partitions' stay", async () => {
    await storeSession({ partitionKey: 'p1' }, 'rt-unkeyed');
    await storeSession({ partitionKey: 'p1', microsoftAccountId: 'ms:sam.tid' }, 'rt-keyed');
    await storeSession({ partitionKey: 'p2' }, 'rt-other-partition');

    expect(await forgetUnkeyedSession({ ...deps, partitionKey: 'p1', revokeStored })).toBe(true);

    expect(revoked).toEqual([[LOGIN, 'rt-unkeyed']]);
    expect(await databaseNames()).not.toContain(tokenDatabaseName({ partitionKey: 'p1' }));
    // A pane of the partition without Microsoft sign-in now finds nothing to restore.
    expect(await createTokenStore({ partitionKey: 'p1' }, deps).loadLastSession()).toBeUndefined();
    expect(await createTokenStore({ partitionKey: 'p1', microsoftAccountId: 'ms:sam.tid' }, deps).loadRefreshToken(SAM)).toBe('rt-keyed');
    expect(await createTokenStore({ partitionKey: 'p2' }, deps).loadRefreshToken(SAM)).toBe('rt-other-partition');
  });

  it('no unkeyed session: no revocation, and no empty database left behind', async () => {
    expect(await forgetUnkeyedSession({ ...deps, partitionKey: 'p1', revokeStored })).toBe(false);
    expect(revoked).toEqual([]);
    expect(await databaseNames()).toEqual([]);
  });

  it('a revocation that fails (offline) still wipes', async () => {
    await storeSession({}, 'rt-unkeyed');
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await forgetUnkeyedSession({ ...deps, revokeStored: failing })).toBe(true);
    expect(await createTokenStore({}, deps).loadRefreshToken(SAM)).toBeUndefined();
  });
});

describe('forgetUnkeyedSession: an offline revocation is owed, not forgotten', () => {
  it('wipes the session and keeps the revocation as a pending record', async () => {
    await storeSession({ partitionKey: 'p1' }, 'rt-unkeyed');
    const pendingRevokes = createPendingRevokeStore('p1', deps);
    const offline = async () => 'retry' as const;
    expect(await forgetUnkeyedSession({ ...deps, partitionKey: 'p1', revokeStored, revokeRefreshToken: offline, pendingRevokes })).toBe(true);
    expect(await createTokenStore({ partitionKey: 'p1' }, deps).loadLastSession()).toBeUndefined();
    expect((await pendingRevokes.list()).map((r) => [r.loginUrl, r.refreshToken])).toEqual([[LOGIN, 'rt-unkeyed']]);
  });

  it('a final answer leaves nothing owed', async () => {
    await storeSession({ partitionKey: 'p1' }, 'rt-unkeyed');
    const pendingRevokes = createPendingRevokeStore('p1', deps);
    const revokeRefreshToken = async () => 'revoked' as const;
    await forgetUnkeyedSession({ ...deps, partitionKey: 'p1', revokeStored, revokeRefreshToken, pendingRevokes });
    expect(await pendingRevokes.list()).toEqual([]);
  });
});
