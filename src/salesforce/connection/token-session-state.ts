/**
 * The token session's state, changed only by `reduceTokenSession` over a union of actions (as connection-state.ts
 * does): token-session.ts performs the effects (token calls, the store, the cross-pane channel) and dispatches what
 * happened; the reducer alone decides what the session then holds.
 *
 * Each session (a sign-in, a restore, a revival by another pane's sign-in) owns an AbortController. An action that
 * starts a new session or drops the current one replaces it, and the shell aborts the one replaced: work begun for an
 * older session sees `signal.aborted` and lets its late result go.
 */
import type { ClassifiedFailure } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import { sellerOfIdentityUrl } from './cross-pane';

/** A stored refresh token and its version: the issuedAt of the token answer that delivered it. */
export interface StoredRefreshToken {
  refreshToken: string;
  issuedAt: number;
}

/** What a request needs to be sent. `accessToken` is '' while a restored session waits for its first refresh. */
export interface ActiveTokens {
  accessToken: string;
  instanceUrl: string;
  identityUrl: string;
  issuedAt: number;
  loginUrl: string;
}

export interface HeldTokens extends ActiveTokens {
  refreshToken: string | undefined;
  /** The version of `refreshToken` (see StoredRefreshToken); 0 when unknown. */
  refreshIssuedAt: number;
  /** Whose grant this is (see `sellerOfIdentityUrl`); known before the first refresh when restoring a remembered session. */
  seller: string | undefined;
  /** The instance host remembered from the last session, while `instanceUrl` is still '' (restoring). */
  rememberedInstanceHost?: string | undefined;
}

interface Held {
  tokens: HeldTokens;
  /** This session's controller; replaced (and the old one aborted) when a new session starts or the tokens are dropped. */
  session: AbortController;
  /** False after a save failed: the store may hold an older (spent) token than the one held, until a save succeeds. */
  trusted: boolean;
}

export type TokenSessionState =
  /** Signed out, or not signed in yet: no message from another pane concerns this pane. */
  | { status: 'none'; trusted: boolean }
  | ({ status: 'holding' } & Held)
  /** A refresh is under way; every request that met the same expired token joins `renewal`. */
  | ({ status: 'renewing'; renewal: Promise<void> } & Held)
  /** A definite refusal: no token call until new tokens arrive (sign-in here, or in another pane of the seller). */
  | ({ status: 'lost'; failure: ClassifiedFailure } & Held);

export type TokenSessionAction =
  /** Tokens from sign-in, or a stored refresh token to exchange: a new session, whatever was held before. */
  | { type: 'began'; tokens: HeldTokens; session: AbortController }
  /** Signed out (here or in another pane), or a restore failed. */
  | { type: 'dropped' }
  /** Tokens from this pane's refresh or from another pane, merged into the held ones. */
  | { type: 'tokens_adopted'; tokens: SalesforceTokens }
  /** The seller signed in again in another pane while this one was lost: connected again, as a new session. */
  | { type: 'revived'; session: AbortController }
  /** A newer refresh token found in the store (another pane rotated it, its announcement not here yet). */
  | { type: 'stored_token_taken'; stored: StoredRefreshToken }
  | { type: 'renewal_started'; renewal: Promise<void> }
  /** The renewal finished either way; only the current one's end counts. */
  | { type: 'renewal_settled'; renewal: Promise<void> }
  | { type: 'lost'; failure: ClassifiedFailure }
  /** A save of the refresh token to the store worked, or failed. */
  | { type: 'store_saved'; ok: boolean };

export const INITIAL_TOKEN_SESSION_STATE: TokenSessionState = { status: 'none', trusted: true };

/** The held tokens merged with a token answer: a rotated refresh token gets a version newer than the one it replaces. */
export function mergeTokens(held: HeldTokens, tokens: SalesforceTokens): HeldTokens {
  const rotated = tokens.refreshToken !== undefined && tokens.refreshToken !== held.refreshToken;
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? held.refreshToken,
    refreshIssuedAt: rotated ? Math.max(tokens.issuedAt, held.refreshIssuedAt + 1) : held.refreshIssuedAt,
    instanceUrl: tokens.instanceUrl || held.instanceUrl,
    identityUrl: tokens.identityUrl || held.identityUrl,
    issuedAt: tokens.issuedAt,
    loginUrl: held.loginUrl,
    seller: sellerOfIdentityUrl(tokens.identityUrl) ?? held.seller,
  };
}

/**
 * The stored refresh token, when it should replace the held one: newer than it (another pane rotated it), never an
 * older one (after this pane's save failed the store still holds the token it rotated away).
 */
export function newerStoredToken(held: HeldTokens, stored: StoredRefreshToken | undefined): StoredRefreshToken | undefined {
  if (!stored || typeof stored.refreshToken !== 'string' || !stored.refreshToken || !Number.isFinite(stored.issuedAt)) return undefined;
  if (held.refreshToken === undefined) return stored;
  return stored.issuedAt > held.refreshIssuedAt && stored.refreshToken !== held.refreshToken ? stored : undefined;
}

export function heldTokens(state: TokenSessionState): HeldTokens | undefined {
  return state.status === 'none' ? undefined : state.tokens;
}

/** Pure. Returns the same object when nothing changes. */
export function reduceTokenSession(state: TokenSessionState, action: TokenSessionAction): TokenSessionState {
  switch (action.type) {
    case 'began':
      return { status: 'holding', tokens: action.tokens, session: action.session, trusted: state.trusted };
    case 'dropped':
      return state.status === 'none' && state.trusted ? state : INITIAL_TOKEN_SESSION_STATE;
    case 'store_saved':
      return state.trusted === action.ok ? state : { ...state, trusted: action.ok };
    case 'tokens_adopted':
      return state.status === 'none' ? state : { ...state, tokens: mergeTokens(state.tokens, action.tokens) };
    case 'stored_token_taken':
      if (state.status === 'none') return state;
      return { ...state, tokens: { ...state.tokens, refreshToken: action.stored.refreshToken, refreshIssuedAt: action.stored.issuedAt } };
    case 'revived':
      return state.status === 'lost' ? { status: 'holding', tokens: state.tokens, session: action.session, trusted: state.trusted } : state;
    case 'renewal_started':
      return state.status === 'holding' ? { ...state, status: 'renewing', renewal: action.renewal } : state;
    case 'renewal_settled':
      return state.status === 'renewing' && state.renewal === action.renewal ? { status: 'holding', tokens: state.tokens, session: state.session, trusted: state.trusted } : state;
    case 'lost':
      // Lost once is lost: a second failure keeps the first (it is what the banner shows and other panes were told).
      return state.status === 'holding' || state.status === 'renewing'
        ? { status: 'lost', tokens: state.tokens, session: state.session, trusted: state.trusted, failure: action.failure }
        : state;
  }
}

/** What this pane tells the others about whose grant it holds; a restoring pane has no identity URL yet. */
export function announcedIdentityUrl(held: HeldTokens | undefined): string {
  if (!held) return '';
  if (held.identityUrl !== '' || !held.seller) return held.identityUrl;
  // Only its org and user ids are read on the other side (sellerOfIdentityUrl).
  return `${held.loginUrl}/id/${held.seller}`;
}
