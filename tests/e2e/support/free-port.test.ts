import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { withFreePort } from './free-port';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, () => {
      servers.push(server);
      resolve(server);
    });
  });
}

describe('withFreePort', () => {
  it('chooses again when another process binds the chosen port before the start does', async () => {
    const tried: number[] = [];
    const server = await withFreePort(async (port) => {
      tried.push(port);
      // The first time, someone else takes the port between the choice and the bind: a real EADDRINUSE.
      if (tried.length === 1) await listen(port);
      return listen(port);
    });
    expect(tried).toHaveLength(2);
    expect(server.listening).toBe(true);
  });

  it('passes on any other failure at once', async () => {
    let calls = 0;
    const failing = withFreePort(() => {
      calls++;
      return Promise.reject(new Error('certificate missing'));
    });
    await expect(failing).rejects.toThrow('certificate missing');
    expect(calls).toBe(1);
  });

  it('gives up after the attempts it was given', async () => {
    let calls = 0;
    const clashing = withFreePort(async (port) => {
      calls++;
      await listen(port);
      return listen(port);
    }, 3);
    await expect(clashing).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(calls).toBe(3);
  });
});
