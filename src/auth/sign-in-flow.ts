/**
 * One sign-in, from the seller's click to tokens and identity: a login host that is not Salesforce's (or a listed
 * custom domain) and a generic login host refused before any window opens,
 * PKCE + state, the Office dialog, the answer's origin and state checked, the code exchanged, the user read through
 * REST (never the identity URL, which a browser may not read) only after the token response's instance_url and id
 * have passed the same host check. Every path ends in a SignInOutcome; nothing stays pending
 * and nothing throws (a closed dialog is a cancel).
 */
import type { DialogOutcome } from '../host/office-host';
import type { ClassifiedFailure } from '../salesforce/failure-kinds';
import { SalesforceFailureError } from '../salesforce/failure-kinds';
import type { SalesforceIdentity, SalesforceTokens } from '../salesforce/salesforce-api';
import { createPkcePair as defaultCreatePkcePair, createState as defaultCreateState, type PkcePair } from './pkce';
import { checkSalesforceHost, hostRefusedFailure, salesforceHostPolicy, type HostCheck, type HostRole } from './salesforce-hosts';
import {
  buildAuthStartUrl,
  exchangeCode,
  isGenericLoginHost,
  myDomainRequiredFailure,
  parseDialogAnswer,
  readSignedInUser,
  revokeToken,
  type SalesforceOAuthSettings,
  type SignInHttpDeps,
} from './salesforce-sign-in';

export interface SignInFlowDeps extends SignInHttpDeps {
  openDialog(url: string, size?: { widthPercent: number; heightPercent: number }): Promise<DialogOutcome>;
  /** Where auth-start.html lives (the pane's document base URL). */
  appBaseUrl: string;
  /**
   * The pane's own origin: the only origin a sign-in answer may come from. It also decides whether a loopback
   * Salesforce host is allowed (only for a pane itself on loopback: src/auth/salesforce-hosts.ts).
   */
  appOrigin: string;
  createPkcePair?: () => Promise<PkcePair>;
  createState?: () => string;
}

export type SignInRejection = 'state_mismatch' | 'origin_mismatch' | 'invalid_answer';

export type SignInOutcome =
  | { status: 'signed_in'; tokens: SalesforceTokens; identity: SalesforceIdentity }
  /** The seller closed the dialog (12006). Quiet: back where they were. */
  | { status: 'cancelled' }
  /** Office could not show or keep the dialog: 12002, 12003, 12004, 12005, 12007, 12009, 12011 (or 0: no dialog API). */
  | { status: 'dialog_failed'; code: number; message: string }
  /**
   * Salesforce refused: an error redirect (access_denied, OAUTH_APP_BLOCKED, …), the code exchange, or the user read.
   * `loginUrl` and `appOrigin` come with the set-up reasons (my_domain_required, oauth_cors_blocked,
   * salesforce_host_refused), whose message names the login address and the origin the admin must add to the CORS
   * allowlist.
   */
  | { status: 'failed'; failure: ClassifiedFailure; loginUrl?: string; appOrigin?: string; refusedHost?: string }
  /** The answer could not be trusted; nothing was exchanged. */
  | { status: 'rejected'; reason: SignInRejection };

export interface SignInRequest {
  settings: SalesforceOAuthSettings;
  /** Sign in again / another user: Salesforce asks for the user even if its own session is alive. */
  forceLogin?: boolean;
}

export async function runSignIn(deps: SignInFlowDeps, request: SignInRequest): Promise<SignInOutcome> {
  const { settings } = request;
  const policy = salesforceHostPolicy(settings, deps.appOrigin);
  const refused = (check: HostCheck, role: HostRole): SignInOutcome | undefined =>
    check.ok ? undefined : { status: 'failed', failure: hostRefusedFailure(check, role), loginUrl: settings.loginUrl, appOrigin: deps.appOrigin, refusedHost: check.host };
  // Known before any window opens: the dialog and the code go only to a Salesforce host (or a listed custom domain).
  const loginRefused = refused(checkSalesforceHost(settings.loginUrl, policy), 'login');
  if (loginRefused) return loginRefused;
  // And a generic login host cannot finish the sign-in from a browser.
  if (isGenericLoginHost(settings.loginUrl)) {
    return { status: 'failed', failure: myDomainRequiredFailure(settings.loginUrl), loginUrl: settings.loginUrl, appOrigin: deps.appOrigin };
  }
  let pkce: PkcePair;
  let state: string;
  try {
    pkce = await (deps.createPkcePair ?? defaultCreatePkcePair)();
    state = (deps.createState ?? defaultCreateState)();
  } catch (error) {
    return { status: 'dialog_failed', code: 0, message: error instanceof Error ? error.message : String(error) };
  }

  const url = buildAuthStartUrl(deps.appBaseUrl, {
    loginUrl: settings.loginUrl,
    clientId: settings.clientId,
    redirectUri: settings.redirectUri,
    codeChallenge: pkce.challenge,
    state,
    ...(request.forceLogin ? { prompt: 'login' as const } : {}),
  });

  let outcome: DialogOutcome;
  try {
    outcome = await deps.openDialog(url, { widthPercent: 40, heightPercent: 70 });
  } catch (error) {
    return { status: 'dialog_failed', code: 0, message: error instanceof Error ? error.message : String(error) };
  }
  if (outcome.kind === 'closed') return { status: 'cancelled' };
  if (outcome.kind === 'error') return { status: 'dialog_failed', code: outcome.code, message: outcome.message };
  if (outcome.origin !== deps.appOrigin) return { status: 'rejected', reason: 'origin_mismatch' };

  const answer = parseDialogAnswer(outcome.message);
  if (answer.type === 'invalid') return { status: 'rejected', reason: 'invalid_answer' };
  // An error redirect without our state could be anyone's; one with a wrong state certainly is not ours.
  if (answer.state !== state) return { status: 'rejected', reason: 'state_mismatch' };
  if (answer.type === 'error') {
    const failure = deps.classify(
      { error: answer.error, ...(answer.errorDescription ? { error_description: answer.errorDescription } : {}) },
      { phase: 'authorize', online: deps.isOnline?.() },
    );
    return { status: 'failed', failure };
  }

  try {
    const tokens = await exchangeCode(deps, settings, answer.code, pkce.verifier);
    // The access token goes next to instance_url, and `id` names who signed in: both must be Salesforce's before
    // anything is sent or believed. A refused answer's grant is revoked at the login host that issued it.
    const tokenRefused = refused(checkSalesforceHost(tokens.instanceUrl, policy), 'instance') ?? refused(checkSalesforceHost(tokens.identityUrl, policy), 'identity');
    if (tokenRefused) {
      await revokeToken(deps, settings.loginUrl, tokens.refreshToken ?? tokens.accessToken, settings.requestTimeoutMs);
      return tokenRefused;
    }
    const identity = await readSignedInUser(deps, settings, tokens);
    return { status: 'signed_in', tokens, identity };
  } catch (error) {
    const failure = error instanceof SalesforceFailureError ? error.failure : deps.classify(error, { phase: 'token_exchange', online: deps.isOnline?.() });
    return failure.reason === 'oauth_cors_blocked' ? { status: 'failed', failure, loginUrl: settings.loginUrl, appOrigin: deps.appOrigin } : { status: 'failed', failure };
  }
}
