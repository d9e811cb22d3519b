/** The seller's remembered choices among several matches, as React state: a new choice re-renders the workspace. */
import { useMemo, useSyncExternalStore } from 'react';
import { createMatchChoiceStore, type MatchChoiceStore } from '../../salesforce/crm/match-choices';

export function useMatchChoices(storage: Storage | undefined, scope: { orgId: string; userId: string; partitionKey?: string }): { store: MatchChoiceStore; version: number } {
  const { orgId, userId, partitionKey } = scope;
  const holder = useMemo(() => {
    const store = createMatchChoiceStore(storage, { orgId, userId, ...(partitionKey ? { partitionKey } : {}) });
    let version = 0;
    store.subscribe(() => {
      version += 1;
    });
    return { store, version: () => version };
  }, [storage, orgId, userId, partitionKey]);
  const version = useSyncExternalStore(holder.store.subscribe, holder.version, holder.version);
  return { store: holder.store, version };
}
