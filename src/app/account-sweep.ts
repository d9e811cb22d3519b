/**
 * Sign-out's sweep of this account's browser storage, seen through exact-name views (src/host/storage-names.ts):
 * the token database and the partition's outbox by their exact names, and localStorage keys under the partition
 * key (or, without one, under the add-in's own prefix). With `partitionKey` undefined the origin may hold other
 * add-ins' data; the sweep cannot even see it.
 */
import { wipeAccountStorage } from '../auth/account-storage';
import { exactDatabasesView, ownedKeysView, ownsStorageKey } from '../host/storage-names';

export interface AccountSweepDeps {
  indexedDB?: IDBFactory | null;
  localStorage?: Storage;
  partitionKey?: string;
  tokenDatabase: string;
  /** Shared by every Salesforce user of the partition: deleted only once empty (account-storage.ts). */
  outboxDatabase: string;
  timeoutMs?: number;
}

export function sweepAccountStorage(deps: AccountSweepDeps): Promise<string[]> {
  const names = [deps.tokenDatabase, deps.outboxDatabase];
  return wipeAccountStorage({
    ...(deps.indexedDB ? { indexedDB: exactDatabasesView(deps.indexedDB, names) } : {}),
    ...(deps.localStorage ? { localStorage: ownedKeysView(deps.localStorage, (key) => ownsStorageKey(deps.partitionKey, key)) } : {}),
    ...(deps.partitionKey ? { partitionKey: deps.partitionKey } : {}),
    ownTokenDatabase: deps.tokenDatabase,
    sharedDatabases: [deps.outboxDatabase],
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
  });
}
