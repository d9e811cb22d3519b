import { describe, expect, it } from 'vitest';
import { openOutboxStore } from './outbox-store';

/**
 * An IndexedDB that opens, then never answers an operation (seen in some webviews after a storage eviction): the
 * requests and transactions it hands out never fire a callback.
 */
function silentIndexedDb(): IDBFactory {
  const silent = () => ({}) as IDBRequest;
  const store = { index: () => ({ getAll: silent, openKeyCursor: silent }), get: silent, put: silent, delete: silent };
  const db = { transaction: () => ({ objectStore: () => store }), close: () => undefined, objectStoreNames: { contains: () => true } };
  return {
    open: () => {
      const request = { result: db } as unknown as IDBOpenDBRequest;
      setTimeout(() => (request.onsuccess as (() => void) | null)?.());
      return request;
    },
  } as unknown as IDBFactory;
}

describe('openOutboxStore: every operation within its deadline', () => {
  it.each([
    ['listByOwner', (s: Awaited<ReturnType<typeof openOutboxStore>>) => s.listByOwner('owner')],
    ['get', (s: Awaited<ReturnType<typeof openOutboxStore>>) => s.get('id')],
    ['put', (s: Awaited<ReturnType<typeof openOutboxStore>>) => s.put({ id: 'id' } as never)],
    ['update', (s: Awaited<ReturnType<typeof openOutboxStore>>) => s.update('id', (e) => e)],
    ['putUnlessPresent', (s: Awaited<ReturnType<typeof openOutboxStore>>) => s.putUnlessPresent({ id: 'id', ownerKey: 'owner' } as never, () => false)],
    ['delete', (s: Awaited<ReturnType<typeof openOutboxStore>>) => s.delete('id')],
    ['deleteByOwner', (s: Awaited<ReturnType<typeof openOutboxStore>>) => s.deleteByOwner('owner')],
  ])('%s against a store that never answers fails as a timeout', async (_name, call) => {
    const store = await openOutboxStore(silentIndexedDb(), 'partition', { deadlineMs: 30 });
    await expect(call(store)).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
