/**
 * Where describe results are kept between requests (and, with the IndexedDB store, between sessions), with the
 * validators Salesforce gave them, so the next describe can ask "changed since?" and get a bodiless 304 instead.
 * Keys name org, user and object: describe answers per user (field-level security), so one seller's copy never serves
 * another.
 */
import type { SObjectMetadata } from './sobject-metadata';

export interface CachedDescribe {
  metadata: SObjectMetadata;
  /** The describe's Last-Modified header: sent back as If-Modified-Since (REST API guide, "Get Object Metadata Changes"). */
  lastModified?: string;
  /** The describe's ETag header, when Salesforce sent one; kept for diagnostics, not sent (the guide documents only If-Modified-Since for describe). */
  etag?: string;
  /** When Salesforce last confirmed it (200 or 304), epoch ms. */
  checkedAt: number;
}

export interface MetadataCache {
  get(key: string): Promise<CachedDescribe | undefined>;
  put(key: string, entry: CachedDescribe): Promise<void>;
  /** Forgets every entry (sign-out, another user). */
  clear(): Promise<void>;
}

export function metadataCacheKey(orgId: string, userId: string, sobject: string): string {
  return `${orgId}/${userId}/${sobject.toLowerCase()}`;
}

export function createMemoryMetadataCache(): MetadataCache {
  const entries = new Map<string, CachedDescribe>();
  return {
    get: (key) => Promise.resolve(entries.get(key)),
    put(key, entry) {
      entries.set(key, entry);
      return Promise.resolve();
    },
    clear() {
      entries.clear();
      return Promise.resolve();
    },
  };
}
