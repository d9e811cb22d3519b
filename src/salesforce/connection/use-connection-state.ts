/**
 * React's view of the connection state. useSyncExternalStore reads `state()` during render and re-renders on
 * `subscribe`, so a component never shows a state older than the wrapper's.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { ConnectionState, SalesforceApi } from '../salesforce-api';

export type ConnectionStateSource = Pick<SalesforceApi, 'state' | 'subscribe'>;

export function useConnectionState(api: ConnectionStateSource): ConnectionState {
  const subscribe = useCallback((onChange: () => void) => api.subscribe(() => onChange()), [api]);
  const getSnapshot = useCallback(() => api.state(), [api]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
