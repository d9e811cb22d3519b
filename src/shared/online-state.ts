/**
 * The only reader of the browser's online state (TanStack Query's onlineManager): `navigator.onLine` and the window's
 * online/offline events. `isOnline()` is undefined where the platform cannot say (Node, a host without `navigator`):
 * the failure classifier then reports "unknown" rather than guessing, and work that waits for the network treats
 * unknown as online, because waiting for an event that never comes would hold the seller's work for good.
 */
export interface OnlineState {
  isOnline(): boolean | undefined;
  subscribe(listener: (online: boolean) => void): () => void;
}

interface OnlineSource {
  navigator?: { onLine?: unknown };
  addEventListener?(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener?(type: 'online' | 'offline', listener: () => void): void;
}

export function createOnlineState(source: OnlineSource | undefined = globalThis): OnlineState {
  return {
    isOnline() {
      const value = source?.navigator?.onLine;
      return typeof value === 'boolean' ? value : undefined;
    },
    subscribe(listener) {
      if (!source?.addEventListener || !source.removeEventListener) return () => {};
      const online = () => listener(true);
      const offline = () => listener(false);
      source.addEventListener('online', online);
      source.addEventListener('offline', offline);
      return () => {
        source.removeEventListener?.('online', online);
        source.removeEventListener?.('offline', offline);
      };
    },
  };
}

/** For work that waits for the network: only a definite "offline" holds it. */
export const mayBeOnline = (state: OnlineState): boolean => state.isOnline() !== false;
