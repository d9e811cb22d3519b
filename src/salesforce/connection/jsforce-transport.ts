/**
 * The only code that touches jsforce: builds a Connection from an access token and sends one REST request.
 *
 * - No refresh token and no OAuth2 client are given to jsforce, so its own auto-refresh stays off (it loses the
 *   `invalid_grant` code, drops rotated refresh tokens, and calls the token endpoint again after a definite failure).
 * - jsforce's Node build retries GET/PUT/DELETE on 420/429/5xx by itself (lib/request.js); that is switched off so
 *   the wrapper's own bounded backoff is the only retry. Its browser build has no such retry.
 * - jsforce's errors carry no HTTP status; a fresh Connection per request lets its transport report the status of
 *   that request, which is attached to the error for the classifier (403 vs 401, an unlisted code on a 400).
 * - jsforce's browser transport calls the global fetch and, when that fetch rejects (a network error: a gateway that
 *   answers without CORS headers, DNS, a refused connection) or is aborted, never settles the request: the rejection
 *   is left unhandled inside jsforce (browser/request.js startFetchRequest). {@link watchFetchFailures} lets each
 *   request here hear of its own fetch failing, so it rejects at once with the browser's error instead of waiting
 *   for the wrapper's deadline. A body cut off mid-way is heard the same way ({@link wholeBody}).
 * - jsforce resolves a 2xx whose body is not JSON (a maintenance page, a cut-off or empty body) with the raw text
 *   (lib/http-api.js parseResponseBody). Every request here expects Salesforce's JSON or nothing (204), so text is
 *   turned into a {@link NotSalesforceJsonError} the classifier reads like any HTTP answer.
 */
export interface JsforceRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: string;
  headers?: Record<string, string>;
}

interface JsforceTransportLike {
  httpRequest(request: unknown, options?: unknown): PromiseLike<{ statusCode?: number; headers?: Record<string, unknown> } | undefined>;
}

/**
 * A success status whose body was not Salesforce's JSON. Shaped as `{status, headers, body}` so the classifier
 * treats it like any HTTP answer; the body is kept short (support reads its start; a page can be large).
 */
export class NotSalesforceJsonError extends Error {
  override name = 'NotSalesforceJsonError';
  readonly body: string;
  constructor(
    readonly status: number | undefined,
    readonly headers: Record<string, string>,
    body: string,
  ) {
    super(`Salesforce answered HTTP ${status ?? '?'} without JSON`);
    this.body = body.length > 2000 ? body.slice(0, 2000) : body;
  }
}

export interface JsforceConnectionLike {
  request(request: JsforceRequest, options?: Record<string, unknown>): PromiseLike<unknown>;
  _transport?: JsforceTransportLike;
}

/** Carried by each request sent here; jsforce copies it into the fetch init (object spread keeps symbol keys). */
const FETCH_FAILED: unique symbol = Symbol.for('outlook-salesforce-addin.fetch-failed');
const WATCHING: unique symbol = Symbol.for('outlook-salesforce-addin.fetch-watched');

type Fetch = (input: unknown, init?: unknown) => Promise<unknown>;
type WatchedFetch = Fetch & { [WATCHING]?: Fetch };

/**
 * Wraps `scope.fetch` once. Every caller gets the very promise fetch gave, except a fetch whose init carries
 * FETCH_FAILED (only jsforce requests sent by {@link sendJsforceRequest}): its rejection goes to that callback, and
 * jsforce, which would only leave it unhandled, is given a promise that never settles instead (no stray "Uncaught (in
 * promise)" per failed request). The only way to hear of it: jsforce's browser build calls the global fetch and offers
 * no hook. Returns an undo (tests). Idempotent.
 */
export function watchFetchFailures(scope: { fetch?: unknown } = globalThis): () => void {
  const current = scope.fetch as WatchedFetch | undefined;
  if (typeof current !== 'function' || current[WATCHING]) return () => undefined;
  const original = current;
  const watched: WatchedFetch = function (this: unknown, input: unknown, init?: unknown) {
    const pending = original.call(this, input, init);
    const report = init !== null && typeof init === 'object' ? (init as { [FETCH_FAILED]?: unknown })[FETCH_FAILED] : undefined;
    if (typeof report !== 'function') return pending;
    return pending.then(
      (response: unknown) => wholeBody(response, report as (error: unknown) => void),
      (error: unknown) => {
        (report as (error: unknown) => void)(error);
        return new Promise<never>(() => undefined);
      },
    );
  };
  watched[WATCHING] = original;
  scope.fetch = watched;
  return () => {
    if (scope.fetch === watched) scope.fetch = original;
  };
}

/**
 * Hands jsforce a response whose body has been read whole. A body cut off mid-way fails only when read, and jsforce
 * reads it where nobody hears the failure (the request would wait for the deadline, and the failure would surface as
 * an unhandled rejection): here the request hears it and jsforce never sees that response.
 */
async function wholeBody(response: unknown, report: (error: unknown) => void): Promise<unknown> {
  if (typeof Response !== 'function' || !(response instanceof Response)) return response;
  // An opaque redirect (jsforce asks for redirect: 'manual') has status 0 and no body to read.
  if (response.status < 200 || response.status > 599) return response;
  let body: ArrayBuffer;
  try {
    body = await response.arrayBuffer();
  } catch (error) {
    report(error);
    return new Promise<never>(() => undefined);
  }
  const noBody = response.status === 204 || response.status === 205 || response.status === 304;
  return new Response(noBody ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** The part of the `jsforce` / `jsforce/core` module used here. */
export interface JsforceModule {
  Connection: new (config: { accessToken: string; instanceUrl: string; version: string }) => JsforceConnectionLike;
}

/** Accepts the module namespace of `jsforce` or `jsforce/core`, whether the bundler put Connection on it or on `default`. */
export function jsforceModuleOf(loaded: unknown): JsforceModule {
  const direct = (loaded as { Connection?: unknown } | undefined)?.Connection;
  if (typeof direct === 'function') return loaded as JsforceModule;
  const viaDefault = (loaded as { default?: { Connection?: unknown } } | undefined)?.default;
  if (typeof viaDefault?.Connection === 'function') return viaDefault as JsforceModule;
  throw new Error('jsforce did not load: no Connection export');
}

/**
 * Production loader: a dynamic import, so jsforce lands in a lazy chunk and the first paint never waits for it.
 * `jsforce/core` is the Connection without the optional APIs (bulk, metadata, streaming...) the add-in never uses.
 */
export const loadJsforceCore = async (): Promise<JsforceModule> => {
  const module = jsforceModuleOf(await import('jsforce/core'));
  watchFetchFailures();
  return module;
};

/** Sends one request with a fresh Connection; rejects with jsforce's error, a `status` attached when one was seen. */
export async function sendJsforceRequest(
  jsforce: JsforceModule,
  session: { accessToken: string; instanceUrl: string; apiVersion: string },
  request: JsforceRequest,
  timeoutMs: number,
): Promise<unknown> {
  const conn = new jsforce.Connection({ accessToken: session.accessToken, instanceUrl: session.instanceUrl, version: session.apiVersion });
  let status: number | undefined;
  let contentType: string | undefined;
  const transport = conn._transport;
  if (transport && typeof transport.httpRequest === 'function') {
    const original = transport.httpRequest.bind(transport);
    transport.httpRequest = (req, options) => {
      const pending = original(req, options);
      pending.then(
        (response) => {
          if (typeof response?.statusCode === 'number') status = response.statusCode;
          const type = response?.headers?.['content-type'];
          if (typeof type === 'string') contentType = type;
        },
        () => undefined,
      );
      return pending;
    };
  }
  let fetchFailed: (error: unknown) => void = () => undefined;
  const failedFetch = new Promise<never>((_, reject) => {
    fetchFailed = reject;
  });
  failedFetch.catch(() => undefined); // settled by jsforce first: nobody waits on it any more
  const marked: JsforceRequest & { [FETCH_FAILED]: (error: unknown) => void } = { ...request, [FETCH_FAILED]: (error) => fetchFailed(error) };
  try {
    // `timeout` lets jsforce abort the fetch and free the socket after the wrapper's own deadline has fired.
    const body = await Promise.race([conn.request(marked, { timeout: timeoutMs, retry: { maxRetries: 0, methods: [] } }), failedFetch]);
    if (typeof body === 'string') throw new NotSalesforceJsonError(status, contentType === undefined ? {} : { 'content-type': contentType }, body);
    return body;
  } catch (error) {
    if (error instanceof NotSalesforceJsonError) throw error;
    if (status !== undefined && error !== null && typeof error === 'object' && !('status' in error)) {
      try {
        Object.defineProperty(error, 'status', { value: status, enumerable: false, configurable: true });
      } catch {
        // a frozen error keeps its shape; the classifier falls back on the code
      }
    }
    throw error;
  }
}
