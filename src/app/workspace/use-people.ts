/** People of the current email from the directory: loading, ready (with the view) or failed (with a retry). */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PeopleDirectory, PeopleView } from '../../salesforce/crm/people-directory';
import { createFailure, SalesforceFailureError, type ClassifiedFailure } from '../../salesforce/failure-kinds';

export type PeopleState = { status: 'idle' } | { status: 'loading'; previous?: PeopleView } | { status: 'ready'; view: PeopleView } | { status: 'error'; failure: ClassifiedFailure };

const IDLE: PeopleState = { status: 'idle' };

export function usePeople(
  directory: PeopleDirectory,
  ownerKey: string,
  addresses: string[],
  savedEmail: { subject: string; internetMessageId: string } | undefined,
  /** Leads chosen earlier for these addresses, followed if converted since (read when a lookup starts). */
  followLeads?: (addresses: string[]) => string[],
): { state: PeopleState; reload: () => void } {
  const followLeadsRef = useRef(followLeads);
  useEffect(() => {
    followLeadsRef.current = followLeads;
  });
  const [generation, setGeneration] = useState(0);
  const addressKey = addresses.join('\n');
  const subject = savedEmail?.subject;
  const messageId = savedEmail?.internetMessageId;
  // The lookup's answer, tagged with the request it answers: the state shown is derived from it during render (a
  // newer request shows as loading, over the last people shown), so the effect only starts lookups and never resets
  // state by itself.
  const requestKey = [generation, ownerKey, addressKey, subject ?? '', messageId ?? ''].join('\u0000');
  const [settled, setSettled] = useState<{ key: string; state: PeopleState } | undefined>(undefined);

  useEffect(() => {
    if (addressKey === '') return;
    let current = true;
    const addressList = addressKey.split('\n');
    const follow = followLeadsRef.current?.(addressList) ?? [];
    const input = {
      addresses: addressList,
      ...(follow.length > 0 ? { followLeads: follow } : {}),
      ...(subject !== undefined && messageId !== undefined ? { savedEmail: { subject, internetMessageId: messageId } } : {}),
    };
    directory.lookup(ownerKey, input).then(
      (view) => current && setSettled({ key: requestKey, state: { status: 'ready', view } }),
      (error: unknown) => {
        if (!current) return;
        const failure: ClassifiedFailure = error instanceof SalesforceFailureError ? error.failure : createFailure('unknown');
        setSettled({ key: requestKey, state: { status: 'error', failure } });
      },
    );
    return () => {
      current = false;
    };
  }, [directory, ownerKey, addressKey, subject, messageId, requestKey]);

  let state: PeopleState;
  if (addressKey === '') state = IDLE;
  else if (settled?.key === requestKey) state = settled.state;
  else state = { status: 'loading', ...(settled?.state.status === 'ready' ? { previous: settled.state.view } : {}) };

  return { state, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
