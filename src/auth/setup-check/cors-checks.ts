/**
 * What a browser on the add-in's origin may read from the org, and so which CORS setting is missing. Three endpoints
 * with three different rules (Salesforce Help, "Enable CORS for OAuth Endpoints"; docs/architecture.md):
 *  - `/.well-known/openid-configuration` answers any origin, always: read, it proves the host is a reachable
 *    Salesforce org, so a later network error is CORS and not the network;
 *  - `/services/data/` (the public list of API versions, no session needed) answers origins on the CORS allowlist;
 *  - `/services/oauth2/token` answers allowlisted origins only while "Enable CORS for OAuth endpoints" is on.
 * A readable answer of any status passed CORS; only a network error means refused.
 */
import type { ProbeAnswer } from './probe-answer';
import type { SetupFinding } from './setup-check-result';

export function decideOrgReachable(answer: ProbeAnswer, host: string): SetupFinding {
  if (answer.kind === 'network_error') return { id: 'org-reachable', status: 'problem', finding: 'unreachable', values: { host } };
  const json = answer.json;
  const isOpenIdConfiguration = answer.status === 200 && !!json && typeof json === 'object' && typeof (json as Record<string, unknown>).token_endpoint === 'string';
  if (!isOpenIdConfiguration) return { id: 'org-reachable', status: 'problem', finding: 'not_salesforce', values: { host, detail: `HTTP ${answer.status}` } };
  return { id: 'org-reachable', status: 'ok', finding: 'reachable', values: { host } };
}

export function decideCorsAllowlist(answer: ProbeAnswer, origin: string): SetupFinding {
  if (answer.kind === 'network_error') return { id: 'cors-allowlist', status: 'problem', finding: 'origin_not_allowed', values: { origin } };
  return { id: 'cors-allowlist', status: 'ok', finding: 'origin_allowed', values: { origin } };
}

/**
 * The token endpoint refused while REST answered: only "Enable CORS for OAuth endpoints" is left to explain it. While
 * REST refuses too, the missing allowlist entry explains both and the OAuth setting cannot be seen: unknown.
 */
export function decideOauthCors(tokenAnswer: ProbeAnswer, allowlist: SetupFinding, origin: string): SetupFinding {
  if (tokenAnswer.kind === 'answer') return { id: 'oauth-cors', status: 'ok', finding: 'oauth_cors_on', values: { origin } };
  if (allowlist.status === 'ok') return { id: 'oauth-cors', status: 'problem', finding: 'oauth_cors_off', values: { origin }, reason: 'oauth_cors_blocked' };
  return { id: 'oauth-cors', status: 'unknown', finding: 'oauth_cors_hidden_by_allowlist', values: { origin }, reason: 'oauth_cors_blocked' };
}
