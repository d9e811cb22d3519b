/**
 * One metadata source per connection for the life of the pane, so every feature (cards, create and edit forms) shares
 * one cache and one conditional describe per object. Start-up hands it the persistent cache (IndexedDB in the
 * Office partition); until then, and without IndexedDB, describes are kept in memory only.
 */
import type { SalesforceApi } from '../salesforce-api';
import { createMemoryMetadataCache, type MetadataCache } from './metadata-cache';
import { createMetadataSource, type MetadataSource } from './metadata-source';

const sources = new WeakMap<Pick<SalesforceApi, 'identity' | 'composite' | 'apiPath'>, MetadataSource>();
let sharedCache: MetadataCache = createMemoryMetadataCache();

/** The metadata source of this connection. */
export function metadataSourceFor(api: Pick<SalesforceApi, 'identity' | 'composite' | 'apiPath'>): MetadataSource {
  let source = sources.get(api);
  if (!source) {
    source = createMetadataSource(api, { cache: sharedCache });
    sources.set(api, source);
  }
  return source;
}

/** Start-up: where describes persist across sessions. Sources made before keep the cache they were made with. */
export function setMetadataCache(cache: MetadataCache): void {
  sharedCache = cache;
}
