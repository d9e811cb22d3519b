import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';

const policy: BackoffPolicy = { retries: 3, baseMs: 100, maxMs: 1000 };

describe('backoffDelay', () => {
  it.each([
    [0, 0.999999, 99],
    [1, 0.999999, 199],
    [2, 0.999999, 399],
    [3, 0.999999, 799],
    [4, 0.999999, 999],
    [10, 0.999999, 999],
    [2, 0.5, 200],
    [2, 0, 0],
  ])('retry %i with random %d waits %i ms', (retry, random, expected) => {
    expect(backoffDelay(retry, policy, () => random)).toBe(expected);
  });

  it('stays within [0, ceiling) for any random value, even a broken one', () => {
    for (const r of [-1, 2, Number.NaN, Number.POSITIVE_INFINITY, 0.3]) {
      for (let retry = 0; retry < 8; retry++) {
        const d = backoffDelay(retry, policy, () => r);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.min(policy.maxMs, policy.baseMs * 2 ** retry));
      }
    }
  });

  it('spreads delays (full jitter), not the same for everyone', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) seen.add(backoffDelay(3, policy, () => i / 20));
    expect(seen.size).toBe(20);
  });

  it('is bounded by default', () => {
    expect(DEFAULT_BACKOFF.retries).toBeGreaterThan(0);
    expect(DEFAULT_BACKOFF.retries).toBeLessThanOrEqual(5);
  });
});
