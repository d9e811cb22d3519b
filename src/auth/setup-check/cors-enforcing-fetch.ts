/**
 * Node's fetch with a browser's CORS rules, so the admin's command line reads exactly what the pane on `origin` would
 * (https://fetch.spec.whatwg.org/#http-cors-protocol): the request carries `Origin`; a request that is not "simple"
 * is preceded by a preflight that must allow it (its origin, its method, each of its headers); an answer without `Access-Control-Allow-Origin` naming the origin
 * (or `*`) is a TypeError, as the browser reports it. Node itself enforces none of this.
 */
import type { SetupFetch } from './probe-answer';

const SIMPLE_METHODS = new Set(['GET', 'HEAD', 'POST']);
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const SAFELISTED_HEADERS = new Set(['accept', 'accept-language', 'content-language', 'content-type']);

function corsRefusal(url: string): TypeError {
  return new TypeError(`Failed to fetch: ${new URL(url).origin} did not allow this origin (CORS)`);
}

function allowsOrigin(response: Response, origin: string): boolean {
  const allowed = response.headers.get('access-control-allow-origin');
  return allowed === '*' || allowed === origin;
}

function listIn(response: Response, name: string): string[] {
  return (response.headers.get(name) ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean);
}

/**
 * What a browser checks of a successful preflight beyond the origin (CORS-preflight fetch, steps on methods and header
 * names): the method is listed, or safelisted, or `*` is; each asked header is listed (names compared without case),
 * or `*` is, which never covers `Authorization`. Methods are compared as sent, with case, as the spec does.
 */
function preflightAllows(preflight: Response, method: string, asked: readonly string[]): boolean {
  const methods = listIn(preflight, 'access-control-allow-methods');
  const methodAllowed = SIMPLE_METHODS.has(method) || methods.includes('*') || methods.includes(method);
  const headers = listIn(preflight, 'access-control-allow-headers').map((h) => h.toLowerCase());
  const headerAllowed = (name: string) => headers.includes(name) || (headers.includes('*') && name !== 'authorization');
  return methodAllowed && asked.every(headerAllowed);
}

/** The request headers a browser would have to ask a preflight for (lower case); empty for a simple request. */
export function nonSimpleHeaders(headers: Headers): string[] {
  const asked: string[] = [];
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    const contentTypeOk = lower !== 'content-type' || SIMPLE_CONTENT_TYPES.has(value.split(';')[0]?.trim().toLowerCase() ?? '');
    if (!SAFELISTED_HEADERS.has(lower) || !contentTypeOk) asked.push(lower);
  });
  return asked.sort();
}

export function corsEnforcingFetch(fetchFn: SetupFetch, origin: string): SetupFetch {
  return async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const asked = nonSimpleHeaders(headers);
    if (!SIMPLE_METHODS.has(method) || asked.length > 0) {
      const preflightHeaders: Record<string, string> = { Origin: origin, 'Access-Control-Request-Method': method };
      if (asked.length > 0) preflightHeaders['Access-Control-Request-Headers'] = asked.join(',');
      const preflight = await fetchFn(url, { method: 'OPTIONS', headers: preflightHeaders, redirect: 'manual' });
      if (preflight.status < 200 || preflight.status > 299 || !allowsOrigin(preflight, origin) || !preflightAllows(preflight, method, asked)) throw corsRefusal(url);
    }
    headers.set('Origin', origin);
    // A browser follows a redirect only under the same rules; the check never expects one, so one is a refusal.
    const response = await fetchFn(url, { ...init, headers, redirect: 'manual' });
    if (!allowsOrigin(response, origin)) throw corsRefusal(url);
    return response;
  };
}
