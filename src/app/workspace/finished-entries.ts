/**
 * Writes that have just landed in Salesforce, as events. The outbox tells its subscribers the whole list of an
 * owner's entries after every change; what the workspace needs is each entry once, when it becomes done. The
 * difference between two lists is a pure function; the subscription keeps only the last list.
 */
import { createEmitter } from '../../shared/event-emitter';
import type { Outbox, OutboxEntry, OutboxOwner, OutboxResult } from '../../salesforce/outbox/outbox';

export type FinishedEntry = OutboxEntry & { status: 'done'; result: OutboxResult };

export function isFinished(entry: OutboxEntry): entry is FinishedEntry {
  return entry.status === 'done' && entry.result !== undefined;
}

/** The entries finished in `after` that were not finished in `before` (absent, or in another state). */
export function newlyFinished(before: readonly OutboxEntry[], after: readonly OutboxEntry[]): FinishedEntry[] {
  const finishedBefore = new Set(before.filter(isFinished).map((entry) => entry.id));
  return after.filter(isFinished).filter((entry) => !finishedBefore.has(entry.id));
}

/**
 * Calls `listener` once for each of the owner's entries as it finishes. The outbox's first answer counts as a change
 * from nothing: entries finished before the subscription are heard once too (the listener decides what they mean).
 * Returns the unsubscribe.
 */
export function subscribeFinishedEntries(outbox: Pick<Outbox, 'subscribe'>, owner: OutboxOwner, listener: (entry: FinishedEntry) => void): () => void {
  // One event an entry: a listener that throws on one entry still hears the others.
  const finished = createEmitter<FinishedEntry>();
  const unsubscribeListener = finished.subscribe(listener);
  let last: readonly OutboxEntry[] = [];
  const unsubscribeOutbox = outbox.subscribe(owner, (entries) => {
    const fresh = newlyFinished(last, entries);
    last = entries;
    for (const entry of fresh) finished.emit(entry);
  });
  return () => {
    unsubscribeOutbox();
    unsubscribeListener();
  };
}
