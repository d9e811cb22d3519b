import { IDBFactory } from 'fake-indexeddb';
import { webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPendingRevokeRetrier, createPendingRevokeStore, pendingRevokeDatabaseName, revokeRefreshToken, type RevokeOutcome } from './pending-revoke';

const SAM = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };
const SECRET = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ.fake.refresh';
const LOGIN = 'https://org.my.salesforce.com';

let idb: IDBFactory;
const crypto = webcrypto as unknown as Crypto;

beforeEach(() => {
  idb = new IDBFactory();
});

/** Every record of the database as stored, for looking at what a disk copy would show. */
function rawRecords(name: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const open = idb.open(name);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('pending').objectStore('pending').getAll();
      req.onsuccess = () => {
        db.close();
        resolve(req.result as Array<Record<string, unknown>>);
      };
      req.onerror = () => reject(req.error);
    };
    open.onerror = () => reject(open.error);
  });
}

describe('pending-revoke store', () => {
  it('round-trips, encrypted: the token is nowhere in the stored record', async () => {
    const store = createPendingRevokeStore('p1', { indexedDB: idb, crypto });
    await store.add({ ...SAM, loginUrl: LOGIN, refreshToken: SECRET });
    const listed = await store.list();
    expect(listed).toEqual([{ id: expect.any(String), ...SAM, loginUrl: LOGIN, refreshToken: SECRET }]);
    const raw = await rawRecords(pendingRevokeDatabaseName('p1'));
    expect(raw).toHaveLength(1);
    expect(new TextDecoder().decode(raw[0]!.ciphertext as ArrayBuffer)).not.toContain(SECRET);
    expect(JSON.stringify({ ...raw[0], ciphertext: undefined })).not.toContain(SECRET);
    expect(raw[0]!.key).toBeDefined();
    expect((raw[0]!.key as CryptoKey).extractable).toBe(false);
  });

  it('a record edited to send the token to another host fails to open and is deleted', async () => {
    const store = createPendingRevokeStore('p1', { indexedDB: idb, crypto });
    await store.add({ ...SAM, loginUrl: LOGIN, refreshToken: SECRET });
    await new Promise<void>((resolve) => {
      const open = idb.open(pendingRevokeDatabaseName('p1'));
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('pending', 'readwrite');
        const os = tx.objectStore('pending');
        const cursor = os.openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (c) c.update({ ...(c.value as object), loginUrl: 'https://attacker.example' });
        };
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
      };
    });
    expect(await createPendingRevokeStore('p1', { indexedDB: idb, crypto }).list()).toEqual([]);
    expect(await rawRecords(pendingRevokeDatabaseName('p1'))).toEqual([]);
  });

  it('listing when nothing is owed creates no database', async () => {
    expect(await createPendingRevokeStore('p1', { indexedDB: idb, crypto }).list()).toEqual([]);
    expect(await idb.databases()).toEqual([]);
  });

  it('one database per partition', async () => {
    await createPendingRevokeStore('p1', { indexedDB: idb, crypto }).add({ ...SAM, loginUrl: LOGIN, refreshToken: 'a' });
    expect(await createPendingRevokeStore('p2', { indexedDB: idb, crypto }).list()).toEqual([]);
  });
});

describe('revokeRefreshToken: which answers are final', () => {
  const answering =
    (status: number): typeof fetch =>
    async () =>
      new Response(status === 200 ? '' : 'error=invalid_token', { status });
  const cases: Array<[string, typeof fetch, RevokeOutcome]> = [
    ['200: revoked', answering(200), 'revoked'],
    ['400 invalid_token: nothing left to revoke', answering(400), 'refused'],
    ['503: later', answering(503), 'retry'],
    ['429: later', answering(429), 'retry'],
    [
      'a network error (offline, or no CORS headers): later',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      'retry',
    ],
  ];
  it.each(cases)('%s', async (_, fetchFn, outcome) => {
    expect(await revokeRefreshToken(fetchFn, LOGIN, SECRET, 1000)).toBe(outcome);
  });

  it('no answer within the deadline: later', async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    expect(await revokeRefreshToken(hanging, LOGIN, SECRET, 20)).toBe('retry');
  });

  it('posts the token in the form body, never in the URL', async () => {
    const seen: Array<{ url: string; body: string }> = [];
    const fetchFn = (async (url: string, init?: RequestInit) => {
      seen.push({ url, body: String(init?.body) });
      return new Response('', { status: 200 });
    }) as typeof fetch;
    await revokeRefreshToken(fetchFn, LOGIN, SECRET, 1000);
    expect(seen).toEqual([{ url: `${LOGIN}/services/oauth2/revoke`, body: `token=${encodeURIComponent(SECRET)}` }]);
  });
});

describe('createPendingRevokeRetrier', () => {
  it('sends each owed revocation; a final answer removes it, a "later" keeps it; concurrent runs send once', async () => {
    const store = createPendingRevokeStore('p1', { indexedDB: idb, crypto });
    await store.add({ ...SAM, loginUrl: LOGIN, refreshToken: 'rt-a' });
    await store.add({ ...SAM, loginUrl: LOGIN, refreshToken: 'rt-b' });
    await store.add({ ...SAM, loginUrl: LOGIN, refreshToken: 'rt-c' });
    const sent: string[] = [];
    const answers: Record<string, RevokeOutcome> = { 'rt-a': 'revoked', 'rt-b': 'retry', 'rt-c': 'refused' };
    const retry = createPendingRevokeRetrier(store, async (_, token) => {
      sent.push(token);
      return answers[token]!;
    });
    const [left, same] = await Promise.all([retry(), retry()]);
    expect(left).toBe(1);
    expect(same).toBe(1);
    expect(sent.sort()).toEqual(['rt-a', 'rt-b', 'rt-c']);
    expect((await store.list()).map((r) => r.refreshToken)).toEqual(['rt-b']);
    answers['rt-b'] = 'revoked';
    expect(await retry()).toBe(0);
    expect(await store.list()).toEqual([]);
  });
});
