/** The owner's outbox entries, live. */
import { useEffect, useState } from 'react';
import type { Outbox, OutboxEntry, OutboxOwner } from '../../salesforce/outbox/outbox';
import { outboxOwnerKey } from '../../salesforce/outbox/outbox';

/** No outbox (read-only workspace): none. */
export function useOutboxEntries(outbox: Outbox | undefined, owner: OutboxOwner): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const key = outboxOwnerKey(owner);
  useEffect(() => outbox?.subscribe(owner, setEntries), [outbox, key]); // eslint-disable-line react-hooks/exhaustive-deps
  return entries;
}
