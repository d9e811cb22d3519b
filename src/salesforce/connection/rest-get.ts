/**
 * A REST GET the caller can stop: sent with `fetch` and the caller's AbortSignal, because jsforce cannot be stopped.
 * Its browser transport makes its own AbortController for each fetch and puts that controller's signal after the
 * request's own fields (jsforce 3.10.16 lib/browser/request.js startFetchRequest), so no signal of ours reaches the
 * fetch; its only abort is its own timeout. Aborting here cancels the HTTP request itself.
 */
import { fetchSignal, globalFetch, salesforceAnswer, type ConnectionFetch } from './fetch-answer';

export async function sendRestGet(
  session: { accessToken: string; instanceUrl: string },
  path: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  fetchFn: ConnectionFetch = globalFetch,
): Promise<unknown> {
  const request = fetchSignal(timeoutMs, signal);
  try {
    const response = await fetchFn(`${session.instanceUrl}${path}`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${session.accessToken}`, Accept: 'application/json' },
      signal: request.signal,
    });
    return await salesforceAnswer(response);
  } finally {
    request.done();
  }
}
