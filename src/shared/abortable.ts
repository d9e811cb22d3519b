/**
 * Work the caller may stop: a search typed over, a box closed. A stopped call rejects at once with an AbortError (the
 * signal's own reason when it is one), which callers let go silently: being stopped is not a failure.
 */
import { isAbortError } from './deadline';

/** The AbortError a stopped call rejects with. */
export function abortErrorOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && isAbortError(reason)) return reason;
  return new DOMException('The request was stopped.', 'AbortError');
}

/** `work`'s own outcome, or an AbortError as soon as `signal` aborts; `work`'s later outcome is then ignored. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortErrorOf(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
