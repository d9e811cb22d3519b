/**
 * The Salesforce connection: the `SalesforceApi` every feature uses, plus the lifecycle the auth flow drives (start,
 * restore, sign-out, revoke). It wires the token session, the call runner and the REST methods together and owns the
 * connection state the pane shows.
 *
 * Each call's life (deadline, shared refresh, retries) is request-runner.ts; the REST paths and bodies are
 * rest-methods.ts; the tokens and their renewal are token-session.ts. Every rejection is a SalesforceFailureError
 * carrying the classified failure. Tokens never appear in any error.
 */
import type { RuntimeConfig } from '../../config/runtime-config';
import { withDeadline } from '../../shared/deadline';
import { createEmitter } from '../../shared/event-emitter';
import { createOnlineState, type OnlineState } from '../../shared/online-state';
import { classifySalesforceError } from '../classify-salesforce-error';
import { createFailure, SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type { ConnectionState, SalesforceApi, SalesforceIdentity, SalesforceTokens } from '../salesforce-api';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { INITIAL_CONNECTION_STATE, reduceConnectionState, type ConnectionAction } from './connection-state';
import { createDefaultCrossPane, type CrossPaneChannel } from './cross-pane';
import { loadJsforceCore, type JsforceModule } from './jsforce-transport';
import { createDefaultRefreshLock, lockDeadlinesFor, type RefreshLock } from './refresh-lock';
import { createRequestRunner } from './request-runner';
import { createRestMethods, json } from './rest-methods';
import { requestTokenRefresh, requestTokenRevoke, type FetchLike } from './token-endpoint';
import { createTokenSession, notSignedInFailure, type ActiveTokens, type RefreshTokenStore } from './token-session';
import { createLogger } from '../../shared/logger';

const log = createLogger('salesforce.connection');

export interface SalesforceConnectionDeps {
  config: RuntimeConfig['salesforce'];
  tokenStore: RefreshTokenStore;
  /** Default: Web Locks where available, else in-process. */
  refreshLock?: RefreshLock;
  /** Default: BroadcastChannel in a browser, no-op in Node. */
  crossPane?: CrossPaneChannel;
  /** Default: dynamic import of `jsforce/core`. */
  loadJsforce?: () => Promise<JsforceModule>;
  /** For the token and revoke endpoints. Default: globalThis.fetch. */
  fetch?: FetchLike;
  /**
   * A refresh answer's instance_url, checked before any REST call goes there with the new access token: undefined
   * when it may be used, else the failure to report. Default: every instance is accepted (tests in Node).
   */
  checkInstanceUrl?: (instanceUrl: string) => ClassifiedFailure | undefined;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Whether the browser is online, and its online/offline events. Default: `createOnlineState()`. */
  onlineState?: OnlineState;
  backoff?: BackoffPolicy;
}

export interface SalesforceConnection extends SalesforceApi {
  /**
   * Tokens from a sign-in, or from sign-in again after the connection was lost: the state becomes `connected`,
   * the refresh token is saved, and the other panes are told. Call again with new tokens to swap them in.
   */
  start(tokens: SalesforceTokens, identity: SalesforceIdentity): Promise<void>;
  /**
   * Start-up with a stored refresh token: exchanges it. With the identity remembered from the last session no further
   * call is made; with only a login URL (or nothing: the configured one) the user is read through REST (ids from the
   * identity URL's path; the identity URL itself is never fetched). Rejects with the
   * classified failure; the state is then `lost` (dead token), `offline` (the token waits for the network) or
   * `signed_out` (anything else; the stored token is left for a later try).
   */
  restore(refreshToken: string, identityOrLoginUrl?: SalesforceIdentity | string): Promise<SalesforceIdentity>;
  /**
   * Drops the tokens in memory; state `signed_out`. The other panes of the same seller drop theirs too (the
   * cross-pane channel). Deleting the stored token is the auth flow's job.
   */
  signOut(): void;
  /** The refresh token held in memory and its login host, for a revocation the auth flow runs (and retries). */
  revocable(): { refreshToken: string; loginUrl: string } | undefined;
  /** Best effort: revokes the refresh token (and so its access tokens). Never throws; bounded by the deadline. */
  revoke(): Promise<void>;
  /** An online/offline change learned elsewhere than from `onlineState`'s events. */
  setOnline(online: boolean): void;
  dispose(): void;
}

const defaultFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/** Org and user ids from the identity URL's path (`…/id/<orgId>/<userId>`): parsed, never fetched. */
function idsOf(identityUrl: string): { orgId: string; userId: string } | undefined {
  const match = /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(identityUrl);
  return match?.[1] && match[2] ? { orgId: match[1], userId: match[2] } : undefined;
}

/** A User record (Username, Name, Email) as who signed in. */
function identityFrom(body: unknown, ids: { orgId: string; userId: string }, tokens: ActiveTokens): SalesforceIdentity {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof b[key] === 'string' ? b[key] : '');
  return {
    orgId: ids.orgId,
    userId: ids.userId,
    username: text('Username'),
    displayName: text('Name') || text('Username'),
    email: text('Email'),
    loginUrl: tokens.loginUrl,
    instanceUrl: tokens.instanceUrl,
  };
}

export function createSalesforceConnection(deps: SalesforceConnectionDeps): SalesforceConnection {
  const config = deps.config;
  const timeoutMs = config.requestTimeoutMs;
  const apiPath = `/services/data/v${config.apiVersion}`;
  const now = deps.clock ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const onlineState = deps.onlineState ?? createOnlineState();
  const isOnline = () => onlineState.isOnline();
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const fetchFn = deps.fetch ?? defaultFetch;
  const loadJsforceModule = deps.loadJsforce ?? loadJsforceCore;
  // One load shared by an early start (below) and the first call; a failed load (offline) is tried again next time.
  let jsforceLoad: Promise<JsforceModule> | undefined;
  const loadJsforce = () =>
    (jsforceLoad ??= loadJsforceModule().catch((error: unknown) => {
      jsforceLoad = undefined;
      throw error;
    }));
  // A session is about to be used (a stored one found, or a sign-in done): jsforce's chunk is fetched and compiled
  // while the token round trip runs, not after it, so the first call does not wait for it.
  const preloadJsforce = () => void loadJsforce().catch(() => undefined);
  const ownsCrossPane = deps.crossPane === undefined;
  const crossPane = deps.crossPane ?? createDefaultCrossPane(`salesforce-connection:${config.clientId}`);

  let state: ConnectionState = INITIAL_CONNECTION_STATE;
  const changed = createEmitter<ConnectionState>();
  let disposed = false;
  let signedInAs: SalesforceIdentity | undefined;

  function dispatch(action: ConnectionAction): void {
    const next = reduceConnectionState(state, action);
    if (next === state) return;
    state = next;
    // A listener that throws neither breaks the connection nor silences the others (the emitter reports it).
    if (!disposed) changed.emit(state);
  }

  const session = createTokenSession({
    clientId: config.clientId,
    timeoutMs,
    refreshLock: deps.refreshLock ?? createDefaultRefreshLock(lockDeadlinesFor(timeoutMs)),
    crossPane,
    tokenStore: deps.tokenStore,
    requestRefresh: async (args) => {
      const tokens = await requestTokenRefresh(fetchFn, args);
      const refused = deps.checkInstanceUrl?.(tokens.instanceUrl);
      if (refused) throw new SalesforceFailureError(refused);
      return tokens;
    },
    classify: classifySalesforceError,
    isOnline,
    sleep,
    random,
    now,
    backoff,
    dispatch,
    // Another pane signed this seller out: nobody is signed in here either (the auth flow follows the state).
    onSignedOutElsewhere: () => {
      signedInAs = undefined;
    },
    configuredHosts: [config.loginUrl, ...config.loginChoices.map((choice) => choice.loginUrl)].flatMap((url) => {
      try {
        return [new URL(url).host];
      } catch {
        return []; // config.json was validated at start: a login URL that is not one cannot name a host
      }
    }),
  });

  const unsubscribeOnline = onlineState.subscribe((online) => dispatch({ type: online ? 'network_online' : 'network_offline' }));

  const call = createRequestRunner({
    apiVersion: config.apiVersion,
    timeoutMs,
    session,
    loadJsforce,
    signedInAs: () => signedInAs,
    dispatch,
    isOnline,
    now,
    sleep,
    random,
    backoff,
  });

  const api: SalesforceConnection = {
    apiPath,
    identity: () => signedInAs,
    state: () => state,
    subscribe: (listener) => changed.subscribe(listener),
    ...createRestMethods(call, apiPath, config),

    async start(tokens, identity) {
      preloadJsforce();
      signedInAs = identity;
      await session.begin(tokens, identity.loginUrl || config.loginUrl);
    },

    async restore(refreshToken, identityOrLoginUrl) {
      const known = typeof identityOrLoginUrl === 'object' ? identityOrLoginUrl : undefined;
      const loginUrl = (typeof identityOrLoginUrl === 'string' ? identityOrLoginUrl : known?.loginUrl) || config.loginUrl;
      // Known at once, so the outbox's owner check does not wait for the first refresh.
      signedInAs = known ? { ...known, loginUrl } : undefined;
      session.beginPending(refreshToken, loginUrl, known);
      preloadJsforce();
      dispatch({ type: 'restore_started' });
      try {
        await session.refresh('');
        const tokens = session.current();
        if (!tokens) throw new SalesforceFailureError(notSignedInFailure());
        let identity: SalesforceIdentity;
        if (known) {
          identity = { ...known, loginUrl, instanceUrl: tokens.instanceUrl || known.instanceUrl };
        } else {
          // The identity URL lives on the login host and is not a CORS endpoint: a pane cannot read it. The ids are in
          // its path; the names come from the User record through REST (the CORS allowlist), as at sign-in.
          const ids = idsOf(tokens.identityUrl);
          if (!ids) {
            throw new SalesforceFailureError(createFailure('unknown', { detail: 'The token response carries no identity URL (/id/<orgId>/<userId>).' }));
          }
          const body = await call(() => json('GET', `${apiPath}/sobjects/User/${ids.userId}?fields=Username,Name,Email`), { idempotent: true });
          identity = identityFrom(body, ids, session.current() ?? tokens);
        }
        signedInAs = identity;
        dispatch({ type: 'tokens_received' });
        return identity;
      } catch (error) {
        const failure = error instanceof SalesforceFailureError ? error.failure : classifySalesforceError(error, { phase: 'token_refresh', online: isOnline() });
        // Lost (the state says so) and offline (the stored token waits for the network) keep the session;
        // anything else goes back to the sign-in screen, the stored token untouched for a later try.
        if (!session.lostFailure() && failure.kind !== 'offline') {
          signedInAs = undefined;
          session.end();
          dispatch({ type: 'restore_failed' });
        }
        throw new SalesforceFailureError(failure);
      }
    },

    signOut() {
      session.end({ everywhere: true });
      signedInAs = undefined;
      dispatch({ type: 'signed_out' });
    },

    revocable: () => session.revocable(),

    async revoke() {
      const target = session.revocable();
      if (!target) return;
      const controller = typeof AbortController === 'undefined' ? undefined : new AbortController();
      try {
        await withDeadline(requestTokenRevoke(fetchFn, { loginUrl: target.loginUrl, token: target.refreshToken, signal: controller?.signal }), timeoutMs, () => {
          controller?.abort();
          return new Error('revoke timed out');
        });
      } catch (error) {
        // Best effort: the seller is signed out locally either way.
        log.debug('revoking the refresh token at sign-out failed', error);
      }
    },

    setOnline(online) {
      dispatch({ type: online ? 'network_online' : 'network_offline' });
    },

    dispose() {
      unsubscribeOnline();
      session.dispose();
      if (ownsCrossPane) crossPane.close();
      // Nobody hears of the connection after it is disposed, whatever late work still settles.
      disposed = true;
    },
  };
  return api;
}
