import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { pendingRevokeDatabaseName } from '../auth/pending-revoke';
import { tokenDatabaseName } from '../auth/token-store';
import { ownsStorageKey } from '../host/storage-names';
import { outboxDatabaseName } from '../salesforce/outbox/outbox-store';
import { sweepAccountStorage } from './account-sweep';
import { memoryStorage } from '../testing/memory-storage';

async function create(factory: IDBFactory, name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = factory.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('s');
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}

/** Records every name a delete was asked for: the proof that no name outside the exact list is ever touched. */
function recording(factory: IDBFactory): { factory: IDBFactory; deleted: string[] } {
  const deleted: string[] = [];
  const wrapped = Object.create(factory) as IDBFactory;
  wrapped.deleteDatabase = (name: string) => {
    deleted.push(name);
    return factory.deleteDatabase(name);
  };
  wrapped.open = (name: string, version?: number) => (version === undefined ? factory.open(name) : factory.open(name, version));
  wrapped.databases = () => factory.databases();
  return { factory: wrapped, deleted };
}

describe('sign-out sweep with partitionKey undefined (some Windows webviews)', () => {
  it("deletes only the add-in's exact database names and its prefixed keys, never another add-in's data", async () => {
    const idb = new IDBFactory();
    const tokenDatabase = tokenDatabaseName({});
    const outboxDatabase = outboxDatabaseName(undefined);
    const others = ['msal.db', 'other-addin', 'other-addin::sf-outbox-archive', 'sf-outbox-other', 'sf-auth::other-ms-account'];
    for (const name of [tokenDatabase, outboxDatabase, ...others]) await create(idb, name);
    const ls = memoryStorage({ 'msal.token.keys.abc': 'x', 'other-addin.prefs': 'y', 'sellers-addin.salesforce.hint': 'z' });
    const { factory, deleted } = recording(idb);

    await sweepAccountStorage({ indexedDB: factory, localStorage: ls, tokenDatabase, outboxDatabase });

    expect(deleted.sort()).toEqual([outboxDatabase, tokenDatabase].sort());
    expect((await idb.databases()).map((d) => d.name).sort()).toEqual([...others].sort());
    expect(ls.getItem('msal.token.keys.abc')).toBe('x');
    expect(ls.getItem('other-addin.prefs')).toBe('y');
    expect(ls.getItem('sellers-addin.salesforce.hint')).toBeNull();
  });

  it('with a partition key, keeps other partitions and names that merely contain the key', async () => {
    const idb = new IDBFactory();
    const tokenDatabase = tokenDatabaseName({ partitionKey: 'p1' });
    const outboxDatabase = outboxDatabaseName('p1');
    // Revocations still owed outlive the sign-out (pending-revoke.ts): their database is never swept.
    const others = ['p2::sf-outbox', 'xp1y-cache', 'sf-auth:p1:other-ms', pendingRevokeDatabaseName('p1')];
    for (const name of [tokenDatabase, outboxDatabase, ...others]) await create(idb, name);
    const ls = memoryStorage({ 'p1sellers-addin.hint': 'a', 'p2sellers-addin.hint': 'b', xp1y: 'c' });
    await sweepAccountStorage({ indexedDB: idb, localStorage: ls, partitionKey: 'p1', tokenDatabase, outboxDatabase });
    expect((await idb.databases()).map((d) => d.name).sort()).toEqual([...others].sort());
    expect([ls.getItem('p1sellers-addin.hint'), ls.getItem('p2sellers-addin.hint'), ls.getItem('xp1y')]).toEqual([null, 'b', 'c']);
  });
});

describe('storage names', () => {
  it('own keys by exact prefix, never by substring', () => {
    expect(ownsStorageKey(undefined, 'sellers-addin.x')).toBe(true);
    expect(ownsStorageKey(undefined, 'msal.x')).toBe(false);
    expect(ownsStorageKey('p1', 'p1:x')).toBe(true);
    expect(ownsStorageKey('p1', 'xp1:x')).toBe(false);
  });
});
