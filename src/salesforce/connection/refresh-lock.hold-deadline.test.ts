/**
 * The work under the lock hears when the lock lets go at its hold deadline (its signal is aborted), so it stops rather
 * than land after another pane took the lock; and the IndexedDB lease recovers from an open that never answered.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createIndexedDbLock, createInProcessLock, createWebLock, type WebLockManager } from './refresh-lock';

/** navigator.locks with nobody else around: granted at once. */
const freeLocks: WebLockManager = { request: (_name, _options, callback) => callback() };

describe('the hold deadline aborts the work under the lock (it must not land after another pane took the lock)', () => {
  const timers = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

  it('Web Locks: the signal given to the holder is aborted when the hold deadline fires, not before', async () => {
    vi.useFakeTimers({ toFake: [...timers] });
    try {
      let signal: AbortSignal | undefined;
      const outcome = createWebLock(freeLocks, { holdMs: 1_000, waitMs: 60_000 })
        .run('k', (held) => {
          signal = held;
          return new Promise<never>(() => {});
        })
        .catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(999);
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(signal?.aborted).toBe(true);
      expect(signal?.reason).toMatchObject({ name: 'TimeoutError' });
      expect((await outcome) as Error).toMatchObject({ name: 'TimeoutError' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('IndexedDB lease: the same', async () => {
    let signal: AbortSignal | undefined;
    const outcome = createIndexedDbLock(new IDBFactory(), { pollMs: 5, holdMs: 50 })
      .run('k', (held) => {
        signal = held;
        return new Promise<never>(() => {});
      })
      .catch((e: unknown) => e);
    expect((await outcome) as Error).toMatchObject({ name: 'TimeoutError' });
    expect(signal?.aborted).toBe(true);
  });

  it('a holder that finishes in time keeps an unaborted signal; the in-process lock never aborts it', async () => {
    const seen: AbortSignal[] = [];
    await createWebLock(freeLocks, { holdMs: 1_000 }).run('k', async (held) => void seen.push(held));
    await createInProcessLock().run('k', async (held) => void seen.push(held));
    await new Promise((r) => setTimeout(r, 5));
    expect(seen.map((s) => s.aborted)).toEqual([false, false]);
  });

  it('IndexedDB lease: after an open that never answered, the next run opens again', async () => {
    const real = new IDBFactory();
    let opens = 0;
    const firstOpenHangs = {
      open: (name: string, version?: number) => (++opens === 1 ? ({} as IDBOpenDBRequest) : real.open(name, version)),
    } as unknown as globalThis.IDBFactory;
    const lock = createIndexedDbLock(firstOpenHangs, { operationMs: 50, pollMs: 5 });
    await expect(lock.run('k', async () => 'never')).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(lock.run('k', async () => 'second')).resolves.toBe('second');
    expect(opens).toBe(2);
  });
});
