/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): the delay before
 * retry n is uniform in [0, min(maxMs, baseMs * 2^n)). Full jitter spreads the panes and tabs that met the same
 * outage, so they do not come back at the same instant.
 */
export interface BackoffPolicy {
  /** Retries after the first attempt; the call is tried at most `retries + 1` times. */
  retries: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { retries: 3, baseMs: 300, maxMs: 5000 };

/** @param retry 0 for the first retry. @param random a number in [0, 1), injected so tests are deterministic. */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry));
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return Math.floor(unit * ceiling);
}
