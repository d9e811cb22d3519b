/**
 * Sign-out as the seller meets it: asks first when unsent work waits, then signs out. Both the header and the
 * Connection lost banner use it.
 */
import { useCallback, useState } from 'react';
import { carryOn, createLogger } from '../../shared/logger';

const log = createLogger('features.sign-out');

export interface SignOutActions {
  pendingWork(): Promise<number>;
  signOut(): Promise<void>;
}

export function useSignOut(actions: SignOutActions) {
  const [confirming, setConfirming] = useState<number | undefined>(undefined);

  const request = useCallback(async () => {
    const pending = await actions.pendingWork().catch(carryOn(log, 'counting unsent work before sign-out failed', 0));
    if (pending > 0) setConfirming(pending);
    else await actions.signOut();
  }, [actions]);

  const discard = useCallback(async () => {
    setConfirming(undefined);
    await actions.signOut();
  }, [actions]);

  const keep = useCallback(() => setConfirming(undefined), []);

  return { request, discard, keep, confirming: confirming !== undefined, pendingCount: confirming ?? 0 };
}
