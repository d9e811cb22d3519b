import { createServer } from 'node:net';

/**
 * A port free right now on every local address (the harness listens on all of them). The harness origin must be
 * known before the emulator starts (its CORS allowlist and registered callback name that origin), so the port is
 * chosen first and bound a moment later: see `withFreePort` for the race that leaves.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Node's EADDRINUSE, or a child server's own words for it (nginx: "Address already in use"). */
export function isPortClash(error: unknown): boolean {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') return true;
  return error instanceof Error && /address already in use/i.test(error.message);
}

/**
 * Starts something on a port chosen by `freePort`, choosing again when another process (a parallel test file's
 * server on port 0) took the port between the choice and the bind. `start` must clean up after itself when it throws.
 */
export async function withFreePort<T>(start: (port: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (attempt >= attempts || !isPortClash(error)) throw error;
    }
  }
}
