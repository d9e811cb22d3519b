/**
 * Over 300 lines: about a third is the contract (the deps it is given, the controller's interface), kept beside the
 * steps its comments explain.
 *
 * The seller's Salesforce session as the shell sees it: start-up restore, sign in, sign in again (same user: restore in
 * place; another user: start clean), sign out. A small external store (subscribe + snapshot) that React reads with
 * useSyncExternalStore. Every side effect comes in through `AuthControllerDeps`.
 *
 * Revocation (sign-out, and the previous user's grant when another Salesforce user signs in) covers the refresh token
 * held in memory and the stored one when they differ (revoke-user-tokens.ts). A revocation that got no final answer
 * is owed: kept encrypted in the pending-revoke store and sent again at the next start and when the browser comes
 * back online.
 * A sign-out in another pane of the same seller reaches this one through the connection: the welcome screen shows.
 *
 * What the shell shows changes only through `reduceAuth` (auth-controller-state.ts). The controller's lifetime is an
 * AbortSignal (aborted by `dispose`); each restore and sign-in attempt runs under a signal of its own, tied to it, and
 * stops writing, starting or resuming anything once it is aborted.
 */
import type { ClassifiedFailure } from '../salesforce/failure-kinds';
import { outboxOwnerOf, type OutboxOwner } from '../salesforce/outbox/outbox';
import type { ConnectionState, SalesforceIdentity, SalesforceTokens } from '../salesforce/salesforce-api';
import { deadlineError, withDeadline } from '../shared/deadline';
import { createEmitter } from '../shared/event-emitter';
import { INITIAL_AUTH_SNAPSHOT, reduceAuth, type AuthAction, type AuthSnapshot } from './auth-controller-state';
import type { PendingRevokeStore, RevokeOutcome } from './pending-revoke';
import { revokeUserTokens } from './revoke-user-tokens';
import type { SignInOutcome, SignInRequest } from './sign-in-flow';
import type { SalesforceOAuthSettings } from './salesforce-sign-in';
import type { LastSession, SalesforceUserKey, TokenStore } from './token-store';
import { carryOn, createLogger } from '../shared/logger';

const log = createLogger('auth.controller');

/** What the shell needs of the connection wrapper (src/salesforce/connection/). */
export interface ConnectionControl {
  identity(): SalesforceIdentity | undefined;
  state(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
  /** New tokens from sign-in or sign-in again. */
  start(tokens: SalesforceTokens, identity: SalesforceIdentity): Promise<void> | void;
  /** A stored refresh token at start-up: renew silently. Settles once the first refresh has succeeded or failed. */
  restore(refreshToken: string, identity: SalesforceIdentity): Promise<void>;
  /** Drops tokens in memory; state goes to signed_out. */
  signOut(): Promise<void> | void;
  /** Best effort revocation of the refresh token held in memory (used when `revokeRefreshToken` is not given). */
  revoke(): Promise<void>;
  /** The refresh token held in memory, so the controller can revoke it and keep the debt if that fails. */
  revocable?(): { refreshToken: string; loginUrl: string } | undefined;
}

export interface OutboxControl {
  resume(owner: OutboxOwner): void;
  pause(): void;
  pendingCount(owner: OutboxOwner): Promise<number>;
  discardAll(owner: OutboxOwner): Promise<void>;
  /** Before sign-out deletes the outbox's database. */
  close?(): void;
}

export interface MicrosoftSignOut {
  signOut(): Promise<void>;
}

export interface AuthControllerDeps {
  connection: ConnectionControl;
  tokenStore: TokenStore;
  signIn(request: SignInRequest): Promise<SignInOutcome>;
  /** The settings for a login host (from the runtime config). */
  settingsFor(loginUrl?: string): SalesforceOAuthSettings;
  outbox?: OutboxControl;
  microsoftAuth?: MicrosoftSignOut;
  /** Makes the outbox owner together with the Salesforce user. */
  ownerExtras: { partitionKey?: string; microsoftAccountId?: string };
  /** Deletes this account's other storage (CRM caches, outbox databases, localStorage keys of the partition). */
  wipeAccountStorage(): Promise<void>;
  /** Drops cached CRM data in memory (another user signed in). */
  clearCrmCache?(): void;
  /** Revokes a stored refresh token when the connection holds none (best effort). */
  revokeStored?(loginUrl: string, refreshToken: string): Promise<unknown>;
  /** Upper bound for each best-effort step of sign-out. */
  bestEffortTimeoutMs?: number;
  /** Tells the connection wrapper whose refresh token it is saving. */
  setCurrentUser(user: SalesforceUserKey | undefined): void;
  /** Revokes one refresh token and says whether the answer was final (pending-revoke.ts). */
  revokeRefreshToken?(loginUrl: string, refreshToken: string): Promise<RevokeOutcome>;
  /** Where revocations without a final answer wait to be sent again. */
  pendingRevokes?: PendingRevokeStore;
  /** Sends the owed revocations (createPendingRevokeRetrier); run at start and when the browser is online again. */
  retryPendingRevokes?(): Promise<number>;
  /** The browser's online event. */
  onOnline?(listener: () => void): () => void;
}

export type { AuthNotice, AuthSnapshot, SignInProblem } from './auth-controller-state';

export interface AuthController {
  snapshot(): AuthSnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * Start-up: restore the last session silently, or show the welcome screen. `restore: false` goes straight to the
   * welcome screen: the app state was rebuilt right after a Sign out, and nothing may come back by itself.
   */
  start(options?: { restore?: boolean }): Promise<void>;
  /** From a click only. `loginUrl`: the seller's choice among config.loginChoices. */
  signIn(loginUrl?: string): Promise<void>;
  /** From a click only: reopens the dialog with prompt=login. */
  signInAgain(): Promise<void>;
  /** Unsent work of the signed-in user (sign-out asks before discarding it). */
  pendingWork(): Promise<number>;
  signOut(): Promise<void>;
  dismissNotice(): void;
  /**
   * The app state is being replaced (the Microsoft account changed). A sign-in or restore still in flight writes
   * nothing more to this account's store and resumes no work: its answer belongs to an app state that is gone.
   */
  dispose(): void;
}

export function sameSalesforceUser(a: SalesforceUserKey | undefined, b: SalesforceUserKey | undefined): boolean {
  return !!a && !!b && a.orgId === b.orgId && a.userId === b.userId;
}

function toLastSession(identity: SalesforceIdentity, identityUrl?: string): LastSession {
  return {
    orgId: identity.orgId,
    userId: identity.userId,
    loginUrl: identity.loginUrl,
    instanceUrl: identity.instanceUrl,
    ...(identityUrl ? { identityUrl } : {}),
    username: identity.username,
    displayName: identity.displayName,
    email: identity.email,
  };
}

function fromLastSession(last: LastSession): SalesforceIdentity {
  return {
    orgId: last.orgId,
    userId: last.userId,
    username: last.username ?? '',
    displayName: last.displayName ?? last.username ?? '',
    email: last.email ?? '',
    loginUrl: last.loginUrl,
    instanceUrl: last.instanceUrl,
  };
}

/** An AbortController that is aborted with `parent` too; `release` unhooks it once its work is over. */
function attemptOf(parent: AbortSignal): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort(parent.reason);
  if (parent.aborted) abort();
  else parent.addEventListener('abort', abort, { once: true });
  return { signal: controller.signal, release: () => parent.removeEventListener('abort', abort) };
}

export function createAuthController(deps: AuthControllerDeps): AuthController {
  let snapshot: AuthSnapshot = INITIAL_AUTH_SNAPSHOT;
  const changes = createEmitter();
  const timeoutMs = deps.bestEffortTimeoutMs ?? 4000;
  /** Aborted by `dispose`: the app state this controller served is gone. */
  const lifetime = new AbortController();
  /** While a restore runs, the connection's own signed_out (the restore failed) is the restore's to handle. */
  let restoring: AbortSignal | undefined;

  const dispatch = (action: AuthAction) => {
    const next = reduceAuth(snapshot, action);
    if (next === snapshot) return;
    snapshot = next;
    // A disposed controller's subscribers belong to an app state that is gone: they hear nothing more.
    if (!lifetime.signal.aborted) changes.emit();
  };

  /** Bounded and never rejects: a step of sign-out (or of a revocation) that fails or hangs is passed over. */
  const bestEffort = <T>(work: () => Promise<T> | T): Promise<T | undefined> =>
    withDeadline(Promise.resolve().then(work), timeoutMs, () => deadlineError('A best-effort step did not finish in time.')).catch(carryOn(log, 'a best-effort step failed', undefined));

  const ownerOf = (user: SalesforceUserKey): OutboxOwner => outboxOwnerOf(user, deps.ownerExtras);

  async function persist(signal: AbortSignal, tokens: SalesforceTokens, identity: SalesforceIdentity): Promise<void> {
    if (signal.aborted) return;
    // Storage failing (private mode, quota) must not fail the sign-in: the session then lasts as long as the pane.
    if (tokens.refreshToken) await deps.tokenStore.saveRefreshToken(identity, tokens.refreshToken, tokens.issuedAt).catch(carryOn(log, 'saving the refresh token failed', undefined));
    if (signal.aborted) return;
    await deps.tokenStore.saveLastSession(toLastSession(identity, tokens.identityUrl)).catch(carryOn(log, 'saving the last session failed', undefined));
  }

  const revokeTokensOf = (user: SalesforceIdentity): Promise<void> => revokeUserTokens({ ...deps, bestEffort }, user);

  /** Never rejects and never leaves the pane busy: whatever fails after the dialog ends as a sign-in message. */
  async function interactive(forceLogin: boolean, loginUrl?: string): Promise<void> {
    if (snapshot.busy) return;
    const attempt = attemptOf(lifetime.signal);
    try {
      await interactiveSteps(attempt.signal, forceLogin, loginUrl);
    } catch (error) {
      if (attempt.signal.aborted) return;
      const message = error instanceof Error ? error.name : 'Error';
      dispatch({ type: 'sign_in_failed', problem: { status: 'dialog_failed', code: 0, message } });
    } finally {
      attempt.release();
    }
  }

  async function interactiveSteps(signal: AbortSignal, forceLogin: boolean, loginUrl?: string): Promise<void> {
    const previous = snapshot.status === 'signed_in' ? snapshot.identity : undefined;
    dispatch({ type: 'sign_in_started' });
    let outcome: SignInOutcome;
    try {
      outcome = await deps.signIn({ settings: deps.settingsFor(loginUrl ?? previous?.loginUrl), forceLogin });
    } catch (error) {
      outcome = { status: 'dialog_failed', code: 0, message: error instanceof Error ? error.message : String(error) };
    }
    if (signal.aborted) return;
    if (outcome.status === 'cancelled') {
      dispatch({ type: 'sign_in_cancelled' });
      return;
    }
    if (outcome.status !== 'signed_in') {
      dispatch({ type: 'sign_in_failed', problem: outcome });
      return;
    }

    const { tokens, identity } = outcome;
    let switched: { previous: SalesforceIdentity; unsentCount: number } | undefined;
    if (previous && !sameSalesforceUser(previous, identity)) {
      // Another user or org: the previous seller's work stays theirs, unsent, and nothing cached for them is shown.
      deps.outbox?.pause();
      const unsentCount = (await deps.outbox?.pendingCount(ownerOf(previous)).catch(carryOn(log, "counting the previous user's unsent work failed", 0))) ?? 0;
      switched = { previous, unsentCount };
      // The previous user's grant is no longer anyone's in this pane: revoked, not just forgotten.
      if (deps.revokeRefreshToken) await revokeTokensOf(previous);
      await deps.tokenStore.deleteRefreshToken(previous).catch(carryOn(log, "deleting the previous user's refresh token failed", undefined));
      await Promise.resolve(deps.connection.signOut()).catch(carryOn(log, 'signing the connection out failed', undefined));
      deps.clearCrmCache?.();
      if (signal.aborted) return;
    }
    // The same seller in the same org comes back in place (the view and its data stay); another starts clean.
    deps.setCurrentUser(identity);
    await deps.connection.start(tokens, identity);
    await persist(signal, tokens, identity);
    if (signal.aborted) return;
    dispatch({ type: 'signed_in', identity, ...(switched ? { switched } : {}) });
    deps.outbox?.resume(ownerOf(identity));
  }

  async function restore(): Promise<void> {
    const attempt = attemptOf(lifetime.signal);
    restoring = attempt.signal;
    try {
      await restoreSteps(attempt.signal);
    } finally {
      restoring = undefined;
      attempt.release();
    }
  }

  async function restoreSteps(signal: AbortSignal): Promise<void> {
    const last = await deps.tokenStore.loadLastSession().catch(carryOn(log, 'reading the last session failed', undefined));
    const refreshToken = last ? await deps.tokenStore.loadRefreshToken(last).catch(carryOn(log, 'reading the stored refresh token failed', undefined)) : undefined;
    if (signal.aborted) return;
    if (!last || !refreshToken) {
      dispatch({ type: 'nothing_to_restore' });
      return;
    }
    const identity = fromLastSession(last);
    deps.setCurrentUser(identity);
    // Signed in at once: the workspace shows while the first refresh runs. If that refresh finds the connection
    // lost, the banner shows over it (Sign in again / Sign out), not the welcome screen.
    dispatch({ type: 'restore_started', identity });
    let failure: ClassifiedFailure | undefined;
    try {
      await deps.connection.restore(refreshToken, identity);
    } catch (error) {
      failure = (error as { failure?: ClassifiedFailure } | undefined)?.failure;
    }
    if (signal.aborted) return;
    if (deps.connection.state().status === 'signed_out') {
      // Neither connected nor lost nor offline: a refusal only a new sign-in (or an admin) can answer. The stored
      // token stays for a later try; the welcome screen says what happened.
      deps.setCurrentUser(undefined);
      dispatch({ type: 'restore_refused', ...(failure ? { failure } : {}) });
      return;
    }
    deps.outbox?.resume(ownerOf(identity));
  }

  /** Nothing may come back by itself on reload: the seller's stored session is revoked (or owed) and forgotten. */
  async function forgetSignedOutElsewhere(identity: SalesforceIdentity): Promise<void> {
    await revokeTokensOf(identity);
    await bestEffort(() => deps.tokenStore.deleteRefreshToken(identity));
    const last = await bestEffort(() => deps.tokenStore.loadLastSession());
    if (last && sameSalesforceUser(last, identity)) await bestEffort(() => deps.tokenStore.clearLastSession());
  }

  let starting: Promise<void> | undefined;

  // Another pane of this seller signed out: its connection told ours, which dropped its tokens. Follow it to the
  // welcome screen. Not while this pane is itself restoring, signing in or out: those steps handle the state (the
  // reducer leaves a busy pane alone).
  const unsubscribeConnection = deps.connection.subscribe((state) => {
    if (lifetime.signal.aborted || restoring || state.status !== 'signed_out') return;
    if (reduceAuth(snapshot, { type: 'signed_out_elsewhere' }) === snapshot) return;
    const identity = snapshot.identity;
    deps.outbox?.pause();
    deps.setCurrentUser(undefined);
    deps.clearCrmCache?.();
    dispatch({ type: 'signed_out_elsewhere' });
    // A pane of the same account shares the store the other pane has wiped; a pane of another Microsoft account has
    // its own, whose token is revoked (or owed) and forgotten here.
    if (identity) void forgetSignedOutElsewhere(identity);
  });

  const retryOwed = () => {
    if (!lifetime.signal.aborted && deps.retryPendingRevokes) void deps.retryPendingRevokes().catch(carryOn(log, 'retrying owed revocations failed', undefined));
  };
  const unsubscribeOnline = deps.onOnline?.(retryOwed);

  return {
    snapshot: () => snapshot,

    subscribe: (listener) => changes.subscribe(listener),

    start(options) {
      // Once per pane: React StrictMode and a reopened effect must not restore twice.
      if (!starting) {
        starting = options?.restore === false ? Promise.resolve(dispatch({ type: 'nothing_to_restore' })) : restore();
        // Revocations owed from an earlier sign-out that had no network: sent now, beside the restore.
        retryOwed();
      }
      return starting;
    },

    signIn: (loginUrl) => interactive(false, loginUrl),

    signInAgain: () => interactive(true),

    async pendingWork() {
      const identity = snapshot.identity;
      if (!identity || !deps.outbox) return 0;
      return deps.outbox.pendingCount(ownerOf(identity)).catch(carryOn(log, 'counting unsent work failed', 0));
    },

    async signOut() {
      if (snapshot.busy === 'signing_out') return;
      const identity = snapshot.identity;
      const { outbox, microsoftAuth } = deps;
      dispatch({ type: 'sign_out_started' });
      // Revoke first, while the tokens are still known; bounded, so offline or a slow org never holds the seller here.
      // Both the held and the stored refresh token: they differ after a rotation this pane could not save.
      if (identity) await revokeTokensOf(identity);
      else if (deps.connection.state().status !== 'signed_out') await bestEffort(() => deps.connection.revoke());
      outbox?.pause();
      if (identity && outbox) await bestEffort(() => outbox.discardAll(ownerOf(identity)));
      await bestEffort(() => deps.connection.signOut());
      deps.setCurrentUser(undefined);
      await bestEffort(() => deps.tokenStore.wipe());
      deps.clearCrmCache?.();
      outbox?.close?.();
      await bestEffort(() => deps.wipeAccountStorage());
      if (microsoftAuth) await bestEffort(() => microsoftAuth.signOut());
      dispatch({ type: 'signed_out' });
    },

    dismissNotice() {
      dispatch({ type: 'notice_dismissed' });
    },

    dispose() {
      lifetime.abort();
      unsubscribeConnection();
      unsubscribeOnline?.();
      // The connection saves rotated refresh tokens for the current user: no one's, from now on.
      deps.setCurrentUser(undefined);
    },
  };
}
