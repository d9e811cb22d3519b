/**
 * The least of a browser msal-browser needs to run in node for unit tests: `window` (itself), Web Storage and
 * WebCrypto (node 20 has `crypto` global). Anything MSAL touches beyond this makes the test fail loudly, which is
 * what we want to know.
 */
import { memoryStorage } from './memory-storage';

export interface MinimalWindow {
  sessionStorage: Storage;
  uninstall(): void;
}

export function installMinimalWindow(): MinimalWindow {
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, sessionStorage: g.sessionStorage, localStorage: g.localStorage, nestedAppAuthBridge: g.nestedAppAuthBridge };
  const sessionStorage = memoryStorage();
  g.window = globalThis;
  g.sessionStorage = sessionStorage;
  g.localStorage = memoryStorage();
  return {
    sessionStorage,
    uninstall() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete g[key];
        else g[key] = value;
      }
    },
  };
}
