/**
 * An exclusive lock around the token refresh. In a browser every open pane of the add-in (a pinned pane, a second
 * Outlook window) shares one lock through the Web Locks API, so a rotating refresh token is never sent twice; in
 * Node and in unit tests an in-process lock stands in.
 */
export interface RefreshLock {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** One queue per key; `fn` runs when every earlier holder of the key has finished (fulfilled or rejected). */
export function createInProcessLock(): RefreshLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(
        () => fn(),
        () => fn(),
      );
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

/** The part of `navigator.locks` used here (LockManager in lib.dom). */
export interface WebLockManager {
  request<T>(name: string, options: { mode: 'exclusive' }, callback: () => Promise<T>): Promise<T>;
}

/** Web Locks: shared by every document and worker of the origin; released by the browser if a pane dies holding it. */
export function createWebLock(locks: WebLockManager): RefreshLock {
  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      return locks.request(key, { mode: 'exclusive' }, fn);
    },
  };
}

/** Web Locks where the browser has them (secure contexts), else in-process (Node, very old webviews). */
export function createDefaultRefreshLock(): RefreshLock {
  const locks = (globalThis as { navigator?: { locks?: WebLockManager } }).navigator?.locks;
  return locks && typeof locks.request === 'function' ? createWebLock(locks) : createInProcessLock();
}
