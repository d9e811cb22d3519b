/**
 * Sign-out's sweep of what this account left in the browser besides the token store: the outbox and CRM caches in
 * IndexedDB and the add-in's localStorage keys. Scoped: in Outlook on the web only this partition's databases and
 * keys go, and other Microsoft accounts' token stores are never touched. Bounded: a database another pane holds
 * open is asked to close (versionchange) and not waited for beyond the deadline.
 */
import { PENDING_REVOKE_DB_PREFIX } from './pending-revoke';
import { TOKEN_DB_PREFIX } from './token-store';

export interface AccountStorageDeps {
  indexedDB?: IDBFactory;
  localStorage?: Storage;
  partitionKey?: string;
  /** This account's token database (deleted); other `sf-auth:` databases belong to other accounts. */
  ownTokenDatabase: string;
  /**
   * Databases several Salesforce users share (the outbox holds every user's waiting work of this partition). The
   * caller has already removed this user's records; the database itself goes only once nothing is left in it, so one
   * user's sign-out never loses another's unsent work.
   */
  sharedDatabases?: string[];
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
    } catch {
      finish(false);
    }
  });
}

function belongsToAccount(name: string, deps: AccountStorageDeps): boolean {
  if (name === deps.ownTokenDatabase) return true;
  if (name.startsWith(`${TOKEN_DB_PREFIX}:`)) return false;
  // Revocations still owed, this sign-out's among them: they must outlive it (pending-revoke.ts).
  if (name.startsWith(`${PENDING_REVOKE_DB_PREFIX}:`)) return false;
  if (!deps.partitionKey) return true;
  return name.includes(deps.partitionKey) || name.includes(encodeURIComponent(deps.partitionKey));
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
    } catch {
      done();
    }
  });
}

export async function wipeAccountStorage(deps: AccountStorageDeps): Promise<string[]> {
  const removed: string[] = [];
  const timeoutMs = deps.timeoutMs ?? 3000;
  if (deps.indexedDB) {
    let names: string[] = [];
    try {
      names = (await deps.indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
    } catch {
      // Browsers without databases(): at least the account's own token store goes.
      names = [deps.ownTokenDatabase];
    }
    const shared = new Set(deps.sharedDatabases ?? []);
    const candidates = names.filter((name) => belongsToAccount(name, deps));
    const mine: string[] = [];
    for (const name of candidates) {
      if (!shared.has(name) || (await isEmptyDatabase(deps.indexedDB, name, timeoutMs))) mine.push(name);
    }
    await Promise.all(mine.map((name) => deleteDatabase(deps.indexedDB!, name, timeoutMs)));
    removed.push(...mine);
  }
  if (deps.localStorage) {
    const storage = deps.localStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && (!deps.partitionKey || key.startsWith(deps.partitionKey))) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
    removed.push(...keys.map((k) => `localStorage:${k}`));
  }
  return removed;
}
