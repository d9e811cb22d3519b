/**
 * A search or recent-items call its caller stops: the fetch itself is aborted (jsforce could not be), the call rejects
 * at once with an AbortError, nothing is classified, retried or reported to the connection's state. Unstopped, the
 * same path answers and fails like every other call. Against the emulated org: tests/integration/crm-search-abort.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAbortError } from '../../shared/deadline';
import { SalesforceFailureError } from '../failure-kinds';
import type { ConnectionState } from '../salesforce-api';
import { noopCrossPane } from './cross-pane';
import type { JsforceModule } from './jsforce-transport';
import { createInProcessLock } from './refresh-lock';
import { createSalesforceConnection } from './salesforce-connection';
import { TEST_IDENTITY, TEST_TOKENS } from '../../testing/connection-session';

const tokens = TEST_TOKENS;
const identity = TEST_IDENTITY;

/** jsforce is never used on this path: any request through it fails the test. */
const noJsforce: JsforceModule = {
  Connection: class {
    request(): Promise<never> {
      throw new Error('search went through jsforce');
    }
  },
};

interface SeenFetch {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

/** Stands in for the browser's fetch: `answer` decides; a held one rejects with an AbortError when its signal aborts, as fetch does. */
function stubFetch(answer: (call: number) => Response | 'hold') {
  const seen: SeenFetch[] = [];
  vi.stubGlobal('fetch', (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => {
    seen.push({ url, headers: init.headers, signal: init.signal });
    const reply = answer(seen.length);
    if (reply !== 'hold') return Promise.resolve(reply);
    return new Promise((_, reject) => {
      const stop = () => reject(new DOMException('This operation was aborted', 'AbortError'));
      if (init.signal?.aborted) stop();
      init.signal?.addEventListener('abort', stop, { once: true });
    });
  });
  return seen;
}

async function connected(sleep?: (ms: number) => Promise<void>) {
  const api = createSalesforceConnection({
    config: { loginUrl: 'https://org.example', loginChoices: [], clientId: 'c', redirectUri: 'https://a.example/cb', apiVersion: '62.0', requestTimeoutMs: 5000 },
    tokenStore: { saveRefreshToken: async () => {} },
    refreshLock: createInProcessLock(),
    crossPane: noopCrossPane,
    loadJsforce: async () => noJsforce,
    fetch: () => new Promise(() => {}),
    onlineState: { isOnline: () => true, subscribe: () => () => {} },
    random: () => 0,
    ...(sleep ? { sleep } : {}),
  });
  await api.start(tokens, identity);
  const states: ConnectionState['status'][] = [];
  api.subscribe((s) => states.push(s.status));
  return { api, states };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;charset=UTF-8' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a search its caller stops', () => {
  it('aborts the fetch in flight and rejects at once with an AbortError, reporting nothing', async () => {
    const seen = stubFetch(() => 'hold');
    const { api, states } = await connected();
    const stop = new AbortController();
    const pending = api.search('FIND {acme*}', stop.signal).catch((e: unknown) => e);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.signal?.aborted).toBe(false);
    stop.abort();
    const error = await pending;
    expect(isAbortError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(SalesforceFailureError);
    expect(seen[0]?.signal?.aborted).toBe(true);
    expect(seen).toHaveLength(1); // no retry
    expect(states).toEqual([]);
    expect(api.state().status).toBe('connected');
  });

  it('sends nothing when stopped before it is sent', async () => {
    const seen = stubFetch(() => json({ searchRecords: [] }));
    const { api } = await connected();
    const stop = new AbortController();
    stop.abort();
    expect(isAbortError(await api.search('FIND {acme*}', stop.signal).catch((e: unknown) => e))).toBe(true);
    expect(isAbortError(await api.recentItems(10, stop.signal).catch((e: unknown) => e))).toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('stopped while waiting to retry a 503: no second request, and no failure', async () => {
    const seen = stubFetch(() => json([{ errorCode: 'SERVER_UNAVAILABLE', message: 'Down' }], 503));
    const stop = new AbortController();
    const { api, states } = await connected(async () => {
      stop.abort(); // the seller types again during the backoff
    });
    const error = await api.search('FIND {acme*}', stop.signal).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(states).toEqual([]);
  });

  it('recent items are stopped the same way', async () => {
    const seen = stubFetch(() => 'hold');
    const { api } = await connected();
    const stop = new AbortController();
    const pending = api.recentItems(20, stop.signal).catch((e: unknown) => e);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    stop.abort();
    expect(isAbortError(await pending)).toBe(true);
    expect(seen[0]?.signal?.aborted).toBe(true);
  });
});

describe('a search not stopped, on the same fetch path', () => {
  it('sends one GET with the bearer token and answers the records', async () => {
    const seen = stubFetch(() => json({ searchRecords: [{ attributes: { type: 'Account' }, Id: '0015e0000000001AAA' }] }));
    const { api } = await connected();
    const result = await api.search('FIND {acme*}', new AbortController().signal);
    expect(result.searchRecords).toHaveLength(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`https://org.example/services/data/v62.0/search?q=${encodeURIComponent('FIND {acme*}')}`);
    expect(seen[0]?.headers.Authorization).toBe(`Bearer ${tokens.accessToken}`);
    expect(await api.recentItems(5)).toEqual([]); // a 200 whose body is not an array: no records
  });

  it("classifies Salesforce's refusal as any call's", async () => {
    stubFetch(() => json([{ errorCode: 'INVALID_SEARCH', message: 'search term must be longer than one character' }], 400));
    const { api } = await connected();
    const error = await api.search('FIND {a}').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesforceFailureError);
    expect((error as SalesforceFailureError).failure.status).toBe(400);
  });

  it('a 200 that is not JSON (a maintenance page) is a failure, not an empty result', async () => {
    stubFetch(() => new Response('<html>Down for maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const { api } = await connected();
    await expect(api.search('FIND {acme*}')).rejects.toBeInstanceOf(SalesforceFailureError);
  });
});
