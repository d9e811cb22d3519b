/**
 * Sign-out's sweep of what this account left in the browser: its databases, by their exact names, and the add-in's
 * localStorage keys. Exact, never by pattern: where `Office.context.partitionKey` is undefined (some Windows webviews)
 * the origin may hold other add-ins' and libraries' data, and no filter may turn a sign-out into a wildcard delete.
 * Revocations still owed live in a database of their own (pending-revoke.ts) that is never named here: they outlive
 * the sign-out. Bounded: a database another pane holds open is asked to close (versionchange) and not waited for
 * beyond the deadline.
 */
import { createLogger } from '../shared/logger';

const log = createLogger('auth.account-storage');

export interface AccountStorageDeps {
  indexedDB?: IDBFactory;
  localStorage?: Storage;
  /** The databases to delete, each by its exact name. */
  databases: readonly string[];
  /**
   * Among `databases`, the ones several Salesforce users share (the outbox holds every user's waiting work of this
   * partition). The caller has already removed this user's records; such a database goes only once nothing is left
   * in it, so one user's sign-out never loses another's unsent work.
   */
  sharedDatabases?: readonly string[];
  /** Whether a localStorage key is the add-in's own (its exact prefix). */
  ownsKey: (key: string) => boolean;
  timeoutMs?: number;
}

/** True when every object store of the database is empty, or the database cannot be read (then it is kept). */
function isEmptyDatabase(factory: IDBFactory, name: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    const finish = (empty: boolean) => {
      clearTimeout(timer);
      resolve(empty);
    };
    try {
      const open = factory.open(name);
      open.onerror = () => finish(false);
      open.onsuccess = () => {
        const db = open.result;
        const stores = [...db.objectStoreNames];
        if (stores.length === 0) {
          db.close();
          finish(true);
          return;
        }
        const tx = db.transaction(stores, 'readonly');
        const counts = stores.map((store) => tx.objectStore(store).count());
        tx.oncomplete = () => {
          db.close();
          finish(counts.every((c) => c.result === 0));
        };
        tx.onerror = () => {
          db.close();
          finish(false);
        };
      };
    } catch (error) {
      // Kept: a database that cannot be read is never taken for empty.
      log.debug(`reading database ${name} failed`, error);
      finish(false);
    }
  });
}

function deleteDatabase(factory: IDBFactory, name: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      const req = factory.deleteDatabase(name);
      req.onsuccess = done;
      req.onerror = done;
    } catch (error) {
      log.debug(`deleting database ${name} failed`, error);
      done();
    }
  });
}

export async function wipeAccountStorage(deps: AccountStorageDeps): Promise<string[]> {
  const removed: string[] = [];
  const timeoutMs = deps.timeoutMs ?? 3000;
  const factory = deps.indexedDB;
  if (factory) {
    const shared = new Set(deps.sharedDatabases ?? []);
    const mine: string[] = [];
    for (const name of deps.databases) {
      if (!shared.has(name) || (await isEmptyDatabase(factory, name, timeoutMs))) mine.push(name);
    }
    await Promise.all(mine.map((name) => deleteDatabase(factory, name, timeoutMs)));
    removed.push(...mine);
  }
  if (deps.localStorage) {
    const storage = deps.localStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && deps.ownsKey(key)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
    removed.push(...keys.map((k) => `localStorage:${k}`));
  }
  return removed;
}
