/**
 * Everything a pane left in the origin's IndexedDB, as text: every database, store, key and value. What a disk copy,
 * a sync or a support dump would hold. Binary values (the encrypted refresh token's IV and ciphertext) are written as
 * hex; a CryptoKey as a marker (it cannot be read out: non-extractable).
 */
import type { IDBFactory } from 'fake-indexeddb';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof ArrayBuffer) return `hex:${hex(new Uint8Array(value))}`;
  if (ArrayBuffer.isView(value)) return `hex:${hex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))}`;
  if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey) return `[CryptoKey ${value.algorithm.name} extractable=${value.extractable}]`;
  return value;
}

export async function dumpIndexedDb(factory: IDBFactory): Promise<string> {
  const idb = factory;
  const out: Record<string, Record<string, Array<[unknown, unknown]>>> = {};
  for (const info of await idb.databases()) {
    if (!info.name) continue;
    const db = await request(idb.open(info.name));
    const stores: Record<string, Array<[unknown, unknown]>> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      const store = db.transaction(name, 'readonly').objectStore(name);
      const keys = await request(store.getAllKeys());
      const values = await request(store.getAll());
      stores[name] = keys.map((k, i) => [k, values[i]]);
    }
    db.close();
    out[info.name] = stores;
  }
  return JSON.stringify(out, replacer);
}
