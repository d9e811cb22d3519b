/**
 * Drives the emulated org's sign-in by HTTP, the way a browser would: GET authorize, POST the login form,
 * POST Allow (or Deny), read the redirect. For integration tests; the add-in itself signs in through a real page.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DEMO_USERS } from './seed';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function createPkce(): Pkce {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeOptions {
  username?: string;
  password?: string;
  clientId?: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  pkce?: Pkce | null;
  decision?: 'allow' | 'deny';
}

export interface AuthorizeResult {
  /** Where the org sent the browser at the end (the callback URL with code or error). */
  location: URL;
  code?: string;
  error?: string;
  errorDescription?: string;
  state?: string;
  pkce: Pkce | null;
  redirectUri: string;
}

export const DEFAULT_REDIRECT_URI = 'https://localhost:3000/auth-callback.html';

function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} field in page`);
  return match[1];
}

/** Thrown when the org answers with a page instead of the expected next step (bad password, error page...). */
export class SignInPageError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly html: string,
  ) {
    super(message);
  }
}

function pageError(html: string): string | undefined {
  const match = /<div class="error" role="alert" id="error">([^<]*)<\/div>/.exec(html) ?? /<p id="error_description">([^<]*)<\/p>/.exec(html);
  return match?.[1];
}

export async function authorizeByHttp(orgUrl: string, options: AuthorizeOptions = {}): Promise<AuthorizeResult> {
  const redirectUri = options.redirectUri ?? DEFAULT_REDIRECT_URI;
  const pkce = options.pkce === undefined ? createPkce() : options.pkce;
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId ?? 'demo-outlook-addin',
    redirect_uri: redirectUri,
    scope: options.scope ?? 'api refresh_token',
    state: options.state ?? randomBytes(8).toString('hex'),
    prompt: 'login',
  });
  if (pkce) {
    params.set('code_challenge', pkce.challenge);
    params.set('code_challenge_method', 'S256');
  }
  const toResult = (location: string): AuthorizeResult => {
    const url = new URL(location);
    return {
      location: url,
      code: url.searchParams.get('code') ?? undefined,
      error: url.searchParams.get('error') ?? undefined,
      errorDescription: url.searchParams.get('error_description') ?? undefined,
      state: url.searchParams.get('state') ?? undefined,
      pkce,
      redirectUri,
    };
  };

  const start = await fetch(`${orgUrl}/services/oauth2/authorize?${params}`, { redirect: 'manual' });
  if (start.status === 302) return toResult(start.headers.get('location') ?? '');
  const loginHtml = await start.text();
  if (start.status !== 200) throw new SignInPageError(pageError(loginHtml) ?? `authorize answered ${start.status}`, start.status, loginHtml);

  const login = await fetch(`${orgUrl}/services/oauth2/authorize/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      txn: hiddenField(loginHtml, 'txn'),
      username: options.username ?? DEMO_USERS.seller.username,
      pw: options.password ?? DEMO_USERS.seller.password,
    }),
  });
  const consentHtml = await login.text();
  if (!consentHtml.includes('id="consent_form"')) {
    throw new SignInPageError(pageError(consentHtml) ?? `login answered ${login.status}`, login.status, consentHtml);
  }

  const consent = await fetch(`${orgUrl}/services/oauth2/authorize/consent`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ txn: hiddenField(consentHtml, 'txn'), decision: options.decision ?? 'allow' }),
  });
  if (consent.status !== 302) throw new SignInPageError(`consent answered ${consent.status}`, consent.status, await consent.text());
  return toResult(consent.headers.get('location') ?? '');
}

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: string;
  issued_at: string;
  /** Only when `openid` was granted. */
  id_token?: string;
}

/** Form-encoded POST to the token endpoint; resolves with status and parsed JSON body either way. */
export async function postToken(orgUrl: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, string>; headers: Headers }> {
  const res = await fetch(`${orgUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string>, headers: res.headers };
}

/** Full sign-in: authorize, allow, exchange the code with its PKCE verifier. */
export async function signInByHttp(orgUrl: string, options: AuthorizeOptions = {}): Promise<TokenResponse> {
  const result = await authorizeByHttp(orgUrl, options);
  if (!result.code) throw new Error(`sign-in failed: ${result.error ?? 'no code'} ${result.errorDescription ?? ''}`);
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code: result.code,
    client_id: options.clientId ?? 'demo-outlook-addin',
    redirect_uri: result.redirectUri,
  };
  if (result.pkce) form.code_verifier = result.pkce.verifier;
  const { status, body } = await postToken(orgUrl, form);
  if (status !== 200) throw new Error(`code exchange failed: ${body.error} ${body.error_description}`);
  return body as unknown as TokenResponse;
}
