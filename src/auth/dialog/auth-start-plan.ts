/**
 * What the sign-in dialog's first page does with its query: go to the authorize endpoint of a login host the runtime
 * config lists, or nowhere. The query comes from the pane, but a page on the add-in's origin can be opened by anyone
 * with any query, so nothing in it is trusted: the login host must be one config.json lists (loginUrl or a
 * loginChoices entry) and pass the host check (src/auth/salesforce-hosts.ts), and the client id and redirect URI must
 * be config.json's own. Pure, so each refusal is unit-tested; the page (auth-start-page.ts) only shows and navigates.
 */
import type { RuntimeConfig } from '../../config/runtime-config';
import { checkSalesforceHost, salesforceHostPolicy } from '../salesforce-hosts';
import { buildAuthorizeUrl, readAuthStartQuery } from '../salesforce-sign-in';

export type AuthStartRefusal = 'missing_parameters' | 'login_not_listed' | 'login_host_refused' | 'settings_changed';

export type AuthStartPlan = { ok: true; authorizeUrl: string } | { ok: false; refusal: AuthStartRefusal };

/** An S256 challenge is 32 bytes in base64url: 43 characters. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** src/auth/pkce.ts createState gives 22; anything URL-safe and of sane length is accepted. */
const STATE = /^[A-Za-z0-9_-]{16,128}$/;

const trimSlashes = (url: string) => url.replace(/\/+$/, '');

export function planAuthStart(search: string, config: RuntimeConfig, pageOrigin: string): AuthStartPlan {
  const query = readAuthStartQuery(search);
  const loginUrl = trimSlashes(query.loginUrl);
  const challenge = query.codeChallenge;
  const state = query.state;
  if (!loginUrl || !CHALLENGE.test(challenge) || !STATE.test(state)) return { ok: false, refusal: 'missing_parameters' };

  const sf = config.salesforce;
  const listed = [sf.loginUrl, ...sf.loginChoices.map((choice) => choice.loginUrl)].map(trimSlashes);
  if (!listed.includes(loginUrl)) return { ok: false, refusal: 'login_not_listed' };
  if (!checkSalesforceHost(loginUrl, salesforceHostPolicy(sf, pageOrigin)).ok) return { ok: false, refusal: 'login_host_refused' };

  // The code must come back to this add-in, for this add-in's app: config.json's values, which the pane sent too.
  // A difference means the pane was started with other settings (a deployment changed config.json since).
  let redirectOrigin: string;
  try {
    redirectOrigin = new URL(sf.redirectUri).origin;
  } catch {
    // config.json's redirectUri is not a URL: no origin, so the check below refuses it as settings_changed.
    redirectOrigin = '';
  }
  if (query.clientId !== sf.clientId || query.redirectUri !== sf.redirectUri || redirectOrigin !== pageOrigin) {
    return { ok: false, refusal: 'settings_changed' };
  }

  return {
    ok: true,
    authorizeUrl: buildAuthorizeUrl({
      loginUrl,
      clientId: sf.clientId,
      redirectUri: sf.redirectUri,
      codeChallenge: challenge,
      state,
      ...(query.prompt === 'login' ? { prompt: 'login' as const } : {}),
    }),
  };
}
