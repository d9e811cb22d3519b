/**
 * The two OAuth calls the wrapper makes itself with fetch: the refresh (jsforce's own refresh is off: it loses the
 * `invalid_grant` code, drops rotated refresh tokens and calls again after a definite failure) and the revocation.
 *
 * Failures are thrown in the shapes the classifier knows: fetch's own TypeError / AbortError for the network, and an
 * `OAuthEndpointError` (name = OAuth `error`, like jsforce's OAuth2 errors, plus `error`, `error_description` and
 * `status`) for an answer. No `errorCode` on purpose: the classifier reads that as a REST code and would skip the
 * `error_description` that tells the overlapping-refresh race from a dead token. Tokens never enter a message.
 */
import type { SalesforceTokens } from '../salesforce-api';
import { cutAtWord, scrubSecrets } from '../../shared/scrub-secrets';

export type FetchLike = (
  input: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

export class OAuthEndpointError extends Error {
  readonly error: string;
  readonly error_description: string | undefined;
  constructor(
    error: string,
    errorDescription: string | undefined,
    readonly status: number,
  ) {
    super(errorDescription ?? error);
    this.name = error;
    this.error = error;
    this.error_description = errorDescription;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // not JSON: the caller reads the status and the raw text instead
  }
}

function errorFromAnswer(status: number, text: string): OAuthEndpointError {
  const body = parseJson(text) as { error?: unknown; error_description?: unknown } | undefined;
  if (body && typeof body.error === 'string') {
    return new OAuthEndpointError(body.error, typeof body.error_description === 'string' ? body.error_description : undefined, status);
  }
  // Not an OAuth answer (a gateway's HTML 503, identity's text/plain): keep the status, in jsforce's ERROR_HTTP_ form.
  // The text may be anything a gateway echoes, tokens included: scrubbed before it becomes the error's message.
  return new OAuthEndpointError(`ERROR_HTTP_${status}`, cutAtWord(scrubSecrets(text), 200) || undefined, status);
}

export async function requestTokenRefresh(fetchFn: FetchLike, args: { loginUrl: string; clientId: string; refreshToken: string; signal?: AbortSignal }): Promise<SalesforceTokens> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', client_id: args.clientId, refresh_token: args.refreshToken });
  const response = await fetchFn(`${args.loginUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: body.toString(),
    signal: args.signal,
  });
  const text = await response.text();
  if (!response.ok) throw errorFromAnswer(response.status, text);
  const json = parseJson(text) as Record<string, unknown> | undefined;
  const accessToken = json?.access_token;
  const instanceUrl = json?.instance_url;
  if (typeof accessToken !== 'string' || !accessToken || typeof instanceUrl !== 'string') {
    throw new OAuthEndpointError('invalid_response', 'The token endpoint answered without an access token', response.status);
  }
  const issued = Number(json?.issued_at);
  return {
    accessToken,
    refreshToken: typeof json?.refresh_token === 'string' && json.refresh_token ? json.refresh_token : undefined,
    instanceUrl: instanceUrl.replace(/\/+$/, ''),
    identityUrl: typeof json?.id === 'string' ? json.id : '',
    issuedAt: Number.isFinite(issued) && issued > 0 ? issued : Date.now(),
  };
}

/** Revoking the refresh token revokes its access tokens too. */
export async function requestTokenRevoke(fetchFn: FetchLike, args: { loginUrl: string; token: string; signal?: AbortSignal }): Promise<void> {
  const response = await fetchFn(`${args.loginUrl}/services/oauth2/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: args.token }).toString(),
    signal: args.signal,
  });
  await response.text().catch(() => ''); // the body only drains the connection: its content is not needed
  if (!response.ok) throw new OAuthEndpointError(`ERROR_HTTP_${response.status}`, undefined, response.status);
}
