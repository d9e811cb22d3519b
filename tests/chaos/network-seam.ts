/**
 * The network as the panes see it, with one switch: offline. Offline, every request a pane makes fails the way a
 * browser's fails with no network (fetch rejects with a TypeError; `navigator.onLine` is false and the `offline`
 * event fires), for the token endpoint (the wrapper's own fetch) and REST (jsforce) alike. Online, requests go to the
 * emulated org over real HTTPS, unchanged. The seam also notes every token the org hands out, so the run can look for
 * them afterwards where none may be.
 */
import type { FetchLike } from '../../src/salesforce/connection/token-endpoint';
import { jsforceModuleOf, type JsforceModule, type JsforceRequest } from '../../src/salesforce/connection/jsforce-transport';
import type { OnlineState } from '../../src/shared/online-state';

export interface NetworkSeam extends OnlineState {
  /** The seam always knows. */
  isOnline(): boolean;
  setOnline(online: boolean): void;
  /** For the wrapper's token and revoke calls. */
  fetch: FetchLike;
  /** jsforce, with its requests cut while offline. */
  loadJsforce(): Promise<JsforceModule>;
  /** Every access and refresh token seen in an answer of the org (and those the run adds from sign-ins). */
  tokens: Set<string>;
}

const offlineError = () => new TypeError('Failed to fetch');

export function createNetworkSeam(): NetworkSeam {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  const tokens = new Set<string>();
  let module: JsforceModule | undefined;

  const note = (text: string): void => {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      for (const key of ['access_token', 'refresh_token']) if (typeof json[key] === 'string' && json[key]) tokens.add(json[key]);
    } catch {
      // not a token answer
    }
  };

  return {
    tokens,
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOnline(next) {
      if (next === online) return;
      online = next;
      for (const listener of [...listeners]) listener(next);
    },
    async fetch(input, init) {
      if (!online) throw offlineError();
      const response = await globalThis.fetch(input, init);
      const text = await response.text();
      if (input.endsWith('/services/oauth2/token')) note(text);
      return { ok: response.ok, status: response.status, headers: response.headers, text: async () => text };
    },
    async loadJsforce() {
      if (!module) {
        const real = jsforceModuleOf(await import('jsforce'));
        const Base = real.Connection;
        class SeamConnection extends Base {
          override request(request: JsforceRequest, options?: Record<string, unknown>): PromiseLike<unknown> {
            if (!online) return Promise.reject(offlineError());
            return super.request(request, options);
          }
        }
        module = { Connection: SeamConnection };
      }
      return module;
    },
  };
}
