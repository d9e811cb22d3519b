import { describe, expect, it, vi } from 'vitest';
import { withBodyDeadline, withDeadline } from './deadline';

describe('withDeadline', () => {
  it('settles a promise that never settles', async () => {
    const never = new Promise<never>(() => {});
    const started = Date.now();
    await expect(withDeadline(never, 30, () => new Error('deadline'))).rejects.toThrow('deadline');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes a result and a rejection through before the deadline', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, () => new Error('deadline'))).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error('boom')), 1000, () => new Error('deadline'))).rejects.toThrow('boom');
  });

  it('ignores a late result after the deadline fired', async () => {
    let resolveLate!: (v: number) => void;
    const late = new Promise<number>((r) => (resolveLate = r));
    const bounded = withDeadline(late, 10, () => new Error('deadline'));
    await expect(bounded).rejects.toThrow('deadline');
    resolveLate(1);
    await expect(bounded).rejects.toThrow('deadline');
  });
});

describe('withBodyDeadline', () => {
  const stalled = () => new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"access_token":')) });

  it('fails a body that stalls after the headers with a timeout, and aborts the request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let signal: AbortSignal | undefined;
      const fetchFn = (async (_input: unknown, init?: RequestInit) => {
        signal = init?.signal ?? undefined;
        return new Response(stalled(), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }) as typeof fetch;
      const response = await withBodyDeadline(fetchFn, 1_000)('https://acme.my.salesforce.com/services/oauth2/token');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const reading = response.json().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(999);
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await reading) as Error).toMatchObject({ name: 'TimeoutError' });
      expect(signal?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("passes a whole body and the caller's own abort through", async () => {
    const fetchFn = (async (_input: unknown, init?: RequestInit) => {
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return new Response('{"ok":true}', { status: 200 });
    }) as typeof fetch;
    await expect((await withBodyDeadline(fetchFn, 1_000)('https://x.example')).json()).resolves.toEqual({ ok: true });
    const mine = new AbortController();
    mine.abort();
    await expect(withBodyDeadline(fetchFn, 1_000)('https://x.example', { signal: mine.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
