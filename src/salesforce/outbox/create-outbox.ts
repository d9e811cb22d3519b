/**
 * The outbox runner. Stores entries (outbox-store), moves them with the pure transitions (outbox-transitions) and
 * sends them through the SalesforceApi, one at a time, for the current owner only.
 *
 * When it runs: `resume(owner)` (sign-in, sign in again, pane start), the connection becoming `connected`, the
 * browser going back online, a backoff timer, and a new entry of the current owner.
 */
import { classifySalesforceError } from '../classify-salesforce-error';
import { CONNECTION_LOST_KINDS, SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type { SalesforceApi } from '../salesforce-api';
import { createBrowserOnlineManager } from './browser-online-manager';
import type { CreateOutboxOptions, Outbox, OutboxEntry, OutboxOwner, OutboxWaitReason } from './outbox';
import { outboxOwnerKey } from './outbox';
import { executeOutboxAction, type OutboxExecutor } from './outbox-executors';
import { openOutboxStore, outboxDatabaseName, type OutboxStore } from './outbox-store';
import { OwnerChangedError, ownerBoundApi } from './owner-bound-api';
import { claim, defaultBackoff, fail, hold, isDue, isExpiredDone, newOutboxEntry, requeue, succeed } from './outbox-transitions';

export interface CreateOutboxTestOptions {
  /** Replaces the Salesforce actions (unit tests of the runner). */
  executor?: OutboxExecutor;
  /** Called after every runner pass (tests wait on it). */
  onPassEnd?: () => void;
}

const defaultSchedule = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Why the runner must not send right now, if anything. */
function gate(api: SalesforceApi, online: boolean, owner: OutboxOwner): OutboxWaitReason | undefined {
  if (!online) return 'offline';
  const state = api.state();
  if (state.status === 'offline') return 'offline';
  if (state.status === 'signed_out') return 'signed_out';
  if (state.status === 'lost') return CONNECTION_LOST_KINDS.has(state.failure.kind) ? (state.failure.kind as OutboxWaitReason) : 'session_expired';
  const identity = api.identity();
  if (!identity) return 'signed_out';
  if (identity.orgId !== owner.orgId || identity.userId !== owner.userId) return 'other_identity';
  return undefined;
}

/**
 * Synchronous so the app can build it at start-up with the other adapters; the database opens in the background and
 * every method waits for it.
 */
export function createOutbox(options: CreateOutboxOptions, test: CreateOutboxTestOptions = {}): Outbox {
  const { api } = options;
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const ready: Promise<OutboxStore> = factory
    ? openOutboxStore(factory, options.partitionKey)
    : Promise.reject(new Error('createOutbox: IndexedDB is not available'));
  // Keep an unobserved failure from being reported as unhandled; each method still rejects with it.
  ready.catch(() => {});
  const now = options.now ?? Date.now;
  const backoff = options.backoffMs ?? defaultBackoff;
  const schedule = options.schedule ?? defaultSchedule;
  const onlineManager = options.onlineManager ?? createBrowserOnlineManager();
  const execute = test.executor ?? executeOutboxAction;

  let current: OutboxOwner | undefined;
  let closed = false;
  let running = false;
  let again = false;
  let cancelTimer: (() => void) | undefined;
  const listeners = new Map<string, Set<(entries: OutboxEntry[]) => void>>();

  const channel =
    options.broadcast !== false && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(outboxDatabaseName(options.partitionKey)) : undefined;
  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const data = event.data as { ownerKey?: unknown } | null;
      if (!data || typeof data.ownerKey !== 'string') return;
      void notifyLocal(data.ownerKey);
      // Another pane changed this owner's entries (new work, or work it had to leave: a user switched in that pane, its
      // connection was lost): if the owner is signed in here, this pane sends it. A pass that changes nothing posts
      // nothing, so two panes never wake each other in a loop.
      if (current && outboxOwnerKey(current) === data.ownerKey) kick();
    };
  }

  async function notifyLocal(ownerKey: string): Promise<void> {
    const set = listeners.get(ownerKey);
    if (!set || set.size === 0 || closed) return;
    const store = await ready;
    const entries = await store.listByOwner(ownerKey);
    for (const listener of [...set]) listener(entries);
  }

  async function changed(ownerKey: string): Promise<void> {
    channel?.postMessage({ ownerKey });
    await notifyLocal(ownerKey);
  }

  function kick(): void {
    if (closed || !current) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && !closed);
      } catch {
        // The database could not open or a write failed: nothing was sent by this pass; the next trigger tries again.
      } finally {
        running = false;
        test.onPassEnd?.();
      }
    })();
  }

  async function holdAll(ownerKey: string, reason: OutboxWaitReason): Promise<void> {
    const store = await ready;
    let any = false;
    for (const entry of await store.listByOwner(ownerKey)) {
      if (entry.status !== 'queued' && entry.status !== 'waiting') continue;
      const stored = await store.update(entry.id, (e) => {
        const pending = e.status === 'queued' || (e.status === 'waiting' && !(e.notBefore !== undefined && e.notBefore > now()));
        return pending ? hold(e, reason, now()) : null;
      });
      any ||= stored !== null;
    }
    if (any) await changed(ownerKey);
  }

  async function pass(): Promise<void> {
    const owner = current;
    if (!owner) return;
    const store = await ready;
    const ownerKey = outboxOwnerKey(owner);
    cancelTimer?.();
    cancelTimer = undefined;
    let nextWake: number | undefined;

    for (const listed of await store.listByOwner(ownerKey)) {
      if (closed || current !== owner) return;
      const at = now();
      if (isExpiredDone(listed, at)) {
        await store.delete(listed.id);
        continue;
      }
      if (!isDue(listed, at)) {
        if (listed.status === 'waiting' && listed.notBefore !== undefined) nextWake = Math.min(nextWake ?? Infinity, listed.notBefore);
        if (listed.status === 'sending' && listed.leaseUntil !== undefined) nextWake = Math.min(nextWake ?? Infinity, listed.leaseUntil);
        continue;
      }
      const blocked = gate(api, onlineManager.isOnline(), owner);
      if (blocked) {
        // The same reason holds for every later entry: mark them all, send none.
        await holdAll(ownerKey, blocked);
        break;
      }
      const claimed = await store.update(listed.id, (e) => (e.ownerKey === ownerKey ? claim(e, now()) : null));
      if (!claimed) continue;
      await changed(ownerKey);

      let failure: ClassifiedFailure | undefined;
      try {
        const result = await execute(ownerBoundApi(api, claimed.owner), claimed.action, { mayHaveLanded: claimed.mayHaveLanded, key: claimed.id });
        await store.update(claimed.id, (e) => (e.status === 'sending' ? succeed(e, result, now()) : null));
      } catch (error) {
        if (error instanceof OwnerChangedError) {
          // Another user signed in mid-attempt; the call that would have gone under their name was not made. The entry
          // waits for its owner, like every other entry of this owner now.
          await store.update(claimed.id, (e) => (e.status === 'sending' ? hold(e, 'other_identity', now()) : null));
          await changed(ownerKey);
          await holdAll(ownerKey, 'other_identity');
          break;
        }
        failure =
          error instanceof SalesforceFailureError
            ? error.failure
            : classifySalesforceError(error, { phase: 'request', online: onlineManager.isOnline() });
        const stored = await store.update(claimed.id, (e) => (e.status === 'sending' ? fail(e, failure as ClassifiedFailure, now(), backoff) : null));
        if (stored?.notBefore !== undefined) nextWake = Math.min(nextWake ?? Infinity, stored.notBefore);
      }
      await changed(ownerKey);
      // A lost connection or the network gone: the next entries would meet the same wall. They wait for the way to
      // clear (resume, connected, online), not for another pass.
      if (failure && (failure.connectionLost || failure.kind === 'offline')) {
        await holdAll(ownerKey, failure.kind === 'offline' ? 'offline' : (failure.kind as OutboxWaitReason));
        break;
      }
    }

    if (nextWake !== undefined && !closed) {
      const delay = Math.max(0, nextWake - now());
      cancelTimer = schedule(() => kick(), delay);
    }
  }

  const unsubscribeOnline = onlineManager.subscribe((online) => {
    if (online) kick();
  });
  let lastStatus = api.state().status;
  const unsubscribeApi = api.subscribe((state) => {
    const was = lastStatus;
    lastStatus = state.status;
    if (state.status === 'connected' && was !== 'connected') kick();
  });

  function ownerCheck(owner: OutboxOwner, entry: OutboxEntry | undefined): entry is OutboxEntry {
    return entry !== undefined && entry.ownerKey === outboxOwnerKey(owner);
  }

  return {
    async enqueue(owner, action) {
      const store = await ready;
      const entry = newOutboxEntry(newId(), owner, action, now());
      await store.put(entry);
      await changed(entry.ownerKey);
      if (current && outboxOwnerKey(current) === entry.ownerKey) kick();
      return entry;
    },
    async list(owner) {
      return (await ready).listByOwner(outboxOwnerKey(owner));
    },
    subscribe(owner, listener) {
      const key = outboxOwnerKey(owner);
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      void ready
        .then((store) => store.listByOwner(key))
        .then((entries) => {
          if (set.has(listener) && !closed) listener(entries);
        })
        .catch(() => {});
      return () => {
        set.delete(listener);
      };
    },
    async pendingCount(owner) {
      return (await (await ready).listByOwner(outboxOwnerKey(owner))).filter((e) => e.status !== 'done').length;
    },
    async discard(owner, entryId) {
      const store = await ready;
      const entry = await store.get(entryId);
      if (!ownerCheck(owner, entry)) return;
      await store.delete(entryId);
      await changed(entry.ownerKey);
    },
    async discardAll(owner) {
      const store = await ready;
      const key = outboxOwnerKey(owner);
      await store.deleteByOwner(key);
      await changed(key);
    },
    async retry(owner, entryId, edited) {
      const store = await ready;
      const entry = await store.get(entryId);
      if (!ownerCheck(owner, entry)) return;
      const stored = await store.update(entryId, (e) => (e.status === 'failed' || e.status === 'waiting' || e.status === 'queued' ? requeue(e, now(), edited) : null));
      if (stored) await changed(stored.ownerKey);
      if (current && outboxOwnerKey(current) === entry.ownerKey) kick();
    },
    resume(owner) {
      current = { ...owner };
      kick();
    },
    pause() {
      current = undefined;
      cancelTimer?.();
      cancelTimer = undefined;
    },
    close() {
      closed = true;
      current = undefined;
      cancelTimer?.();
      unsubscribeOnline();
      unsubscribeApi();
      channel?.close();
      listeners.clear();
      void ready.then((store) => store.close()).catch(() => {});
    },
  };
}
