/**
 * Which failed attempts the wrapper retries by itself.
 *
 * The rule for writes: a non-idempotent write (POST create, a composite carrying a write) is retried only when
 * Salesforce answered in a way that says the request did not land: 503 / SERVER_UNAVAILABLE (refused before
 * processing), UNABLE_TO_LOCK_ROW (the transaction rolled back), and an expired session (401 INVALID_SESSION_ID is
 * answered before any processing; that path is the refresh, not this function). Never after a timeout, a network
 * failure, a 500 or a gateway's 502/504: the write may have landed, and retrying could create a duplicate. Those
 * surface to the caller (the outbox), which knows how to check before trying again.
 *
 * Reads and PATCH updates are idempotent and are retried on every transient failure. Timeouts are not retried here:
 * the deadline is for the whole call, so when it fires there is no time left to retry in.
 */
import type { ClassifiedFailure } from '../failure-kinds';

const ANSWERED_WITHOUT_LANDING = new Set(['SERVER_UNAVAILABLE', 'UNABLE_TO_LOCK_ROW', 'ERROR_HTTP_503']);

export function isRetryableAttempt(failure: ClassifiedFailure, idempotent: boolean): boolean {
  if (failure.kind !== 'transient') return false;
  if (idempotent) return true;
  return failure.status === 503 || (failure.code !== undefined && ANSWERED_WITHOUT_LANDING.has(failure.code));
}
