/**
 * The Salesforce connection: the `SalesforceApi` every feature uses, plus the lifecycle the auth flow drives.
 *
 * Each call: fails at once (no network) while the session is lost or signed out; is sent through jsforce with the
 * current access token; on an expired session joins the one shared refresh and retries once with the new token;
 * retries transient failures with backoff where that is safe (see retry-rules.ts); and settles within
 * `config.requestTimeoutMs` whatever jsforce does, as `timeout` (or `offline` when the browser says so).
 * Every rejection is a SalesforceFailureError carrying the classified failure. Tokens never appear in any error.
 */
import type { RuntimeConfig } from '../../config/runtime-config';
import { classifySalesforceError } from '../classify-salesforce-error';
import { SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type {
  CompositeSubrequest,
  CompositeSubresponse,
  ConnectionState,
  QueryResult,
  SalesforceApi,
  SalesforceIdentity,
  SalesforceTokens,
} from '../salesforce-api';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { INITIAL_CONNECTION_STATE, reduceConnectionState, type ConnectionAction } from './connection-state';
import { createDefaultCrossPane, type CrossPaneChannel } from './cross-pane';
import { withDeadline } from '../../shared/deadline';
import { loadJsforceCore, sendJsforceRequest, type JsforceModule, type JsforceRequest } from './jsforce-transport';
import { createDefaultRefreshLock, lockDeadlinesFor, type RefreshLock } from './refresh-lock';
import { isRetryableAttempt } from './retry-rules';
import { requestTokenRefresh, requestTokenRevoke, type FetchLike } from './token-endpoint';
import { createTokenSession, notSignedInFailure, type ActiveTokens, type RefreshTokenStore } from './token-session';

/** Signals of the network coming and going (window online/offline events in the browser). */
export interface OnlineSignal {
  subscribe(listener: (online: boolean) => void): () => void;
}

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
  /** navigator.onLine; undefined when unknown (Node). */
  isOnline?: () => boolean | undefined;
  onlineSignal?: OnlineSignal;
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
  /** The browser's online/offline events, for hosts that do not pass an `onlineSignal`. */
  setOnline(online: boolean): void;
  dispose(): void;
}

const defaultIsOnline = (): boolean | undefined => {
  const nav = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
  return typeof nav?.onLine === 'boolean' ? nav.onLine : undefined;
};

const defaultFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

interface CallOptions {
  /** Safe to send twice (reads, PATCH); a POST create is not. See retry-rules.ts. */
  idempotent: boolean;
}

function sobjectPath(apiPath: string, sobject: string, id?: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(sobject)) {
    throw new SalesforceFailureError({ kind: 'validation', connectionLost: false, retryable: false, code: 'INVALID_TYPE', detail: `Not an sObject name: ${sobject.slice(0, 80)}` });
  }
  if (id !== undefined && !/^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/.test(id)) {
    throw new SalesforceFailureError({ kind: 'validation', connectionLost: false, retryable: false, code: 'MALFORMED_ID', detail: `Not a Salesforce id: ${id.slice(0, 40)}` });
  }
  return `${apiPath}/sobjects/${sobject}${id === undefined ? '' : `/${id}`}`;
}

/** Org and user ids from the identity URL's path (`…/id/<orgId>/<userId>`): parsed, never fetched. */
function idsOf(identityUrl: string): { orgId: string; userId: string } | undefined {
  const match = /\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/.exec(identityUrl);
  return match?.[1] && match[2] ? { orgId: match[1], userId: match[2] } : undefined;
}

/** A User record (Username, Name, Email) as who signed in. */
function identityFrom(body: unknown, ids: { orgId: string; userId: string }, tokens: ActiveTokens): SalesforceIdentity {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof b[key] === 'string' ? (b[key]) : '');
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
  const isOnline = deps.isOnline ?? defaultIsOnline;
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const fetchFn = deps.fetch ?? defaultFetch;
  const loadJsforce = deps.loadJsforce ?? loadJsforceCore;
  const ownsCrossPane = deps.crossPane === undefined;
  const crossPane = deps.crossPane ?? createDefaultCrossPane(`salesforce-connection:${config.clientId}`);

  let state: ConnectionState = INITIAL_CONNECTION_STATE;
  const listeners = new Set<(state: ConnectionState) => void>();
  let signedInAs: SalesforceIdentity | undefined;
  let jsforcePromise: Promise<JsforceModule> | undefined;

  function dispatch(action: ConnectionAction): void {
    const next = reduceConnectionState(state, action);
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch {
        // a broken listener must not break the connection or the other listeners
      }
    }
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
        return [];
      }
    }),
  });

  const unsubscribeOnline = deps.onlineSignal?.subscribe((online) => dispatch({ type: online ? 'network_online' : 'network_offline' }));

  function jsforce(): Promise<JsforceModule> {
    if (!jsforcePromise) {
      jsforcePromise = loadJsforce().catch((error: unknown) => {
        jsforcePromise = undefined; // a failed chunk load (offline) may succeed later
        throw error;
      });
    }
    return jsforcePromise;
  }

  function deadlineFailure(): ClassifiedFailure {
    if (isOnline() === false) {
      dispatch({ type: 'network_offline' });
      return { kind: 'offline', connectionLost: false, retryable: true, detail: 'No network.' };
    }
    return { kind: 'timeout', connectionLost: false, retryable: true, detail: `No answer from Salesforce within ${timeoutMs} ms.` };
  }

  /**
   * A call belongs to the seller it was made for. Another user signing in while it waits (a backoff, a refresh, the
   * jsforce chunk) must not have it sent with their token: it fails as not signed in, and the outbox keeps the work
   * for its owner. A call made before anyone was known (a restore's own read) is the restored grant's.
   */
  function assertCaller(caller: SalesforceIdentity | undefined): void {
    if (caller && (signedInAs?.orgId !== caller.orgId || signedInAs?.userId !== caller.userId)) {
      throw new SalesforceFailureError(notSignedInFailure());
    }
  }

  async function attempts(request: () => JsforceRequest, options: CallOptions, deadlineAt: number, expired: () => boolean, caller: SalesforceIdentity | undefined): Promise<unknown> {
    let refreshed = false;
    for (let retry = 0; ; ) {
      assertCaller(caller);
      const lost = session.lostFailure();
      if (lost) throw new SalesforceFailureError(lost);
      const tokens = session.current();
      if (!tokens) throw new SalesforceFailureError(notSignedInFailure());
      if (tokens.accessToken === '') {
        // A restored session: its first access token comes from the shared refresh.
        await session.refresh('');
        continue;
      }
      let module: JsforceModule;
      try {
        module = await jsforce();
      } catch (error) {
        throw new SalesforceFailureError(classifySalesforceError(error, { phase: 'request', online: isOnline() }));
      }
      if (expired()) throw new SalesforceFailureError(deadlineFailure());
      assertCaller(caller);
      try {
        const remaining = Math.max(1, deadlineAt - now());
        const body = await sendJsforceRequest(module, { accessToken: tokens.accessToken, instanceUrl: tokens.instanceUrl, apiVersion: config.apiVersion }, request(), remaining + 1000);
        dispatch({ type: 'request_answered' });
        return body;
      } catch (error) {
        const failure = classifySalesforceError(error, { phase: 'request', online: isOnline() });
        if (expired()) throw new SalesforceFailureError(failure); // the caller already has its timeout
        if (failure.kind === 'offline') {
          dispatch({ type: 'network_offline' });
          throw new SalesforceFailureError(failure);
        }
        if (failure.status !== undefined) dispatch({ type: 'request_answered' });
        if (failure.refreshable) {
          if (!refreshed) {
            refreshed = true;
            await session.refresh(tokens.accessToken);
            continue;
          }
          // Refused again with a token renewed for this very call: renewing cannot help.
          session.markLost(failure);
          throw new SalesforceFailureError(failure);
        }
        if (failure.connectionLost) {
          session.markLost(failure);
          throw new SalesforceFailureError(failure);
        }
        if (retry < backoff.retries && isRetryableAttempt(failure, options.idempotent)) {
          const delay = backoffDelay(retry, backoff, random);
          retry++;
          // No retry that the deadline would cut short: the real failure is more useful than a timeout.
          if (now() + delay < deadlineAt) {
            await sleep(delay);
            continue;
          }
        }
        throw new SalesforceFailureError(failure);
      }
    }
  }

  async function call(request: () => JsforceRequest, options: CallOptions): Promise<unknown> {
    const lost = session.lostFailure();
    if (lost) throw new SalesforceFailureError(lost);
    if (!session.current()) throw new SalesforceFailureError(notSignedInFailure());
    const deadlineAt = now() + timeoutMs;
    let expired = false;
    const work = attempts(request, options, deadlineAt, () => expired, signedInAs);
    work.catch(() => undefined); // abandoned after the deadline: its late rejection is not an unhandled one
    return withDeadline(work, timeoutMs, () => {
      expired = true;
      return new SalesforceFailureError(deadlineFailure());
    });
  }

  const json = (method: JsforceRequest['method'], url: string, body?: unknown): JsforceRequest =>
    body === undefined ? { method, url } : { method, url, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };

  const api: SalesforceConnection = {
    apiPath,
    identity: () => signedInAs,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async query<T = Record<string, unknown>>(soql: string) {
      const result = await call(() => json('GET', `${apiPath}/query?q=${encodeURIComponent(soql)}`), { idempotent: true });
      return result as QueryResult<T>;
    },

    async create(sobject, fields) {
      const url = sobjectPath(apiPath, sobject);
      const result = (await call(() => json('POST', url, fields), { idempotent: false })) as { id?: unknown } | undefined;
      if (typeof result?.id !== 'string') {
        throw new SalesforceFailureError({ kind: 'unknown', connectionLost: false, retryable: false, detail: 'Salesforce answered the create without an id.' });
      }
      return { id: result.id };
    },

    async update(sobject, id, fields) {
      const url = sobjectPath(apiPath, sobject, id);
      // Setting the same fields twice leaves the same record: safe to retry.
      await call(() => json('PATCH', url, fields), { idempotent: true });
    },

    externalIdField: (sobject) => config.externalIdFields?.[sobject],

    async upsert(sobject, externalIdField, key, fields) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(externalIdField) || !/^[A-Za-z0-9_-]{1,255}$/.test(key)) {
        throw new SalesforceFailureError({ kind: 'validation', connectionLost: false, retryable: false, code: 'INVALID_FIELD', detail: 'Not an External ID field name or key.' });
      }
      const url = `${sobjectPath(apiPath, sobject)}/${externalIdField}/${key}`;
      // The key makes it safe to send twice: a second PATCH finds the record the first one made.
      const result = (await call(() => json('PATCH', url, fields), { idempotent: true })) as { id?: unknown; created?: unknown } | undefined;
      if (typeof result?.id !== 'string') {
        throw new SalesforceFailureError({ kind: 'unknown', connectionLost: false, retryable: false, detail: 'Salesforce answered the upsert without an id.' });
      }
      return { id: result.id, created: result.created === true };
    },

    async retrieve<T = Record<string, unknown>>(sobject: string, id: string, fields?: string[]) {
      const base = sobjectPath(apiPath, sobject, id);
      const url = fields?.length ? `${base}?fields=${encodeURIComponent(fields.join(','))}` : base;
      return (await call(() => json('GET', url), { idempotent: true })) as T;
    },

    async composite(requests: CompositeSubrequest[], options?: { allOrNone?: boolean }) {
      const body = {
        allOrNone: options?.allOrNone ?? false,
        compositeRequest: requests.map((r) => (r.body === undefined ? { method: r.method, url: r.url, referenceId: r.referenceId } : { ...r })),
      };
      const result = (await call(() => json('POST', `${apiPath}/composite`, body), {
        idempotent: requests.every((r) => r.method === 'GET'),
      })) as { compositeResponse?: Array<{ referenceId?: unknown; httpStatusCode?: unknown; body?: unknown }> } | undefined;
      return (result?.compositeResponse ?? []).map(
        (r): CompositeSubresponse => ({ referenceId: String(r.referenceId ?? ''), httpStatusCode: Number(r.httpStatusCode ?? 0), body: r.body }),
      );
    },

    async start(tokens, identity) {
      signedInAs = identity;
      await session.begin(tokens, identity.loginUrl || config.loginUrl);
    },

    async restore(refreshToken, identityOrLoginUrl) {
      const known = typeof identityOrLoginUrl === 'object' ? identityOrLoginUrl : undefined;
      const loginUrl = (typeof identityOrLoginUrl === 'string' ? identityOrLoginUrl : known?.loginUrl) || config.loginUrl;
      // Known at once, so the outbox's owner check does not wait for the first refresh.
      signedInAs = known ? { ...known, loginUrl } : undefined;
      session.beginPending(refreshToken, loginUrl, known);
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
            throw new SalesforceFailureError({ kind: 'unknown', connectionLost: false, retryable: false, detail: 'The token response carries no identity URL (/id/<orgId>/<userId>).' });
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
        await withDeadline(
          requestTokenRevoke(fetchFn, { loginUrl: target.loginUrl, token: target.refreshToken, signal: controller?.signal }),
          timeoutMs,
          () => {
            controller?.abort();
            return new Error('revoke timed out');
          },
        );
      } catch {
        // Best effort: the seller is signed out locally either way.
      }
    },

    setOnline(online) {
      dispatch({ type: online ? 'network_online' : 'network_offline' });
    },

    dispose() {
      unsubscribeOnline?.();
      session.dispose();
      if (ownsCrossPane) crossPane.close();
      listeners.clear();
    },
  };
  return api;
}
