/**
 * Describe results kept across sessions in IndexedDB: one database per Office partition, one key-value store keyed
 * by org/user/object. Metadata is no CRM data (field names, labels, picklist values), so it is stored as it came; a
 * copy that no longer has the expected shape is treated as absent (the next describe is a full one). Every operation
 * is bounded: a storage that stops answering costs a full describe, never a stuck pane.
 */
import { openKeyValueDatabase } from '../../host/indexed-db';
import { deadlineError, withDeadline } from '../../shared/deadline';
import type { CachedDescribe, MetadataCache } from './metadata-cache';
import { parseDescribe } from './sobject-metadata';
import { metadataDatabaseName } from './metadata-persistence';

const STORE = 'describes';
export const METADATA_CACHE_DEADLINE_MS = 2000;

export { metadataDatabaseName };

function readEntry(value: unknown): CachedDescribe | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  // Re-reading through the parser: a stored copy from an older build gets today's shape or none.
  const metadata = parseDescribe(raw.describe);
  if (!metadata || typeof raw.checkedAt !== 'number') return undefined;
  return {
    metadata,
    checkedAt: raw.checkedAt,
    ...(typeof raw.lastModified === 'string' ? { lastModified: raw.lastModified } : {}),
    ...(typeof raw.etag === 'string' ? { etag: raw.etag } : {}),
  };
}

/** The describe as parseDescribe reads it back (its own field names). */
function describeOf(entry: CachedDescribe): Record<string, unknown> {
  const { recordTypes, ...rest } = entry.metadata;
  return { ...rest, recordTypeInfos: recordTypes };
}

export function createIndexedDbMetadataCache(factory: IDBFactory, partitionKey: string | undefined, options: { deadlineMs?: number } = {}): MetadataCache {
  const db = openKeyValueDatabase(factory, metadataDatabaseName(partitionKey), [STORE]);
  const deadlineMs = options.deadlineMs ?? METADATA_CACHE_DEADLINE_MS;
  const bounded = <T>(work: Promise<T>): Promise<T> => withDeadline(work, deadlineMs, () => deadlineError('Browser storage did not answer in time.'));
  return {
    async get(key) {
      const stored: unknown = await bounded(db.withStore(STORE, 'readonly', (store) => store.get(key)));
      return readEntry(stored);
    },
    async put(key, entry) {
      const record = { describe: describeOf(entry), checkedAt: entry.checkedAt, lastModified: entry.lastModified, etag: entry.etag };
      await bounded(db.withStore(STORE, 'readwrite', (store) => store.put(record, key)));
    },
    async clear() {
      await bounded(db.withStore(STORE, 'readwrite', (store) => store.clear()));
    },
  };
}
