import { describe, expect, it } from 'vitest';
import { abortErrorOf, untilAborted } from './abortable';
import { isAbortError } from './deadline';

describe('untilAborted', () => {
  it('rejects with an AbortError as soon as the signal aborts, whatever the work does later', async () => {
    const controller = new AbortController();
    let finish!: (value: string) => void;
    const pending = untilAborted(new Promise<string>((resolve) => (finish = resolve)), controller.signal);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    finish('late');
  });

  it('rejects at once for a signal already aborted, and passes the work through without one', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(await untilAborted(Promise.resolve(1), controller.signal).catch((e: unknown) => e))).toBe(true);
    expect(await untilAborted(Promise.resolve(2), undefined)).toBe(2);
    expect(await untilAborted(Promise.resolve(3), new AbortController().signal)).toBe(3);
  });

  it("keeps the work's own failure when it comes first", async () => {
    const failure = new Error('refused');
    await expect(untilAborted(Promise.reject(failure), new AbortController().signal)).rejects.toBe(failure);
  });
});

describe('abortErrorOf', () => {
  it("is the signal's reason when that is an AbortError, another AbortError otherwise", () => {
    const own = new DOMException('stopped', 'AbortError');
    const a = new AbortController();
    a.abort(own);
    expect(abortErrorOf(a.signal)).toBe(own);
    const b = new AbortController();
    b.abort('just a string');
    expect(isAbortError(abortErrorOf(b.signal))).toBe(true);
  });
});
