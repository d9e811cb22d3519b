/**
 * One request of the set-up check, read as a browser reads it: either an answer (status, text, the JSON if it is
 * JSON) or a network error. A browser reports a CORS refusal, an unknown host and a dropped connection all as the
 * same TypeError, so "network_error" never says which; the checks tell them apart by asking endpoints whose CORS rules
 * differ (see run-setup-check.ts). A request that outlasts the deadline counts as a network error too.
 */
import { withDeadline } from '../../shared/deadline';

export type SetupFetch = (url: string, init: RequestInit) => Promise<Response>;

export type ProbeAnswer = { kind: 'network_error' } | { kind: 'answer'; status: number; text: string; json: unknown };

export const PROBE_DEADLINE_MS = 10_000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function probe(fetchFn: SetupFetch, url: string, init: RequestInit, deadlineMs = PROBE_DEADLINE_MS): Promise<ProbeAnswer> {
  try {
    const read = fetchFn(url, { ...init, credentials: 'omit', cache: 'no-store' }).then(async (response) => ({ status: response.status, text: await response.text() }));
    const { status, text } = await withDeadline(read, deadlineMs, () => new Error('set-up check: no answer in time'));
    return { kind: 'answer', status, text, json: parseJson(text) };
  } catch {
    return { kind: 'network_error' };
  }
}

/** The OAuth error code of a token endpoint answer (`{"error": …}`), lower case; undefined when there is none. */
export function oauthErrorCode(answer: ProbeAnswer): string | undefined {
  if (answer.kind !== 'answer' || !answer.json || typeof answer.json !== 'object') return undefined;
  const error = (answer.json as Record<string, unknown>).error;
  return typeof error === 'string' ? error.toLowerCase() : undefined;
}
