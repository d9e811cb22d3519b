import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadRuntimeConfig, parseRuntimeConfig } from './runtime-config';

const base = { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.contoso.com/auth-callback.html' };

describe('parseRuntimeConfig: salesforce.customDomains', () => {
  it('is empty when absent, and keeps exact lower-case host names', () => {
    expect(parseRuntimeConfig({ salesforce: base }).salesforce.customDomains).toEqual([]);
    expect(parseRuntimeConfig({ salesforce: { ...base, customDomains: ['Login.Contoso.com', 'sso.contoso.com.'] } }).salesforce.customDomains).toEqual([
      'login.contoso.com',
      'sso.contoso.com',
    ]);
  });

  it.each([['https://login.contoso.com'], ['*.contoso.com'], ['login.contoso.com:8443'], ['10.0.0.5'], ['localhost'], [''], [42]])('refuses %j with the field named', (entry) => {
    expect(() => parseRuntimeConfig({ salesforce: { ...base, customDomains: [entry] } })).toThrow(ConfigError);
    expect(() => parseRuntimeConfig({ salesforce: { ...base, customDomains: [entry] } })).toThrow(/salesforce\.customDomains\[0\]/);
  });

  it('refuses a value that is not a list', () => {
    expect(() => parseRuntimeConfig({ salesforce: { ...base, customDomains: 'login.contoso.com' } })).toThrow(/customDomains/);
  });
});

describe('loadRuntimeConfig: a deadline over config.json', () => {
  const good = JSON.stringify({ salesforce: base });

  it('loads and parses a config that arrives', async () => {
    const fetchFn = (async () => new Response(good, { status: 200 })) as typeof fetch;
    await expect(loadRuntimeConfig({ fetch: fetchFn, url: 'https://addin.contoso.com/config.json' })).resolves.toMatchObject({ salesforce: { clientId: 'c' } });
  });

  it('gives up on a server that never answers, and aborts the request', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let signal: AbortSignal | undefined;
      const fetchFn = ((_url: unknown, init?: RequestInit) => {
        signal = init?.signal ?? undefined;
        return new Promise<Response>(() => {});
      }) as typeof fetch;
      const outcome = loadRuntimeConfig({ fetch: fetchFn, url: 'https://addin.contoso.com/config.json', timeoutMs: 5_000 }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5_000);
      const error = (await outcome) as Error;
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/did not arrive within 5 s/);
      expect(signal?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up on a body that stalls after the headers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"salesforce":')) });
      const fetchFn = (async () => new Response(stalled, { status: 200 })) as typeof fetch;
      const outcome = loadRuntimeConfig({ fetch: fetchFn, url: 'https://addin.contoso.com/config.json', timeoutMs: 5_000 }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(((await outcome) as Error).message).toMatch(/did not arrive/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says which HTTP status it got', async () => {
    const fetchFn = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(loadRuntimeConfig({ fetch: fetchFn, url: 'https://addin.contoso.com/config.json' })).rejects.toThrow('HTTP 404');
  });
});
