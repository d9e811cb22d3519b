import { describe, expect, it } from 'vitest';
import { corsEnforcingFetch, nonSimpleHeaders } from './cors-enforcing-fetch';

const ORIGIN = 'https://addin.contoso.com';

interface Seen {
  url: string;
  method: string;
  headers: Headers;
}

/** A server that answers every request with `allowOrigin` (or none), recording what it was sent. */
function server(allowOrigin: string | undefined, preflightStatus = 204) {
  const seen: Seen[] = [];
  const fetchFn = async (url: string, init: RequestInit): Promise<Response> => {
    const method = init.method ?? 'GET';
    seen.push({ url, method, headers: new Headers(init.headers) });
    const headers: Record<string, string> = allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin } : {};
    return new Response(method === 'OPTIONS' ? null : '{"ok":true}', { status: method === 'OPTIONS' ? preflightStatus : 200, headers });
  };
  return { seen, fetchFn };
}

describe('corsEnforcingFetch', () => {
  it.each([
    ['the origin itself', ORIGIN, true],
    ['any origin (*)', '*', true],
    ['another origin', 'https://other.example', false],
    ['no CORS header', undefined, false],
  ] as const)('a simple GET answered for %s: readable %s', async (_name, allow, readable) => {
    const { fetchFn, seen } = server(allow);
    const request = corsEnforcingFetch(fetchFn, ORIGIN)('https://acme.my.salesforce.com/services/data/', { method: 'GET' });
    if (readable) await expect(request).resolves.toBeInstanceOf(Response);
    else await expect(request).rejects.toBeInstanceOf(TypeError);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.get('origin')).toBe(ORIGIN);
  });

  it('sends a form POST without a preflight, as a browser does', async () => {
    const { fetchFn, seen } = server(ORIGIN);
    await corsEnforcingFetch(fetchFn, ORIGIN)('https://acme.my.salesforce.com/services/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(seen.map((s) => s.method)).toEqual(['POST']);
  });

  it('preflights a request with an Authorization header, and stops when the preflight is refused', async () => {
    const { fetchFn, seen } = server(undefined, 403);
    await expect(
      corsEnforcingFetch(fetchFn, ORIGIN)('https://acme.my.salesforce.com/services/data/v62.0/', { method: 'GET', headers: { Authorization: 'Bearer x' } }),
    ).rejects.toBeInstanceOf(TypeError);
    expect(seen.map((s) => s.method)).toEqual(['OPTIONS']);
    expect(seen[0]?.headers.get('access-control-request-headers')).toBe('authorization');
  });

  it('sends the request once the preflight allows it', async () => {
    const { fetchFn, seen } = server(ORIGIN);
    await corsEnforcingFetch(fetchFn, ORIGIN)('https://acme.my.salesforce.com/x', { method: 'PATCH' });
    expect(seen.map((s) => s.method)).toEqual(['OPTIONS', 'PATCH']);
  });
});

describe('nonSimpleHeaders', () => {
  it.each([
    [{ 'Content-Type': 'application/x-www-form-urlencoded' }, []],
    [{ 'Content-Type': 'application/json' }, ['content-type']],
    [{ Accept: 'application/json', Authorization: 'Bearer x' }, ['authorization']],
  ] as const)('%j → %j', (headers, expected) => {
    expect(nonSimpleHeaders(new Headers(headers))).toEqual(expected);
  });
});
