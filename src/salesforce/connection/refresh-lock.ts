/**
 * An exclusive lock around the token refresh. In a browser every open pane of the add-in (a pinned pane, a second
 * Outlook window) shares one lock through the Web Locks API, so a rotating refresh token is never sent twice. Older
 * webviews without Web Locks share a lease in IndexedDB instead; in Node and in unit tests an in-process lock stands
 * in.
 */
import { openKeyValueDatabase } from '../../host/indexed-db';
import { deadlineError, isAbortError, withDeadline } from '../../shared/deadline';
import { createLogger } from '../../shared/logger';

const log = createLogger('salesforce.refresh-lock');

export interface RefreshLock {
  /**
   * Runs `fn` holding the lock. `held` is aborted when the lock lets go while `fn` still runs (the hold deadline): from
   * then on another pane may hold it, so `fn` must stop and let any late result go.
   */
  run<T>(key: string, fn: (held: AbortSignal) => Promise<T>): Promise<T>;
}

/** One queue per key; `fn` runs when every earlier holder of the key has finished (fulfilled or rejected). */
export function createInProcessLock(): RefreshLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, fn: (held: AbortSignal) => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      // No hold deadline here: the holder keeps the lock until it finishes, so its signal is never aborted.
      const hold = () => fn(new AbortController().signal);
      const result = previous.then(hold, hold);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

/** The part of `navigator.locks` used here (LockManager in lib.dom). */
export interface WebLockManager {
  request<T>(name: string, options: { mode: 'exclusive'; signal?: AbortSignal; steal?: boolean }, callback: () => Promise<T>): Promise<T>;
}

/**
 * How long a pane may hold the lock, and wait for it. The holder's own token call is bounded by the request deadline
 * (20 s by default), so a holder still inside after `holdMs` is hung (an IndexedDB write that never settles, a
 * promise jsforce left pending): it lets go and its caller hears a timeout. A pane the browser froze while holding
 * the lock cannot run that timer, so a waiter that has waited `waitMs` takes the lock over (Web Locks `steal`; a
 * lease written over in IndexedDB). `waitMs` is longer than `holdMs`, so a live holder has always let go first.
 */
export interface LockDeadlines {
  holdMs?: number;
  waitMs?: number;
}

export const DEFAULT_LOCK_HOLD_MS = 30_000;
export const DEFAULT_LOCK_WAIT_MS = 35_000;

/**
 * The deadlines for a request deadline of `requestTimeoutMs`: a holder may finish one token call that takes the whole
 * request deadline and still answer a quick retry, so it holds at least 1.5 times that; a waiter takes over 5 s later.
 */
export function lockDeadlinesFor(requestTimeoutMs: number): Required<LockDeadlines> {
  const holdMs = Math.max(DEFAULT_LOCK_HOLD_MS, Math.ceil(requestTimeoutMs * 1.5));
  return { holdMs, waitMs: holdMs + (DEFAULT_LOCK_WAIT_MS - DEFAULT_LOCK_HOLD_MS) };
}

/** Named TimeoutError so the failure classifier files it as a timeout: retried, never a lost connection. */
export function lockTimeoutError(detail: string): Error {
  return deadlineError(detail);
}

/** Runs `fn` for at most `holdMs`; at the deadline its signal is aborted, so work that outlives the lock stops. */
function holdBounded<T>(fn: (held: AbortSignal) => Promise<T>, holdMs: number): Promise<T> {
  const held = new AbortController();
  return withDeadline(Promise.resolve(held.signal).then(fn), holdMs, () => {
    const error = lockTimeoutError('The token refresh held the lock too long and let go.');
    held.abort(error);
    return error;
  });
}

/** Web Locks: shared by every document and worker of the origin; released by the browser if a pane dies holding it. */
export function createWebLock(locks: WebLockManager, deadlines: LockDeadlines = {}): RefreshLock {
  const holdMs = deadlines.holdMs ?? DEFAULT_LOCK_HOLD_MS;
  const waitMs = deadlines.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  return {
    async run<T>(key: string, fn: (held: AbortSignal) => Promise<T>): Promise<T> {
      const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
      let granted = false;
      const timer = controller ? setTimeout(() => controller.abort(), waitMs) : undefined;
      const held = () => {
        granted = true;
        clearTimeout(timer);
        return holdBounded(fn, holdMs);
      };
      try {
        return await locks.request(key, { mode: 'exclusive', ...(controller ? { signal: controller.signal } : {}) }, held);
      } catch (error) {
        // The wait was cut short: the holder is frozen or hung. Take the lock over rather than wait on.
        if (!granted && controller?.signal.aborted && isAbortError(error)) return locks.request(key, { mode: 'exclusive', steal: true }, held);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export interface IndexedDbLockOptions extends LockDeadlines {
  /** How long one IndexedDB open or transaction may take before it counts as failed. */
  operationMs?: number;
  /** How long a lease holds without renewal: a pane that dies holding it blocks the others at most this long. */
  leaseMs?: number;
  /** How often a waiting pane looks again. */
  pollMs?: number;
  databaseName?: string;
  now?: () => number;
}

export const REFRESH_LOCK_DB = 'sf-refresh-lock';
const LEASES = 'leases';

interface Lease {
  owner: string;
  expiresAt: number;
}

function randomOwner(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * A lease in IndexedDB, for webviews without Web Locks (older Windows webviews). IndexedDB runs readwrite
 * transactions on one store one at a time across every document of the origin (and storage partition), so "read
 * the lease, take it if free or expired" is atomic. The holder renews the lease while it works and deletes it when
 * done; a waiting pane polls. Within one pane, callers queue in process first, so only one of them polls.
 */
export function createIndexedDbLock(factory: IDBFactory, options: IndexedDbLockOptions = {}): RefreshLock {
  const leaseMs = options.leaseMs ?? 15_000;
  const pollMs = options.pollMs ?? 50;
  const now = options.now ?? (() => Date.now());
  const databaseName = options.databaseName ?? REFRESH_LOCK_DB;
  const operationMs = options.operationMs ?? 5_000;
  const holdMs = options.holdMs ?? DEFAULT_LOCK_HOLD_MS;
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const owner = randomOwner();
  const local = createInProcessLock();
  // A hung open (a blocked upgrade, a webview's broken IndexedDB) counts as failed; the next use opens again.
  const database = openKeyValueDatabase(factory, databaseName, [LEASES], { openDeadlineMs: operationMs });

  /** One readwrite transaction: `change` sees the current lease and answers what to write (undefined: delete). */
  const update = async (key: string, change: (lease: Lease | undefined) => { write: boolean; lease?: Lease; result: boolean }): Promise<boolean> => {
    const transaction = database.transaction(LEASES, 'readwrite', (store) => {
      const outcome = { result: false };
      const get = store.get(key);
      get.onsuccess = () => {
        const decision = change(get.result as Lease | undefined);
        outcome.result = decision.result;
        if (!decision.write) return;
        if (decision.lease) store.put(decision.lease, key);
        else store.delete(key);
      };
      return outcome;
    });
    const outcome = await withDeadline(transaction, operationMs, () => lockTimeoutError('IndexedDB did not answer in time.'));
    return outcome.result;
  };

  // `force`: the wait ran out, so the lease is written over whoever holds it (a frozen pane's lease).
  const tryTake = (key: string, force = false) =>
    update(key, (lease) => {
      const free = force || !lease || lease.owner === owner || lease.expiresAt <= now();
      return free ? { write: true, lease: { owner, expiresAt: now() + leaseMs }, result: true } : { write: false, result: false };
    });
  const renew = (key: string) =>
    update(key, (lease) => (lease?.owner === owner ? { write: true, lease: { owner, expiresAt: now() + leaseMs }, result: true } : { write: false, result: false }));
  const release = (key: string) => update(key, (lease) => (lease?.owner === owner ? { write: true, result: true } : { write: false, result: false }));

  return {
    run<T>(key: string, fn: (held: AbortSignal) => Promise<T>): Promise<T> {
      return local.run(key, async () => {
        const waitUntil = now() + waitMs;
        while (!(await tryTake(key, now() >= waitUntil))) await new Promise((resolve) => setTimeout(resolve, pollMs));
        // A renewal or release that fails leaves the lease to expire by itself (leaseMs): other panes wait at most that.
        const keepAlive = setInterval(() => void renew(key).catch((error: unknown) => log.debug('renewing the refresh lease failed', error)), Math.max(1, Math.floor(leaseMs / 3)));
        try {
          return await holdBounded(fn, holdMs);
        } finally {
          clearInterval(keepAlive);
          await release(key).catch((error: unknown) => log.debug('releasing the refresh lease failed', error));
        }
      });
    },
  };
}

/**
 * Web Locks where the browser has them (secure contexts); else a lease in IndexedDB (older webviews), so panes still
 * never refresh at the same time; else in-process (Node).
 */
export function createDefaultRefreshLock(deadlines: LockDeadlines = {}): RefreshLock {
  const locks = (globalThis as { navigator?: { locks?: WebLockManager } }).navigator?.locks;
  if (locks && typeof locks.request === 'function') return createWebLock(locks, deadlines);
  const factory = (globalThis as { indexedDB?: IDBFactory | null }).indexedDB;
  return factory ? createIndexedDbLock(factory, deadlines) : createInProcessLock();
}
