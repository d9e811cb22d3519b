/**
 * Revocations that could not be sent (offline, a timeout, the org briefly unavailable) and are owed later. A refresh
 * token that sign-out or a user switch meant to kill must not stay alive just because the network was away at that
 * moment: it is kept here, encrypted exactly like the stored refresh token (AES-GCM under a non-extractable key kept
 * beside it, the org, user and login host bound in as additional data, so a record edited to send the token to
 * another host fails to open), and sent again at the next start and whenever the browser comes back online.
 *
 * Its own database, per Office partition and not per Microsoft account: sign-out deletes the account's token store,
 * but a debt of revocation outlives the sign-out that made it. The revocation endpoint answers 200 (revoked) or 400
 * (the token is no longer valid: nothing left to revoke), both final; anything else is tried again.
 * Source: Salesforce Help, "Revoke OAuth Tokens" (POST `token=` to /services/oauth2/revoke).
 */
import type { SalesforceUserKey } from './token-store';
import { openKeyValueDatabase } from '../host/indexed-db';
import { createLogger } from '../shared/logger';

const log = createLogger('auth.pending-revoke');

export type RevokeOutcome = 'revoked' | 'refused' | 'retry';

export interface PendingRevoke extends SalesforceUserKey {
  loginUrl: string;
  refreshToken: string;
}

export interface PendingRevokeStore {
  readonly databaseName: string;
  add(revoke: PendingRevoke): Promise<void>;
  /** Every record that still opens; one that does not (tampered, moved) is deleted as it is met. */
  list(): Promise<Array<PendingRevoke & { id: string }>>;
  remove(id: string): Promise<void>;
}

export const PENDING_REVOKE_DB_PREFIX = 'sf-pending-revoke';
const STORE = 'pending';

interface EncryptedPending extends SalesforceUserKey {
  loginUrl: string;
  key: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
}

export function pendingRevokeDatabaseName(partitionKey: string | undefined): string {
  return `${PENDING_REVOKE_DB_PREFIX}:${encodeURIComponent(partitionKey ?? '')}`;
}

/**
 * Without IndexedDB (private modes, some webviews) a revoke that failed is owed only while this pane lives: in memory,
 * never in plaintext storage.
 */
export function createMemoryPendingRevokeStore(databaseName: string): PendingRevokeStore {
  const records = new Map<string, PendingRevoke>();
  let next = 0;
  return {
    databaseName,
    add: async (revoke) => {
      next += 1;
      records.set(String(next), { ...revoke });
    },
    list: async () => [...records].map(([id, revoke]) => ({ ...revoke, id })),
    remove: async (id) => {
      records.delete(id);
    },
  };
}

export function createPendingRevokeStore(partitionKey: string | undefined, deps: { indexedDB: IDBFactory; crypto: Crypto }): PendingRevokeStore {
  const databaseName = pendingRevokeDatabaseName(partitionKey);
  const database = openKeyValueDatabase(deps.indexedDB, databaseName, [STORE]);
  const withStore = <T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => database.withStore(STORE, mode, run);
  const additionalData = (r: SalesforceUserKey & { loginUrl: string }) => new TextEncoder().encode(`${r.orgId}/${r.userId}@${r.loginUrl}`);

  return {
    databaseName,

    async add(revoke) {
      const key = await deps.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const iv = deps.crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await deps.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(revoke) }, key, new TextEncoder().encode(revoke.refreshToken));
      const record: EncryptedPending = { orgId: revoke.orgId, userId: revoke.userId, loginUrl: revoke.loginUrl, key, iv, ciphertext };
      // A random id: two panes owing revocations at once never overwrite each other's record.
      const id = Array.from(deps.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
      await withStore('readwrite', (store) => store.put(record, id));
    },

    async list() {
      // Opening a database that does not exist would create it: nothing owed leaves nothing behind (a sign-out
      // empties IndexedDB). Where the browser cannot list databases, open it.
      const names = await deps.indexedDB.databases().then(
        (list) => list.map((d) => d.name),
        () => undefined,
      );
      if (names && !names.includes(databaseName)) return [];
      // Keys and values from one transaction, so they line up even while another pane adds a record.
      const [keysRequest, valuesRequest] = await database.transaction(STORE, 'readonly', (store) => [store.getAllKeys(), store.getAll()] as const);
      const keys = keysRequest.result;
      const values = valuesRequest.result;
      const found: Array<PendingRevoke & { id: string }> = [];
      for (let i = 0; i < keys.length; i++) {
        const id = String(keys[i]);
        const record = values[i] as EncryptedPending | undefined;
        try {
          if (!record?.key || typeof record.loginUrl !== 'string') throw new Error('not a record');
          const plain = await deps.crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: additionalData(record) }, record.key, record.ciphertext);
          found.push({ id, orgId: record.orgId, userId: record.userId, loginUrl: record.loginUrl, refreshToken: new TextDecoder().decode(plain) });
        } catch (error) {
          // Unreadable (tampered, or a key from another browser profile): dropped, as nothing could ever send it.
          log.debug('a pending revocation could not be read and is dropped', error);
          await withStore('readwrite', (store) => store.delete(id)).catch((deleteError: unknown) => log.debug('dropping it failed', deleteError));
        }
      }
      return found;
    },

    async remove(id) {
      await withStore('readwrite', (store) => store.delete(id));
    },
  };
}

/**
 * POST `token=` to the login host's revocation endpoint, bounded. 200: revoked. 400: Salesforce no longer knows the
 * token as valid (already revoked, rotated out, expired): nothing is left to revoke. Anything else (no network, a
 * timeout, 5xx, a gateway without CORS headers) leaves the debt for later.
 */
export async function revokeRefreshToken(fetchFn: typeof fetch, loginUrl: string, token: string, timeoutMs: number): Promise<RevokeOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchFn(`${loginUrl}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      signal: controller.signal,
    });
    await response.text().catch(() => '');
    if (response.ok) return 'revoked';
    return response.status === 400 ? 'refused' : 'retry';
  } catch (error) {
    log.debug('the revocation could not be sent; kept for later', error);
    return 'retry';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends every owed revocation once; a final answer removes the record. Returns how many are still owed. Never
 * rejects. One run at a time per store object (a start and an online event together do not send a token twice).
 */
export function createPendingRevokeRetrier(store: PendingRevokeStore, revoke: (loginUrl: string, token: string) => Promise<RevokeOutcome>): () => Promise<number> {
  let running: Promise<number> | undefined;
  const run = async (): Promise<number> => {
    const pending = await store.list().catch((error: unknown): Array<PendingRevoke & { id: string }> => {
      log.debug('the pending revocations could not be listed; tried again at the next start or online event', error);
      return [];
    });
    let left = 0;
    for (const item of pending) {
      const outcome = await revoke(item.loginUrl, item.refreshToken).catch((): RevokeOutcome => 'retry');
      if (outcome === 'retry') left++;
      else await store.remove(item.id).catch((error: unknown) => log.debug('a sent revocation could not be removed; sent again next time', error));
    }
    return left;
  };
  return () => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
}
