/**
 * The little OpenID Connect client Outlook's host side needs to get tokens for a nested add-in: discovery, the token
 * endpoint, PKCE, and the answer msal-browser's NestedAppAuthAdapter reads.
 */
import type { NestedAppAuthAnswer, NestedAppAuthError } from '../host-protocol';

export interface OpenIdMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

/** A token endpoint's JSON answer: tokens, or an OAuth error. */
export interface TokenEndpointBody {
  access_token: string;
  expires_in: number;
  id_token: string;
  scope: string;
  error?: string;
  error_description?: string;
}

export type SuccessfulTokenAnswer = Extract<NestedAppAuthAnswer, { token: unknown }>;

const discovery = new Map<string, Promise<OpenIdMetadata>>();

export function bridgeError(status: NestedAppAuthError['status'], code: string, description: string | undefined): NestedAppAuthAnswer {
  return { success: false, error: { status, code, description } };
}

function base64UrlDecode(text: string): string {
  let b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  while (b64.length % 4) b64 += '=';
  return decodeURIComponent(
    atob(b64)
      .split('')
      .map((c) => `%${`00${c.charCodeAt(0).toString(16)}`.slice(-2)}`)
      .join(''),
  );
}

function claimsOf(idToken: string): Record<string, unknown> {
  return JSON.parse(base64UrlDecode(String(idToken).split('.')[1] || '')) as Record<string, unknown>;
}

export function openIdConfiguration(authority: string): Promise<OpenIdMetadata> {
  const issuer = String(authority).replace(/\/+$/, '');
  let metadata = discovery.get(issuer);
  if (!metadata) {
    metadata = fetch(`${issuer}/.well-known/openid-configuration`).then((r) => {
      if (!r.ok) throw new Error(`discovery answered ${r.status}`);
      return r.json() as Promise<OpenIdMetadata>;
    });
    discovery.set(issuer, metadata);
    // A failed discovery is tried again next time.
    metadata.catch(() => discovery.delete(issuer));
  }
  return metadata;
}

export function tokenRequest(endpoint: string, params: Record<string, string>): Promise<{ ok: boolean; body: TokenEndpointBody }> {
  return fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) }).then((r) =>
    (r.json() as Promise<TokenEndpointBody>).then((body) => ({ ok: r.ok, body })),
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The answer msal-browser's NestedAppAuthAdapter reads: token (TokenResponse) and account (naa/AccountInfo). */
export function tokenAnswer(metadata: OpenIdMetadata, body: TokenEndpointBody): SuccessfulTokenAnswer {
  const claims = claimsOf(body.id_token);
  return {
    success: true,
    token: { access_token: body.access_token, expires_in: body.expires_in, id_token: body.id_token, properties: null, scope: body.scope, authority: metadata.issuer },
    account: {
      // What MSAL itself derives from a plain OpenID Connect id token (no client_info): the subject.
      homeAccountId: text(claims.sub),
      localAccountId: text(claims.sub),
      environment: new URL(metadata.issuer).host,
      tenantId: text(claims.tid),
      username: text(claims.preferred_username),
      name: text(claims.name),
      idTokenClaims: claims,
    },
  };
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function randomText(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return base64Url(bytes);
}

export async function s256(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return base64Url(new Uint8Array(digest));
}
