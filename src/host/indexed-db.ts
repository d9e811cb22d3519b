/**
 * The IndexedDB building blocks every store of the add-in uses (token store, pending revokes, outbox, the refresh
 * lock's lease): a request or a transaction as a promise. One copy, so every store settles and fails the same way.
 */
import { deadlineError } from '../shared/deadline';

/** Resolves with the request's result, rejects with its error. */
export function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves once the transaction committed; rejects when it failed or aborted (a quota error aborts it). */
export function idbTransactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** An object store with its own key path and indexes (the outbox); a plain name is a key-value store. */
export interface ObjectStoreSchema {
  name: string;
  keyPath: string;
  indexes?: ReadonlyArray<{ name: string; keyPath: string }>;
}

export interface KeyValueDatabase {
  /** Opens now, so a database that cannot open fails here rather than at its first use. */
  open(): Promise<void>;
  /** One transaction on one object store: `run` makes the request, the answer comes once the transaction committed. */
  withStore<T>(store: string, mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T>;
  /** Several requests in one transaction: `run` makes them (callbacks, no awaits), its value comes back once committed. */
  transaction<T>(store: string, mode: IDBTransactionMode, run: (store: IDBObjectStore) => T): Promise<T>;
  /** Closes this pane's connection, if open; the next use opens again. */
  close(): Promise<void>;
}

export interface KeyValueDatabaseOptions {
  /**
   * How long the open may take. Past it (a blocked upgrade, a webview's broken IndexedDB) the open counts as failed,
   * with a TimeoutError, and the next use opens again. Default: no deadline.
   */
  openDeadlineMs?: number;
}

function createStore(db: IDBDatabase, store: string | ObjectStoreSchema): void {
  const schema = typeof store === 'string' ? { name: store } : store;
  if (db.objectStoreNames.contains(schema.name)) return;
  if (!('keyPath' in schema)) {
    db.createObjectStore(schema.name);
    return;
  }
  const created = db.createObjectStore(schema.name, { keyPath: schema.keyPath });
  for (const index of schema.indexes ?? []) created.createIndex(index.name, index.keyPath, { unique: false });
}

/**
 * A database of object stores (plain key-value ones, or with a key path and indexes), opened on first use and kept
 * open. Another pane deleting it (a sign-out) closes this connection through versionchange, and the browser may close
 * it (storage cleared); the next use then opens it again, recreated empty.
 */
export function openKeyValueDatabase(factory: IDBFactory, name: string, stores: ReadonlyArray<string | ObjectStoreSchema>, options: KeyValueDatabaseOptions = {}): KeyValueDatabase {
  let opening: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    if (opening) return opening;
    const attempt = new Promise<IDBDatabase>((resolve, reject) => {
      let timedOut = false;
      const timer =
        options.openDeadlineMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              reject(deadlineError('IndexedDB did not open in time.'));
            }, options.openDeadlineMs);
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        for (const store of stores) createStore(request.result, store);
      };
      request.onsuccess = () => {
        const db = request.result;
        clearTimeout(timer);
        // Given up on already, and opened again since: this late connection would only block a later delete.
        if (timedOut) return db.close();
        // Only this attempt's own connection may be forgotten: a newer one may already be opening.
        const forget = () => {
          if (opening === attempt) opening = undefined;
        };
        db.onversionchange = () => {
          db.close();
          forget();
        };
        db.onclose = forget;
        resolve(db);
      };
      request.onerror = () => {
        clearTimeout(timer);
        reject(request.error ?? new Error('IndexedDB open failed'));
      };
    });
    // A failed or timed-out open is not kept: the next use tries again (the failure reaches whoever awaited the open).
    attempt.catch(() => {
      if (opening === attempt) opening = undefined;
    });
    opening = attempt;
    return attempt;
  };
  return {
    async open() {
      await open();
    },
    async withStore(store, mode, run) {
      const tx = (await open()).transaction(store, mode);
      const result = idbRequest(run(tx.objectStore(store)));
      await idbTransactionDone(tx);
      return result;
    },
    async transaction(store, mode, run) {
      const tx = (await open()).transaction(store, mode);
      const result = run(tx.objectStore(store));
      await idbTransactionDone(tx);
      return result;
    },
    async close() {
      if (!opening) return;
      const closing = opening;
      opening = undefined;
      // A failed open was reported to whoever awaited it; here it only means there is nothing to close.
      const db = await closing.catch(() => undefined);
      db?.close();
    },
  };
}
