/**
 * Which answers of the emulated org a browser may read, per host and endpoint (Salesforce Help, "Enable CORS for
 * OAuth Endpoints" and "Configure Salesforce CORS Allowlist"):
 *  - `/.well-known/openid-configuration`, `/services/oauth2/id/keys`: always, from any origin;
 *  - on My Domain, `/services/oauth2/token`, `/revoke`, `/introspect`, `/authorize`: only with the org setting
 *    "Enable CORS for OAuth endpoints" on, and only for an origin on the CORS allowlist;
 *  - on My Domain, `/services/oauth2/userinfo` and `/services/data`: for an origin on the CORS allowlist;
 *  - the generic login host (login.salesforce.com): nothing else, ever (it is not My Domain); `/id/` never.
 */
export type HostKind = 'my-domain' | 'login';

/** Who may read the answer: nobody, the allowlisted caller, or anyone. */
export type CorsGrant = 'none' | 'allowlisted' | 'any';

const ALWAYS_CORS = new Set(['/.well-known/openid-configuration', '/services/oauth2/id/keys']);
const OAUTH_CORS_SETTING = new Set(['/services/oauth2/token', '/services/oauth2/revoke', '/services/oauth2/introspect', '/services/oauth2/authorize']);

/**
 * The request headers a preflight may ask for. Salesforce publishes no list; this one is inferred and strict: what
 * the add-in and jsforce send (Authorization, Content-Type, Accept, Sforce-Call-Options) plus the request headers the
 * REST API documents (X-PrettyPrint, Sforce-Query-Options, Sforce-Auto-Assign, Sforce-Duplicate-Rule-Header, the
 * conditional If-* headers). A preflight asking for anything else is refused.
 */
export const ALLOWED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'x-prettyprint',
  'sforce-call-options',
  'sforce-query-options',
  'sforce-auto-assign',
  'sforce-duplicate-rule-header',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
];

export const ALLOWED_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD'];

const EXPOSED_HEADERS = 'Sforce-Limit-Info, WWW-Authenticate, Location';

export interface CorsContext {
  host: HostKind;
  allowedOrigins: ReadonlySet<string>;
  corsForOAuthEndpoints: boolean;
}

export function corsGrantFor(path: string, context: CorsContext): CorsGrant {
  if (ALWAYS_CORS.has(path)) return 'any';
  if (context.host === 'login') return 'none';
  if (OAUTH_CORS_SETTING.has(path)) return context.corsForOAuthEndpoints ? 'allowlisted' : 'none';
  if (path === '/services/oauth2/userinfo') return 'allowlisted';
  if (path === '/services/data' || path.startsWith('/services/data/')) return 'allowlisted';
  // The emulator's own controls are not Salesforce: the allowlisted origin (the add-in's page in tests) may call them.
  if (path === '/__emulator' || path.startsWith('/__emulator/')) return 'allowlisted';
  return 'none';
}

/** Headers on an actual (non-preflight) answer. */
export function corsResponseHeaders(grant: CorsGrant, origin: string | undefined, allowedOrigins: ReadonlySet<string>): Record<string, string> {
  if (!origin || grant === 'none') return {};
  if (grant === 'any') return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
  if (!allowedOrigins.has(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
    Vary: 'Origin',
  };
}

export interface PreflightRequest {
  origin: string | undefined;
  method: string | undefined;
  headers: string | undefined;
  privateNetwork: boolean;
  /** The emulator's controls accept whatever a test page sends. */
  anyHeader: boolean;
}

/** The preflight's answer headers, or undefined when the browser must be refused (no CORS headers at all). */
export function preflightHeaders(grant: CorsGrant, request: PreflightRequest, allowedOrigins: ReadonlySet<string>): Record<string, string> | undefined {
  const base = corsResponseHeaders(grant, request.origin, allowedOrigins);
  if (!base['Access-Control-Allow-Origin']) return undefined;
  const method = (request.method ?? '').toUpperCase();
  if (!ALLOWED_METHODS.includes(method)) return undefined;
  const asked = (request.headers ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (!request.anyHeader && asked.some((h) => !ALLOWED_REQUEST_HEADERS.includes(h))) return undefined;
  const headers: Record<string, string> = {
    ...base,
    'Access-Control-Allow-Methods': [...ALLOWED_METHODS, 'OPTIONS'].join(', '),
    'Access-Control-Max-Age': '86400',
  };
  if (asked.length > 0) headers['Access-Control-Allow-Headers'] = asked.join(', ');
  // Chromium's Private Network Access asks before a public page may call a loopback server.
  if (request.privateNetwork) headers['Access-Control-Allow-Private-Network'] = 'true';
  return headers;
}
