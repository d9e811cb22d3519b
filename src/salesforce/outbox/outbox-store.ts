/**
 * The outbox's IndexedDB database: one per Office partition (the name is prefixed with the partition key), one object
 * store of entries indexed by owner key. Read-modify-write happens inside one transaction, so two panes claiming the
 * same entry cannot both win.
 */
import { deadlineError, withDeadline } from '../../shared/deadline';
import type { OutboxEntry } from './outbox';
import { readOutboxEntry } from './outbox-record';
import { openKeyValueDatabase } from '../../host/indexed-db';
import { outboxDatabaseName } from './outbox-database-name';

const STORE = 'entries';
const BY_OWNER = 'by-owner';

export { outboxDatabaseName };

export interface OutboxStore {
  readonly name: string;
  listByOwner(ownerKey: string): Promise<OutboxEntry[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  /**
   * Stores `entry` unless an entry of the same owner already `answers` for it; returns that one then. One transaction,
   * so two panes adding the same work at the same moment store it once.
   */
  putUnlessPresent(entry: OutboxEntry, answers: (stored: OutboxEntry) => boolean): Promise<OutboxEntry>;
  /** Atomically replaces the entry with `change(entry)`; null from `change` leaves it as is. Returns what was stored. */
  update(id: string, change: (entry: OutboxEntry) => OutboxEntry | null): Promise<OutboxEntry | null>;
  delete(id: string): Promise<void>;
  deleteByOwner(ownerKey: string): Promise<void>;
  close(): void;
}

/** How long one outbox operation may take before it fails as a timeout (a webview whose IndexedDB stops answering). */
export const OUTBOX_STORE_DEADLINE_MS = 5000;

export async function openOutboxStore(factory: IDBFactory, partitionKey: string | undefined, options: { deadlineMs?: number } = {}): Promise<OutboxStore> {
  const deadlineMs = options.deadlineMs ?? OUTBOX_STORE_DEADLINE_MS;
  // Every operation is bounded: a store that never answers fails the call (the seller sees it) instead of holding
  // a save, a send or a sign-out for good.
  const bounded =
    <A extends unknown[], T>(operation: (...args: A) => Promise<T>) =>
    (...args: A): Promise<T> =>
      withDeadline(operation(...args), deadlineMs, () => deadlineError('Browser storage did not answer in time.'));
  const name = outboxDatabaseName(partitionKey);
  // Reopened after another pane upgrades or deletes it (sign-out's sweep: recreated empty), instead of failing for
  // the pane's life; `close()` below is for good.
  const db = openKeyValueDatabase(factory, name, [{ name: STORE, keyPath: 'id', indexes: [{ name: BY_OWNER, keyPath: 'ownerKey' }] }]);
  let closedForGood = false;
  const guard = () => {
    if (closedForGood) throw new Error('outbox store closed');
  };
  await db.open();

  return {
    name,
    listByOwner: bounded(async (ownerKey: string) => {
      guard();
      const stored: unknown[] = await db.withStore(STORE, 'readonly', (store) => store.index(BY_OWNER).getAll(ownerKey));
      // Records without an entry's shape are never listed, so never sent (outbox-record.ts).
      const entries = stored.map(readOutboxEntry).filter((e): e is OutboxEntry => e !== undefined);
      return entries.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    }),
    get: bounded(async (id: string) => {
      guard();
      return readOutboxEntry(await db.withStore(STORE, 'readonly', (store) => store.get(id)));
    }),
    put: bounded(async (entry: OutboxEntry) => {
      guard();
      await db.transaction(STORE, 'readwrite', (store) => void store.put(entry));
    }),
    putUnlessPresent: bounded(async (entry: OutboxEntry, answers: (stored: OutboxEntry) => boolean) => {
      guard();
      const result: { kept: OutboxEntry; refused?: unknown } = { kept: entry };
      try {
        await db.transaction(STORE, 'readwrite', (store) => {
          // Callbacks, not awaits: the read and the write must share the transaction.
          const read = store.index(BY_OWNER).getAll(entry.ownerKey);
          read.onsuccess = () => {
            const present = (read.result as unknown[]).map(readOutboxEntry).find((e) => e !== undefined && answers(e));
            if (present) result.kept = present;
            else {
              try {
                store.put(entry);
              } catch (error) {
                // A put refused at once (a full disk, a value it cannot store): that error, not the abort's, is the answer.
                result.refused = error;
                store.transaction.abort();
              }
            }
          };
        });
      } catch (error) {
        throw result.refused ?? error;
      }
      return result.kept;
    }),
    update: bounded(async (id: string, change: (entry: OutboxEntry) => OutboxEntry | null) => {
      guard();
      const outcome = await db.transaction(STORE, 'readwrite', (store) => {
        const result: { stored: OutboxEntry | null } = { stored: null };
        // Callbacks, not awaits, inside the transaction: it must not auto-commit between the read and the write.
        const read = store.get(id);
        read.onsuccess = () => {
          const existing = readOutboxEntry(read.result);
          if (!existing) return;
          const next = change(existing);
          if (next && next !== existing) {
            store.put(next);
            result.stored = next;
          }
        };
        return result;
      });
      return outcome.stored;
    }),
    delete: bounded(async (id: string) => {
      guard();
      await db.transaction(STORE, 'readwrite', (store) => void store.delete(id));
    }),
    deleteByOwner: bounded(async (ownerKey: string) => {
      guard();
      await db.transaction(STORE, 'readwrite', (store) => {
        const cursorRequest = store.index(BY_OWNER).openKeyCursor(ownerKey);
        cursorRequest.onsuccess = () => {
          const cursor = cursorRequest.result;
          if (!cursor) return;
          store.delete(cursor.primaryKey);
          cursor.continue();
        };
      });
    }),
    close() {
      closedForGood = true;
      void db.close();
    },
  };
}
