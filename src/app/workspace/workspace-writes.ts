/**
 * What a workspace needs to write to Salesforce: the outbox, whose entries these are, and the entries themselves.
 * Absent where the browser keeps nothing (no IndexedDB): the workspace is read-only, it shows people and offers no
 * write.
 */
import type { Outbox, OutboxEntry, OutboxOwner } from '../../salesforce/outbox/outbox';

export interface WorkspaceWrites {
  outbox: Outbox;
  owner: OutboxOwner;
  entries: OutboxEntry[];
}
