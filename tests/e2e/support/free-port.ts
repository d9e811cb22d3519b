import { createServer } from 'node:net';

/**
 * A port free right now on loopback. The harness origin must be known before the emulator starts (its CORS allowlist
 * and registered callback name that origin), so the port is chosen first and bound a moment later.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
