import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { getLocalhostCertificate } from '../harness/certificate';

/**
 * A real OpenID Connect provider on loopback (the `oidc-provider` package, the same one many production issuers run)
 * standing in for Microsoft Entra ID in browser tests: authorization code with PKCE for a public client, an id token
 * with `name` and `preferred_username`, CORS only for the origins given, and a login page that signs in only the
 * users given with their passwords. HTTPS, because MSAL refuses an `http:` authority.
 */
export interface OidcUser {
  /** Becomes `sub`, and so the account's home account id in MSAL. */
  id: string;
  login: string;
  password: string;
  name: string;
}

export interface OidcServerOptions {
  clientId: string;
  /** Exact redirect URIs of the public client. */
  redirectUris: string[];
  /** Origins allowed to call the token endpoint from a browser (CORS). */
  allowedOrigins: string[];
  users: OidcUser[];
  port?: number;
  /**
   * Also accept the resource owner password grant (`grant_type=password`, as Entra ID offers it) at the token
   * endpoint. Only the Outlook harness uses it: it plays the Outlook host, which in real Outlook already holds the
   * seller's account and hands the nested add-in its tokens without any UI. Off by default.
   */
  passwordGrant?: boolean;
}

export interface RunningOidcServer {
  /** The issuer, to use as MSAL's authority: https://localhost:<port> */
  issuer: string;
  port: number;
  /** Every request the provider saw, method and path only (no query: it can carry codes). */
  requests: Array<{ method: string; path: string; origin?: string }>;
  /** Every token the token endpoint handed out, so a test can prove none of them leaks into a page. */
  issuedTokens: string[];
  close(): Promise<void>;
}

export const DEFAULT_USERS: OidcUser[] = [
  { id: 'ms-user-sam-0001', login: 'sam.seller@contoso.example', password: 'Ms-Pass-1', name: 'Sam Seller' },
  { id: 'ms-user-alex-0002', login: 'alex.second@contoso.example', password: 'Ms-Pass-2', name: 'Alex Second' },
];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function loginPage(uid: string, clientId: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in (test identity provider)</title></head>
<body><main><h1>Sign in</h1><p>to ${escapeHtml(clientId)}</p>
${error ? `<p role="alert" id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
<label>Email <input name="login" type="email" required autofocus></label>
<label>Password <input name="password" type="password" required></label>
<button type="submit" id="submit">Sign in</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Reads the token endpoint's JSON answer as it is sent, without changing it. */
function recordTokens(res: ServerResponse, into: string[]) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') keep(chunk);
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      for (const field of ['access_token', 'id_token', 'refresh_token']) {
        if (typeof body[field] === 'string') into.push(body[field]);
      }
    } catch {
      // not a JSON token answer (an error page): nothing to record
    }
    return end(chunk, ...rest);
  }) as typeof res.end;
}

/**
 * `grant_type=password` (username, password, scope): a real token answer (signed id token with the user's claims,
 * an access token the provider knows) for the client that asked, with the scopes it asked for that the provider knows.
 */
function registerPasswordGrant(provider: Provider, users: OidcUser[], knownScopes: string[], findAccount: NonNullable<Configuration['findAccount']>) {
  provider.registerGrantType(
    'password',
    async (ctx: KoaContextWithOIDC) => {
      const params = ctx.oidc.params as Record<string, string | undefined>;
      const client = ctx.oidc.client;
      if (!client) throw new errors.InvalidClient('client not found');
      const user = users.find((u) => u.login === params.username && u.password === params.password);
      if (!user) throw new errors.InvalidGrant('invalid username or password');
      const scope = (params.scope ?? 'openid')
        .split(' ')
        .filter((s) => knownScopes.includes(s))
        .join(' ');
      const grant = new provider.Grant({ accountId: user.id, clientId: client.clientId });
      grant.addOIDCScope(scope);
      grant.addOIDCClaims(['name', 'preferred_username', 'email']);
      const grantId = await grant.save();
      const account = await findAccount(ctx, user.id);
      if (!account) throw new errors.InvalidGrant('account not found');
      ctx.oidc.entity('Account', account);
      const at = new provider.AccessToken({ accountId: user.id, client, grantId, gty: 'password', scope });
      const accessToken = await at.save();
      let idToken: string | undefined;
      if (scope.split(' ').includes('openid')) {
        const token = new provider.IdToken({ ...(await account.claims('id_token', scope, {}, [])) }, { ctx });
        token.scope = scope;
        idToken = await token.issue({ use: 'idtoken' });
      }
      ctx.body = {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: at.expiration,
        scope,
        ...(idToken ? { id_token: idToken } : {}),
      };
    },
    ['username', 'password', 'scope'],
  );
}

export async function startOidcServer(options: OidcServerOptions): Promise<RunningOidcServer> {
  const { key, cert } = await getLocalhostCertificate();
  const requests: RunningOidcServer['requests'] = [];
  const issuedTokens: string[] = [];
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer({ key, cert }, (req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `https://localhost:${port}`;
  const users = new Map(options.users.map((u) => [u.id, u]));

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code', 'refresh_token', ...(options.passwordGrant ? ['password'] : [])],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test-key-1' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // MSAL reads the seller's name from the id token; the spec-conforming default moves it to userinfo.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    // User.Read is what the add-in asks Entra for; here it is only a scope name, granted like the others.
    scopes: ['openid', 'profile', 'email', 'offline_access', 'User.Read'],
    features: { devInteractions: { enabled: false } },
    // Explicit lifetimes (seconds), long enough for any test, and without the provider's notice for each default.
    ttl: { Session: 3600, Grant: 3600, Interaction: 600, AccessToken: 3600, IdToken: 3600, AuthorizationCode: 60, RefreshToken: 3600 },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string) => options.allowedOrigins.includes(origin),
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: user.id,
        claims: async () => ({ sub: user.id, name: user.name, preferred_username: user.login, email: user.login }),
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  if (options.passwordGrant) registerPasswordGrant(provider, options.users, configuration.scopes ?? [], configuration.findAccount!);
  // Loopback HTTPS with a self-signed certificate; cookies must still be Secure.
  provider.proxy = false;
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('interaction mismatch');
      return;
    }
    const clientId = String(details.params.client_id ?? '');
    if (details.prompt.name === 'login') {
      if (req.method === 'POST' && action === 'login') {
        const form = await readForm(req);
        const user = options.users.find((u) => u.login === form.get('login') && u.password === form.get('password'));
        if (!user) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, clientId, 'Wrong email or password.'));
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loginPage(uid, clientId));
      return;
    }
    // consent: the add-in is a first-party app here, so what it asks for is granted without a page.
    const accountId = details.session?.accountId;
    if (!accountId) throw new Error('consent without a session');
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId });
    if (!grant) throw new Error('grant not found');
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
  }

  handle = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    requests.push({ method: req.method ?? 'GET', path: url.pathname, ...(req.headers.origin ? { origin: req.headers.origin } : {}) });
    const match = /^\/interaction\/([^/]+)(?:\/([a-z]+))?$/.exec(url.pathname);
    if (match) {
      interaction(req, res, match[1] ?? '', match[2]).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    if (url.pathname === '/token') recordTokens(res, issuedTokens);
    callback(req, res);
  };

  return {
    issuer,
    port,
    requests,
    issuedTokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
