/**
 * The IndexedDB building blocks every store of the add-in uses (token store, pending revokes, outbox): a request or a
 * transaction as a promise. One copy, so every store settles and fails the same way.
 */

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

/**
 * A database of plain key-value object stores, opened on first use and kept open. Another pane deleting it (a
 * sign-out) closes this connection through versionchange; the next use opens it again, recreated empty.
 */
export function openKeyValueDatabase(factory: IDBFactory, name: string, stores: readonly string[]): KeyValueDatabase {
  let opening: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        for (const store of stores) if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => {
          db.close();
          opening = undefined;
        };
        resolve(db);
      };
      request.onerror = () => {
        opening = undefined;
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
