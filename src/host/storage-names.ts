/**
 * The add-in's own browser storage, named exactly. Office asks add-ins to prefix what they store with
 * `Office.context.partitionKey`; where it is undefined (some Windows webviews, the classic desktop clients) the origin
 * may hold other add-ins' and libraries' databases and keys too (MSAL's, another add-in served from the same host).
 * So a sweep (sign-out) sees the add-in's storage through these views only: the exact database names it created and
 * the keys under its own prefix. Nothing else can be listed, opened or deleted through them, so no filter bug and no
 * missing partition key can turn a sign-out into a wildcard delete.
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

/** An IDBFactory that knows only `names`: `databases()` lists those that exist, open/delete of any other name throws. */
export function exactDatabasesView(factory: IDBFactory, names: readonly string[]): IDBFactory {
  const allowed = new Set(names);
  const check = (name: string) => {
    if (!allowed.has(name)) throw new DOMException(`Not one of the add-in's databases: ${name}`, 'NotAllowedError');
  };
  const view = {
    open(name: string, version?: number) {
      check(name);
      return version === undefined ? factory.open(name) : factory.open(name, version);
    },
    deleteDatabase(name: string) {
      check(name);
      return factory.deleteDatabase(name);
    },
    async databases() {
      try {
        return (await factory.databases()).filter((d) => d.name !== undefined && allowed.has(d.name));
      } catch {
        // No databases() (older browsers): the exact names; deleting one that does not exist is harmless.
        return names.map((name) => ({ name, version: 1 }));
      }
    },
    cmp: (a: unknown, b: unknown) => factory.cmp(a, b),
  };
  return view as unknown as IDBFactory;
}

/** A Storage that shows only the keys `owns` accepts; reads and writes of other keys do nothing. */
export function ownedKeysView(storage: Storage, owns: (key: string) => boolean): Storage {
  const keys = () => {
    const found: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null && owns(key)) found.push(key);
    }
    return found;
  };
  const view = {
    get length() {
      return keys().length;
    },
    key: (index: number) => keys()[index] ?? null,
    getItem: (key: string) => (owns(key) ? storage.getItem(key) : null),
    setItem: (key: string, value: string) => {
      if (owns(key)) storage.setItem(key, value);
    },
    removeItem: (key: string) => {
      if (owns(key)) storage.removeItem(key);
    },
    clear: () => {
      for (const key of keys()) storage.removeItem(key);
    },
  };
  return view as Storage;
}

/** This partition's keys: under the partition key where Office gives one, else only under the add-in's own prefix. */
export function ownsStorageKey(partitionKey: string | undefined, key: string): boolean {
  return partitionKey ? key.startsWith(partitionKey) : key.startsWith(ADDIN_KEY_PREFIX);
}
