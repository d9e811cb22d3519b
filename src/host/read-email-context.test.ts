import { afterEach, describe, expect, it, vi } from 'vitest';
import { GET_ASYNC_DEADLINE_MS, readEmailContext } from './read-email-context';

const never = { getAsync: () => undefined };

describe('readEmailContext: a deadline over every getAsync', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the fields Outlook answered, and empty ones for getAsync calls that never call back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const item = {
      subject: { getAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: 'Draft: intro' }) },
      from: never,
      to: never,
      cc: { getAsync: (cb: (r: unknown) => void) => cb({ status: 'succeeded', value: [{ displayName: 'Priya', emailAddress: 'priya@globex.example' }] }) },
      body: { getAsync: () => undefined },
    };
    let context: unknown;
    void readEmailContext(item as never, 'text' as never).then((c) => (context = c));
    await vi.advanceTimersByTimeAsync(GET_ASYNC_DEADLINE_MS - 1);
    expect(context).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(context).toEqual({ mode: 'compose', subject: 'Draft: intro', to: [], cc: [{ name: 'Priya', address: 'priya@globex.example' }], bodyExcerpt: '' });
  });

  it('ignores an answer that comes after the deadline', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let late: ((r: unknown) => void) | undefined;
    const item = { subject: { getAsync: (cb: (r: unknown) => void) => (late = cb) }, to: [], cc: [] };
    const reading = readEmailContext(item as never, 'text' as never, { deadlineMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    late?.({ status: 'succeeded', value: 'too late' });
    await expect(reading).resolves.toMatchObject({ subject: '' });
  });
});
