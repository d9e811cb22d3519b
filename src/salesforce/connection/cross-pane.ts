/**
 * Tells the other panes of the same origin what one pane learned about the shared grant, so they neither call the
 * token endpoint again nor send a refresh token that has already been rotated away.
 *
 * The messages stay inside the browser (BroadcastChannel is same-origin and in memory); nothing here is logged or
 * stored. In Node the default is a no-op; tests connect "panes" through an in-process hub.
 */
import type { ClassifiedFailure } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';

export type CrossPaneMessage =
  /** A pane refreshed (or signed in): here are the new tokens, with the rotated refresh token if any. */
  | { type: 'tokens'; tokens: SalesforceTokens }
  /** A pane's refresh was definitely refused: the grant behind `identityUrl`, at tokens issued up to `issuedAt`, is dead. */
  | { type: 'lost'; identityUrl: string; issuedAt: number; failure: ClassifiedFailure; at: number }
  /**
   * A pane about to call the token endpoint asks whether anyone holds tokens newer than `issuedAt`. The answer
   * ('tokens' or 'lost') is sent after the question arrived, so it cannot be overtaken by a lock hand-over the way a
   * plain announcement can.
   */
  | { type: 'ask'; identityUrl: string; issuedAt: number };

export interface CrossPaneChannel {
  /** False for the no-op channel: nobody to ask, so no waiting for an answer. */
  readonly shared: boolean;
  post(message: CrossPaneMessage): void;
  /** Messages posted by the other panes (never the pane's own). */
  subscribe(listener: (message: CrossPaneMessage) => void): () => void;
  close(): void;
}

export const noopCrossPane: CrossPaneChannel = {
  shared: false,
  post: () => {},
  subscribe: () => () => {},
  close: () => {},
};

interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

type BroadcastChannelConstructor = new (name: string) => BroadcastChannelLike;

function isMessage(data: unknown): data is CrossPaneMessage {
  if (!data || typeof data !== 'object') return false;
  const type = (data as { type?: unknown }).type;
  return type === 'tokens' || type === 'lost' || type === 'ask';
}

/** BroadcastChannel reaches every other same-origin document listening on the name, never the sender itself. */
export function createBroadcastCrossPane(name: string, Channel?: BroadcastChannelConstructor): CrossPaneChannel {
  const Ctor = Channel ?? (globalThis as { BroadcastChannel?: BroadcastChannelConstructor }).BroadcastChannel;
  if (!Ctor) return noopCrossPane;
  const channel = new Ctor(name);
  return {
    shared: true,
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const onMessage = (event: { data: unknown }) => {
        if (isMessage(event.data)) listener(event.data);
      };
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
    close: () => channel.close(),
  };
}

/** In a browser (a window exists) BroadcastChannel; in Node a no-op, as there is only one "pane". */
export function createDefaultCrossPane(name: string): CrossPaneChannel {
  const browser = typeof (globalThis as { window?: unknown }).window !== 'undefined';
  return browser ? createBroadcastCrossPane(name) : noopCrossPane;
}

/**
 * Panes inside one process, for tests: each `connect()` is a pane; a message reaches the other panes
 * asynchronously (like BroadcastChannel), never the sender.
 */
export function createInProcessCrossPaneHub(): { connect(): CrossPaneChannel } {
  const panes = new Set<Set<(message: CrossPaneMessage) => void>>();
  return {
    connect() {
      const listeners = new Set<(message: CrossPaneMessage) => void>();
      panes.add(listeners);
      return {
        shared: true,
        post(message) {
          const copy = structuredClone(message);
          for (const other of panes) {
            if (other === listeners) continue;
            setTimeout(() => other.forEach((listener) => listener(copy)), 0);
          }
        },
        subscribe(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        close: () => {
          panes.delete(listeners);
        },
      };
    },
  };
}
