/**
 * Where the Salesforce refresh token rests between pane openings: encrypted with AES-GCM under a non-extractable
 * WebCrypto key that lives beside it in IndexedDB. Script on this origin can use the key but never read it out, so
 * the stored bytes alone (a disk copy, a sync, a support dump) reveal nothing. The access token never comes here: it
 * stays in memory. Nothing here touches localStorage or roamingSettings.
 *
 * One database per account scope (Office partition key + Microsoft account), so a second Microsoft account in the
 * same Outlook, or another partition, never sees this one's connection. Within it, one record per Salesforce
 * org + user, and a "last session" pointer (no secrets) that lets the pane restore silently on reopen.
 */
import { openKeyValueDatabase } from '../host/indexed-db';
import { createLogger } from '../shared/logger';

const log = createLogger('auth.token-store');

export interface TokenStoreScope {
  /** Office.context.partitionKey where defined. */
  partitionKey?: string;
  /** The signed-in Microsoft account's home account id, when there is one. */
  microsoftAccountId?: string;
}

export interface SalesforceUserKey {
  orgId: string;
  userId: string;
}

/** Enough to restore and to say who was signed in; never a token. */
export interface LastSession extends SalesforceUserKey {
  loginUrl: string;
  instanceUrl: string;
  identityUrl?: string;
  username?: string;
  displayName?: string;
  email?: string;
}

/** A refresh token with its version: the issuedAt of the token answer that delivered it (0 for a record from before versions). */
export interface VersionedRefreshToken {
  refreshToken: string;
  issuedAt: number;
}

export interface TokenStore {
  readonly databaseName: string;
  /**
   * Keeps `refreshToken` unless the record already holds a newer version (a rotation saved by another pane that
   * raced this save): the store only ever moves forward. `issuedAt` defaults to now. Rejects when nothing was kept.
   */
  saveRefreshToken(user: SalesforceUserKey, refreshToken: string, issuedAt?: number): Promise<void>;
  loadRefreshToken(user: SalesforceUserKey): Promise<string | undefined>;
  /** The stored refresh token with its version. */
  loadRefreshTokenRecord(user: SalesforceUserKey): Promise<VersionedRefreshToken | undefined>;
  deleteRefreshToken(user: SalesforceUserKey): Promise<void>;
  saveLastSession(session: LastSession): Promise<void>;
  loadLastSession(): Promise<LastSession | undefined>;
  clearLastSession(): Promise<void>;
  /** Deletes this scope's whole database: keys, ciphertexts and the last-session pointer. */
  wipe(): Promise<void>;
}

export interface TokenStoreDeps {
  indexedDB: IDBFactory;
  crypto: Crypto;
}

export const TOKEN_DB_PREFIX = 'sf-auth';
const STORE_TOKENS = 'tokens';
const STORE_META = 'meta';
const LAST_SESSION = 'last-session';

interface EncryptedRecord {
  key: CryptoKey;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
  /** The version, in the clear: it says when, not what. Missing in records saved before versions: 0. */
  issuedAt?: number;
}

export interface TokenStoreOptions {
  now?: () => number;
}

export function tokenDatabaseName(scope: TokenStoreScope): string {
  // encodeURIComponent keeps the separator unambiguous whatever a partition key or account id contains.
  const part = (value: string | undefined) => encodeURIComponent(value ?? '');
  return `${TOKEN_DB_PREFIX}:${part(scope.partitionKey)}:${part(scope.microsoftAccountId)}`;
}

function userRecordKey(user: SalesforceUserKey): string {
  return `${user.orgId}/${user.userId}`;
}

/**
 * A stored last session, read as outside input (an older build's record, or an edited one): its required fields must
 * be text, and it is rebuilt from the checked fields only. Anything else reads as no last session.
 */
function lastSessionOf(value: unknown): LastSession | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined);
  const [orgId, userId, loginUrl, instanceUrl] = [text('orgId'), text('userId'), text('loginUrl'), text('instanceUrl')];
  if (orgId === undefined || userId === undefined || loginUrl === undefined || instanceUrl === undefined) return undefined;
  const session: LastSession = { orgId, userId, loginUrl, instanceUrl };
  for (const key of ['identityUrl', 'username', 'displayName', 'email'] as const) {
    const optional = text(key);
    if (optional !== undefined) session[key] = optional;
  }
  return session;
}

export function createTokenStore(scope: TokenStoreScope, deps: TokenStoreDeps & TokenStoreOptions): TokenStore {
  const databaseName = tokenDatabaseName(scope);
  const now = deps.now ?? Date.now;
  // Another pane's sign-out deletes the database: this connection closes, and the next use reopens it.
  const database = openKeyValueDatabase(deps.indexedDB, databaseName, [STORE_TOKENS, STORE_META]);
  const withStore = database.withStore;

  // The org and user are bound in as additional data: a ciphertext copied onto another user's record fails to open.
  const additionalData = (user: SalesforceUserKey) => new TextEncoder().encode(userRecordKey(user));

  const loadRecord = async (user: SalesforceUserKey): Promise<VersionedRefreshToken | undefined> => {
    const record = (await withStore(STORE_TOKENS, 'readonly', (store) => store.get(userRecordKey(user)))) as EncryptedRecord | undefined;
    if (!record?.key || !record.iv || !record.ciphertext) return undefined;
    try {
      const plain = await deps.crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: additionalData(user) }, record.key, record.ciphertext);
      const issuedAt = typeof record.issuedAt === 'number' && Number.isFinite(record.issuedAt) ? record.issuedAt : 0;
      return { refreshToken: new TextDecoder().decode(plain), issuedAt };
    } catch (error) {
      // Tampered or moved: as good as absent. The seller signs in again.
      log.debug('a stored refresh token could not be decrypted', error);
      return undefined;
    }
  };

  return {
    databaseName,

    async saveRefreshToken(user, refreshToken, issuedAt = now()) {
      const key = await deps.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const iv = deps.crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await deps.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(user) }, key, new TextEncoder().encode(refreshToken));
      const record: EncryptedRecord = { key, iv, ciphertext, issuedAt };
      // Read and write in one transaction, so no other pane's save slips in between the comparison and the put.
      await database.transaction(STORE_TOKENS, 'readwrite', (store) => {
        const existing = store.get(userRecordKey(user));
        existing.onsuccess = () => {
          const current = existing.result as EncryptedRecord | undefined;
          const currentVersion = typeof current?.issuedAt === 'number' ? current.issuedAt : 0;
          if (!current || currentVersion <= issuedAt) store.put(record, userRecordKey(user));
        };
      });
    },

    async loadRefreshToken(user) {
      return (await loadRecord(user))?.refreshToken;
    },

    loadRefreshTokenRecord: loadRecord,

    async deleteRefreshToken(user) {
      await withStore(STORE_TOKENS, 'readwrite', (store) => store.delete(userRecordKey(user)));
    },

    async saveLastSession(session) {
      const clean: LastSession = {
        orgId: session.orgId,
        userId: session.userId,
        loginUrl: session.loginUrl,
        instanceUrl: session.instanceUrl,
        ...(session.identityUrl ? { identityUrl: session.identityUrl } : {}),
        ...(session.username ? { username: session.username } : {}),
        ...(session.displayName ? { displayName: session.displayName } : {}),
        ...(session.email ? { email: session.email } : {}),
      };
      await withStore(STORE_META, 'readwrite', (store) => store.put(clean, LAST_SESSION));
    },

    async loadLastSession() {
      return lastSessionOf(await withStore(STORE_META, 'readonly', (store) => store.get(LAST_SESSION)));
    },

    async clearLastSession() {
      await withStore(STORE_META, 'readwrite', (store) => store.delete(LAST_SESSION));
    },

    async wipe() {
      await database.close();
      await new Promise<void>((resolve, reject) => {
        const req = deps.indexedDB.deleteDatabase(databaseName);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error ?? new Error('IndexedDB delete failed'));
        // Another pane still holds it open; its onversionchange closes it and the delete then completes.
        req.onblocked = () => undefined;
      });
    },
  };
}
