import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { wipeAccountStorage } from './account-storage';

function memoryStorage(initial: Record<string, string>): Storage {
  const map = new Map(Object.entries(initial));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
}

async function create(factory: IDBFactory, name: string, keepOpen = false): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('s');
    req.onsuccess = () => {
      const db = req.result;
      if (keepOpen) db.onversionchange = () => db.close();
      else db.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

describe('wipeAccountStorage', () => {
  it('deletes this partition’s databases and keys, not another partition’s or another account’s token store', async () => {
    const idb = new IDBFactory();
    for (const name of ['sf-auth:p1:', 'sf-auth:p1:other-ms', 'p1:outbox', 'p2:outbox']) await create(idb, name);
    await create(idb, 'p1:people', true);
    const ls = memoryStorage({ 'p1:prefs': 'x', 'p1:draft': 'y', 'p2:prefs': 'z' });
    await wipeAccountStorage({ indexedDB: idb, localStorage: ls, partitionKey: 'p1', ownTokenDatabase: 'sf-auth:p1:' });
    const left = (await idb.databases()).map((d) => d.name).sort();
    expect(left).toEqual(['p2:outbox', 'sf-auth:p1:other-ms']);
    expect(ls.length).toBe(1);
    expect(ls.getItem('p2:prefs')).toBe('z');
  });

  it('without a partition key, clears every database but other accounts’ token stores, and all keys', async () => {
    const idb = new IDBFactory();
    for (const name of ['sf-auth::', 'sf-auth::ms2', 'outbox', 'people']) await create(idb, name);
    const ls = memoryStorage({ a: '1', b: '2' });
    await wipeAccountStorage({ indexedDB: idb, localStorage: ls, ownTokenDatabase: 'sf-auth::' });
    expect((await idb.databases()).map((d) => d.name)).toEqual(['sf-auth::ms2']);
    expect(ls.length).toBe(0);
  });

  it('keeps a shared database while another user’s records are in it, and deletes it once empty', async () => {
    const idb = new IDBFactory();
    await create(idb, 'p1::sf-outbox');
    await new Promise<void>((resolve) => {
      const req = idb.open('p1::sf-outbox');
      req.onsuccess = () => {
        const tx = req.result.transaction('s', 'readwrite');
        tx.objectStore('s').put({ owner: 'other user' }, 'entry-1');
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
    const deps = { indexedDB: idb, partitionKey: 'p1', ownTokenDatabase: 'sf-auth:p1:', sharedDatabases: ['p1::sf-outbox'] };
    await wipeAccountStorage(deps);
    expect((await idb.databases()).map((d) => d.name)).toEqual(['p1::sf-outbox']);

    await new Promise<void>((resolve) => {
      const req = idb.open('p1::sf-outbox');
      req.onsuccess = () => {
        const tx = req.result.transaction('s', 'readwrite');
        tx.objectStore('s').delete('entry-1');
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
    await wipeAccountStorage(deps);
    expect((await idb.databases()).map((d) => d.name)).toEqual([]);
  });
});

describe('wipeAccountStorage and owed revocations', () => {
  it('keeps the pending-revoke database: the revocations a sign-out could not send must outlive it', async () => {
    const idb = new IDBFactory();
    for (const name of ['sf-auth:p1:', 'p1:outbox', 'sf-pending-revoke:p1']) await create(idb, name);
    await wipeAccountStorage({ indexedDB: idb, partitionKey: 'p1', ownTokenDatabase: 'sf-auth:p1:' });
    expect((await idb.databases()).map((d) => d.name)).toEqual(['sf-pending-revoke:p1']);
  });

  it('without a partition key too', async () => {
    const idb = new IDBFactory();
    for (const name of ['sf-auth::', 'outbox', 'sf-pending-revoke:']) await create(idb, name);
    await wipeAccountStorage({ indexedDB: idb, ownTokenDatabase: 'sf-auth::' });
    expect((await idb.databases()).map((d) => d.name)).toEqual(['sf-pending-revoke:']);
  });
});
