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

export interface KeyValueDatabase {
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

/**
 * A database of plain key-value object stores, opened on first use and kept open. Another pane deleting it (a
 * sign-out) closes this connection through versionchange; the next use opens it again, recreated empty.
 */
export function openKeyValueDatabase(factory: IDBFactory, name: string, stores: readonly string[], options: KeyValueDatabaseOptions = {}): KeyValueDatabase {
  let opening: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      let timedOut = false;
      const timer =
        options.openDeadlineMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              opening = undefined;
              reject(deadlineError('IndexedDB did not open in time.'));
            }, options.openDeadlineMs);
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        for (const store of stores) if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      };
      request.onsuccess = () => {
        const db = request.result;
        clearTimeout(timer);
        // Given up on already, and opened again since: this late connection would only block a later delete.
        if (timedOut) return db.close();
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        clearTimeout(timer);
        if (!timedOut) opening = undefined;
        reject(request.error ?? new Error('IndexedDB open failed'));
      };
    });
    return opening;
  };
  return {
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
      // A failed open was reported to whoever awaited it; here it only means there is nothing to close.
      const db = await opening.catch(() => undefined);
      db?.close();
      opening = undefined;
    },
  };
}
