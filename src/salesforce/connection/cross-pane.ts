/**
 * Tells the other panes of the same origin what one pane learned about the shared grant, so they neither call the
 * token endpoint again nor send a refresh token that has already been rotated away, and so a sign-out reaches them.
 *
 * The messages stay inside the browser (BroadcastChannel is same-origin and in memory); nothing here is logged or
 * stored. In Node the default is a no-op; tests connect "panes" through an in-process hub.
 *
 * Nothing that arrives is trusted: any script of the origin (or a pane of an older build) can post on the channel.
 * `parseCrossPaneMessage` rebuilds every message from checked fields or refuses it; a refused message is dropped and
 * counted (`crossPaneDrops`, shown in About and diagnostics), never acted on.
 *
 * Over 300 lines on purpose: the messages, their parser (the trust boundary) and the channels that carry them change
 * together, and the parser reads best beside the union it rebuilds.
 */
import { FAILURE_KINDS, isFailureReason, type ClassifiedFailure, type FailureKind } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import { createEmitter, type Emitter } from '../../shared/event-emitter';

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
  | { type: 'ask'; identityUrl: string; issuedAt: number }
  /** The seller behind `identityUrl` signed out in one pane: every pane of that seller drops its tokens. */
  | { type: 'signed_out'; identityUrl: string; at: number }
  /**
   * A pane changed the outbox entries of the owner `ownerKey` (src/salesforce/outbox/): panes of any seller reread
   * them, and the one where that owner is signed in sends them. Names no token and no seller's session.
   */
  | { type: 'outbox_changed'; ownerKey: string };

/** What the receiving pane holds, against which a message is judged. */
export interface CrossPaneContext {
  now: number;
  /** Whose grant this pane holds (`sellerOfIdentityUrl`); undefined: nobody's, so no message concerns it. */
  seller: string | undefined;
  /** issuedAt of the tokens this pane holds (0 while a restored session waits for its first refresh). */
  heldIssuedAt: number;
  /**
   * Hosts (`host`, with port) an instance URL from another pane may name: the instance host this pane holds, or,
   * before it holds one, its login host and the hosts it was configured with.
   */
  instanceHosts: readonly string[];
}

export type CrossPaneParse = { ok: true; message: CrossPaneMessage } | { ok: false; reason: CrossPaneRefusal };

export type CrossPaneRefusal =
  | 'shape'
  | 'seller'
  /** Well formed, about another seller (two sellers in two Outlook windows): not for this pane, and not suspicious. */
  | 'other_seller'
  | 'instance_not_https'
  | 'instance_host'
  | 'issued_at_future'
  | 'issued_at_stale'
  | 'failure';

/**
 * How far ahead of this pane's clock (or of the newest issuedAt it holds, which is Salesforce's clock) a message may
 * be dated. Salesforce's clock and the device's differ by seconds to minutes; a forged far-future issuedAt would
 * otherwise make the pane refuse every genuine announcement after it.
 */
export const CROSS_PANE_FUTURE_SKEW_MS = 15 * 60_000;
/** Older than this a message cannot be about a live session: Salesforce sessions last at most 24 hours. */
export const CROSS_PANE_MAX_AGE_MS = 24 * 60 * 60_000;
const MAX_TOKEN_LENGTH = 4096;
const MAX_URL_LENGTH = 2048;
const MAX_DETAIL_LENGTH = 2000;

const KINDS: ReadonlySet<string> = new Set(FAILURE_KINDS);

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function boundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

function finiteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The org and user behind an identity URL (`…/id/<orgId>/<userId>`), in the 15-character form (the case-sensitive
 * id without its checksum suffix), so the same seller matches whichever host or id length the URL was given with.
 */
export function sellerOfIdentityUrl(identityUrl: string): string | undefined {
  const match = /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(identityUrl);
  return match?.[1] && match[2] ? sellerKey(match[1], match[2]) : undefined;
}

export function sellerKey(orgId: string, userId: string): string {
  return `${orgId.slice(0, 15)}/${userId.slice(0, 15)}`;
}

/** An HTTPS identity URL naming an org and a user, and whether it is this pane's seller. */
function checkSeller(value: unknown, context: CrossPaneContext): CrossPaneRefusal | undefined {
  if (!boundedString(value, MAX_URL_LENGTH)) return 'seller';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'seller'; // not a URL: refused like any other malformed field
  }
  if (url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) return 'seller';
  const seller = sellerOfIdentityUrl(url.pathname);
  if (!seller) return 'seller';
  return context.seller !== undefined && seller === context.seller ? undefined : 'other_seller';
}

function checkInstance(value: unknown, context: CrossPaneContext): CrossPaneRefusal | undefined {
  if (!boundedString(value, MAX_URL_LENGTH)) return 'shape';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'shape'; // not a URL: refused like any other malformed field
  }
  if (url.protocol !== 'https:') return 'instance_not_https';
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return 'instance_host';
  if (!context.instanceHosts.includes(url.host)) return 'instance_host';
  return undefined;
}

/** issuedAt 0 is a restored pane that has not refreshed yet (it may announce 'lost' or 'ask' with it). */
function checkTime(value: unknown, context: CrossPaneContext, allowZero: boolean): CrossPaneRefusal | undefined {
  if (!finiteNumber(value) || value < 0) return 'shape';
  if (value === 0) return allowZero ? undefined : 'shape';
  if (value > Math.max(context.now, context.heldIssuedAt) + CROSS_PANE_FUTURE_SKEW_MS) return 'issued_at_future';
  if (value < Math.min(context.now, context.heldIssuedAt || context.now) - CROSS_PANE_MAX_AGE_MS) return 'issued_at_stale';
  return undefined;
}

/** A failure rebuilt from its known fields only; and only a definite one can end another pane's session. */
function parseFailure(value: unknown): ClassifiedFailure | undefined {
  if (!isRecord(value)) return undefined;
  const { kind, connectionLost, retryable, code, detail, status, reason } = value;
  if (typeof kind !== 'string' || !KINDS.has(kind) || typeof connectionLost !== 'boolean' || typeof retryable !== 'boolean') return undefined;
  const definite = connectionLost || kind === 'admin_action_required' || kind === 'reauth_required';
  if (!definite) return undefined;
  if (connectionLost !== (kind === 'bad_oauth_token' || kind === 'session_expired')) return undefined;
  if (code !== undefined && !boundedString(code, 200)) return undefined;
  if (detail !== undefined && (typeof detail !== 'string' || detail.length > MAX_DETAIL_LENGTH)) return undefined;
  if (status !== undefined && !(finiteNumber(status) && Number.isInteger(status) && status >= 100 && status <= 599)) return undefined;
  if (reason !== undefined && !(typeof reason === 'string' && /^[a-z_]{1,60}$/.test(reason))) return undefined;
  return {
    kind: kind as FailureKind,
    connectionLost,
    retryable,
    ...(code !== undefined ? { code } : {}),
    ...(detail !== undefined ? { detail } : {}),
    ...(status !== undefined ? { status } : {}),
    // A reason from a newer build is dropped, not trusted: the kind alone still says what the seller sees.
    ...(isFailureReason(reason) ? { reason } : {}),
  };
}

/**
 * Checks a message from another pane against what this pane holds. Pure; never throws. The message returned is a
 * fresh object made of the checked fields only.
 */
export function parseCrossPaneMessage(raw: unknown, context: CrossPaneContext): CrossPaneParse {
  const refuse = (reason: CrossPaneRefusal): CrossPaneParse => ({ ok: false, reason });
  try {
    if (!isRecord(raw)) return refuse('shape');
    switch (raw.type) {
      case 'tokens': {
        const t = raw.tokens;
        if (!isRecord(t)) return refuse('shape');
        if (!boundedString(t.accessToken, MAX_TOKEN_LENGTH)) return refuse('shape');
        if (t.refreshToken !== undefined && !boundedString(t.refreshToken, MAX_TOKEN_LENGTH)) return refuse('shape');
        const seller = checkSeller(t.identityUrl, context);
        if (seller) return refuse(seller);
        const instance = checkInstance(t.instanceUrl, context);
        if (instance) return refuse(instance);
        const time = checkTime(t.issuedAt, context, false);
        if (time) return refuse(time);
        const tokens: SalesforceTokens = {
          accessToken: t.accessToken,
          ...(t.refreshToken !== undefined ? { refreshToken: t.refreshToken } : {}),
          instanceUrl: t.instanceUrl as string,
          identityUrl: t.identityUrl as string,
          issuedAt: t.issuedAt as number,
        };
        return { ok: true, message: { type: 'tokens', tokens } };
      }
      case 'lost': {
        const seller = checkSeller(raw.identityUrl, context);
        if (seller) return refuse(seller);
        const issued = checkTime(raw.issuedAt, context, true);
        if (issued) return refuse(issued);
        const at = checkTime(raw.at, context, false);
        if (at) return refuse(at);
        const failure = parseFailure(raw.failure);
        if (!failure) return refuse('failure');
        return { ok: true, message: { type: 'lost', identityUrl: raw.identityUrl as string, issuedAt: raw.issuedAt as number, failure, at: raw.at as number } };
      }
      case 'ask': {
        const seller = checkSeller(raw.identityUrl, context);
        if (seller) return refuse(seller);
        const issued = checkTime(raw.issuedAt, context, true);
        if (issued) return refuse(issued);
        return { ok: true, message: { type: 'ask', identityUrl: raw.identityUrl as string, issuedAt: raw.issuedAt as number } };
      }
      case 'signed_out': {
        const seller = checkSeller(raw.identityUrl, context);
        if (seller) return refuse(seller);
        const at = checkTime(raw.at, context, false);
        if (at) return refuse(at);
        return { ok: true, message: { type: 'signed_out', identityUrl: raw.identityUrl as string, at: raw.at as number } };
      }
      case 'outbox_changed': {
        // An owner key is a JSON array of four strings (outboxOwnerKey); any other text is no one's.
        if (!boundedString(raw.ownerKey, MAX_URL_LENGTH)) return refuse('shape');
        const parts: unknown = JSON.parse(raw.ownerKey);
        if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((part) => typeof part === 'string')) return refuse('shape');
        return { ok: true, message: { type: 'outbox_changed', ownerKey: raw.ownerKey } };
      }
      default:
        return refuse('shape');
    }
  } catch {
    // A getter that throws, a revoked proxy: whatever it is, it is not a message.
    return refuse('shape');
  }
}

/** Messages refused by `parseCrossPaneMessage` in this document, for About and diagnostics. */
export interface CrossPaneDropCounter {
  count(): number;
  add(): void;
  subscribe(listener: () => void): () => void;
}

export function createCrossPaneDropCounter(): CrossPaneDropCounter {
  let dropped = 0;
  const changed = createEmitter();
  return {
    count: () => dropped,
    add() {
      dropped++;
      changed.emit();
    },
    subscribe: (listener) => changed.subscribe(listener),
  };
}

/** One per document: every connection of the pane counts here, and the diagnostics line reads it. */
export const crossPaneDrops: CrossPaneDropCounter = createCrossPaneDropCounter();

export interface CrossPaneChannel {
  /** False for the no-op channel: nobody to ask, so no waiting for an answer. */
  readonly shared: boolean;
  post(message: CrossPaneMessage): void;
  /** Messages posted by the other panes (never the pane's own), as they arrived: unchecked (parseCrossPaneMessage). */
  subscribe(listener: (message: unknown) => void): () => void;
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

/** BroadcastChannel reaches every other same-origin document listening on the name, never the sender itself. */
export function createBroadcastCrossPane(name: string, Channel?: BroadcastChannelConstructor): CrossPaneChannel {
  const Ctor = Channel ?? (globalThis as { BroadcastChannel?: BroadcastChannelConstructor }).BroadcastChannel;
  if (!Ctor) return noopCrossPane;
  const channel = new Ctor(name);
  return {
    shared: true,
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const onMessage = (event: { data: unknown }) => listener(event.data);
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
export function createInProcessCrossPaneHub(): { connect(): CrossPaneChannel; inject(raw: unknown): void } {
  const panes = new Set<Emitter<unknown>>();
  return {
    connect() {
      const pane = createEmitter<unknown>();
      panes.add(pane);
      return {
        shared: true,
        post(message) {
          const copy = structuredClone(message);
          for (const other of panes) {
            if (other === pane) continue;
            setTimeout(() => other.emit(copy), 0);
          }
        },
        subscribe: (listener) => pane.subscribe(listener),
        close: () => {
          panes.delete(pane);
        },
      };
    },
    /** Anything posted on the channel by a script that is no pane: reaches every pane. */
    inject(raw) {
      const copy = structuredClone(raw);
      for (const pane of panes) setTimeout(() => pane.emit(copy), 0);
    },
  };
}
