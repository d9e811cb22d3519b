/**
 * The outbox's IndexedDB database: one per Office partition (the name is prefixed with the partition key), one object
 * store of entries indexed by owner key. Read-modify-write happens inside one transaction, so two panes claiming the
 * same entry cannot both win.
 */
import { deadlineError, withDeadline } from '../../shared/deadline';
import type { OutboxEntry } from './outbox';
import { readOutboxEntry } from './outbox-record';
import { idbRequest, idbTransactionDone } from '../../host/indexed-db';

const STORE = 'entries';
const BY_OWNER = 'by-owner';

export function outboxDatabaseName(partitionKey: string | undefined): string {
  return partitionKey ? `${partitionKey}::sf-outbox` : 'sf-outbox';
}

export interface OutboxStore {
  readonly name: string;
  listByOwner(ownerKey: string): Promise<OutboxEntry[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  /** Atomically replaces the entry with `change(entry)`; null from `change` leaves it as is. Returns what was stored. */
  update(id: string, change: (entry: OutboxEntry) => OutboxEntry | null): Promise<OutboxEntry | null>;
  delete(id: string): Promise<void>;
  deleteByOwner(ownerKey: string): Promise<void>;
  close(): void;
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains(STORE)) {
      const store = db.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex(BY_OWNER, 'ownerKey', { unique: false });
    }
  };
  return idbRequest(open);
}

/** How long one outbox operation may take before it fails as a timeout (a webview whose IndexedDB stops answering). */
export const OUTBOX_STORE_DEADLINE_MS = 5000;

export async function openOutboxStore(
  factory: IDBFactory,
  partitionKey: string | undefined,
  options: { deadlineMs?: number } = {},
): Promise<OutboxStore> {
  const deadlineMs = options.deadlineMs ?? OUTBOX_STORE_DEADLINE_MS;
  // Every operation is bounded: a store that never answers fails the call (the seller sees it) instead of holding
  // a save, a send or a sign-out for good.
  const bounded =
    <A extends unknown[], T>(operation: (...args: A) => Promise<T>) =>
    (...args: A): Promise<T> =>
      withDeadline(operation(...args), deadlineMs, () => deadlineError('Browser storage did not answer in time.'));
  const name = outboxDatabaseName(partitionKey);
  let closedForGood = false;
  let current: Promise<IDBDatabase> | undefined;

  // The database can be closed under us: another pane upgrading it, or sign-out deleting it (versionchange). The
  // next operation then opens it again (recreated empty if it was deleted) instead of failing for the pane's life.
  const database = (): Promise<IDBDatabase> => {
    if (closedForGood) return Promise.reject(new Error('outbox store closed'));
    if (!current) {
      const opening = openDatabase(factory, name).then((db) => {
        db.onversionchange = () => {
          db.close();
          if (current === opening) current = undefined;
        };
        db.onclose = () => {
          if (current === opening) current = undefined;
        };
        return db;
      });
      opening.catch(() => {
        if (current === opening) current = undefined;
      });
      current = opening;
    }
    return current;
  };
  await database();

  return {
    name,
    listByOwner: bounded(async (ownerKey: string) => {
      const tx = (await database()).transaction(STORE, 'readonly');
      const stored: unknown[] = await idbRequest(tx.objectStore(STORE).index(BY_OWNER).getAll(ownerKey));
      // Records without an entry's shape are never listed, so never sent (outbox-record.ts).
      const entries = stored.map(readOutboxEntry).filter((e): e is OutboxEntry => e !== undefined);
      return entries.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    }),
    get: bounded(async (id: string) => {
      const tx = (await database()).transaction(STORE, 'readonly');
      return readOutboxEntry(await idbRequest(tx.objectStore(STORE).get(id)));
    }),
    put: bounded(async (entry: OutboxEntry) => {
      const tx = (await database()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(entry);
      await idbTransactionDone(tx);
    }),
    update: bounded(async (id: string, change: (entry: OutboxEntry) => OutboxEntry | null) => {
      const tx = (await database()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      let stored: OutboxEntry | null = null;
      // Callbacks, not awaits, inside the transaction: it must not auto-commit between the read and the write.
      const read = store.get(id);
      read.onsuccess = () => {
        const existing = readOutboxEntry(read.result);
        if (!existing) return;
        const next = change(existing);
        if (next && next !== existing) {
          store.put(next);
          stored = next;
        }
      };
      await idbTransactionDone(tx);
      return stored;
    }),
    delete: bounded(async (id: string) => {
      const tx = (await database()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(id);
      await idbTransactionDone(tx);
    }),
    deleteByOwner: bounded(async (ownerKey: string) => {
      const tx = (await database()).transaction(STORE, 'readwrite');
      const index = tx.objectStore(STORE).index(BY_OWNER);
      const cursorRequest = index.openKeyCursor(ownerKey);
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result;
        if (!cursor) return;
        tx.objectStore(STORE).delete(cursor.primaryKey);
        cursor.continue();
      };
      await idbTransactionDone(tx);
    }),
    close() {
      closedForGood = true;
      void current?.then((db) => db.close()).catch(() => {});
    },
  };
}
