/**
 * Edits Salesforce answered with "changed since you loaded it" (RECORD_CHANGED), as events: the cards showing that
 * record hold stale data, so the workspace looks their people up again and the seller sees Salesforce's values beside
 * the conflict message. Each entry is heard once, when it becomes such a failure; the outbox's first answer counts as
 * a change from nothing, as for finished entries.
 */
import { RECORD_CHANGED } from '../../salesforce/crm/update-record';
import type { Outbox, OutboxEntry, OutboxOwner, UpdateRecordAction } from '../../salesforce/outbox/outbox';

export type ConflictedEdit = OutboxEntry & { action: UpdateRecordAction };

const conflictKey = (entry: OutboxEntry): string | undefined =>
  entry.action.type === 'update_record' && entry.status === 'failed' && entry.failure?.code === RECORD_CHANGED ? `${entry.id}:${entry.updatedAt}` : undefined;

export function newlyConflicted(before: readonly OutboxEntry[], after: readonly OutboxEntry[]): ConflictedEdit[] {
  const seen = new Set(before.map(conflictKey).filter(Boolean));
  return after.filter((entry): entry is ConflictedEdit => {
    const key = conflictKey(entry);
    return key !== undefined && !seen.has(key);
  });
}

export function subscribeConflictedEdits(outbox: Pick<Outbox, 'subscribe'>, owner: OutboxOwner, listener: (entry: ConflictedEdit) => void): () => void {
  let last: readonly OutboxEntry[] = [];
  return outbox.subscribe(owner, (entries) => {
    const fresh = newlyConflicted(last, entries);
    last = entries;
    for (const entry of fresh) {
      try {
        listener(entry);
      } catch {
        // one entry's listener failing must not keep the others unheard
      }
    }
  });
}
