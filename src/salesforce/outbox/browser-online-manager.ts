/** The outbox's only contact with `window`: navigator.onLine and the online/offline events. */
import type { OnlineManager } from './outbox';

export function createBrowserOnlineManager(target: Window | undefined = typeof window === 'undefined' ? undefined : window): OnlineManager {
  return {
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    subscribe(listener) {
      if (!target) return () => {};
      const online = () => listener(true);
      const offline = () => listener(false);
      target.addEventListener('online', online);
      target.addEventListener('offline', offline);
      return () => {
        target.removeEventListener('online', online);
        target.removeEventListener('offline', offline);
      };
    },
  };
}
