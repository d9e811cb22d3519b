/**
 * The tokens of the signed-in seller and their renewal. No jsforce here: the wrapper asks `current()` for the token
 * to send and calls `refresh(theTokenThatFailed)` when Salesforce says the session expired.
 *
 * Renewal rules (docs/architecture.md, "Facts the classifier respects"):
 * - single flight: every request that met the same expired token shares one refresh;
 * - across panes: the refresh runs under a lock shared by every pane of the origin. Inside the lock a pane first
 *   looks whether someone else already renewed since its request failed (tokens announced over the cross-pane
 *   channel, or a rotated refresh token in the store) and only then calls the token endpoint, so a rotating
 *   refresh token is never sent twice;
 * - a rotated refresh token is saved through the token store before the lock is released, and announced. The store
 *   keeps a version with it (the issuedAt of the answer that delivered it): a stored token is sent only when it is
 *   newer than the one held, so a save that failed (quota) never brings back a spent token. After a failed save the
 *   store is not trusted: the held token is saved again at the next refresh, until a save succeeds;
 * - every message from another pane is checked (parseCrossPaneMessage); a refused one is dropped and counted;
 * - a sign-out in one pane reaches the panes of the same seller: they drop their tokens;
 * - transient answers (5xx, the overlapping-refresh `invalid_grant`) are retried with backoff, bounded;
 * - after a definite refusal the session is lost: no further token call until new tokens arrive through sign-in.
 *
 * What the session holds changes only through `reduceTokenSession` (token-session-state.ts); the renewal under the
 * lock is token-renewal.ts. Work begun for a session checks that session's AbortSignal, never a counter.
 */
import { createFailure, SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import { crossPaneDrops, sellerKey, sellerOfIdentityUrl as sellerOf } from './cross-pane';
import { failureOf, renewUnderLock, saveRefreshToken, type RenewalContext } from './token-renewal';
import type { TokenSessionDeps } from './token-session-deps';
import { listenToOtherPanes } from './token-session-cross-pane';
import { hostOf } from '../../shared/url-host';
import {
  announcedIdentityUrl,
  heldTokens,
  INITIAL_TOKEN_SESSION_STATE,
  reduceTokenSession,
  type ActiveTokens,
  type StoredRefreshToken,
  type TokenSessionAction,
  type TokenSessionState,
} from './token-session-state';

export type { ActiveTokens, StoredRefreshToken };
export type { RefreshTokenStore, TokenSessionDeps } from './token-session-deps';

export interface TokenSession {
  current(): ActiveTokens | undefined;
  /** The failure that lost the session, while it is lost. */
  lostFailure(): ClassifiedFailure | undefined;
  /** New tokens from sign-in or sign-in again: clears a lost session, saves the refresh token, tells the other panes. */
  begin(tokens: SalesforceTokens, loginUrl: string): Promise<void>;
  /**
   * A stored refresh token to be exchanged: the first `refresh('')` fetches the access token. `user`, when known
   * (the remembered session), lets another pane of the same seller answer instead of a second token call; without
   * it this pane takes nothing from other panes until its own refresh has said whose grant it is.
   */
  beginPending(refreshToken: string, loginUrl: string, user?: { orgId: string; userId: string; instanceUrl?: string }, version?: number): void;
  /**
   * Renews the session after `staleAccessToken` was refused. Resolves once `current()` holds a newer token (this
   * pane's refresh, another pane's, or one already done); rejects with a SalesforceFailureError otherwise.
   */
  refresh(staleAccessToken: string): Promise<void>;
  /** A definite failure: later requests fail at once; tells the other panes. */
  markLost(failure: ClassifiedFailure): void;
  /**
   * Drops the tokens in memory. `everywhere`: the seller signed out, and every other pane of the same seller is
   * told to drop its tokens too.
   */
  end(options?: { everywhere?: boolean }): void;
  /** For the best-effort revocation at sign-out. */
  revocable(): { refreshToken: string; loginUrl: string } | undefined;
  /** False after a rotated refresh token could not be saved, until a save succeeds. */
  storeTrusted(): boolean;
  dispose(): void;
}

/** Refusals after which asking the token endpoint again cannot help; anything else may pass by itself. */
function isDefiniteRefreshFailure(failure: ClassifiedFailure): boolean {
  return failure.connectionLost || failure.kind === 'admin_action_required' || failure.kind === 'reauth_required';
}

export function notSignedInFailure(): ClassifiedFailure {
  return createFailure('reauth_required', { code: 'NOT_SIGNED_IN', detail: 'Not signed in to Salesforce.' });
}

export function createTokenSession(deps: TokenSessionDeps): TokenSession {
  let state: TokenSessionState = INITIAL_TOKEN_SESSION_STATE;
  const drops = deps.drops ?? crossPaneDrops;

  /** The one way the session changes. A session replaced or dropped has its signal aborted: its late work stops. */
  function dispatch(action: TokenSessionAction): void {
    const before = state;
    state = reduceTokenSession(state, action);
    if (before.status !== 'none' && (state.status === 'none' || state.session !== before.session)) before.session.abort();
  }

  const held = () => heldTokens(state);
  const lost = () => (state.status === 'lost' ? state.failure : undefined);

  const lockKey = () => `salesforce-token-refresh:${deps.clientId}`;

  const panes = listenToOtherPanes({ deps, drops, state: () => state, dispatch });

  function markLost(failure: ClassifiedFailure): void {
    const tokens = held();
    if (!tokens || lost()) return;
    dispatch({ type: 'lost', failure });
    const at = deps.now();
    deps.dispatch({ type: 'connection_lost', failure, at });
    deps.crossPane.post({ type: 'lost', identityUrl: announcedIdentityUrl(tokens), issuedAt: tokens.issuedAt, failure, at });
  }

  const renewal: RenewalContext = { deps, state: () => state, dispatch, nextArrival: panes.nextArrival };

  async function runRefresh(stale: string, session: AbortSignal): Promise<void> {
    deps.dispatch({ type: 'refresh_started' });
    try {
      await deps.refreshLock.run(lockKey(), (lock) => renewUnderLock(renewal, stale, session, lock));
    } catch (error) {
      const failure = failureOf(error, deps);
      if (!session.aborted) {
        if (isDefiniteRefreshFailure(failure)) markLost(failure);
        else if (failure.kind === 'offline') deps.dispatch({ type: 'network_offline' });
        else deps.dispatch({ type: 'refresh_failed' });
      }
      throw new SalesforceFailureError(failure);
    }
    if (session.aborted) {
      // Signed out meanwhile, or lost and then signed in again in another pane: only the latter has a token to use.
      const tokens = held();
      const renewed = tokens !== undefined && !lost() && tokens.accessToken !== '' && tokens.accessToken !== stale;
      if (!renewed) throw new SalesforceFailureError(lost() ?? notSignedInFailure());
    }
    deps.dispatch({ type: 'refresh_succeeded' });
  }

  return {
    current() {
      const tokens = held();
      return tokens ? { accessToken: tokens.accessToken, instanceUrl: tokens.instanceUrl, identityUrl: tokens.identityUrl, issuedAt: tokens.issuedAt, loginUrl: tokens.loginUrl } : undefined;
    },
    lostFailure: lost,

    async begin(tokens, loginUrl) {
      const seller = sellerOf(tokens.identityUrl);
      dispatch({ type: 'began', session: new AbortController(), tokens: { ...tokens, refreshToken: tokens.refreshToken, refreshIssuedAt: tokens.issuedAt, loginUrl, seller } });
      deps.dispatch({ type: 'tokens_received' });
      deps.crossPane.post({ type: 'tokens', tokens });
      if (tokens.refreshToken) await saveRefreshToken(renewal, tokens.refreshToken, tokens.issuedAt);
    },

    beginPending(refreshToken, loginUrl, user, version) {
      const seller = user ? sellerKey(user.orgId, user.userId) : undefined;
      const rememberedInstanceHost = user?.instanceUrl ? hostOf(user.instanceUrl) : undefined;
      dispatch({
        type: 'began',
        session: new AbortController(),
        tokens: { accessToken: '', refreshToken, refreshIssuedAt: version ?? 0, instanceUrl: '', identityUrl: '', issuedAt: 0, loginUrl, seller, rememberedInstanceHost },
      });
    },

    refresh(stale) {
      const failure = lost();
      if (failure) return Promise.reject(new SalesforceFailureError(failure));
      if (state.status === 'none') return Promise.reject(new SalesforceFailureError(notSignedInFailure()));
      if (state.tokens.accessToken !== '' && state.tokens.accessToken !== stale) return Promise.resolve();
      // Single flight: every request that met an expired token joins the renewal under way.
      if (state.status === 'renewing') return state.renewal;
      const renewal: Promise<void> = runRefresh(stale, state.session.signal).finally(() => dispatch({ type: 'renewal_settled', renewal }));
      dispatch({ type: 'renewal_started', renewal });
      return renewal;
    },

    markLost,

    end(options) {
      const identityUrl = announcedIdentityUrl(held());
      const seller = held()?.seller;
      dispatch({ type: 'dropped' });
      if (options?.everywhere && seller) deps.crossPane.post({ type: 'signed_out', identityUrl, at: deps.now() });
    },

    revocable() {
      const tokens = held();
      return tokens?.refreshToken ? { refreshToken: tokens.refreshToken, loginUrl: tokens.loginUrl } : undefined;
    },

    storeTrusted: () => state.trusted,

    dispose() {
      // A disposed session's work stops: a renewal under way must not call the token endpoint, save a rotated token
      // or post on a channel the app is closing.
      dispatch({ type: 'dropped' });
      panes.dispose();
    },
  };
}
