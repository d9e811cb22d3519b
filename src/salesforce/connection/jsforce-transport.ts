/**
 * The only code that touches jsforce: builds a Connection from an access token and sends one REST request.
 *
 * - No refresh token and no OAuth2 client are given to jsforce, so its own auto-refresh stays off (it loses the
 *   `invalid_grant` code, drops rotated refresh tokens, and calls the token endpoint again after a definite failure).
 * - jsforce's Node build retries GET/PUT/DELETE on 420/429/5xx by itself (lib/request.js); that is switched off so
 *   the wrapper's own bounded backoff is the only retry. Its browser build has no such retry.
 * - jsforce's errors carry no HTTP status; a fresh Connection per request lets its transport report the status of
 *   that request, which is attached to the error for the classifier (403 vs 401, an unlisted code on a 400).
 */
export interface JsforceRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: string;
  headers?: Record<string, string>;
}

interface JsforceTransportLike {
  httpRequest(request: unknown, options?: unknown): PromiseLike<{ statusCode?: number } | undefined>;
}

export interface JsforceConnectionLike {
  request(request: JsforceRequest, options?: Record<string, unknown>): PromiseLike<unknown>;
  _transport?: JsforceTransportLike;
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
export const loadJsforceCore = async (): Promise<JsforceModule> => jsforceModuleOf(await import('jsforce/core'));

/** Sends one request with a fresh Connection; rejects with jsforce's error, a `status` attached when one was seen. */
export async function sendJsforceRequest(
  jsforce: JsforceModule,
  session: { accessToken: string; instanceUrl: string; apiVersion: string },
  request: JsforceRequest,
  timeoutMs: number,
): Promise<unknown> {
  const conn = new jsforce.Connection({ accessToken: session.accessToken, instanceUrl: session.instanceUrl, version: session.apiVersion });
  let status: number | undefined;
  const transport = conn._transport;
  if (transport && typeof transport.httpRequest === 'function') {
    const original = transport.httpRequest.bind(transport);
    transport.httpRequest = (req, options) => {
      const pending = original(req, options);
      pending.then(
        (response) => {
          if (typeof response?.statusCode === 'number') status = response.statusCode;
        },
        () => undefined,
      );
      return pending;
    };
  }
  try {
    // `timeout` lets jsforce abort the fetch and free the socket after the wrapper's own deadline has fired.
    return await conn.request(request, { timeout: timeoutMs, retry: { maxRetries: 0, methods: [] } });
  } catch (error) {
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
