/**
 * Revokes one Salesforce user's refresh tokens: the one the connection holds and the stored one, each once (they
 * differ after a rotation the pane could not save, or when another pane moved the store on). A revocation that got no
 * final answer (offline, timeout, 5xx) is owed: kept in the pending-revoke store, sent again later. Used by sign-out,
 * by another user's sign-in (the previous user's grant), and when another pane signed the seller out.
 */
import type { SalesforceIdentity } from '../salesforce/salesforce-api';
import type { PendingRevokeStore, RevokeOutcome } from './pending-revoke';
import type { SalesforceUserKey } from './token-store';

export interface RevokeUserTokensDeps {
  connection: {
    /** signed_out: the connection holds no token. */
    state(): { status: string };
    revocable?(): { refreshToken: string; loginUrl: string } | undefined;
    /** The connection's own best-effort revocation, when `revokeRefreshToken` is not given. */
    revoke(): Promise<void>;
  };
  tokenStore: { loadRefreshToken(user: SalesforceUserKey): Promise<string | undefined> };
  revokeRefreshToken?(loginUrl: string, refreshToken: string): Promise<RevokeOutcome>;
  revokeStored?(loginUrl: string, refreshToken: string): Promise<unknown>;
  pendingRevokes?: PendingRevokeStore;
  /** Bounds each step and turns a failure into undefined (the controller's deadline). */
  bestEffort<T>(work: () => Promise<T> | T): Promise<T | undefined>;
}

/** Bounded; never rejects. Without `revokeRefreshToken` it falls back to the connection's own revocation. */
export async function revokeUserTokens(deps: RevokeUserTokensDeps, user: SalesforceIdentity): Promise<void> {
  const { connection, bestEffort, revokeRefreshToken, revokeStored, pendingRevokes } = deps;
  const holding = connection.state().status !== 'signed_out';
  const held = holding ? connection.revocable?.() : undefined;
  const stored = await bestEffort(() => deps.tokenStore.loadRefreshToken(user));
  if (!revokeRefreshToken) {
    if (holding) await bestEffort(() => connection.revoke());
    if (stored && revokeStored && stored !== held?.refreshToken) await bestEffort(() => revokeStored(user.loginUrl, stored));
    return;
  }
  const targets = new Map<string, string>();
  if (held) targets.set(held.refreshToken, held.loginUrl);
  if (stored && !targets.has(stored)) targets.set(stored, user.loginUrl);
  await Promise.all(
    [...targets].map(async ([refreshToken, loginUrl]) => {
      const outcome = (await bestEffort(() => revokeRefreshToken(loginUrl, refreshToken))) ?? 'retry';
      if (outcome === 'retry' && pendingRevokes) {
        await bestEffort(() => pendingRevokes.add({ orgId: user.orgId, userId: user.userId, loginUrl, refreshToken }));
      }
    }),
  );
}
