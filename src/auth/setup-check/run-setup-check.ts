/**
 * One run of the org set-up check: the side effects come in (a fetch with a browser's CORS rules, the runtime
 * config's salesforce section, optionally a way to read navigations and a signed-in session), findings come out in
 * the order of SETUP_CHECK_IDS. Nothing here needs or sends a secret, a token or a code that could sign anyone in.
 *
 * Each check relies on the earlier ones: a refused login address stops every request (nothing is sent to a host the
 * add-in would not trust); an unreachable org leaves the CORS and app checks unknown, since a browser reports a
 * refusal and an unreachable host alike. So a misconfigured org shows its one problem, not a cascade.
 */
import { OAUTH_SCOPE } from '../salesforce-sign-in';
import { decideAuthorize, authorizeUnreadable, type NavigationAnswer } from './authorize-probe-checks';
import { decideCorsAllowlist, decideOauthCors, decideOrgReachable } from './cors-checks';
import { decideLoginHost } from './login-host-check';
import { probe, type SetupFetch } from './probe-answer';
import { askSession, decideSession, type SetupCheckSession } from './session-checks';
import { SETUP_CHECK_IDS, type SetupCheckId, type SetupFinding } from './setup-check-result';
import { decideTokenClient } from './token-probe-checks';

export interface SetupCheckConfig {
  loginUrl: string;
  clientId: string;
  redirectUri: string;
  customDomains?: readonly string[];
}

export interface SetupCheckDeps {
  /** A fetch under a browser's CORS rules: the pane's own, or corsEnforcingFetch in Node. */
  fetch: SetupFetch;
  salesforce: SetupCheckConfig;
  /** The add-in's origin, as Salesforce's CORS allowlist must list it. */
  origin: string;
  /** Reads a navigation without following it (Node only): decides the callback URL, scopes and PKCE. */
  readNavigation?: (url: string) => Promise<NavigationAnswer>;
  /** A seller signed in through this configuration. */
  session?: SetupCheckSession;
}

/** A code no one was ever given, a verifier that matches no challenge: the token endpoint must refuse the exchange. */
const PROBE_CODE = 'setup-check-not-a-code';
const PROBE_VERIFIER = 'setup-check-verifier-matching-no-challenge-0123456789';
/** RFC 7636 Appendix B's S256 challenge, so the request has the add-in's own shape; no one signs in on it, so no code is ever issued for it. */
const PROBE_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function base(loginUrl: string): string {
  return loginUrl.replace(/\/+$/, '');
}

function authorizeUrl(config: SetupCheckConfig, withChallenge: boolean): string {
  const query = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri, scope: OAUTH_SCOPE, state: 'setup-check' });
  if (withChallenge) {
    query.set('code_challenge', PROBE_CHALLENGE);
    query.set('code_challenge_method', 'S256');
  }
  return `${base(config.loginUrl)}/services/oauth2/authorize?${query.toString().replace(/\+/g, '%20')}`;
}

function notChecked(ids: readonly SetupCheckId[]): SetupFinding[] {
  return ids.map((id) => ({ id, status: 'unknown', finding: 'not_checked' }));
}

const POLICIES: SetupFinding[] = [
  { id: 'session-timeout', status: 'unknown', finding: 'session_timeout_unreadable' },
  { id: 'refresh-token-policy', status: 'unknown', finding: 'refresh_policy_unreadable' },
];

export async function runSetupCheck(deps: SetupCheckDeps): Promise<SetupFinding[]> {
  const config = deps.salesforce;
  const signedIn = deps.session !== undefined;
  const loginHost = decideLoginHost({ loginUrl: config.loginUrl, customDomains: config.customDomains, origin: deps.origin });
  const sessionFindings = decideSession(deps.session ? await askSession(deps.session) : undefined);
  const findings: SetupFinding[] = [loginHost];
  const host = loginHost.values?.host ?? config.loginUrl;
  const root = base(config.loginUrl);

  if (loginHost.status !== 'ok') {
    findings.push(...notChecked(['org-reachable', 'cors-allowlist', 'oauth-cors', 'client-id', 'client-secret', 'callback-url', 'scopes', 'pkce']));
    return order([...findings, ...sessionFindings, ...POLICIES]);
  }

  const reachable = decideOrgReachable(await probe(deps.fetch, `${root}/.well-known/openid-configuration`, { method: 'GET' }), host);
  findings.push(reachable);
  if (reachable.status !== 'ok') {
    findings.push(...notChecked(['cors-allowlist', 'oauth-cors', 'client-id', 'client-secret', 'callback-url', 'scopes', 'pkce']));
    return order([...findings, ...sessionFindings, ...POLICIES]);
  }

  const allowlist = decideCorsAllowlist(await probe(deps.fetch, `${root}/services/data/`, { method: 'GET' }), deps.origin);
  const tokenAnswer = await probe(deps.fetch, `${root}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: PROBE_CODE, client_id: config.clientId, redirect_uri: config.redirectUri, code_verifier: PROBE_VERIFIER }).toString(),
  });
  const oauthCors = decideOauthCors(tokenAnswer, allowlist, deps.origin);
  let [clientId, clientSecret] = decideTokenClient(tokenAnswer, { clientId: config.clientId, signedIn });

  const context = { redirectUri: config.redirectUri, scopes: OAUTH_SCOPE, signedIn };
  let authorize = authorizeUnreadable(context);
  if (deps.readNavigation) {
    const read = deps.readNavigation;
    const safeRead = (url: string): Promise<NavigationAnswer> => read(url).catch((): NavigationAnswer => ({ kind: 'network_error' }));
    const first = await safeRead(authorizeUrl(config, true));
    authorize = decideAuthorize(first, undefined, context);
    // The second request only when the first got as far as the login page: otherwise it cannot say more.
    if (authorize.scopes.status === 'ok') authorize = decideAuthorize(first, await safeRead(authorizeUrl(config, false)), context);
  }
  // A readable token endpoint answer wins; where there is none, the authorize page's word on the key stands (over a
  // past sign-in's: the page is what Salesforce says now).
  if (tokenAnswer.kind === 'network_error' && authorize.client === 'unknown') {
    clientId = { id: 'client-id', status: 'problem', finding: 'client_unknown', values: { clientId: config.clientId }, reason: 'invalid_client' };
    clientSecret = { id: 'client-secret', status: 'unknown', finding: 'not_checked', values: { clientId: config.clientId } };
  }
  if (tokenAnswer.kind === 'network_error' && authorize.client === 'known' && clientId.status === 'unknown') {
    clientId = { id: 'client-id', status: 'ok', finding: 'client_known', values: { clientId: config.clientId } };
  }
  findings.push(allowlist, oauthCors, clientId, clientSecret, authorize.callback, authorize.scopes, authorize.pkce);
  return order([...findings, ...sessionFindings, ...POLICIES]);
}

function order(findings: SetupFinding[]): SetupFinding[] {
  return SETUP_CHECK_IDS.map((id) => {
    const finding = findings.find((f) => f.id === id);
    if (!finding) throw new Error(`set-up check: no finding for ${id}`);
    return finding;
  });
}
