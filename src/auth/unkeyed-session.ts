/**
 * The Salesforce session a partition keeps without a Microsoft account: stored when the seller signed in to
 * Salesforce before (or without) signing in with Microsoft. Once a Microsoft account signs in on a pane of the
 * partition, that session must not outlive it: every later pane of the partition that runs without Microsoft
 * sign-in (the silent sign-in slower than the start-up grace, a sign-out of Microsoft, another person at the same
 * Outlook) would restore it silently, with nobody having proved who they are.
 *
 * It is wiped and its refresh token revoked (best effort), not adopted for the account. Adopting would be safe only
 * if the person who signed in to Salesforce is the one who just signed in with Microsoft, and nothing here can tell:
 * the unkeyed session may be another pane's, or a day old. The cost of wiping is one Salesforce sign-in, which the
 * re-keyed pane asks for anyway (the account's own store starts empty). Unsent outbox work is left alone: it stays
 * its Salesforce user's, sent when that user signs in again without a Microsoft account, or discarded at their
 * sign-out.
 */
import type { PendingRevokeStore, RevokeOutcome } from './pending-revoke';
import { createTokenStore, tokenDatabaseName, type TokenStoreDeps } from './token-store';
import { createLogger } from '../shared/logger';

const log = createLogger('auth.unkeyed-session');

export interface ForgetUnkeyedSessionDeps extends TokenStoreDeps {
  /** Office.context.partitionKey where defined: only this partition's unkeyed session goes. */
  partitionKey?: string;
  /** Bounded and never throwing (revokeToken in salesforce-sign-in.ts). */
  revokeStored(loginUrl: string, refreshToken: string): Promise<unknown>;
  /**
   * With these, a revocation without a final answer (offline) is owed rather than dropped: the wipe below would
   * otherwise forget a token that still works (pending-revoke.ts).
   */
  revokeRefreshToken?(loginUrl: string, refreshToken: string): Promise<RevokeOutcome>;
  pendingRevokes?: PendingRevokeStore;
}

/** Resolves true when an unkeyed session store was found (and wiped). Never rejects. */
export async function forgetUnkeyedSession(deps: ForgetUnkeyedSessionDeps): Promise<boolean> {
  const scope = deps.partitionKey ? { partitionKey: deps.partitionKey } : {};
  try {
    // Opening a store that does not exist would create it: look first where the browser can say.
    const names = await deps.indexedDB.databases().then(
      (list) => list.map((d) => d.name),
      () => undefined,
    );
    if (names && !names.includes(tokenDatabaseName(scope))) return false;
    const store = createTokenStore(scope, deps);
    // Unreadable parts are skipped: the store is wiped below whatever they held.
    const last = await store.loadLastSession().catch((error: unknown) => void log.debug('reading the last session failed', error));
    const refreshToken = last ? await store.loadRefreshToken(last).catch((error: unknown) => void log.debug('reading its refresh token failed', error)) : undefined;
    if (last && refreshToken) {
      if (deps.revokeRefreshToken && deps.pendingRevokes) {
        const outcome = await deps.revokeRefreshToken(last.loginUrl, refreshToken).catch((): RevokeOutcome => 'retry');
        if (outcome === 'retry') {
          await deps.pendingRevokes
            .add({ orgId: last.orgId, userId: last.userId, loginUrl: last.loginUrl, refreshToken })
            .catch((error: unknown) => log.debug('keeping the revocation for later failed', error));
        }
      } else {
        await deps.revokeStored(last.loginUrl, refreshToken).catch((error: unknown) => log.debug('revoking the stored token failed', error));
      }
    }
    await store.wipe();
    return true;
  } catch (error) {
    log.debug('forgetting the unkeyed session store failed', error);
    return false;
  }
}
