/**
 * An old webview (the host's platform variant) has neither BroadcastChannel nor Web Locks: they go before the
 * add-in's code runs, which is why office.js, a classic script ahead of the add-in's, removes them.
 */
import type { PlatformVariant } from '../host-protocol';

export function playOldWebview(variant: Partial<PlatformVariant>): void {
  if (variant.noBroadcastChannel) {
    const global = window as unknown as { BroadcastChannel?: unknown };
    try {
      delete global.BroadcastChannel;
    } catch {
      // Not configurable here: overwritten below.
    }
    global.BroadcastChannel = undefined;
  }
  if (variant.noWebLocks) {
    try {
      Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined });
    } catch {
      // Left as it is.
    }
  }
}
