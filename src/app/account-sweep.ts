/**
 * Sign-out's sweep of this account's browser storage: the token database, the partition's outbox and its metadata
 * cache by their exact names, and localStorage keys under the partition key (or, without one, under the add-in's own prefix). With
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
  /**
   * The describe cache (salesforce/metadata): field names and labels per org and user, no CRM data, but nothing of the
   * account stays behind a sign-out. Deleted whole: another user of the partition describes again, one request more.
   */
  metadataDatabase?: string;
  timeoutMs?: number;
}

export function sweepAccountStorage(deps: AccountSweepDeps): Promise<string[]> {
  return wipeAccountStorage({
    ...(deps.indexedDB ? { indexedDB: deps.indexedDB } : {}),
    ...(deps.localStorage ? { localStorage: deps.localStorage } : {}),
    databases: [deps.tokenDatabase, deps.outboxDatabase, ...(deps.metadataDatabase ? [deps.metadataDatabase] : [])],
    sharedDatabases: [deps.outboxDatabase],
    ownsKey: (key) => ownsStorageKey(deps.partitionKey, key),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
  });
}
