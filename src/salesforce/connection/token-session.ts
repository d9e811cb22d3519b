/**
 * The tokens of the signed-in seller and their renewal. No jsforce here: the wrapper asks `current()` for the token
 * to send and calls `refresh(theTokenThatFailed)` when Salesforce says the session expired.
 *
 * Renewal rules (../../../../shared/DESIGN.md):
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
 */
import { SalesforceFailureError, type ClassifiedFailure, type ClassifyContext } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { ConnectionAction } from './connection-state';
import {
  crossPaneDrops,
  parseCrossPaneMessage,
  sellerKey,
  sellerOfIdentityUrl as sellerOf,
  type CrossPaneChannel,
  type CrossPaneDropCounter,
  type CrossPaneMessage,
} from './cross-pane';
import { withDeadline } from '../../shared/deadline';
import type { RefreshLock } from './refresh-lock';

/** A stored refresh token and its version: the issuedAt of the token answer that delivered it. */
export interface StoredRefreshToken {
  refreshToken: string;
  issuedAt: number;
}

/** Where the refresh token lives between sessions (the encrypted IndexedDB store in the app, memory in tests). */
export interface RefreshTokenStore {
  /** Rejects when the token could not be kept (quota, storage gone). A store keeps the newest version it was given. */
  saveRefreshToken(token: string, issuedAt: number): Promise<void>;
  /**
   * The newest refresh token saved by any pane. Optional, but with it a pane that waited for the lock sees a
   * rotation even when the other pane's announcement has not reached it yet.
   */
  loadRefreshToken?(): Promise<StoredRefreshToken | undefined>;
}

export interface TokenSessionDeps {
  clientId: string;
  /** Bound for one token endpoint call. */
  timeoutMs: number;
  refreshLock: RefreshLock;
  crossPane: CrossPaneChannel;
  tokenStore: RefreshTokenStore;
  requestRefresh(args: { loginUrl: string; clientId: string; refreshToken: string; signal?: AbortSignal }): Promise<SalesforceTokens>;
  classify(error: unknown, context: ClassifyContext): ClassifiedFailure;
  isOnline(): boolean | undefined;
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): number;
  backoff: BackoffPolicy;
  dispatch(action: ConnectionAction): void;
  /**
   * Hosts (`host` with port) the configured login URLs name: an instance URL from another pane may name one of them
   * while this pane does not hold an instance URL of its own yet.
   */
  configuredHosts?: readonly string[];
  /** Where refused cross-pane messages are counted. Default: the pane's one counter (`crossPaneDrops`). */
  drops?: CrossPaneDropCounter;
  /** Another pane signed this seller out: this pane has dropped its tokens (state `signed_out`). */
  onSignedOutElsewhere?(): void;
}

/** What a request needs to be sent. `accessToken` is '' while a restored session waits for its first refresh. */
export interface ActiveTokens {
  accessToken: string;
  instanceUrl: string;
  identityUrl: string;
  issuedAt: number;
  loginUrl: string;
}

interface HeldTokens extends ActiveTokens {
  refreshToken: string | undefined;
  /** The version of `refreshToken` (see StoredRefreshToken); 0 when unknown. */
  refreshIssuedAt: number;
  /** Whose grant this is (see `sellerOf`); known before the first refresh when restoring a remembered session. */
  seller: string | undefined;
  /** The instance host remembered from the last session, while `instanceUrl` is still '' (restoring). */
  rememberedInstanceHost?: string | undefined;
}

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

/** How long a pane waits for another pane's answer before calling the token endpoint itself. A refresh happens
 * about once per session timeout (hours), so this wait costs nothing a seller notices. */
const ASK_WAIT_MS = 150;
const ASK_WAIT_ROTATED_MS = 1000;

const NO_REFRESH_TOKEN: ClassifiedFailure = {
  kind: 'session_expired',
  connectionLost: true,
  retryable: false,
  detail: 'The session expired and there is no refresh token to renew it with.',
};

const NOT_SIGNED_IN: ClassifiedFailure = {
  kind: 'reauth_required',
  connectionLost: false,
  retryable: false,
  code: 'NOT_SIGNED_IN',
  detail: 'Not signed in to Salesforce.',
};

export function notSignedInFailure(): ClassifiedFailure {
  return { ...NOT_SIGNED_IN };
}

function hostOf(url: string): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

/** Internal: carries a failure out of the lock without re-classifying it. */
function failureOf(error: unknown, classify: TokenSessionDeps['classify'], online: boolean | undefined): ClassifiedFailure {
  if (error instanceof SalesforceFailureError) return error.failure;
  return classify(error, { phase: 'token_refresh', online });
}

export function createTokenSession(deps: TokenSessionDeps): TokenSession {
  let held: HeldTokens | undefined;
  let lost: ClassifiedFailure | undefined;
  /** Changes on sign-in and sign-out, so a refresh finishing for an older session is dropped. */
  let epoch = 0;
  let inflight: { stale: string; promise: Promise<void> } | undefined;
  /** False after a save failed: the store may hold an older (spent) token than the one held, until a save succeeds. */
  let trusted = true;
  const drops = deps.drops ?? crossPaneDrops;

  const lockKey = () => `salesforce-token-refresh:${deps.clientId}`;

  // Every pane of the origin shares the channel, whichever Salesforce user it is signed in as (two Microsoft
  // accounts in two Outlook windows, or another user signed in on one pane): taking another seller's tokens would
  // send this seller's work under that seller's name. An unknown seller matches nobody.
  function sameSeller(identityUrl: string): boolean {
    return !!held?.seller && sellerOf(identityUrl) === held.seller;
  }

  /** What this pane tells the others about whose grant it holds; a restoring pane has no identity URL yet. */
  function announcedIdentityUrl(): string {
    if (!held) return '';
    if (held.identityUrl !== '' || !held.seller) return held.identityUrl;
    // Only its org and user ids are read on the other side (sellerOf).
    return `${held.loginUrl}/id/${held.seller}`;
  }

  async function save(refreshToken: string, version: number): Promise<void> {
    try {
      await deps.tokenStore.saveRefreshToken(refreshToken, version);
      trusted = true;
    } catch {
      trusted = false;
    }
  }

  /** The stored refresh token, when it is newer than the one held (another pane rotated it); never an older one. */
  async function newerStored(): Promise<StoredRefreshToken | undefined> {
    if (!deps.tokenStore.loadRefreshToken || !held) return undefined;
    const stored = await deps.tokenStore.loadRefreshToken().catch(() => undefined);
    if (!held || !stored || typeof stored.refreshToken !== 'string' || !stored.refreshToken || !Number.isFinite(stored.issuedAt)) return undefined;
    if (held.refreshToken === undefined) return stored;
    return stored.issuedAt > held.refreshIssuedAt && stored.refreshToken !== held.refreshToken ? stored : undefined;
  }

  function adopt(tokens: SalesforceTokens): void {
    if (!held) return;
    const rotated = tokens.refreshToken !== undefined && tokens.refreshToken !== held.refreshToken;
    held = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? held.refreshToken,
      refreshIssuedAt: rotated ? Math.max(tokens.issuedAt, held.refreshIssuedAt + 1) : held.refreshIssuedAt,
      instanceUrl: tokens.instanceUrl || held.instanceUrl,
      identityUrl: tokens.identityUrl || held.identityUrl,
      issuedAt: tokens.issuedAt,
      loginUrl: held.loginUrl,
      seller: sellerOf(tokens.identityUrl) ?? held.seller,
    };
  }

  /** Returns whether the message changed this pane's session. */
  function onMessage(message: CrossPaneMessage): boolean {
    if (!held) return false;
    if (message.type === 'tokens') {
      const t = message.tokens;
      if (!sameSeller(t.identityUrl) || t.issuedAt < held.issuedAt || t.accessToken === held.accessToken) return false;
      adopt(t);
      if (lost) {
        // The seller signed in again in another pane: this pane is connected again too.
        lost = undefined;
        epoch++;
      }
      deps.dispatch({ type: 'tokens_received' });
      return true;
    }
    if (message.type === 'lost') {
      if (lost || !sameSeller(message.identityUrl) || held.issuedAt > message.issuedAt) return false;
      lost = message.failure;
      deps.dispatch({ type: 'connection_lost', failure: message.failure, at: message.at });
      return true;
    }
    if (message.type === 'signed_out') {
      if (!sameSeller(message.identityUrl)) return false;
      drop();
      deps.dispatch({ type: 'signed_out' });
      deps.onSignedOutElsewhere?.();
      return true;
    }
    return false;
  }

  function drop(): void {
    epoch++;
    held = undefined;
    lost = undefined;
    inflight = undefined;
    trusted = true;
  }

  /** What a message from another pane is judged against. */
  function context(): Parameters<typeof parseCrossPaneMessage>[1] {
    const instance = held ? (hostOf(held.instanceUrl) ?? held.rememberedInstanceHost) : undefined;
    const login = held ? hostOf(held.loginUrl) : undefined;
    const hosts = instance ? [instance] : [...(login ? [login] : []), ...(deps.configuredHosts ?? [])];
    return { now: deps.now(), seller: held?.seller, heldIssuedAt: held?.issuedAt ?? 0, instanceHosts: hosts };
  }

  /** Resolved whenever tokens from another pane are adopted (or the session is lost through one). */
  let newerArrived: () => void = () => {};
  function nextArrival(): Promise<void> {
    return new Promise<void>((resolve) => {
      const previous = newerArrived;
      newerArrived = () => {
        previous();
        resolve();
      };
    });
  }

  function answer(question: { identityUrl: string; issuedAt: number }): void {
    if (!held || !sameSeller(question.identityUrl)) return;
    if (lost) {
      if (held.issuedAt >= question.issuedAt) deps.crossPane.post({ type: 'lost', identityUrl: announcedIdentityUrl(), issuedAt: held.issuedAt, failure: lost, at: deps.now() });
      return;
    }
    if (held.accessToken !== '' && held.issuedAt > question.issuedAt) {
      deps.crossPane.post({
        type: 'tokens',
        tokens: { accessToken: held.accessToken, refreshToken: held.refreshToken, instanceUrl: held.instanceUrl, identityUrl: held.identityUrl, issuedAt: held.issuedAt },
      });
    }
  }

  const unsubscribe = deps.crossPane.subscribe((raw) => {
    // Signed out (or not yet in): no message concerns this pane.
    if (!held) return;
    const parsed = parseCrossPaneMessage(raw, context());
    if (!parsed.ok) {
      // Another seller's announcement is ordinary traffic; anything else refused is counted.
      if (parsed.reason !== 'other_seller') drops.add();
      return;
    }
    const message = parsed.message;
    if (message.type === 'ask') {
      answer(message);
      return;
    }
    if (!onMessage(message)) return;
    const settle = newerArrived;
    newerArrived = () => {};
    settle();
  });

  function markLost(failure: ClassifiedFailure): void {
    if (!held || lost) return;
    lost = failure;
    const at = deps.now();
    deps.dispatch({ type: 'connection_lost', failure, at });
    deps.crossPane.post({ type: 'lost', identityUrl: announcedIdentityUrl(), issuedAt: held.issuedAt, failure, at });
  }

  async function callTokenEndpoint(loginUrl: string, refreshToken: string): Promise<SalesforceTokens> {
    const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
    const call = deps.requestRefresh({ loginUrl, clientId: deps.clientId, refreshToken, signal: controller?.signal });
    return withDeadline(call, deps.timeoutMs, () => {
      controller?.abort();
      const online = deps.isOnline();
      const kind = online === false ? 'offline' : 'timeout';
      return new SalesforceFailureError({ kind, connectionLost: false, retryable: true, detail: 'The token endpoint did not answer in time.' });
    });
  }

  /** Runs inside the cross-pane lock. */
  async function renewUnderLock(stale: string, startedEpoch: number): Promise<void> {
    // Let announcements posted before the lock was handed over arrive first (BroadcastChannel delivers as a task).
    await deps.sleep(0);
    if (epoch !== startedEpoch || !held) return;
    if (lost) throw new SalesforceFailureError(lost);
    if (held.accessToken !== '' && held.accessToken !== stale) return; // another pane renewed meanwhile
    if (deps.crossPane.shared) {
      // The announcement of a refresh that just happened in another pane can still be on its way (a lock hand-over
      // may overtake it). Ask, and wait briefly for an answer; longer when the store shows the refresh token was
      // rotated by someone else, since a pane that rotated it certainly holds the tokens that go with it.
      const stored = await newerStored();
      if (epoch !== startedEpoch || !held) return;
      const rotatedElsewhere = stored !== undefined && held.refreshToken !== undefined;
      const arrival = nextArrival();
      deps.crossPane.post({ type: 'ask', identityUrl: announcedIdentityUrl(), issuedAt: held.issuedAt });
      await Promise.race([arrival, deps.sleep(rotatedElsewhere ? ASK_WAIT_ROTATED_MS : ASK_WAIT_MS)]);
      if (epoch !== startedEpoch || !held) return;
      if (lost) throw new SalesforceFailureError(lost);
      if (held.accessToken !== '' && held.accessToken !== stale) return;
    }
    const loginUrl = held.loginUrl;
    for (let retry = 0; ; retry++) {
      // A rotation by another pane whose announcement has not arrived: the stored token, when it is the newer one.
      // Never an older one: after this pane's save failed, the store still holds the token it rotated away.
      const stored = await newerStored();
      if (epoch !== startedEpoch || !held) return;
      if (stored) held = { ...held, refreshToken: stored.refreshToken, refreshIssuedAt: stored.issuedAt };
      const refreshToken = held.refreshToken;
      if (!refreshToken) throw new SalesforceFailureError(NO_REFRESH_TOKEN);
      if (!trusted) {
        // The last save failed: try again, so a reload or another pane finds this token rather than a spent one.
        await save(refreshToken, held.refreshIssuedAt);
        if (epoch !== startedEpoch || !held) return;
      }
      try {
        const fresh = await callTokenEndpoint(loginUrl, refreshToken);
        if (epoch !== startedEpoch || !held) return; // signed out (or in as someone else) meanwhile
        const tokens: SalesforceTokens = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
        // Held before anything else can happen: from here on the spent token is never sent again.
        adopt(tokens);
        if (fresh.refreshToken && fresh.refreshToken !== refreshToken) {
          // Saved before the lock is released, so the next holder reads the rotated token, never the spent one.
          await save(fresh.refreshToken, held.refreshIssuedAt);
        }
        deps.crossPane.post({ type: 'tokens', tokens });
        return;
      } catch (error) {
        const failure = failureOf(error, deps.classify, deps.isOnline());
        if (failure.kind !== 'transient' || retry >= deps.backoff.retries) throw new SalesforceFailureError(failure);
        await deps.sleep(backoffDelay(retry, deps.backoff, deps.random));
        if (epoch !== startedEpoch || !held) return;
        if (held.accessToken !== '' && held.accessToken !== stale) return;
      }
    }
  }

  async function runRefresh(stale: string): Promise<void> {
    const startedEpoch = epoch;
    deps.dispatch({ type: 'refresh_started' });
    try {
      await deps.refreshLock.run(lockKey(), () => renewUnderLock(stale, startedEpoch));
    } catch (error) {
      const failure = failureOf(error, deps.classify, deps.isOnline());
      if (epoch === startedEpoch) {
        if (isDefiniteRefreshFailure(failure)) markLost(failure);
        else if (failure.kind === 'offline') deps.dispatch({ type: 'network_offline' });
        else deps.dispatch({ type: 'refresh_failed' });
      }
      throw new SalesforceFailureError(failure);
    }
    if (epoch !== startedEpoch) {
      // Signed out meanwhile, or lost and then signed in again in another pane: only the latter has a token to use.
      const renewed = held !== undefined && !lost && held.accessToken !== '' && held.accessToken !== stale;
      if (!renewed) throw new SalesforceFailureError(lost ?? notSignedInFailure());
    }
    deps.dispatch({ type: 'refresh_succeeded' });
  }

  return {
    current: () => (held ? { accessToken: held.accessToken, instanceUrl: held.instanceUrl, identityUrl: held.identityUrl, issuedAt: held.issuedAt, loginUrl: held.loginUrl } : undefined),
    lostFailure: () => lost,

    async begin(tokens, loginUrl) {
      epoch++;
      lost = undefined;
      held = { ...tokens, refreshToken: tokens.refreshToken, refreshIssuedAt: tokens.issuedAt, loginUrl, seller: sellerOf(tokens.identityUrl) };
      deps.dispatch({ type: 'tokens_received' });
      deps.crossPane.post({ type: 'tokens', tokens });
      if (tokens.refreshToken) await save(tokens.refreshToken, tokens.issuedAt);
    },

    beginPending(refreshToken, loginUrl, user, version) {
      epoch++;
      lost = undefined;
      const seller = user ? sellerKey(user.orgId, user.userId) : undefined;
      const rememberedInstanceHost = user?.instanceUrl ? hostOf(user.instanceUrl) : undefined;
      held = { accessToken: '', refreshToken, refreshIssuedAt: version ?? 0, instanceUrl: '', identityUrl: '', issuedAt: 0, loginUrl, seller, rememberedInstanceHost };
    },

    refresh(stale) {
      if (lost) return Promise.reject(new SalesforceFailureError(lost));
      if (!held) return Promise.reject(new SalesforceFailureError(notSignedInFailure()));
      if (held.accessToken !== '' && held.accessToken !== stale) return Promise.resolve();
      if (!inflight) {
        const promise = runRefresh(stale).finally(() => {
          if (inflight?.promise === promise) inflight = undefined;
        });
        inflight = { stale, promise };
      }
      return inflight.promise;
    },

    markLost,

    end(options) {
      const identityUrl = announcedIdentityUrl();
      const seller = held?.seller;
      drop();
      if (options?.everywhere && seller) deps.crossPane.post({ type: 'signed_out', identityUrl, at: deps.now() });
    },

    revocable: () => (held?.refreshToken ? { refreshToken: held.refreshToken, loginUrl: held.loginUrl } : undefined),

    storeTrusted: () => trusted,

    dispose() {
      unsubscribe();
    },
  };
}
