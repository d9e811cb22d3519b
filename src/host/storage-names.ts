/**
 * The add-in's own browser storage, named exactly. Office asks add-ins to prefix what they store with
 * `Office.context.partitionKey`; where it is undefined (some Windows webviews, the classic desktop clients) the origin
 * may hold other add-ins' and libraries' databases and keys too (MSAL's, another add-in served from the same host).
 * So a sweep (sign-out) names the add-in's storage exactly: the database names it created and the keys under its own
 * prefix (src/auth/account-storage.ts), so no missing partition key can turn a sign-out into a wildcard delete.
 */

/** Every localStorage key the add-in writes for Salesforce starts with this, after the partition key where defined. */
export const ADDIN_KEY_PREFIX = 'sellers-addin.';

/** `partitionKey` + the add-in's own prefix: a key of this add-in in this partition. */
export function partitionedKeyPrefix(partitionKey: string | undefined): string {
  return `${partitionKey ?? ''}${ADDIN_KEY_PREFIX}`;
}

/** The start-up check's throwaway database: exact, prefixed, deleted right after. */
export function storageProbeDatabaseName(partitionKey: string | undefined): string {
  return partitionKey ? `${partitionKey}::sf-storage-probe` : 'sf-storage-probe';
}

/** This partition's keys: under the partition key where Office gives one, else only under the add-in's own prefix. */
export function ownsStorageKey(partitionKey: string | undefined, key: string): boolean {
  return partitionKey ? key.startsWith(partitionKey) : key.startsWith(ADDIN_KEY_PREFIX);
}
