import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getLocalhostCertificate } from '../../harness/certificate';
import { officeStandInScript } from '../../harness/server';

/** The host of Microsoft's office.js CDN; Chromium resolves it to this server with --host-resolver-rules. */
export const OFFICE_CDN_HOST = 'appsforoffice.microsoft.com';
export const OFFICE_CDN_PATH = '/lib/1/hosted/office.js';

export interface CdnRequest {
  host: string;
  path: string;
  at: number;
}

export interface RunningCdnStandIn {
  port: number;
  /** Every request this server answered, with the Host header the browser sent. */
  requests: CdnRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTPS server standing in for Microsoft's CDN, so the production HTML keeps its CDN script tag unchanged and
 * no Playwright route is needed (routes answer CORS preflights themselves and would hide CORS mistakes).
 */
export async function startCdnStandIn(): Promise<RunningCdnStandIn> {
  const { key, cert } = await getLocalhostCertificate();
  const requests: CdnRequest[] = [];
  const sockets = new Set<Duplex>();
  const server = createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://cdn.invalid');
    requests.push({ host: String(req.headers.host ?? ''), path: url.pathname, at: Date.now() });
    if (url.pathname !== OFFICE_CDN_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not found');
    }
    officeStandInScript().then(
      (body) => {
        // Cross-origin classic script, like the real CDN: cacheable, CORS-open.
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
        res.end(body);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(error.message);
      },
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
