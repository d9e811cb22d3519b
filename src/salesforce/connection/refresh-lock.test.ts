import { describe, expect, it } from 'vitest';
import { createInProcessLock, createWebLock, type WebLockManager } from './refresh-lock';

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
