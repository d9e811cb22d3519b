/** What the token session is built with: the store, the lock, the channel, the token endpoint, the clock. */
import type { ClassifiedFailure, ClassifyContext } from '../failure-kinds';
import type { SalesforceTokens } from '../salesforce-api';
import type { BackoffPolicy } from './backoff';
import type { ConnectionAction } from './connection-state';
import type { CrossPaneChannel, CrossPaneDropCounter } from './cross-pane';
import type { RefreshLock } from './refresh-lock';
import type { StoredRefreshToken } from './token-session-state';

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
