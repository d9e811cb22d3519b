/**
 * The nested app authentication bridge, pane side. Outlook clients that report NestedAppAuth 1.1 inject
 * `window.nestedAppAuthBridge` into the add-in's frame. msal-browser 5 (src/naa/BridgeProxy.ts) posts each request as
 * a JSON string and reads each answer as a JSON string from its "message" listeners. The HOST acquires the tokens:
 * here the harness page, which plays Outlook (and its account).
 */
import type { NestedAppAuthRequest } from '../host-protocol';
import type { HostLink } from './host-link';

type BridgeListener = (message: string) => void;

export interface NestedAppAuthBridge {
  addEventListener(eventName: string, callback: BridgeListener): void;
  removeEventListener(eventName: string, callback: BridgeListener): void;
  postMessage(message: string): void;
}

function parseRequest(message: unknown): NestedAppAuthRequest | null {
  let request: unknown;
  try {
    request = JSON.parse(String(message));
  } catch {
    return null; // not an envelope: the real bridge ignores it too
  }
  if (!request || typeof request !== 'object') return null;
  const fields = request as Partial<NestedAppAuthRequest>;
  return fields.messageType === 'NestedAppAuthRequest' && fields.requestId ? (request as NestedAppAuthRequest) : null;
}

export function installNestedAppAuthBridge(host: HostLink): void {
  let listeners: BridgeListener[] = [];
  const deliver = (answer: object) => {
    const text = JSON.stringify(answer);
    for (const listener of listeners.slice()) {
      try {
        listener(text);
      } catch (error) {
        setTimeout(() => {
          throw error;
        }, 0);
      }
    }
  };
  const bridge: NestedAppAuthBridge = {
    addEventListener(eventName, callback) {
      if (eventName === 'message' && typeof callback === 'function' && !listeners.includes(callback)) listeners.push(callback);
    },
    removeEventListener(_eventName, callback) {
      listeners = listeners.filter((l) => l !== callback);
    },
    postMessage(message) {
      const request = parseRequest(message);
      if (!request) return;
      host.recordActivity(`nested app auth: ${request.method}`);
      const base = { messageType: 'NestedAppAuthResponse', requestId: request.requestId };
      // Always asynchronous, as an answer from the host process is.
      void host.askHost('nestedAppAuth', { request }).then((body) => deliver({ ...base, ...body }));
    },
  };
  (window as unknown as { nestedAppAuthBridge: NestedAppAuthBridge }).nestedAppAuthBridge = bridge;
}
