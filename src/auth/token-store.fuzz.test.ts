/**
 * Fuzzing the token store's stored records (fast-check, fixed seed, bounded runs). IndexedDB hands back whatever is
 * there: a record of another version of the add-in, a damaged one, one edited in the browser's tools. Reading never
 * throws: the refresh token is a string or absent, the last session has its fields as strings or is absent.
 */
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenStore, type LastSession, type TokenStoreDeps } from './token-store';

const RUNS = { seed: 31, numRuns: 120 };
const SAM = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };
const SECRET = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ.fake.refresh';
const SCOPE = { partitionKey: 'p1' };

/** Values IndexedDB can hold (structured-cloneable), of any shape. */
const stored = fc.anything({ maxDepth: 3, withDate: true, withMap: true, withSet: true, withTypedArray: true, withBigInt: true, withSparseArray: true });

async function writeRaw(deps: TokenStoreDeps, databaseName: string, storeName: string, key: string, value: unknown): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const open = deps.indexedDB.open(databaseName);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(storeName)) {
        db.close();
        resolve();
        return;
      }
      const tx = db.transaction(storeName, 'readwrite');
      tx.objectStore(storeName).put(value, key);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

async function readRaw(deps: TokenStoreDeps, databaseName: string, storeName: string, key: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = deps.indexedDB.open(databaseName);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction(storeName).objectStore(storeName).get(key);
      get.onsuccess = () => {
        db.close();
        resolve(get.result);
      };
      get.onerror = () => reject(get.error);
    };
    open.onerror = () => reject(open.error);
  });
}

function wellFormedSession(session: LastSession | undefined): void {
  if (session === undefined) return;
  for (const field of ['orgId', 'userId', 'loginUrl', 'instanceUrl'] as const) expect(typeof session[field], field).toBe('string');
  for (const field of ['identityUrl', 'username', 'displayName', 'email'] as const) {
    expect(session[field] === undefined || typeof session[field] === 'string', field).toBe(true);
  }
}

describe('token store records (fuzzed)', () => {
  it('any stored refresh-token record: a string or nothing, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(stored, async (value) => {
        const deps: TokenStoreDeps = { indexedDB: new IDBFactory(), crypto: webcrypto as unknown as Crypto };
        const store = createTokenStore(SCOPE, deps);
        await store.saveRefreshToken(SAM, SECRET);
        await writeRaw(deps, store.databaseName, 'tokens', `${SAM.orgId}/${SAM.userId}`, value);
        const loaded = await store.loadRefreshToken(SAM);
        expect(loaded === undefined || typeof loaded === 'string').toBe(true);
      }),
      RUNS,
    );
  });

  it('a real record with one part replaced by anything: the token as saved, or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('key', 'iv', 'ciphertext'), stored, async (part, value) => {
        const deps: TokenStoreDeps = { indexedDB: new IDBFactory(), crypto: webcrypto as unknown as Crypto };
        const store = createTokenStore(SCOPE, deps);
        await store.saveRefreshToken(SAM, SECRET);
        const key = `${SAM.orgId}/${SAM.userId}`;
        const record = (await readRaw(deps, store.databaseName, 'tokens', key)) as Record<string, unknown>;
        await writeRaw(deps, store.databaseName, 'tokens', key, { ...record, [part]: value });
        const loaded = await store.loadRefreshToken(SAM);
        expect(loaded === undefined || loaded === SECRET).toBe(true);
      }),
      RUNS,
    );
  });

  it('any stored last-session record: a last session with string fields, or nothing', async () => {
    const sessionLike = fc.oneof(
      stored,
      fc.record(
        { orgId: fc.oneof(fc.constant(SAM.orgId), stored), userId: fc.oneof(fc.constant(SAM.userId), stored), loginUrl: stored, instanceUrl: stored, identityUrl: stored, username: stored },
        { requiredKeys: ['orgId', 'userId'] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(sessionLike, async (value) => {
        const deps: TokenStoreDeps = { indexedDB: new IDBFactory(), crypto: webcrypto as unknown as Crypto };
        const store = createTokenStore(SCOPE, deps);
        await store.saveLastSession({ ...SAM, loginUrl: 'https://org.example', instanceUrl: 'https://org.example' });
        await writeRaw(deps, store.databaseName, 'meta', 'last-session', value);
        wellFormedSession(await store.loadLastSession());
      }),
      RUNS,
    );
  });
});
