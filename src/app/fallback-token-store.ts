/**
 * The token store the app uses: the encrypted IndexedDB store (src/auth/token-store.ts) when the storage check says
 * IndexedDB works, else one in memory for the life of the pane (the seller signs in again at the next opening; the
 * shell says so). Every IndexedDB call is bounded: a store that stops answering fails the call with a timeout
 * instead of holding a sign-in or a refresh (and the refresh lock) for good.
 */
import type { LastSession, SalesforceUserKey, TokenStore, VersionedRefreshToken } from '../auth/token-store';
import { deadlineError, withDeadline } from '../shared/deadline';
import { STORAGE_DEADLINE_MS, type StorageHealth } from './storage-health';

const storageTimeout = () => deadlineError('Browser storage did not answer in time.');

/** Held in this pane's memory only: never written anywhere, gone when the pane closes. */
export function createMemoryTokenStore(databaseName: string): TokenStore {
  const tokens = new Map<string, VersionedRefreshToken>();
  let last: LastSession | undefined;
  const keyOf = (user: SalesforceUserKey) => `${user.orgId}/${user.userId}`;
  return {
    databaseName,
    // Like the durable store, it only moves forward: an older version never replaces a newer one.
    saveRefreshToken: async (user, refreshToken, issuedAt = Date.now()) => {
      const held = tokens.get(keyOf(user));
      if (!held || held.issuedAt <= issuedAt) tokens.set(keyOf(user), { refreshToken, issuedAt });
    },
    loadRefreshToken: async (user) => tokens.get(keyOf(user))?.refreshToken,
    loadRefreshTokenRecord: async (user) => {
      const held = tokens.get(keyOf(user));
      return held ? { ...held } : undefined;
    },
    deleteRefreshToken: async (user) => void tokens.delete(keyOf(user)),
    saveLastSession: async (session) => void (last = { ...session }),
    loadLastSession: async () => (last ? { ...last } : undefined),
    clearLastSession: async () => void (last = undefined),
    wipe: async () => {
      tokens.clear();
      last = undefined;
    },
  };
}

export function createFallbackTokenStore(durable: TokenStore, health: StorageHealth, deadlineMs = STORAGE_DEADLINE_MS): TokenStore {
  const memory = createMemoryTokenStore(durable.databaseName);
  const through = async <T>(call: (store: TokenStore) => Promise<T>): Promise<T> => {
    if (!(await health.ready)) return call(memory);
    return withDeadline(call(durable), deadlineMs, storageTimeout);
  };
  return {
    databaseName: durable.databaseName,
    saveRefreshToken: (user, token, issuedAt) => through((s) => s.saveRefreshToken(user, token, issuedAt)),
    loadRefreshToken: (user) => through((s) => s.loadRefreshToken(user)),
    loadRefreshTokenRecord: (user) => through((s) => s.loadRefreshTokenRecord(user)),
    deleteRefreshToken: (user) => through((s) => s.deleteRefreshToken(user)),
    saveLastSession: (session) => through((s) => s.saveLastSession(session)),
    loadLastSession: () => through((s) => s.loadLastSession()),
    clearLastSession: () => through((s) => s.clearLastSession()),
    // The delete goes on in the background while another pane keeps the database open (token-store.ts): not waited for.
    wipe: () =>
      through((s) => s.wipe()).catch((error: unknown) => {
        if ((error as { name?: unknown }).name !== 'TimeoutError') throw error;
      }),
  };
}
