import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { wipeAccountStorage } from './account-storage';
import { memoryStorage } from '../testing/memory-storage';

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

const ownsP1 = (key: string) => key.startsWith('p1:');

describe('wipeAccountStorage', () => {
  it('deletes exactly the named databases and the owned keys: another partition, account or add-in keeps its own', async () => {
    const idb = new IDBFactory();
    for (const name of ['sf-auth:p1:', 'sf-auth:p1:other-ms', 'p1::sf-outbox', 'p2::sf-outbox', 'p1-lookalike', 'msal.db']) await create(idb, name);
    const ls = memoryStorage({ 'p1:prefs': 'x', 'p1:draft': 'y', 'p2:prefs': 'z', 'xp1:prefs': 'w' });
    const removed = await wipeAccountStorage({ indexedDB: idb, localStorage: ls, databases: ['sf-auth:p1:'], ownsKey: ownsP1 });
    expect(removed.sort()).toEqual(['localStorage:p1:draft', 'localStorage:p1:prefs', 'sf-auth:p1:']);
    const left = (await idb.databases()).map((d) => d.name).sort();
    expect(left).toEqual(['msal.db', 'p1-lookalike', 'p1::sf-outbox', 'p2::sf-outbox', 'sf-auth:p1:other-ms']);
    expect([ls.getItem('p2:prefs'), ls.getItem('xp1:prefs'), ls.getItem('p1:prefs')]).toEqual(['z', 'w', null]);
  });

  it('does not wait for a database another pane holds open beyond the deadline', async () => {
    const idb = new IDBFactory();
    await create(idb, 'sf-auth:p1:', true);
    const started = Date.now();
    await wipeAccountStorage({ indexedDB: idb, databases: ['sf-auth:p1:'], ownsKey: ownsP1, timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
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
    const deps = { indexedDB: idb, databases: ['sf-auth:p1:', 'p1::sf-outbox'], sharedDatabases: ['p1::sf-outbox'], ownsKey: ownsP1 };
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
