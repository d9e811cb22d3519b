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
    const handle = timers.setTimeout(
      () => {
        if (settled) return;
        settled = true;
        reject(onExpired());
      },
      Math.max(0, ms),
    );
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

/** Named TimeoutError: the failure classifier files it as a timeout (retried, nothing lost). */
export function deadlineError(message: string): Error {
  const error = new Error(message);
  error.name = 'TimeoutError';
  return error;
}

const BODY_READERS = new Set<PropertyKey>(['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes']);

/**
 * A fetch whose answers' bodies are read within `ms`. A fetch's own deadline usually ends when the headers arrive; a
 * server (or a gateway) that then stalls mid-body would leave `response.json()` pending for good. Each body read is
 * bounded from the moment it starts; on expiry the request is aborted, so the stream is released too.
 */
export function withBodyDeadline(fetchFn: typeof fetch, ms: number, timers: Timers = realTimers): typeof fetch {
  return async (input, init) => {
    const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
    const outer = init?.signal;
    if (controller && outer) {
      if (outer.aborted) controller.abort(outer.reason);
      else outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    }
    const response = await fetchFn(input, controller ? { ...init, signal: controller.signal } : init);
    return new Proxy(response, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (!BODY_READERS.has(property)) return (value as (...a: unknown[]) => unknown).bind(target);
        return (...args: unknown[]) =>
          withDeadline(
            Promise.resolve((value as (...a: unknown[]) => Promise<unknown>).apply(target, args)),
            ms,
            () => {
              controller?.abort();
              return deadlineError("The answer's body did not arrive in time.");
            },
            timers,
          );
      },
    });
  };
}

/** The rejection of work that was aborted (fetch, Web Locks, an AbortSignal's reason): named AbortError. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
