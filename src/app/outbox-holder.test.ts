import { describe, expect, it, vi } from 'vitest';
import type { Outbox, OutboxOwner } from '../salesforce/outbox/outbox';
import { createOutboxHolder, openWithinDeadline } from './outbox-holder';

const SAM: OutboxOwner = { orgId: 'o', userId: 'sam' };

function fakeOutbox(log: string[], pending = 0): Outbox {
  return {
    enqueue: async () => {
      throw new Error('unused');
    },
    list: async () => [],
    subscribe: () => () => undefined,
    pendingCount: async () => pending,
    discard: async () => undefined,
    discardAll: async (o) => void log.push(`discardAll:${o.userId}`),
    retry: async () => undefined,
    resume: (o) => void log.push(`resume:${o.userId}`),
    pause: () => void log.push('pause'),
    close: () => void log.push('close'),
  };
}

describe('outbox holder', () => {
  it('opens at once, hands the outbox out, and replays a resume that came before it was ready', async () => {
    const log: string[] = [];
    const holder = createOutboxHolder(async () => fakeOutbox(log, 2));
    holder.resume(SAM);
    expect(await holder.pendingCount(SAM)).toBe(2);
    expect(holder.current()).toBeDefined();
    expect(log).toContain('resume:sam');
  });

  it('after close, opens nothing until the next sign-in resumes', async () => {
    const log: string[] = [];
    let opened = 0;
    const holder = createOutboxHolder(async () => {
      opened += 1;
      return fakeOutbox(log);
    });
    await holder.pendingCount(SAM);
    let changes = 0;
    holder.subscribe(() => (changes += 1));
    holder.close();
    expect(holder.current()).toBeUndefined();
    expect(log).toContain('close');
    expect(await holder.pendingCount(SAM)).toBe(0);
    await holder.discardAll(SAM);
    expect(opened).toBe(1);
    holder.resume(SAM);
    await holder.pendingCount(SAM);
    expect(opened).toBe(2);
    expect(holder.current()).toBeDefined();
    expect(changes).toBe(2);
  });

  it('survives an outbox that cannot open', async () => {
    const holder = createOutboxHolder(() => Promise.reject(new Error('no IndexedDB')));
    expect(await holder.pendingCount(SAM)).toBe(0);
    expect(holder.current()).toBeUndefined();
  });
});

describe('openWithinDeadline (an outbox whose database never opens)', () => {
  it('fails after the deadline so the workspace runs read-only, and closes an outbox that opens late', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const log: string[] = [];
      let openLate!: (outbox: Outbox) => void;
      const outcome = openWithinDeadline(() => new Promise<Outbox>((resolve) => (openLate = resolve)), 5_000).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(4_999);
      await vi.advanceTimersByTimeAsync(1);
      expect((await outcome) as Error).toMatchObject({ name: 'TimeoutError' });
      openLate(fakeOutbox(log));
      await vi.advanceTimersByTimeAsync(0);
      expect(log).toEqual(['close']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a holder whose open fails reports the workspace read-only', async () => {
    const holder = createOutboxHolder(() => Promise.reject(new Error('no IndexedDB')));
    let told = 0;
    holder.subscribe(() => told++);
    await new Promise((r) => setTimeout(r, 0));
    expect(holder.unavailable()).toBe(true);
    expect(holder.current()).toBeUndefined();
    expect(told).toBe(1);
  });
});
