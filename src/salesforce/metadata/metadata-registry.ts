/**
 * One metadata source per connection for the life of the pane, so every feature (cards, create and edit forms) shares
 * one cache and one conditional describe per object. Start-up hands it the persistent cache (IndexedDB in the
 * Office partition, metadata-persistence.ts); until then, and without IndexedDB, describes are kept in memory only.
 * Sources made before keep the cache they were made with.
 */
import type { SalesforceApi } from '../salesforce-api';
import { createIndexedDbMetadataCache } from './indexed-db-metadata-cache';
import { createMemoryMetadataCache, type MetadataCache } from './metadata-cache';
import { metadataPersistence, type MetadataPersistence } from './metadata-persistence';
import { createMetadataSource, type MetadataSource } from './metadata-source';

const sources = new WeakMap<Pick<SalesforceApi, 'identity' | 'composite' | 'apiPath'>, MetadataSource>();
let sharedCache: MetadataCache | undefined;
let sharedCacheFor: MetadataPersistence | undefined;

/** The cache where start-up said describes persist (metadata-persistence.ts), opened once; until then, memory. */
function currentCache(): MetadataCache {
  const where = metadataPersistence();
  if (!sharedCache || where !== sharedCacheFor) {
    sharedCache = where ? createIndexedDbMetadataCache(where.indexedDB, where.partitionKey) : createMemoryMetadataCache();
    sharedCacheFor = where;
  }
  return sharedCache;
}

/** The metadata source of this connection. */
export function metadataSourceFor(api: Pick<SalesforceApi, 'identity' | 'composite' | 'apiPath'>): MetadataSource {
  let source = sources.get(api);
  if (!source) {
    source = createMetadataSource(api, { cache: currentCache() });
    sources.set(api, source);
  }
  return source;
}
