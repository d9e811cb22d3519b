import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TokenStore } from '../auth/token-store';
import { createFallbackTokenStore } from './fallback-token-store';
import { createStorageHealth, probeIndexedDb, STORAGE_DEADLINE_MS } from './storage-health';

const silentFactory = { open: () => ({}), deleteDatabase: () => ({}) } as unknown as globalThis.IDBFactory;
const user = { orgId: '00D1', userId: '0051' };

describe('probeIndexedDb', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says yes for a working IndexedDB and leaves no probe database behind', async () => {
    const idb = new IDBFactory();
    await expect(probeIndexedDb(idb, 'sf-storage-probe')).resolves.toBe(true);
    await new Promise((r) => setTimeout(r, 10));
    expect((await idb.databases()).map((d) => d.name)).toEqual([]);
  });

  it('says no when IndexedDB is missing or throws', async () => {
    await expect(probeIndexedDb(undefined, 'p')).resolves.toBe(false);
    const throwing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as globalThis.IDBFactory;
    await expect(probeIndexedDb(throwing, 'p')).resolves.toBe(false);
  });

  it('says no, after the deadline, when open never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let answer: boolean | undefined;
    void probeIndexedDb(silentFactory, 'p').then((ok) => (answer = ok));
    await vi.advanceTimersByTimeAsync(STORAGE_DEADLINE_MS - 1);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer).toBe(false);
  });
});

describe('createFallbackTokenStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const hungStore: TokenStore = {
    databaseName: 'sf-auth::',
    saveRefreshToken: () => new Promise(() => {}),
    loadRefreshToken: () => new Promise(() => {}),
    loadRefreshTokenRecord: () => new Promise(() => {}),
    deleteRefreshToken: () => new Promise(() => {}),
    saveLastSession: () => new Promise(() => {}),
    loadLastSession: () => new Promise(() => {}),
    clearLastSession: () => new Promise(() => {}),
    wipe: () => new Promise(() => {}),
  };

  it('keeps the session in memory when IndexedDB is unavailable', async () => {
    const store = createFallbackTokenStore(hungStore, createStorageHealth(Promise.resolve(false)));
    await store.saveRefreshToken(user, 'rt-1');
    await store.saveLastSession({ ...user, loginUrl: 'https://acme.my.salesforce.com', instanceUrl: 'https://acme.my.salesforce.com' });
    await expect(store.loadRefreshToken(user)).resolves.toBe('rt-1');
    await expect(store.loadLastSession()).resolves.toMatchObject(user);
  });

  it('fails an IndexedDB call that never answers with a timeout, and a wipe finishes anyway', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = createFallbackTokenStore(hungStore, createStorageHealth(Promise.resolve(true)), 1_000);
    const load = store.loadRefreshToken(user).catch((e: unknown) => e);
    const wipe = store.wipe().then(() => 'wiped');
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await load) as Error).toMatchObject({ name: 'TimeoutError' });
    await expect(wipe).resolves.toBe('wiped');
  });
});
