/**
 * Bounds a promise by a deadline. jsforce's browser build never settles a request whose fetch fails or is aborted,
 * so every call is raced against a timer; the work left behind is abandoned, its late result ignored.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function withDeadline<T>(work: Promise<T>, ms: number, onExpired: () => Error, timers: Timers = realTimers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const handle = timers.setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(onExpired());
    }, Math.max(0, ms));
    work.then(
      (value) => {
        if (settled) return;
        settled = true;
        timers.clearTimeout(handle);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        timers.clearTimeout(handle);
        reject(error);
      },
    );
  });
}
