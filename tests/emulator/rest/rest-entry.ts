/**
 * The front door of /services/data: the public version list, then session check, API limit and the
 * Sforce-Limit-Info header, then the data API.
 */
import { jsonReply, type Reply } from '../http';
import { bearerToken } from '../identity';
import type { OrgState } from '../org-state';
import { dispatchData } from './data-api';
import { invalidSession, notFound, requestLimitExceeded, restError } from './rest-errors';

const VERSIONS: Array<[string, string]> = [
  ['50.0', "Winter '21"],
  ['51.0', "Spring '21"],
  ['52.0', "Summer '21"],
  ['53.0', "Winter '22"],
  ['54.0', "Spring '22"],
  ['55.0', "Summer '22"],
  ['56.0', "Winter '23"],
  ['57.0', "Spring '23"],
  ['58.0', "Summer '23"],
  ['59.0', "Winter '24"],
  ['60.0', "Spring '24"],
  ['61.0', "Summer '24"],
  ['62.0', "Winter '25"],
  ['63.0', "Spring '25"],
  ['64.0', "Summer '25"],
];

export interface RestRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  body: string;
  headers: Record<string, string | undefined>;
}

export async function handleRest(org: OrgState, request: RestRequest): Promise<{ reply: Reply; username?: string }> {
  const outcome = await route(org, request);
  outcome.reply.headers['Sforce-Limit-Info'] = `api-usage=${org.apiUsed}/${org.policy.dailyApiLimit}`;
  return outcome;
}

async function route(org: OrgState, request: RestRequest): Promise<{ reply: Reply; username?: string }> {
  const { pathname } = request;
  if (pathname === '/services/data' || pathname === '/services/data/') {
    return {
      reply: jsonReply(
        200,
        VERSIONS.map(([version, label]) => ({ label, url: `/services/data/v${version}`, version })),
      ),
    };
  }
  const match = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(pathname);
  const apiVersion = match?.[1];
  if (!match || !apiVersion || !VERSIONS.some(([v]) => v === apiVersion)) return { reply: notFound() };

  const token = bearerToken(request.headers.authorization);
  const session = token ? org.tokens.validAccessToken(token, org.now()) : undefined;
  if (!session || !org.isActive(session.userId)) return { reply: invalidSession() };
  const username = org.userById(session.userId)?.username;
  if (!session.scopes.includes('api') && !session.scopes.includes('full')) {
    // Not cured by a refresh: the grant lacks the api scope (DESIGN: refreshing on it loops).
    return { reply: invalidSession('This session is not valid for use with the REST API'), username };
  }
  if (!org.isApiEnabled(session.userId)) return { reply: restError(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.'), username };
  org.apiUsed += 1;
  if (org.apiUsed > org.policy.dailyApiLimit) return { reply: requestLimitExceeded(), username };

  const reply = await dispatchData(
    org,
    { userId: session.userId, username },
    { method: request.method, path: match[2] ?? '', query: request.query, body: request.body, headers: request.headers, apiVersion },
  );
  return { reply, username };
}
