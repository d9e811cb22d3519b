/**
 * oidc-provider ships no type declarations (and @types/oidc-provider is not installed). The slice the test provider
 * uses, typed by hand from oidc-provider 9.x's documentation (docs/README.md, lib/provider.js).
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface ClientInstance {
    clientId: string;
  }

  export interface KoaContextWithOIDC {
    oidc: {
      route: string;
      /** The request's parameters, for the token endpoint: only the ones the grant type declared. */
      params?: Record<string, unknown>;
      /** The authenticated client, at the token endpoint. */
      client?: ClientInstance;
      entity(name: string, value: unknown): void;
    };
    body?: unknown;
  }

  export interface IssuedToken {
    save(): Promise<string>;
    readonly expiration: number;
  }

  export const errors: {
    InvalidGrant: new (description?: string) => Error;
    InvalidClient: new (description?: string) => Error;
  };

  export interface ClientMetadata {
    client_id: string;
    token_endpoint_auth_method?: string;
    application_type?: 'web' | 'native';
    redirect_uris: string[];
    grant_types?: string[];
    response_types?: string[];
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims?: object, rejected?: string[]): Promise<Record<string, unknown>>;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    jwks?: { keys: object[] };
    cookies?: { keys: string[] };
    conformIdTokenClaims?: boolean;
    claims?: Record<string, string[]>;
    scopes?: string[];
    features?: Record<string, { enabled: boolean }>;
    ttl?: Record<string, number>;
    interactions?: { url(ctx: KoaContextWithOIDC, interaction: { uid: string }): string };
    clientBasedCORS?(ctx: KoaContextWithOIDC, origin: string, client: unknown): boolean;
    findAccount?(ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined>;
  }

  export interface InteractionDetails {
    uid: string;
    params: Record<string, unknown>;
    prompt: { name: string; details: Record<string, unknown> };
    session?: { accountId: string };
    grantId?: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Configuration);
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
    Grant: { new (properties: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
    /** Custom grant types at the token endpoint (lib/provider.js); `params` are the parameters it accepts. */
    registerGrantType(name: string, handler: (ctx: KoaContextWithOIDC) => Promise<void>, params?: string[]): void;
    AccessToken: new (properties: { accountId: string; client: ClientInstance; grantId: string; gty: string; scope: string }) => IssuedToken;
    IdToken: new (
      claims: Record<string, unknown>,
      options: { ctx: KoaContextWithOIDC },
    ) => {
      scope: string;
      issue(options: { use: 'idtoken' }): Promise<string>;
    };
  }
}
