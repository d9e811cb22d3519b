/**
 * OpenID Connect for the emulated org: a real RS256 key pair per org, the signed `id_token` returned when `openid`
 * is granted, the public keys (/services/oauth2/id/keys) and the discovery document
 * (/.well-known/openid-configuration). Both documents answer any origin (cors.ts).
 */
import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { jsonReply, type Reply } from '../http';

/** Salesforce publishes its keys with short ids; the value is arbitrary but stable for one running org. */
export interface IdTokenKeys {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function createIdTokenKeys(): IdTokenKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(3).toString('hex'), privateKey, publicKey };
}

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

/** OIDC Core 3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
export function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return base64url(digest.subarray(0, digest.length / 2));
}

export function signIdToken(keys: IdTokenKeys, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ kid: keys.kid, typ: 'JWT', alg: 'RS256' }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(keys.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

export function jwksReply(keys: IdTokenKeys): Reply {
  const jwk = keys.publicKey.export({ format: 'jwk' });
  return jsonReply(200, { keys: [{ kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid: keys.kid }] });
}

/** The discovery document of one host; the userinfo endpoint is My Domain's (the login host serves none here). */
export function openidConfigurationReply(issuer: string, myDomainUrl: string, scopes: string[]): Reply {
  return jsonReply(200, {
    issuer,
    authorization_endpoint: `${issuer}/services/oauth2/authorize`,
    token_endpoint: `${issuer}/services/oauth2/token`,
    revocation_endpoint: `${issuer}/services/oauth2/revoke`,
    introspection_endpoint: `${issuer}/services/oauth2/introspect`,
    userinfo_endpoint: `${myDomainUrl}/services/oauth2/userinfo`,
    jwks_uri: `${issuer}/services/oauth2/id/keys`,
    scopes_supported: scopes,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: [
      'active',
      'address',
      'email',
      'email_verified',
      'family_name',
      'given_name',
      'is_app_installed',
      'language',
      'locale',
      'name',
      'nickname',
      'organization_id',
      'phone_number',
      'phone_number_verified',
      'photos',
      'picture',
      'preferred_username',
      'profile',
      'sub',
      'updated_at',
      'urls',
      'user_id',
      'user_type',
      'zoneinfo',
    ],
  });
}
