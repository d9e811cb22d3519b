/**
 * One renewal of the session, run while holding the cross-pane refresh lock (token-session.ts takes the lock). First
 * it looks whether someone else already renewed since the request failed (an announcement over the cross-pane
 * channel, an answer to its question, a rotated refresh token in the store), and only then calls the token endpoint,
 * so a rotating refresh token is never sent twice. A rotated refresh token is saved before the lock is released.
 *
 * The work stops, its late result let go, as soon as `stop` says so: the session it was started for ended (sign-out,
 * another sign-in) or the lock let go at its hold deadline and another pane may be renewing now.
 */
import { createFailure, SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import { backoffDelay } from './backoff';
import { isAbortError, withDeadline } from '../../shared/deadline';
import { announcedIdentityUrl, heldTokens, newerStoredToken, type HeldTokens, type StoredRefreshToken, type TokenSessionAction, type TokenSessionState } from './token-session-state';
import type { TokenSessionDeps } from './token-session-deps';
import { createLogger } from '../../shared/logger';

const log = createLogger('salesforce.token-renewal');

/** How long a pane waits for another pane's answer before calling the token endpoint itself. A refresh happens
 * about once per session timeout (hours), so this wait costs nothing a seller notices. */
const ASK_WAIT_MS = 150;
const ASK_WAIT_ROTATED_MS = 1000;

const NO_REFRESH_TOKEN: ClassifiedFailure = createFailure('session_expired', { detail: 'The session expired and there is no refresh token to renew it with.' });

/** What a renewal reads and changes of the session it belongs to. */
export interface RenewalContext {
  deps: TokenSessionDeps;
  state(): TokenSessionState;
  dispatch(action: TokenSessionAction): void;
  /** Settles when tokens from another pane are adopted (or the session is lost through one). */
  nextArrival(stopWaiting?: AbortSignal): Promise<void>;
}

/** Carries a failure out of the lock without re-classifying it. */
export function failureOf(error: unknown, deps: Pick<TokenSessionDeps, 'classify' | 'isOnline'>): ClassifiedFailure {
  if (error instanceof SalesforceFailureError) return error.failure;
  return deps.classify(error, { phase: 'token_refresh', online: deps.isOnline() });
}

/** Saves a refresh token; the session trusts the store again only once a save worked. */
export async function saveRefreshToken(context: Pick<RenewalContext, 'deps' | 'dispatch'>, refreshToken: string, version: number): Promise<void> {
  try {
    await context.deps.tokenStore.saveRefreshToken(refreshToken, version);
    context.dispatch({ type: 'store_saved', ok: true });
  } catch (error) {
    log.debug('saving the refresh token failed; the session keeps it in memory', error);
    context.dispatch({ type: 'store_saved', ok: false });
  }
}

/** The stored refresh token, when it is newer than the one held (another pane rotated it); never an older one. */
async function newerStored(context: RenewalContext): Promise<StoredRefreshToken | undefined> {
  const load = context.deps.tokenStore.loadRefreshToken;
  if (!load || !heldTokens(context.state())) return undefined;
  const stored = await load.call(context.deps.tokenStore).catch((error: unknown) => {
    log.debug('reading the stored refresh token failed; the held one is used', error);
    return undefined;
  });
  const held = heldTokens(context.state());
  return held ? newerStoredToken(held, stored) : undefined;
}

/** One token endpoint call, bounded by the deadline and aborted when any of `stops` is. */
async function callTokenEndpoint(deps: TokenSessionDeps, loginUrl: string, refreshToken: string, stops: readonly AbortSignal[]): Promise<SalesforceTokens> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  for (const stop of stops) stop.addEventListener('abort', abort, { once: true });
  try {
    const call = deps.requestRefresh({ loginUrl, clientId: deps.clientId, refreshToken, signal: controller.signal });
    return await withDeadline(call, deps.timeoutMs, () => {
      controller.abort();
      const kind = deps.isOnline() === false ? 'offline' : 'timeout';
      return new SalesforceFailureError(createFailure(kind, { detail: 'The token endpoint did not answer in time.' }));
    });
  } finally {
    for (const stop of stops) stop.removeEventListener('abort', abort);
  }
}

/**
 * Renews after `stale` was refused. Returns quietly once the held access token is newer than `stale`, or when the work
 * was stopped (the caller sorts out which); rejects with a SalesforceFailureError otherwise.
 */
export async function renewUnderLock(context: RenewalContext, stale: string, session: AbortSignal, lock: AbortSignal): Promise<void> {
  const { deps } = context;
  /** The tokens held now, unless the work was stopped. */
  const live = (): HeldTokens | undefined => (session.aborted || lock.aborted ? undefined : heldTokens(context.state()));
  const lostFailure = () => {
    const state = context.state();
    return state.status === 'lost' ? state.failure : undefined;
  };
  const renewedMeanwhile = (held: HeldTokens) => held.accessToken !== '' && held.accessToken !== stale;

  // Let announcements posted before the lock was handed over arrive first (BroadcastChannel delivers as a task).
  await deps.sleep(0);
  let held = live();
  if (!held) return;
  let lost = lostFailure();
  if (lost) throw new SalesforceFailureError(lost);
  if (renewedMeanwhile(held)) return; // another pane renewed meanwhile
  if (deps.crossPane.shared) {
    // The announcement of a refresh that just happened in another pane can still be on its way (a lock hand-over
    // may overtake it). Ask, and wait briefly for an answer; longer when the store shows the refresh token was
    // rotated by someone else, since a pane that rotated it certainly holds the tokens that go with it.
    const stored = await newerStored(context);
    held = live();
    if (!held) return;
    const rotatedElsewhere = stored !== undefined && held.refreshToken !== undefined;
    const waiting = new AbortController();
    const arrival = context.nextArrival(waiting.signal);
    deps.crossPane.post({ type: 'ask', identityUrl: announcedIdentityUrl(held), issuedAt: held.issuedAt });
    await Promise.race([arrival, deps.sleep(rotatedElsewhere ? ASK_WAIT_ROTATED_MS : ASK_WAIT_MS)]);
    waiting.abort();
    held = live();
    if (!held) return;
    lost = lostFailure();
    if (lost) throw new SalesforceFailureError(lost);
    if (renewedMeanwhile(held)) return;
  }
  const loginUrl = held.loginUrl;
  for (let retry = 0; ; retry++) {
    // A rotation by another pane whose announcement has not arrived: the stored token, when it is the newer one.
    const stored = await newerStored(context);
    if (!live()) return;
    if (stored) context.dispatch({ type: 'stored_token_taken', stored });
    held = live();
    if (!held) return;
    const refreshToken = held.refreshToken;
    if (!refreshToken) throw new SalesforceFailureError(NO_REFRESH_TOKEN);
    if (!context.state().trusted) {
      // The last save failed: try again, so a reload or another pane finds this token rather than a spent one.
      await saveRefreshToken(context, refreshToken, held.refreshIssuedAt);
      if (!live()) return;
    }
    try {
      const fresh = await callTokenEndpoint(deps, loginUrl, refreshToken, [session, lock]);
      if (!live()) return; // signed out (or in as someone else) meanwhile, or the lock let go
      const tokens: SalesforceTokens = { ...fresh, refreshToken: fresh.refreshToken ?? refreshToken };
      // Held before anything else can happen: from here on the spent token is never sent again.
      context.dispatch({ type: 'tokens_adopted', tokens });
      if (fresh.refreshToken && fresh.refreshToken !== refreshToken) {
        // Saved before the lock is released, so the next holder reads the rotated token, never the spent one.
        await saveRefreshToken(context, fresh.refreshToken, heldTokens(context.state())?.refreshIssuedAt ?? fresh.issuedAt);
      }
      deps.crossPane.post({ type: 'tokens', tokens });
      return;
    } catch (error) {
      // Aborted because the work stopped: not a failure of the token endpoint, nothing to report from here.
      if (!live() && isAbortError(error)) return;
      const failure = failureOf(error, deps);
      if (failure.kind !== 'transient' || retry >= deps.backoff.retries) throw new SalesforceFailureError(failure);
      await deps.sleep(backoffDelay(retry, deps.backoff, deps.random));
      held = live();
      if (!held) return;
      if (renewedMeanwhile(held)) return;
    }
  }
}
