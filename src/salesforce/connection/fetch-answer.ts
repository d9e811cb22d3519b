/**
 * What a request the connection sends with `fetch` itself (not jsforce) got back, handed to the classifier in the
 * shapes it reads, as jsforce's own errors are: a non-2xx answer as `{status, headers, body}`, a 2xx without JSON as
 * NotSalesforceJsonError. A network failure or an abort stays fetch's own error.
 */
import { NotSalesforceJsonError } from './jsforce-transport';

export type ConnectionFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: Blob; signal?: AbortSignal }) => Promise<FetchedAnswer>;

/** The part of a fetch Response read here. */
export type FetchedAnswer = Pick<Response, 'status' | 'text'> & { headers: { get(name: string): string | null } };

export const globalFetch: ConnectionFetch = (url, init) => globalThis.fetch(url, init);

export async function salesforceAnswer(response: FetchedAnswer): Promise<unknown> {
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status < 200 || response.status > 299) {
    throw Object.assign(new Error(`Salesforce answered HTTP ${response.status}`), { status: response.status, headers: { 'content-type': contentType }, body: text });
  }
  if (response.status === 204) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new NotSalesforceJsonError(response.status, { 'content-type': contentType }, text);
  }
}

/**
 * A signal for one fetch: aborted when the caller's signal aborts (the HTTP request itself is cancelled) or after
 * `timeoutMs` (the wrapper's own deadline has answered the caller by then; this frees the socket). `done` clears both.
 */
export function fetchSignal(timeoutMs: number, outer?: AbortSignal): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
