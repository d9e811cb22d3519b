/**
 * The seller's Salesforce session as the shell sees it: start-up restore, sign in, sign in again (same user: restore in
 * place; another user: start clean), sign out. A small external store (subscribe + snapshot) that React reads with
 * useSyncExternalStore. Every side effect comes in through `AuthControllerDeps`.
 *
 * Revocation (sign-out, and the previous user's grant when another Salesforce user signs in) covers the refresh token
 * held in memory and the stored one when they differ (a rotation this pane held but could not save, or a store
 * another pane moved on). A revocation that got no final answer (offline, timeout, 5xx) is owed: kept encrypted in
 * the pending-revoke store and sent again at the next start and when the browser comes back online.
 * A sign-out in another pane of the same seller reaches this one through the connection: the welcome screen shows.
 */
import type { ClassifiedFailure } from '../salesforce/failure-kinds';
import { outboxOwnerOf, type OutboxOwner } from '../salesforce/outbox/outbox';
import type { ConnectionState, SalesforceIdentity, SalesforceTokens } from '../salesforce/salesforce-api';
import type { PendingRevokeStore, RevokeOutcome } from './pending-revoke';
import type { SignInOutcome, SignInRequest } from './sign-in-flow';
import type { SalesforceOAuthSettings } from './salesforce-sign-in';
import type { LastSession, SalesforceUserKey, TokenStore } from './token-store';

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

export type SignInProblem = Exclude<SignInOutcome, { status: 'signed_in' } | { status: 'cancelled' }>;

export type AuthNotice =
  | { type: 'sign_in_problem'; problem: SignInProblem }
  | { type: 'switched_user'; identity: SalesforceIdentity; previous: SalesforceIdentity; unsentCount: number }
  | { type: 'restore_problem'; failure: ClassifiedFailure };

export interface AuthSnapshot {
  status: 'starting' | 'signed_out' | 'signed_in';
  identity?: SalesforceIdentity;
  busy?: 'signing_in' | 'signing_out';
  notice?: AuthNotice;
  /** Changes when another Salesforce user signs in: views keyed by it start clean. */
  sessionKey: number;
}

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

async function bestEffort<T>(work: () => Promise<T> | T, timeoutMs: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(work),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export function createAuthController(deps: AuthControllerDeps): AuthController {
  let snapshot: AuthSnapshot = { status: 'starting', sessionKey: 0 };
  const listeners = new Set<() => void>();
  const timeoutMs = deps.bestEffortTimeoutMs ?? 4000;
  let disposed = false;
  /** While the restore runs, the connection's own signed_out (restore failed) is the restore's to handle. */
  let restoring = false;

  const set = (next: Partial<AuthSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const key of Object.keys(next) as Array<keyof AuthSnapshot>) if (next[key] === undefined) delete snapshot[key];
    for (const listener of [...listeners]) listener();
  };

  const ownerOf = (user: SalesforceUserKey): OutboxOwner => outboxOwnerOf(user, deps.ownerExtras);

  async function persist(tokens: SalesforceTokens, identity: SalesforceIdentity): Promise<void> {
    if (disposed) return;
    // Storage failing (private mode, quota) must not fail the sign-in: the session then lasts as long as the pane.
    if (tokens.refreshToken) await deps.tokenStore.saveRefreshToken(identity, tokens.refreshToken, tokens.issuedAt).catch(() => undefined);
    if (disposed) return;
    await deps.tokenStore.saveLastSession(toLastSession(identity, tokens.identityUrl)).catch(() => undefined);
  }

  /**
   * Revokes the user's held and stored refresh tokens (each once). Bounded; never rejects. A revocation without a
   * final answer is kept in the pending-revoke store for later. Without `revokeRefreshToken` it falls back to the
   * connection's own best-effort revocation.
   */
  async function revokeTokensOf(user: SalesforceIdentity): Promise<void> {
    const holding = deps.connection.state().status !== 'signed_out';
    const held = holding ? deps.connection.revocable?.() : undefined;
    const stored = await bestEffort(() => deps.tokenStore.loadRefreshToken(user), timeoutMs);
    if (!deps.revokeRefreshToken) {
      if (holding) await bestEffort(() => deps.connection.revoke(), timeoutMs);
      if (stored && deps.revokeStored && stored !== held?.refreshToken) await bestEffort(() => deps.revokeStored!(user.loginUrl, stored), timeoutMs);
      return;
    }
    const targets = new Map<string, string>();
    if (held) targets.set(held.refreshToken, held.loginUrl);
    if (stored && !targets.has(stored)) targets.set(stored, user.loginUrl);
    await Promise.all(
      [...targets].map(async ([refreshToken, loginUrl]) => {
        const outcome = (await bestEffort(() => deps.revokeRefreshToken!(loginUrl, refreshToken), timeoutMs)) ?? 'retry';
        if (outcome === 'retry' && deps.pendingRevokes) {
          await bestEffort(() => deps.pendingRevokes!.add({ orgId: user.orgId, userId: user.userId, loginUrl, refreshToken }), timeoutMs);
        }
      }),
    );
  }

  /** Never rejects and never leaves the pane busy: whatever fails after the dialog ends as a sign-in message. */
  async function interactive(forceLogin: boolean, loginUrl?: string): Promise<void> {
    if (snapshot.busy) return;
    try {
      await interactiveSteps(forceLogin, loginUrl);
    } catch (error) {
      if (disposed) return;
      const message = error instanceof Error ? error.name : 'Error';
      set({ busy: undefined, notice: { type: 'sign_in_problem', problem: { status: 'dialog_failed', code: 0, message } } });
    }
  }

  async function interactiveSteps(forceLogin: boolean, loginUrl?: string): Promise<void> {
    const previous = snapshot.status === 'signed_in' ? snapshot.identity : undefined;
    set({ busy: 'signing_in', notice: undefined });
    let outcome: SignInOutcome;
    try {
      outcome = await deps.signIn({ settings: deps.settingsFor(loginUrl ?? previous?.loginUrl), forceLogin });
    } catch (error) {
      outcome = { status: 'dialog_failed', code: 0, message: error instanceof Error ? error.message : String(error) };
    }
    if (disposed) return;
    if (outcome.status === 'cancelled') {
      set({ busy: undefined });
      return;
    }
    if (outcome.status !== 'signed_in') {
      set({ busy: undefined, notice: { type: 'sign_in_problem', problem: outcome } });
      return;
    }

    const { tokens, identity } = outcome;
    if (previous && sameSalesforceUser(previous, identity)) {
      // Same seller, same org: the connection comes back in place; the view and its data stay.
      deps.setCurrentUser(identity);
      await deps.connection.start(tokens, identity);
      await persist(tokens, identity);
      if (disposed) return;
      set({ status: 'signed_in', identity, busy: undefined, notice: undefined });
      deps.outbox?.resume(ownerOf(identity));
      return;
    }

    let notice: AuthNotice | undefined;
    let sessionKey = snapshot.sessionKey;
    if (previous) {
      // Another user or org: the previous seller's work stays theirs, unsent, and nothing cached for them is shown.
      deps.outbox?.pause();
      const unsentCount = (await deps.outbox?.pendingCount(ownerOf(previous)).catch(() => 0)) ?? 0;
      notice = { type: 'switched_user', identity, previous, unsentCount };
      // The previous user's grant is no longer anyone's in this pane: revoked, not just forgotten.
      if (deps.revokeRefreshToken) await revokeTokensOf(previous);
      await deps.tokenStore.deleteRefreshToken(previous).catch(() => undefined);
      await Promise.resolve(deps.connection.signOut()).catch(() => undefined);
      deps.clearCrmCache?.();
      sessionKey += 1;
      if (disposed) return;
    }
    deps.setCurrentUser(identity);
    await deps.connection.start(tokens, identity);
    await persist(tokens, identity);
    if (disposed) return;
    set({ status: 'signed_in', identity, busy: undefined, notice, sessionKey });
    deps.outbox?.resume(ownerOf(identity));
  }

  async function restore(): Promise<void> {
    restoring = true;
    try {
      await restoreSteps();
    } finally {
      restoring = false;
    }
  }

  async function restoreSteps(): Promise<void> {
    const last = await deps.tokenStore.loadLastSession().catch(() => undefined);
    const refreshToken = last ? await deps.tokenStore.loadRefreshToken(last).catch(() => undefined) : undefined;
    if (disposed) return;
    if (!last || !refreshToken) {
      set({ status: 'signed_out' });
      return;
    }
    const identity = fromLastSession(last);
    deps.setCurrentUser(identity);
    // Signed in at once: the workspace shows while the first refresh runs. If that refresh finds the connection
    // lost, the banner shows over it (Sign in again / Sign out), not the welcome screen.
    set({ status: 'signed_in', identity });
    let failure: ClassifiedFailure | undefined;
    try {
      await deps.connection.restore(refreshToken, identity);
    } catch (error) {
      failure = (error as { failure?: ClassifiedFailure } | undefined)?.failure;
    }
    if (disposed) return;
    const state = deps.connection.state();
    if (state.status === 'signed_out') {
      // Neither connected nor lost nor offline: a refusal only a new sign-in (or an admin) can answer. The stored
      // token stays for a later try; the welcome screen says what happened.
      deps.setCurrentUser(undefined);
      set({ status: 'signed_out', identity: undefined, ...(failure ? { notice: { type: 'restore_problem' as const, failure } } : {}) });
      return;
    }
    deps.outbox?.resume(ownerOf(identity));
  }

  let starting: Promise<void> | undefined;

  // Another pane of this seller signed out: its connection told ours, which dropped its tokens. Follow it to the
  // welcome screen. Not while this pane is itself signing in, out or restoring: those steps handle the state.
  const unsubscribeConnection = deps.connection.subscribe((state) => {
    if (disposed || restoring || snapshot.busy || snapshot.status !== 'signed_in' || state.status !== 'signed_out') return;
    const identity = snapshot.identity;
    deps.outbox?.pause();
    deps.setCurrentUser(undefined);
    deps.clearCrmCache?.();
    set({ status: 'signed_out', identity: undefined, notice: undefined, sessionKey: snapshot.sessionKey + 1 });
    // Nothing may come back by itself on reload. A pane of the same account shares the store the other pane has
    // wiped; a pane of another Microsoft account has its own, whose token is revoked (or owed) and forgotten here.
    if (identity) {
      void (async () => {
        await revokeTokensOf(identity);
        await bestEffort(() => deps.tokenStore.deleteRefreshToken(identity), timeoutMs);
        const last = await bestEffort(() => deps.tokenStore.loadLastSession(), timeoutMs);
        if (last && sameSalesforceUser(last, identity)) await bestEffort(() => deps.tokenStore.clearLastSession(), timeoutMs);
      })();
    }
  });

  const retryOwed = () => {
    if (!disposed && deps.retryPendingRevokes) void deps.retryPendingRevokes().catch(() => undefined);
  };
  const unsubscribeOnline = deps.onOnline?.(retryOwed);

  return {
    snapshot: () => snapshot,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    start(options) {
      // Once per pane: React StrictMode and a reopened effect must not restore twice.
      if (!starting) {
        starting = options?.restore === false ? Promise.resolve(set({ status: 'signed_out' })) : restore();
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
      return deps.outbox.pendingCount(ownerOf(identity)).catch(() => 0);
    },

    async signOut() {
      if (snapshot.busy === 'signing_out') return;
      const identity = snapshot.identity;
      set({ busy: 'signing_out', notice: undefined });
      // Revoke first, while the tokens are still known; bounded, so offline or a slow org never holds the seller here.
      // Both the held and the stored refresh token: they differ after a rotation this pane could not save.
      if (identity) await revokeTokensOf(identity);
      else if (deps.connection.state().status !== 'signed_out') await bestEffort(() => deps.connection.revoke(), timeoutMs);
      deps.outbox?.pause();
      if (identity && deps.outbox) await bestEffort(() => deps.outbox!.discardAll(ownerOf(identity)), timeoutMs);
      await bestEffort(() => deps.connection.signOut(), timeoutMs);
      deps.setCurrentUser(undefined);
      await bestEffort(() => deps.tokenStore.wipe(), timeoutMs);
      deps.clearCrmCache?.();
      deps.outbox?.close?.();
      await bestEffort(() => deps.wipeAccountStorage(), timeoutMs);
      if (deps.microsoftAuth) await bestEffort(() => deps.microsoftAuth!.signOut(), timeoutMs);
      set({ status: 'signed_out', identity: undefined, busy: undefined, sessionKey: snapshot.sessionKey + 1 });
    },

    dismissNotice() {
      if (snapshot.notice) set({ notice: undefined });
    },

    dispose() {
      disposed = true;
      unsubscribeConnection();
      unsubscribeOnline?.();
      // The connection saves rotated refresh tokens for the current user: no one's, from now on.
      deps.setCurrentUser(undefined);
      listeners.clear();
    },
  };
}
