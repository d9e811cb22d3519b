/**
 * What a workspace needs to write to Salesforce: the outbox, whose entries these are, and the entries themselves.
 * Absent where the browser keeps nothing (no IndexedDB): the workspace is read-only, it shows people and offers no
 * write.
 */
import type { CrmConfig } from '../../config/crm-config';
import type { MetadataSource } from '../../salesforce/metadata/metadata-source';
import type { Outbox, OutboxEntry, OutboxOwner } from '../../salesforce/outbox/outbox';

export interface WorkspaceWrites {
  outbox: Outbox;
  owner: OutboxOwner;
  entries: OutboxEntry[];
  /** The org's describe, for forms that take fields, labels and picklists from it (edit-record); absent in tests. */
  metadata?: MetadataSource;
  /** The admin's choices (config.json `salesforce.objects`): which fields the seller may edit from the pane. */
  crm?: CrmConfig;
}
