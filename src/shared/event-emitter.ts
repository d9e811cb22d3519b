/**
 * The one way a module tells others that something changed. Listeners are called in the order they subscribed, each
 * on its own: a listener that throws does not stop the others from hearing the event (a hand-rolled listener loop
 * would break at the first throw). Its error goes to `onListenerError`, which by default re-throws it in a microtask,
 * so the page's error reporting still sees it.
 */
export interface Emitter<T> {
  emit(value: T): void;
  /** Returns the unsubscribe function; calling it twice is harmless. */
  subscribe(listener: (value: T) => void): () => void;
  readonly listenerCount: number;
}

export interface EmitterOptions {
  onListenerError?: (error: unknown) => void;
}

const rethrowLater = (error: unknown) => {
  queueMicrotask(() => {
    throw error;
  });
};

export function createEmitter<T = void>(options: EmitterOptions = {}): Emitter<T> {
  const listeners = new Set<(value: T) => void>();
  const onListenerError = options.onListenerError ?? rethrowLater;
  return {
    emit(value) {
      // A copy: a listener that unsubscribes itself or another must not change who hears this event.
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      // A wrapper per subscription, so the same function subscribed twice is heard twice and unsubscribed once.
      const entry = (value: T) => listener(value);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
