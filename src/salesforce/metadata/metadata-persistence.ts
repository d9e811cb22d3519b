/**
 * Where describes persist (IndexedDB in the Office partition): named by start-up, opened by the metadata registry
 * when it makes a source. A module of its own without imports, so start-up names it without carrying the metadata
 * code into the first paint; the workspace's chunk brings that code (issue 14).
 */
export interface MetadataPersistence {
  indexedDB: IDBFactory;
  partitionKey: string | undefined;
}

let persistence: MetadataPersistence | undefined;

export function metadataDatabaseName(partitionKey: string | undefined): string {
  return partitionKey ? `${partitionKey}::sf-metadata` : 'sf-metadata';
}

/** Start-up: describes persist there from the next source made on. */
export function persistMetadataIn(where: MetadataPersistence): void {
  persistence = where;
}

export function metadataPersistence(): MetadataPersistence | undefined {
  return persistence;
}
