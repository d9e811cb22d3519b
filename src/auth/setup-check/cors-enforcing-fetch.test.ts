import { describe, expect, it } from 'vitest';
import { corsEnforcingFetch, nonSimpleHeaders } from './cors-enforcing-fetch';

const ORIGIN = 'https://addin.contoso.com';

interface Seen {
  url: string;
  method: string;
  headers: Headers;
}

interface PreflightGrant {
  methods?: string;
  headers?: string;
}

/**
 * A server that answers every request with `allowOrigin` (or none), recording what it was sent; its preflight answer
 * lists `grant`'s methods and headers (by default, what Salesforce lists: its methods, and the headers asked).
 */
function server(allowOrigin: string | undefined, preflightStatus = 204, grant?: PreflightGrant) {
  const seen: Seen[] = [];
  const fetchFn = async (url: string, init: RequestInit): Promise<Response> => {
    const method = init.method ?? 'GET';
    const asked = new Headers(init.headers);
    seen.push({ url, method, headers: asked });
    const headers: Record<string, string> = allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin } : {};
    if (method === 'OPTIONS') {
      headers['Access-Control-Allow-Methods'] = grant?.methods ?? 'GET, POST, PATCH, PUT, DELETE, HEAD, OPTIONS';
      const allowHeaders = grant?.headers ?? asked.get('access-control-request-headers');
      if (allowHeaders) headers['Access-Control-Allow-Headers'] = allowHeaders;
    }
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

describe('a preflight that allows the origin but not the request', () => {
  const call = (grant: PreflightGrant, init: RequestInit) => {
    const { fetchFn, seen } = server(ORIGIN, 204, grant);
    return { seen, request: corsEnforcingFetch(fetchFn, ORIGIN)('https://acme.my.salesforce.com/services/data/v62.0/', init) };
  };

  it.each([
    ['the method is not listed', { methods: 'GET, POST' }, { method: 'PATCH' }],
    ['the method is listed in another case', { methods: 'patch' }, { method: 'PATCH' }],
    ['an asked header is not listed', { headers: 'content-type' }, { method: 'GET', headers: { Authorization: 'Bearer x' } }],
    ['* never covers Authorization', { headers: '*' }, { method: 'GET', headers: { Authorization: 'Bearer x' } }],
  ] as const)('refused when %s, and the request is never sent', async (_name, grant, init) => {
    const { seen, request } = call(grant, init);
    await expect(request).rejects.toBeInstanceOf(TypeError);
    expect(seen.map((s) => s.method)).toEqual(['OPTIONS']);
  });

  it.each([
    ['the method by *', { methods: '*' }, { method: 'PATCH' }],
    ['a header by *, other than Authorization', { headers: '*' }, { method: 'GET', headers: { 'Content-Type': 'application/json' } }],
    ['a header listed in another case', { headers: 'Authorization' }, { method: 'GET', headers: { Authorization: 'Bearer x' } }],
  ] as const)('allowed: %s', async (_name, grant, init) => {
    const { seen, request } = call(grant, init);
    await expect(request).resolves.toBeInstanceOf(Response);
    expect(seen).toHaveLength(2);
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
