import { IDBFactory } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTokenStore, tokenDatabaseName, type TokenStoreDeps } from './token-store';

const SAM = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };
const ALEX = { orgId: '00D5e000000DemoAAA', userId: '0055e000002AlxAAAS' };
const SECRET = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ.fake.refresh';

let deps: TokenStoreDeps;

beforeEach(() => {
  deps = { indexedDB: new IDBFactory(), crypto: webcrypto as unknown as Crypto };
});

async function rawRecord(dbName: string, key: string): Promise<{ key: CryptoKey; iv: Uint8Array; ciphertext: ArrayBuffer } | undefined> {
  return new Promise((resolve, reject) => {
    const open = deps.indexedDB.open(dbName);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('tokens').objectStore('tokens').get(key);
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  });
}

describe('token store', () => {
  it('round-trips a refresh token', async () => {
    const store = createTokenStore({ partitionKey: 'p1' }, deps);
    await store.saveRefreshToken(SAM, SECRET);
    expect(await store.loadRefreshToken(SAM)).toBe(SECRET);
    // A second store object on the same scope (a reopened pane) reads it too.
    expect(await createTokenStore({ partitionKey: 'p1' }, deps).loadRefreshToken(SAM)).toBe(SECRET);
  });

  it('keeps only ciphertext at rest, under a key that cannot be exported', async () => {
    const store = createTokenStore({ partitionKey: 'p1' }, deps);
    await store.saveRefreshToken(SAM, SECRET);
    const record = await rawRecord(store.databaseName, `${SAM.orgId}/${SAM.userId}`);
    expect(record).toBeDefined();
    const bytes = new Uint8Array(record!.ciphertext);
    const asText = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    expect(asText).not.toContain(SECRET);
    expect(bytes.length).toBe(new TextEncoder().encode(SECRET).length + 16); // GCM tag
    expect(record!.key.extractable).toBe(false);
    await expect(webcrypto.subtle.exportKey('raw', record!.key)).rejects.toThrow();
  });

  it('uses a fresh IV each time', async () => {
    const store = createTokenStore({}, deps);
    await store.saveRefreshToken(SAM, SECRET);
    const first = await rawRecord(store.databaseName, `${SAM.orgId}/${SAM.userId}`);
    await store.saveRefreshToken(SAM, SECRET);
    const second = await rawRecord(store.databaseName, `${SAM.orgId}/${SAM.userId}`);
    expect(Buffer.from(first!.iv).equals(Buffer.from(second!.iv))).toBe(false);
  });

  it('keeps users, partitions and Microsoft accounts apart', async () => {
    const p1 = createTokenStore({ partitionKey: 'p1' }, deps);
    const p2 = createTokenStore({ partitionKey: 'p2' }, deps);
    const p1Other = createTokenStore({ partitionKey: 'p1', microsoftAccountId: 'ms-2' }, deps);
    await p1.saveRefreshToken(SAM, SECRET);
    expect(await p1.loadRefreshToken(ALEX)).toBeUndefined();
    expect(await p2.loadRefreshToken(SAM)).toBeUndefined();
    expect(await p1Other.loadRefreshToken(SAM)).toBeUndefined();
    expect(new Set([p1.databaseName, p2.databaseName, p1Other.databaseName]).size).toBe(3);
  });

  it('refuses a ciphertext moved onto another user', async () => {
    const store = createTokenStore({}, deps);
    await store.saveRefreshToken(SAM, SECRET);
    const record = await rawRecord(store.databaseName, `${SAM.orgId}/${SAM.userId}`);
    await new Promise<void>((resolve, reject) => {
      const open = deps.indexedDB.open(store.databaseName);
      open.onsuccess = () => {
        const tx = open.result.transaction('tokens', 'readwrite');
        tx.objectStore('tokens').put(record, `${ALEX.orgId}/${ALEX.userId}`);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    expect(await store.loadRefreshToken(ALEX)).toBeUndefined();
    expect(await store.loadRefreshToken(SAM)).toBe(SECRET);
  });

  it('remembers the last session without secrets, and forgets it', async () => {
    const store = createTokenStore({ partitionKey: 'p1' }, deps);
    expect(await store.loadLastSession()).toBeUndefined();
    await store.saveLastSession({ ...SAM, loginUrl: 'https://login.example', instanceUrl: 'https://na1.example', accessToken: 'nope' } as never);
    const last = await store.loadLastSession();
    expect(last).toEqual({ ...SAM, loginUrl: 'https://login.example', instanceUrl: 'https://na1.example' });
    await store.clearLastSession();
    expect(await store.loadLastSession()).toBeUndefined();
  });

  it('wipes everything of its scope and nothing else', async () => {
    const mine = createTokenStore({ partitionKey: 'p1' }, deps);
    const other = createTokenStore({ partitionKey: 'p2' }, deps);
    await mine.saveRefreshToken(SAM, SECRET);
    await mine.saveLastSession({ ...SAM, loginUrl: 'https://l', instanceUrl: 'https://i' });
    await other.saveRefreshToken(SAM, 'other-secret');
    await mine.wipe();
    const names = (await deps.indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(mine.databaseName);
    expect(names).toContain(other.databaseName);
    expect(await mine.loadRefreshToken(SAM)).toBeUndefined();
    expect(await mine.loadLastSession()).toBeUndefined();
    expect(await other.loadRefreshToken(SAM)).toBe('other-secret');
  });

  it('deletes one user without touching another', async () => {
    const store = createTokenStore({}, deps);
    await store.saveRefreshToken(SAM, 'a');
    await store.saveRefreshToken(ALEX, 'b');
    await store.deleteRefreshToken(SAM);
    expect(await store.loadRefreshToken(SAM)).toBeUndefined();
    expect(await store.loadRefreshToken(ALEX)).toBe('b');
  });

  it('names databases unambiguously', () => {
    expect(tokenDatabaseName({ partitionKey: 'a:b' })).not.toBe(tokenDatabaseName({ partitionKey: 'a', microsoftAccountId: 'b' }));
  });
});

describe('token store: versions', () => {
  it('keeps the newest version: a save of an older version (a late, racing pane) leaves the newer token', async () => {
    const store = createTokenStore({ partitionKey: 'p1' }, deps);
    await store.saveRefreshToken(SAM, 'rt-2', 2000);
    await store.saveRefreshToken(SAM, 'rt-1', 1000);
    expect(await store.loadRefreshTokenRecord(SAM)).toEqual({ refreshToken: 'rt-2', issuedAt: 2000 });
    await store.saveRefreshToken(SAM, 'rt-3', 3000);
    expect(await store.loadRefreshTokenRecord(SAM)).toEqual({ refreshToken: 'rt-3', issuedAt: 3000 });
    expect(await store.loadRefreshToken(SAM)).toBe('rt-3');
  });

  it('the version is stored beside the ciphertext, and the token itself never in the clear', async () => {
    const store = createTokenStore({ partitionKey: 'p1' }, deps);
    await store.saveRefreshToken(SAM, SECRET, 1234);
    const raw = (await rawRecord(store.databaseName, `${SAM.orgId}/${SAM.userId}`)) as { issuedAt?: number; ciphertext: ArrayBuffer };
    expect(raw.issuedAt).toBe(1234);
    expect(new TextDecoder().decode(raw.ciphertext)).not.toContain(SECRET);
    expect(JSON.stringify({ ...raw, ciphertext: undefined })).not.toContain(SECRET);
  });

  it('without a version the save is dated now; a record from before versions reads as version 0', async () => {
    const store = createTokenStore({ partitionKey: 'p1' }, { ...deps, now: () => 5555 });
    await store.saveRefreshToken(SAM, 'rt');
    expect(await store.loadRefreshTokenRecord(SAM)).toEqual({ refreshToken: 'rt', issuedAt: 5555 });
    // Strip the version, as a record an older build wrote would lack it.
    await new Promise<void>((resolve, reject) => {
      const open = deps.indexedDB.open(store.databaseName);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('tokens', 'readwrite');
        const os = tx.objectStore('tokens');
        const get = os.get(`${SAM.orgId}/${SAM.userId}`);
        get.onsuccess = () => {
          const { issuedAt: _, ...legacy } = get.result as Record<string, unknown>;
          os.put(legacy, `${SAM.orgId}/${SAM.userId}`);
        };
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const fresh = createTokenStore({ partitionKey: 'p1' }, deps);
    expect(await fresh.loadRefreshTokenRecord(SAM)).toEqual({ refreshToken: 'rt', issuedAt: 0 });
    await fresh.saveRefreshToken(SAM, 'rt-new', 1);
    expect(await fresh.loadRefreshToken(SAM)).toBe('rt-new');
  });
});
