/**
 * The External Client App's callback URL, scopes and PKCE requirement, read from Salesforce's authorize endpoint the
 * way the sign-in window meets it. That endpoint is a navigation: Salesforce answers a wrong app, callback or scope
 * with its own "Remote Access Error" page (`error=invalid_client_id`, `redirect_uri_mismatch`, `invalid_scope`,
 * shown in the page or in the query of the page it redirects to) and never returns to the add-in. A pane cannot read
 * a navigation, so only a caller that can (the admin's command line, `readNavigation`) decides these; in the pane they
 * are `ok` once a seller has signed in through the app, and `unknown` before.
 *
 * Two requests, neither signs anyone in: one as the add-in sends it (with a PKCE challenge) for the app, callback and
 * scopes, one without a challenge: an app requiring PKCE refuses it, back to the callback with `invalid_request`.
 */
import type { SetupFinding } from './setup-check-result';

export type NavigationAnswer = { kind: 'network_error' } | { kind: 'answer'; status: number; location?: string; text: string };

export interface AuthorizeProbeContext {
  redirectUri: string;
  scopes: string;
  signedIn: boolean;
}

/** The `error` Salesforce names: in the redirect's query (its error page or the callback) or in the page itself. */
export function authorizeError(answer: NavigationAnswer): { error?: string; redirectedTo?: string } {
  if (answer.kind !== 'answer') return {};
  if (answer.location) {
    try {
      const target = new URL(answer.location, 'https://salesforce.invalid/');
      const error = target.searchParams.get('error') ?? undefined;
      return { error: error?.toLowerCase(), redirectedTo: `${target.origin}${target.pathname}` };
    } catch {
      return {};
    }
  }
  const match = /error=([A-Za-z_]+)/.exec(answer.text);
  return { error: match?.[1]?.toLowerCase() };
}

function reachedCallback(answer: NavigationAnswer, redirectUri: string): boolean {
  return authorizeError(answer).redirectedTo === redirectUri.split('?')[0];
}

const APP_UNKNOWN = new Set(['invalid_client_id', 'oauth_ec_app_not_found', 'app_not_found']);

export interface AuthorizeFindings {
  callback: SetupFinding;
  scopes: SetupFinding;
  pkce: SetupFinding;
  /** What the authorize page said of the consumer key (Salesforce checks it first), which the token endpoint may not
   * have been able to say: 'unknown', 'known' (it went on to the callback or scopes), or nothing. */
  client?: 'known' | 'unknown';
}

function triple(status: SetupFinding['status'], finding: SetupFinding['finding'], values: Record<string, string>): AuthorizeFindings {
  return {
    callback: { id: 'callback-url', status, finding, values },
    scopes: { id: 'scopes', status, finding, values },
    pkce: { id: 'pkce', status, finding, values },
  };
}

/** When no navigation can be read (the pane). */
export function authorizeUnreadable(context: AuthorizeProbeContext): AuthorizeFindings {
  const values = { redirectUri: context.redirectUri, scopes: context.scopes };
  const base = triple('unknown', 'browser_cannot_check', values);
  if (!context.signedIn) return base;
  // The sign-in went through this app, callback and scopes; it says nothing about whether PKCE is required.
  return {
    ...base,
    callback: { id: 'callback-url', status: 'ok', finding: 'signed_in_through_it', values },
    scopes: { id: 'scopes', status: 'ok', finding: 'signed_in_through_it', values },
  };
}

export function decideAuthorize(withChallenge: NavigationAnswer, withoutChallenge: NavigationAnswer | undefined, context: AuthorizeProbeContext): AuthorizeFindings {
  const values = { redirectUri: context.redirectUri, scopes: context.scopes };
  if (withChallenge.kind === 'network_error') return triple('unknown', 'unexpected_answer', { ...values, detail: 'no answer' });
  const first = authorizeError(withChallenge);
  if (first.error !== undefined && APP_UNKNOWN.has(first.error)) return { ...triple('unknown', 'not_checked', values), client: 'unknown' };
  if (first.error === 'redirect_uri_mismatch') {
    return {
      ...triple('unknown', 'not_checked', values),
      callback: { id: 'callback-url', status: 'problem', finding: 'callback_not_listed', values, reason: 'invalid_client' },
      client: 'known',
    };
  }
  const callback: SetupFinding = { id: 'callback-url', status: 'ok', finding: 'callback_listed', values };
  if (first.error === 'invalid_scope') {
    return {
      callback,
      scopes: { id: 'scopes', status: 'problem', finding: 'scopes_missing', values, reason: 'invalid_client' },
      pkce: { id: 'pkce', status: 'unknown', finding: 'not_checked', values },
      client: 'known',
    };
  }
  if (first.error !== undefined) return triple('unknown', 'unexpected_answer', { ...values, detail: first.error });
  const scopes: SetupFinding = { id: 'scopes', status: 'ok', finding: 'scopes_granted', values };
  let pkce: SetupFinding = { id: 'pkce', status: 'unknown', finding: 'unexpected_answer', values: { ...values, detail: 'no answer' } };
  if (withoutChallenge && withoutChallenge.kind === 'answer') {
    const second = authorizeError(withoutChallenge);
    if (second.error === 'invalid_request' && reachedCallback(withoutChallenge, context.redirectUri)) pkce = { id: 'pkce', status: 'ok', finding: 'pkce_required', values };
    else if (second.error === undefined) pkce = { id: 'pkce', status: 'problem', finding: 'pkce_not_required', values };
    else pkce = { id: 'pkce', status: 'unknown', finding: 'unexpected_answer', values: { ...values, detail: second.error } };
  }
  return { callback, scopes, pkce, client: 'known' };
}
