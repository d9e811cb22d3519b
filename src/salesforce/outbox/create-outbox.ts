/**
 * The outbox runner. Stores entries (outbox-store), moves them with the pure transitions (outbox-transitions) and
 * sends them through the SalesforceApi, one at a time, for the current owner only. Its own state (whose entries run,
 * whether a pass is under way) changes only through `reduceOutboxRunner` (outbox-runner-state.ts).
 *
 * When it runs: `resume(owner)` (sign-in, sign in again, pane start), the connection becoming `connected`, the
 * browser going back online, a backoff timer, a new entry of the current owner, and another pane's change notice.
 */
import { classifySalesforceError } from '../classify-salesforce-error';
import { noopCrossPane, parseCrossPaneMessage, type CrossPaneContext } from '../connection/cross-pane';
import { CONNECTION_LOST_KINDS, SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type { SalesforceApi } from '../salesforce-api';
import { mayBeOnline, type OnlineState } from '../../shared/online-state';
import type { CreateOutboxOptions, Outbox, OutboxEntry, OutboxOwner, OutboxWaitReason } from './outbox';
import { outboxOwnerKey } from './outbox';
import { executeOutboxAction } from './outbox-executors';
import { initialOutboxRunnerState, reduceOutboxRunner, startsPasses, type OutboxRunnerAction } from './outbox-runner-state';
import { openOutboxStore, type OutboxStore } from './outbox-store';
import { OwnerChangedError, ownerBoundApi } from './owner-bound-api';
import { claim, defaultBackoff, fail, hold, isDue, isExpiredDone, newOutboxEntry, requeue, succeed } from './outbox-transitions';
import { keepClaim } from './keep-claim';
import { sameWork, waitsForItsEmail } from './same-work';
import { carryOn, createLogger } from '../../shared/logger';

const log = createLogger('salesforce.outbox');

const defaultSchedule = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Why the runner must not send right now, if anything. */
function gate(api: SalesforceApi, onlineState: OnlineState, owner: OutboxOwner): OutboxWaitReason | undefined {
  if (!mayBeOnline(onlineState)) return 'offline';
  const state = api.state();
  if (state.status === 'offline') return 'offline';
  if (state.status === 'signed_out') return 'signed_out';
  if (state.status === 'lost') return CONNECTION_LOST_KINDS.has(state.failure.kind) ? (state.failure.kind as OutboxWaitReason) : 'session_expired';
  const identity = api.identity();
  if (!identity) return 'signed_out';
  if (identity.orgId !== owner.orgId || identity.userId !== owner.userId) return 'other_identity';
  return undefined;
}

/** An outbox notice names no session, so nothing this pane holds is needed to judge it. */
const outboxNoticeContext = (now: number): CrossPaneContext => ({ now, seller: undefined, heldIssuedAt: 0, instanceHosts: [] });

/**
 * Synchronous so the app can build it at start-up with the other adapters; the database opens in the background and
 * every method waits for it.
 */
export function createOutbox(options: CreateOutboxOptions): Outbox {
  const { api } = options;
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const ready: Promise<OutboxStore> = factory ? openOutboxStore(factory, options.partitionKey) : Promise.reject(new Error('createOutbox: IndexedDB is not available'));
  // Keep an unobserved failure from being reported as unhandled; each method still rejects with it.
  ready.catch(carryOn(log, 'the outbox database did not open; each pass tries again', undefined));
  const now = options.now ?? Date.now;
  const backoff = options.backoffMs ?? defaultBackoff;
  const schedule = options.schedule ?? defaultSchedule;
  const { onlineState } = options;
  const execute = options.execute ?? executeOutboxAction;
  const channel = options.channel ?? noopCrossPane;

  let state = initialOutboxRunnerState(api.state().status);
  /** The backoff or lease timer: an effect's handle, not state a decision reads. */
  let cancelTimer: (() => void) | undefined;
  const listeners = new Map<string, Set<(entries: OutboxEntry[]) => void>>();
  const closed = () => state.phase === 'closed';
  const isCurrent = (ownerKey: string) => state.owner !== undefined && outboxOwnerKey(state.owner) === ownerKey;

  function dispatch(action: OutboxRunnerAction): void {
    const before = state;
    state = reduceOutboxRunner(state, action);
    if (startsPasses(before, state)) void runPasses();
  }

  /** Passes follow each other while something asked for one more during the last (phase `rerun`). */
  async function runPasses(): Promise<void> {
    try {
      do {
        await pass();
        dispatch({ type: 'pass_ended' });
      } while (state.phase === 'running');
    } catch (error) {
      // The database could not open or a write failed: nothing was sent by this pass; the next trigger tries again.
      log.debug('an outbox pass failed', error);
      dispatch({ type: 'pass_failed' });
    }
  }

  const unsubscribeChannel = channel.subscribe((raw) => {
    // Checked like every cross-pane message; a refusal is the connection's to count (it hears the same message).
    const parsed = parseCrossPaneMessage(raw, outboxNoticeContext(now()));
    if (!parsed.ok || parsed.message.type !== 'outbox_changed') return;
    const { ownerKey } = parsed.message;
    void notifyLocal(ownerKey).catch(carryOn(log, "reading entries for this pane's listeners failed", undefined));
    // Another pane changed this owner's entries (new work, or work it had to leave: a user switched in that pane, its
    // connection was lost): if the owner is signed in here, this pane sends it. A pass that changes nothing posts
    // nothing, so two panes never wake each other in a loop.
    if (isCurrent(ownerKey)) dispatch({ type: 'woken' });
  });

  async function notifyLocal(ownerKey: string): Promise<void> {
    const set = listeners.get(ownerKey);
    if (!set || set.size === 0 || closed()) return;
    const store = await ready;
    const entries = await store.listByOwner(ownerKey);
    for (const listener of [...set]) listener(entries);
  }

  async function changed(ownerKey: string): Promise<void> {
    // A closed outbox tells no one: the pane's channel may be closed already (a late write of a pass in flight).
    if (!closed()) channel.post({ type: 'outbox_changed', ownerKey });
    await notifyLocal(ownerKey);
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
    const owner = state.owner;
    if (!owner) return;
    const store = await ready;
    const ownerKey = outboxOwnerKey(owner);
    cancelTimer?.();
    cancelTimer = undefined;
    let nextWake: number | undefined;

    for (const listed of await store.listByOwner(ownerKey)) {
      // Paused, closed or resumed again meanwhile: this pass is over (a resume asked for the next one).
      if (state.owner !== owner) return;
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
      if (waitsForItsEmail(listed, await store.listByOwner(ownerKey))) continue; // the email's save wakes this pass again
      const blocked = gate(api, onlineState, owner);
      if (blocked) {
        // The same reason holds for every later entry: mark them all, send none.
        await holdAll(ownerKey, blocked);
        break;
      }
      const claimed = await store.update(listed.id, (e) => (e.ownerKey === ownerKey ? claim(e, now()) : null));
      if (!claimed) continue;
      await changed(ownerKey);

      let failure: ClassifiedFailure | undefined;
      const stopRenewing = keepClaim({ store, schedule, now }, claimed);
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
        failure = error instanceof SalesforceFailureError ? error.failure : classifySalesforceError(error, { phase: 'request', online: onlineState.isOnline() });
        const stored = await store.update(claimed.id, (e) => (e.status === 'sending' ? fail(e, failure as ClassifiedFailure, now(), backoff) : null));
        if (stored?.notBefore !== undefined) nextWake = Math.min(nextWake ?? Infinity, stored.notBefore);
      } finally {
        stopRenewing();
      }
      await changed(ownerKey);
      // A lost connection or the network gone: the next entries would meet the same wall. They wait for the way to
      // clear (resume, connected, online), not for another pass.
      if (failure && (failure.connectionLost || failure.kind === 'offline')) {
        await holdAll(ownerKey, failure.kind === 'offline' ? 'offline' : (failure.kind as OutboxWaitReason));
        break;
      }
    }

    if (nextWake !== undefined && !closed()) {
      const delay = Math.max(0, nextWake - now());
      cancelTimer = schedule(() => dispatch({ type: 'woken' }), delay);
    }
  }

  const unsubscribeOnline = onlineState.subscribe((online) => dispatch({ type: 'online_changed', online }));
  const unsubscribeApi = api.subscribe((connection) => dispatch({ type: 'connection_changed', status: connection.status }));

  let lastCreatedAt = 0;

  function ownerCheck(owner: OutboxOwner, entry: OutboxEntry | undefined): entry is OutboxEntry {
    return entry !== undefined && entry.ownerKey === outboxOwnerKey(owner);
  }

  return {
    async enqueue(owner, action) {
      const store = await ready;
      // Strictly increasing within a pane: writes enqueued in the same millisecond keep their order (a contact
      // created, then an email saved to it), instead of the store's tie-break on random ids deciding.
      lastCreatedAt = Math.max(now(), lastCreatedAt + 1);
      const entry = await store.putUnlessPresent(newOutboxEntry(newId(), owner, action, lastCreatedAt), (stored) => sameWork(stored, action));
      await changed(entry.ownerKey);
      if (isCurrent(entry.ownerKey)) dispatch({ type: 'woken' });
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
          if (set.has(listener) && !closed()) listener(entries);
        })
        .catch(carryOn(log, 'reading entries for a new listener failed; it hears the next change', undefined));
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
      if (isCurrent(entry.ownerKey)) dispatch({ type: 'woken' });
    },
    resume(owner) {
      dispatch({ type: 'resumed', owner: { ...owner } });
    },
    pause() {
      dispatch({ type: 'paused' });
      cancelTimer?.();
      cancelTimer = undefined;
    },
    close() {
      dispatch({ type: 'closed' });
      cancelTimer?.();
      unsubscribeOnline();
      unsubscribeApi();
      // The channel is the pane's (start-app.ts), shared with the connection: this outbox only stops listening.
      unsubscribeChannel();
      listeners.clear();
      void ready.then((store) => store.close()).catch(carryOn(log, 'closing the outbox database failed', undefined));
    },
  };
}
