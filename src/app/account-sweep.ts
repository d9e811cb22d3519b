/**
 * Sign-out's sweep of this account's browser storage: the token database and the partition's outbox by their exact
 * names, and localStorage keys under the partition key (or, without one, under the add-in's own prefix). With
 * `partitionKey` undefined the origin may hold other add-ins' data; nothing outside those names is touched.
 */
import { wipeAccountStorage } from '../auth/account-storage';
import { ownsStorageKey } from '../host/storage-names';

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
  return wipeAccountStorage({
    ...(deps.indexedDB ? { indexedDB: deps.indexedDB } : {}),
    ...(deps.localStorage ? { localStorage: deps.localStorage } : {}),
    databases: [deps.tokenDatabase, deps.outboxDatabase],
    sharedDatabases: [deps.outboxDatabase],
    ownsKey: (key) => ownsStorageKey(deps.partitionKey, key),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
  });
}
