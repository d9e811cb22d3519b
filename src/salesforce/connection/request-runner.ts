/**
 * One Salesforce call's life, whatever jsforce does: fails at once (no network) while the session is lost or signed
 * out; is sent through jsforce with the current access token; on an expired session joins the one shared refresh and
 * retries once with the new token; retries transient failures with backoff where that is safe (retry-rules.ts); and
 * settles within the request deadline, as `timeout` (or `offline` when the browser says so). Every rejection is a
 * SalesforceFailureError carrying the classified failure, except a call its caller stopped (`signal`): that one
 * rejects at once with an AbortError, is never classified, retried or reported to the connection's state.
 */
import { classifySalesforceError } from '../classify-salesforce-error';
import { createFailure, SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type { SalesforceIdentity } from '../salesforce-api';
import { abortErrorOf, untilAborted } from '../../shared/abortable';
import { withDeadline } from '../../shared/deadline';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { ConnectionAction } from './connection-state';
import { sendJsforceRequest, type JsforceModule, type JsforceRequest } from './jsforce-transport';
import { isRetryableAttempt } from './retry-rules';
import { notSignedInFailure, type TokenSession } from './token-session';

export interface CallOptions {
  /** Safe to send twice (reads, PATCH); a POST create is not. See retry-rules.ts. */
  idempotent: boolean;
  /** Sends the request itself instead of jsforce (a multipart upload jsforce would mangle); same life otherwise. */
  send?: (session: { accessToken: string; instanceUrl: string }, timeoutMs: number) => Promise<unknown>;
  /** Time beyond the connection's deadline for this call (an upload of many megabytes). */
  extraDeadlineMs?: number;
  /**
   * The caller no longer wants the answer (a search typed over). Only a `send` that hands this signal to its fetch
   * cancels the HTTP request itself; jsforce cannot (rest-get.ts).
   */
  signal?: AbortSignal;
}

export interface RequestRunnerDeps {
  apiVersion: string;
  timeoutMs: number;
  session: TokenSession;
  loadJsforce(): Promise<JsforceModule>;
  /** Who the connection is signed in as now; a call belongs to whoever it was when the call was made. */
  signedInAs(): SalesforceIdentity | undefined;
  dispatch(action: ConnectionAction): void;
  isOnline(): boolean | undefined;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  backoff: BackoffPolicy;
}

export type CallSalesforce = (request: () => JsforceRequest, options: CallOptions) => Promise<unknown>;

export function createRequestRunner(deps: RequestRunnerDeps): CallSalesforce {
  const { session, dispatch, isOnline, now, sleep, random, backoff, timeoutMs } = deps;
  let jsforcePromise: Promise<JsforceModule> | undefined;

  function jsforce(): Promise<JsforceModule> {
    if (!jsforcePromise) {
      jsforcePromise = deps.loadJsforce().catch((error: unknown) => {
        jsforcePromise = undefined; // a failed chunk load (offline) may succeed later
        throw error;
      });
    }
    return jsforcePromise;
  }

  function deadlineFailure(): ClassifiedFailure {
    if (isOnline() === false) {
      dispatch({ type: 'network_offline' });
      return createFailure('offline', { detail: 'No network.' });
    }
    return createFailure('timeout', { detail: `No answer from Salesforce within ${timeoutMs} ms.` });
  }

  /**
   * A call belongs to the seller it was made for. Another user signing in while it waits (a backoff, a refresh, the
   * jsforce chunk) must not have it sent with their token: it fails as not signed in, and the outbox keeps the work
   * for its owner. A call made before anyone was known (a restore's own read) is the restored grant's.
   */
  function assertCaller(caller: SalesforceIdentity | undefined): void {
    const signedInAs = deps.signedInAs();
    if (caller && (signedInAs?.orgId !== caller.orgId || signedInAs?.userId !== caller.userId)) {
      throw new SalesforceFailureError(notSignedInFailure());
    }
  }

  async function attempts(request: () => JsforceRequest, options: CallOptions, deadlineAt: number, expired: () => boolean, caller: SalesforceIdentity | undefined): Promise<unknown> {
    let refreshed = false;
    const { signal } = options;
    for (let retry = 0; ;) {
      // Stopped while waiting (a backoff, the shared refresh): nothing more is sent.
      if (signal?.aborted) throw abortErrorOf(signal);
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
      if (signal?.aborted) throw abortErrorOf(signal);
      if (expired()) throw new SalesforceFailureError(deadlineFailure());
      assertCaller(caller);
      try {
        const remaining = Math.max(1, deadlineAt - now());
        const body = options.send
          ? await options.send({ accessToken: tokens.accessToken, instanceUrl: tokens.instanceUrl }, remaining + 1000)
          : await sendJsforceRequest(module, { accessToken: tokens.accessToken, instanceUrl: tokens.instanceUrl, apiVersion: deps.apiVersion }, request(), remaining + 1000);
        dispatch({ type: 'request_answered' });
        return body;
      } catch (error) {
        // The caller stopped it: not a failure of Salesforce, the network or the session.
        if (signal?.aborted) throw abortErrorOf(signal);
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
    if (options.signal?.aborted) throw abortErrorOf(options.signal);
    const lost = session.lostFailure();
    if (lost) throw new SalesforceFailureError(lost);
    if (!session.current()) throw new SalesforceFailureError(notSignedInFailure());
    const callMs = timeoutMs + (options.extraDeadlineMs ?? 0);
    const deadlineAt = now() + callMs;
    let expired = false;
    const work = attempts(request, options, deadlineAt, () => expired, deps.signedInAs());
    work.catch(() => undefined); // abandoned after the deadline: its late rejection is not an unhandled one
    const bounded = withDeadline(work, callMs, () => {
      expired = true;
      if (options.signal?.aborted) return abortErrorOf(options.signal);
      return new SalesforceFailureError(deadlineFailure());
    });
    return untilAborted(bounded, options.signal);
  }

  return call;
}
