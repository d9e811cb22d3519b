/**
 * The chaos run's token audit can fail: a token kept in plain text in IndexedDB, or written to a log, is found; the
 * product's encrypted refresh token is not (only its ciphertext is in the dump).
 */
import { IDBFactory } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenStore } from '../../src/auth/token-store';
import { dumpIndexedDb } from './storage-dump';
import { tokenLeaksIn } from './token-audit';

const REFRESH = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ4x8Qz2LmNoPq';
const ACCESS = '00D5e000000DemoAAA!AQ4AQFakeAccessTokenFortyCharactersLong0123';
const USER = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };

describe('token audit', () => {
  it('finds no token in a dump of the encrypted token store', async () => {
    const factory = new IDBFactory();
    const store = createTokenStore({ partitionKey: 'p' }, { indexedDB: factory, crypto: webcrypto as unknown as Crypto });
    await store.saveRefreshToken(USER, REFRESH);
    const dump = await dumpIndexedDb(factory);
    expect(dump).toContain('hex:');
    expect(tokenLeaksIn({ storage: dump }, [REFRESH, ACCESS])).toEqual([]);
  });

  it('finds a token stored in plain text, and a piece of one in a log line', async () => {
    const factory = new IDBFactory();
    const open = factory.open('plain', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const tx = db.transaction('kv', 'readwrite');
    tx.objectStore('kv').put({ refresh: REFRESH }, 'session');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    const places = { storage: await dumpIndexedDb(factory), log: `refresh failed for ${ACCESS.slice(10, 40)}`, clean: 'nothing here' };
    expect(tokenLeaksIn(places, [REFRESH, ACCESS])).toEqual(['storage: 1 token(s)', 'log: 1 token(s)']);
  });
});
