/**
 * The least of a browser msal-browser needs to run in node for unit tests: `window` (itself), Web Storage and
 * WebCrypto (node 20 has `crypto` global). Anything MSAL touches beyond this makes the test fail loudly, which is
 * what we want to know.
 */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  keys() {
    return [...this.items.keys()];
  }
}

export interface MinimalWindow {
  sessionStorage: MemoryStorage;
  uninstall(): void;
}

export function installMinimalWindow(): MinimalWindow {
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, sessionStorage: g.sessionStorage, localStorage: g.localStorage, nestedAppAuthBridge: g.nestedAppAuthBridge };
  const sessionStorage = new MemoryStorage();
  g.window = globalThis;
  g.sessionStorage = sessionStorage;
  g.localStorage = new MemoryStorage();
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
