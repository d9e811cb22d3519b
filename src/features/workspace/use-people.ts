/** People of the current email from the directory: loading, ready (with the view) or failed (with a retry). */
import { useCallback, useEffect, useState } from 'react';
import type { PeopleDirectory, PeopleView } from '../../salesforce/crm/people-directory';
import { SalesforceFailureError, type ClassifiedFailure } from '../../salesforce/failure-kinds';

export type PeopleState =
  | { status: 'idle' }
  | { status: 'loading'; previous?: PeopleView }
  | { status: 'ready'; view: PeopleView }
  | { status: 'error'; failure: ClassifiedFailure };

export function usePeople(
  directory: PeopleDirectory,
  ownerKey: string,
  addresses: string[],
  savedEmail: { subject: string; internetMessageId: string } | undefined,
): { state: PeopleState; reload: () => void } {
  const [state, setState] = useState<PeopleState>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);
  const addressKey = addresses.join('\n');
  const subject = savedEmail?.subject;
  const messageId = savedEmail?.internetMessageId;

  useEffect(() => {
    if (addressKey === '') {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((s) => ({ status: 'loading', ...(s.status === 'ready' ? { previous: s.view } : {}) }));
    const input = {
      addresses: addressKey.split('\n'),
      ...(subject !== undefined && messageId !== undefined ? { savedEmail: { subject, internetMessageId: messageId } } : {}),
    };
    directory.lookup(ownerKey, input).then(
      (view) => current && setState({ status: 'ready', view }),
      (error: unknown) => {
        if (!current) return;
        const failure: ClassifiedFailure =
          error instanceof SalesforceFailureError ? error.failure : { kind: 'unknown', connectionLost: false, retryable: false };
        setState({ status: 'error', failure });
      },
    );
    return () => {
      current = false;
    };
  }, [directory, ownerKey, addressKey, subject, messageId, generation]);

  return { state, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
