/**
 * The emulated Salesforce org: Node HTTPS listeners speaking Salesforce's OAuth, identity and REST wire formats,
 * with CORS per host and endpoint (cors.ts) and controls for tests under /__emulator/*. Two hosts, as a real org has:
 *
 *   const org = await startEmulator({ allowedOrigins: ['https://localhost:3000'] });
 *   org.url            // https://localhost:<port>   My Domain and instance URL (OAuth, REST, userinfo, controls)
 *   org.loginHostUrl   // https://127.0.0.1:<port2>  the generic login host (login.salesforce.com): OAuth for
 *                      //                            servers, the identity URL /id/…; never CORS
 *   org.controls.expireSessions();
 *   await org.close();
 *
 * Over 300 lines on purpose: the two listeners, their routing and the options that shape the org, in one place a test reads to know what it starts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getLocalhostCertificate } from '../harness/certificate';
import { createControls, handleControlRequest, type EmulatorControls } from './controls';
import { corsGrantFor, corsResponseHeaders, preflightHeaders, type HostKind } from './cors';
import { emptyReply, readBody, textReply, type Reply } from './http';
import { bearerToken, handleIdentity, handleUserinfo } from './identity';
import { handleAuthorizeGet, handleConsentPost, handleLoginPost } from './oauth/authorize';
import { jwksReply, openidConfigurationReply } from './oauth/id-token';
import { handleIntrospect, handleRevoke, handleToken } from './oauth/token-endpoint';
import { defaultOrgConfig, OrgState, type LogEntry } from './org-state';
import type { EmulatorPolicy } from './policy';
import { handleRest } from './rest/rest-entry';
import { restError } from './rest/rest-errors';
import type { EmulatorSeed } from './seed';

export type { EmulatorControls, FailNextOptions, HangNextOptions } from './controls';
export type { LogEntry } from './org-state';
export type { EmulatorPolicy, RefreshTokenPolicy } from './policy';
export { DEFAULT_POLICY } from './policy';

export interface EmulatorOptions {
  /** My Domain's port; 0 (default) picks a free port. */
  port?: number;
  /** The generic login host's port; 0 (default) picks a free port. */
  loginHostPort?: number;
  /** Origins whose browser requests get CORS headers (the org's CORS allowlist). Default ['https://localhost:3000']. */
  allowedOrigins?: string[];
  /** The External Client App's consumer key. Default 'demo-outlook-addin'. */
  clientId?: string;
  /** Registered callback URLs. Default ['https://localhost:3000/auth-callback.html']. `<allowed origin>/auth-callback.html`
   * is accepted for every allowed origin too, so tests on random ports only list their origin. */
  redirectUris?: string[];
  policy?: Partial<EmulatorPolicy>;
  seed?: EmulatorSeed;
}

export interface RunningEmulator {
  /** https://localhost:<port>: My Domain and instance URL. */
  url: string;
  port: number;
  /** https://127.0.0.1:<loginHostPort>: the generic login host (stands for login.salesforce.com), home of /id/. */
  loginHostUrl: string;
  loginHostPort: number;
  close(): Promise<void>;
  controls: EmulatorControls;
  /** How many answers held by `hangNext` still have their client's connection open (a client that gives up closes it). */
  heldAnswersOpen(): number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function areaOf(path: string): LogEntry['area'] | undefined {
  if (path === '/services/oauth2/userinfo') return 'identity';
  if (path.startsWith('/services/oauth2/')) return 'oauth';
  if (path.startsWith('/id/')) return 'identity';
  if (path === '/services/data' || path.startsWith('/services/data/')) return 'rest';
  return undefined;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const org = new OrgState(defaultOrgConfig(options));
  const controls = createControls(org);
  const heldResponses = new Set<ServerResponse>();
  const sockets = new Set<Duplex>();

  const send = (res: ServerResponse, reply: Reply, cors: Record<string, string>): void => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(reply.status, { ...reply.headers, ...cors });
    res.end(reply.body);
  };

  const route = async (host: HostKind, req: IncomingMessage, url: URL, body: string): Promise<{ reply: Reply; username?: string; grantType?: string }> => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
    if (path === '/services/oauth2/authorize' && method === 'GET') return { reply: handleAuthorizeGet(org, url.searchParams) };
    if (path === '/services/oauth2/authorize/login' && method === 'POST') return handleLoginPost(org, body);
    if (path === '/services/oauth2/authorize/consent' && method === 'POST') return handleConsentPost(org, body);
    if (path === '/services/oauth2/token') {
      if (method !== 'POST') return { reply: textReply(405, 'Method Not Allowed') };
      return handleToken(org, body, host === 'login' ? org.loginHostUrl : org.baseUrl);
    }
    if (path === '/services/oauth2/id/keys' && method === 'GET') return { reply: jwksReply(org.idTokenKeys) };
    if (path === '/.well-known/openid-configuration' && method === 'GET') {
      return { reply: openidConfigurationReply(host === 'login' ? org.loginHostUrl : org.baseUrl, org.baseUrl, org.policy.appScopes) };
    }
    if (path === '/services/oauth2/introspect') {
      if (method !== 'POST') return { reply: textReply(405, 'Method Not Allowed') };
      return handleIntrospect(org, body);
    }
    if (path === '/services/oauth2/revoke') {
      const token = method === 'POST' ? new URLSearchParams(body).get('token') : url.searchParams.get('token');
      const callback = method === 'GET' ? (url.searchParams.get('callback') ?? undefined) : undefined;
      return { reply: handleRevoke(org, token ?? '', callback) };
    }
    // The identity URL lives on the login host only; My Domain serves userinfo, REST and the controls.
    const identity = /^\/id\/([^/]+)\/([^/]+)\/?$/.exec(path);
    if (host === 'login') {
      if (!identity) return { reply: textReply(404, 'Not Found') };

      return handleIdentity(org, identity[1] ?? '', identity[2] ?? '', bearerToken(headers.authorization, url.searchParams), url.searchParams);
    }
    if (path === '/services/oauth2/userinfo') return handleUserinfo(org, bearerToken(headers.authorization, url.searchParams));
    if (areaOf(path) === 'rest') return handleRest(org, { method, pathname: path, query: url.searchParams, body, headers });
    return { reply: textReply(404, 'Not Found') };
  };

  const handle = async (host: HostKind, req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const method = req.method ?? 'GET';
    const origin = req.headers.origin;
    const path = url.pathname;
    const isControl = host === 'my-domain' && (path === '/__emulator' || path.startsWith('/__emulator/'));
    const allowedOrigins = org.corsAllowlist();
    const grant = corsGrantFor(path, { host, allowedOrigins, corsForOAuthEndpoints: org.policy.corsForOAuthEndpoints });
    const cors = corsResponseHeaders(grant, origin, allowedOrigins);

    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      const allowed = preflightHeaders(
        grant,
        {
          origin,
          method: req.headers['access-control-request-method'],
          headers: req.headers['access-control-request-headers'],
          privateNetwork: req.headers['access-control-request-private-network'] === 'true',
          anyHeader: isControl,
        },
        allowedOrigins,
      );
      // Refused (origin not allowlisted, endpoint without CORS, a header Salesforce does not allow): no CORS headers,
      // so the browser blocks the request.
      send(res, allowed ? emptyReply(204, allowed) : textReply(403, 'CORS origin not allowed'), {});
      return;
    }

    // REST bodies may carry files: up to 50 MB as JSON ("Insert or Update Blob Data"), and multipart kept byte for byte.
    const isRest = areaOf(path) === 'rest';
    const multipart = /^multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''));
    const body = await readBody(req, isRest ? 64 * 1024 * 1024 : undefined, multipart ? 'latin1' : 'utf8');
    if (isControl) {
      send(res, handleControlRequest(controls, method, path, body), cors);
      return;
    }

    if (org.latencyMs > 0) await sleep(org.latencyMs);
    const matches = (prefix: string | undefined): boolean => prefix === undefined || path.startsWith(prefix);
    const hang = org.hangRules.find((r) => r.remaining > 0 && matches(r.pathPrefix));
    const hold = (): void => {
      heldResponses.add(res);
      res.on('close', () => heldResponses.delete(res));
    };
    if (hang) {
      hang.remaining -= 1;
      org.hangRules = org.hangRules.filter((r) => r.remaining > 0);
      if (!hang.afterCommit) {
        hold();
        return;
      }
    }

    const area = areaOf(path);
    const fail = org.failRules.find((r) => r.remaining > 0 && matches(r.pathPrefix));
    if (fail) {
      fail.remaining -= 1;
      org.failRules = org.failRules.filter((r) => r.remaining > 0);
    }
    if (fail && fail.status !== undefined) {
      const headers = { ...fail.headers };
      // Every REST answer of the org carries the usage header, injected ones too (unless the rule sets its own).
      if (fail.fromOrg && area === 'rest' && !Object.keys(headers).some((h) => h.toLowerCase() === 'sforce-limit-info')) {
        headers['Sforce-Limit-Info'] = `api-usage=${org.apiUsed}/${org.policy.dailyApiLimit}`;
      }
      const reply: Reply = { status: fail.status, headers, body: fail.body };
      const answerCors = fail.withoutCors ? {} : cors;
      if (fail.cutOffAfterBytes !== undefined) {
        sendCutOff(res, reply, answerCors, fail.cutOffAfterBytes);
        logEntry(method, path, area, reply.status);
        return;
      }
      send(res, reply, answerCors);
      logEntry(method, path, area, reply.status);
      return;
    }
    let outcome: { reply: Reply; username?: string; grantType?: string };
    try {
      outcome = await route(host, req, url, body);
    } catch {
      outcome = {
        reply: restError(500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId if you contact support: 000000000-00000 (0000000000)'),
      };
    }
    if (hang?.afterCommit) {
      // Carried out (a write is in the org now), but the answer never leaves: the client sees a timeout.
      logEntry(method, path, area, outcome.reply.status, outcome);
      hold();
      return;
    }
    // A rule without a status changes the org's real answer: no CORS headers, or a cut-off body.
    if (fail?.cutOffAfterBytes !== undefined) sendCutOff(res, outcome.reply, fail.withoutCors ? {} : cors, fail.cutOffAfterBytes);
    else send(res, outcome.reply, fail?.withoutCors ? {} : cors);
    logEntry(method, path, area, outcome.reply.status, outcome);
  };

  const logEntry = (method: string, path: string, area: LogEntry['area'] | undefined, status: number, who: { username?: string; grantType?: string } = {}): void => {
    if (!area) return;
    const entry: LogEntry = { at: new Date().toISOString(), method, path, area, status };
    if (who.username) entry.username = who.username;
    if (who.grantType) entry.grantType = who.grantType;
    org.log.push(entry);
  };

  /** The status, the headers announcing the whole body, part of the body, then the connection is gone. */
  const sendCutOff = (res: ServerResponse, reply: Reply, cors: Record<string, string>, bytes: number): void => {
    const whole = Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, { ...reply.headers, ...cors, 'Content-Length': String(whole.length) });
    res.write(whole.subarray(0, Math.max(0, Math.min(bytes, whole.length - 1))), () => {
      // Give the TLS layer a moment to put the partial body on the wire before the socket goes.
      setTimeout(() => res.socket?.destroy(), 20);
    });
  };

  const listenerFor =
    (host: HostKind) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      handle(host, req, res).catch(() => {
        if (!res.headersSent) send(res, textReply(500, 'emulator error'), {});
      });
    };

  // HTTPS with the harness's self-signed localhost certificate: OAuth endpoints require HTTPS, and Office dialogs
  // refuse an HTTP page. Node test processes trust exactly this certificate (NODE_EXTRA_CA_CERTS, vitest.config.ts).
  const tls = await getLocalhostCertificate();
  // Listen on both loopback families so https://localhost works whichever one a client resolves first.
  const servers: Server[] = [];
  const listen = (kind: HostKind, host: string, port: number): Promise<Server> =>
    new Promise((resolve, reject) => {
      const server = createServer({ key: tls.key, cert: tls.cert }, listenerFor(kind));
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen({ host, port }, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  const primary = await listen('my-domain', '127.0.0.1', options.port ?? 0);
  servers.push(primary);
  const port = (primary.address() as AddressInfo).port;
  try {
    servers.push(await listen('my-domain', '::1', port));
  } catch {
    // No IPv6 loopback here; IPv4 is enough.
  }
  // The login host is another origin (127.0.0.1, not localhost), as login.salesforce.com is not the My Domain.
  const loginHost = await listen('login', '127.0.0.1', options.loginHostPort ?? 0);
  servers.push(loginHost);
  const loginHostPort = (loginHost.address() as AddressInfo).port;
  org.baseUrl = `https://localhost:${port}`;
  org.loginHostUrl = `https://127.0.0.1:${loginHostPort}`;

  let closed = false;
  return {
    url: org.baseUrl,
    port,
    loginHostUrl: org.loginHostUrl,
    loginHostPort,
    controls,
    heldAnswersOpen: () => heldResponses.size,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const res of heldResponses) res.destroy();
      heldResponses.clear();
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      for (const socket of sockets) socket.destroy();
    },
  };
}
