import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createIndexedDbLock, createInProcessLock, createWebLock, lockDeadlinesFor, type RefreshLock, type WebLockManager } from './refresh-lock';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('createInProcessLock', () => {
  it('runs holders of one key one at a time, in order', async () => {
    const lock = createInProcessLock();
    const log: string[] = [];
    let inside = 0;
    let most = 0;
    const job = (name: string) =>
      lock.run('k', async () => {
        inside++;
        most = Math.max(most, inside);
        log.push(`${name}:in`);
        await tick();
        log.push(`${name}:out`);
        inside--;
        return name;
      });
    const results = await Promise.all([job('a'), job('b'), job('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['a:in', 'a:out', 'b:in', 'b:out', 'c:in', 'c:out']);
  });

  it('passes the lock on after a holder fails, and keeps keys apart', async () => {
    const lock = createInProcessLock();
    const failed = lock.run('k', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(lock.run('k', async () => 'next')).resolves.toBe('next');
    let otherRan = false;
    const slow = lock.run('k', async () => {
      await tick();
      return otherRan;
    });
    await lock.run('other', async () => {
      otherRan = true;
    });
    await expect(slow).resolves.toBe(true);
  });
});

describe('createWebLock', () => {
  it('asks navigator.locks for an exclusive lock under the key', async () => {
    const calls: Array<[string, string]> = [];
    const locks: WebLockManager = {
      request: (name, options, callback) => {
        calls.push([name, options.mode]);
        return callback();
      },
    };
    await expect(createWebLock(locks).run('salesforce-refresh', async () => 5)).resolves.toBe(5);
    expect(calls).toEqual([['salesforce-refresh', 'exclusive']]);
  });
});

describe('createIndexedDbLock (webviews without Web Locks)', () => {
  const job = (lock: RefreshLock, log: string[], name: string, counter: { inside: number; most: number }) =>
    lock.run('k', async () => {
      counter.inside++;
      counter.most = Math.max(counter.most, counter.inside);
      log.push(`${name}:in`);
      await new Promise((r) => setTimeout(r, 30));
      log.push(`${name}:out`);
      counter.inside--;
      return name;
    });

  it('two panes (two lock instances on one IndexedDB) never hold the lock at once', async () => {
    const factory = new IDBFactory();
    const first = createIndexedDbLock(factory, { pollMs: 5 });
    const second = createIndexedDbLock(factory, { pollMs: 5 });
    const log: string[] = [];
    const counter = { inside: 0, most: 0 };
    const results = await Promise.all([job(first, log, 'a', counter), job(second, log, 'b', counter), job(first, log, 'c', counter)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(counter.most).toBe(1);
    expect(log).toHaveLength(6);
    for (let i = 0; i < log.length; i += 2) expect(log[i]!.replace(':in', '')).toBe(log[i + 1]!.replace(':out', ''));
  });

  it('releases after a holder fails, and takes over a lease its dead holder left behind once it expires', async () => {
    const factory = new IDBFactory();
    let clock = 1_000;
    // The dying pane's renewals keep stamping its last moment: its lease never reaches past clock 1,100.
    const dead = createIndexedDbLock(factory, { pollMs: 5, leaseMs: 100, now: () => 1_000 });
    const alive = createIndexedDbLock(factory, { pollMs: 5, leaseMs: 100, now: () => clock });
    await expect(alive.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await alive.run('k', async () => 'after failure')).toBe('after failure');

    // The dead pane takes the lease and never finishes (its page went away).
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    void dead.run('k', () => {
      entered();
      return new Promise<never>(() => {});
    });
    await inside;
    let got = false;
    const waiting = alive.run('k', async () => {
      got = true;
    });
    await new Promise((r) => setTimeout(r, 40));
    expect(got).toBe(false);
    clock += 10_000; // past the dead pane's lease
    await waiting;
    expect(got).toBe(true);
  });
});

/**
 * A LockManager that queues like the browser's: one holder per name, waiters in order, `signal` withdraws a waiting
 * request (AbortError), `steal` releases the holder (its request rejects with AbortError) and grants at once.
 */
function queueingLockManager() {
  interface Holder {
    release: () => void;
    abort: (error: Error) => void;
  }
  const held = new Map<string, Holder>();
  const queues = new Map<string, Array<() => void>>();
  const abortError = () => Object.assign(new Error('aborted'), { name: 'AbortError' });
  const grantNext = (name: string) => {
    held.delete(name);
    const next = queues.get(name)?.shift();
    next?.();
  };
  const manager: WebLockManager & { hold(name: string): void } = {
    /** Another pane takes the lock and never lets go (its page froze). */
    hold(name) {
      held.set(name, { release: () => grantNext(name), abort: () => undefined });
    },
    request<T>(name: string, options: { mode: 'exclusive'; signal?: AbortSignal; steal?: boolean }, callback: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const grant = () => {
          const holder: Holder = {
            release: () => {
              if (held.get(name) === holder) grantNext(name);
            },
            abort: reject,
          };
          held.set(name, holder);
          callback().then(
            (v) => {
              holder.release();
              resolve(v);
            },
            (e: unknown) => {
              holder.release();
              reject(e);
            },
          );
        };
        if (options.steal) {
          held.get(name)?.abort(abortError());
          grant();
          return;
        }
        if (!held.has(name)) return grant();
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        queue.push(grant);
        options.signal?.addEventListener('abort', () => {
          const i = queue.indexOf(grant);
          if (i >= 0) {
            queue.splice(i, 1);
            reject(abortError());
          }
        });
      });
    },
  };
  return manager;
}

describe('lock deadlines (a hung lock in one pane never blocks another pane for long)', () => {
  const timers = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

  it('Web Locks: a holder that never finishes lets go after the hold deadline, and its caller hears a timeout', async () => {
    vi.useFakeTimers({ toFake: [...timers] });
    try {
      const manager = queueingLockManager();
      const hungPane = createWebLock(manager, { holdMs: 1_000, waitMs: 60_000 });
      const otherPane = createWebLock(manager, { holdMs: 1_000, waitMs: 60_000 });
      const hung = hungPane.run('k', () => new Promise<never>(() => {}));
      const hungOutcome = hung.catch((e: unknown) => e);
      let ran = false;
      const waiting = otherPane.run('k', async () => {
        ran = true;
        return 'refreshed';
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(waiting).resolves.toBe('refreshed');
      expect((await hungOutcome) as Error).toMatchObject({ name: 'TimeoutError' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('Web Locks: a waiter takes over a lock whose holder froze, after the wait deadline', async () => {
    vi.useFakeTimers({ toFake: [...timers] });
    try {
      const manager = queueingLockManager();
      manager.hold('k'); // a pane the browser froze mid-refresh: its own timers never run
      let ran = false;
      const waiting = createWebLock(manager, { holdMs: 1_000, waitMs: 5_000 }).run('k', async () => {
        ran = true;
        return 'refreshed';
      });
      await vi.advanceTimersByTimeAsync(4_999);
      expect(ran).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(waiting).resolves.toBe('refreshed');
    } finally {
      vi.useRealTimers();
    }
  });

  it('IndexedDB lease: an IndexedDB that never answers fails the run with a timeout instead of hanging', async () => {
    vi.useFakeTimers({ toFake: [...timers] });
    try {
      const silent = { open: () => ({}) as IDBOpenDBRequest } as unknown as globalThis.IDBFactory;
      const outcome = createIndexedDbLock(silent, { operationMs: 2_000 })
        .run('k', async () => 'never')
        .catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(2_000);
      expect((await outcome) as Error).toMatchObject({ name: 'TimeoutError' });
    } finally {
      vi.useRealTimers();
    }
  });

  it("IndexedDB lease: a waiter writes over a frozen pane's lease after the wait deadline, though the lease runs longer", async () => {
    const factory = new IDBFactory();
    let clock = 1_000;
    const frozen = createIndexedDbLock(factory, { pollMs: 5, leaseMs: 3_600_000, holdMs: 3_600_000, now: () => clock });
    const alive = createIndexedDbLock(factory, { pollMs: 5, leaseMs: 3_600_000, waitMs: 5_000, now: () => clock });
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    void frozen.run('k', () => {
      entered();
      return new Promise<never>(() => {});
    });
    await inside;
    let got = false;
    const waiting = alive.run('k', async () => {
      got = true;
    });
    await new Promise((r) => setTimeout(r, 40));
    expect(got).toBe(false);
    clock += 5_000;
    await waiting;
    expect(got).toBe(true);
  });
});

describe('lockDeadlinesFor', () => {
  it('holds longer than one whole token call, and waits longer than it holds', () => {
    expect(lockDeadlinesFor(10_000)).toEqual({ holdMs: 30_000, waitMs: 35_000 });
    expect(lockDeadlinesFor(20_000)).toEqual({ holdMs: 30_000, waitMs: 35_000 });
    expect(lockDeadlinesFor(60_000)).toEqual({ holdMs: 90_000, waitMs: 95_000 });
  });
});
