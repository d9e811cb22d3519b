/**
 * The emulated org in a child process (`tests/emulator/cli.ts`, as `npm run emulator` starts it), so the client
 * measured in this process does not share its event loop with the server. Loopback only; driven by its HTTP controls.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../e2e/support/free-port';
import { REPO_ROOT } from './ensure-dist';

const CLI = fileURLToPath(new URL('../emulator/cli.ts', import.meta.url));

export interface EmulatorProcess {
  url: string;
  pid: number;
  control(name: string, body?: unknown): Promise<unknown>;
  /** Number of request-log entries so far, and the entries after a mark. */
  log(): Promise<Array<{ method: string; path: string; area: string; status: number; grantType?: string }>>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(timeoutMs = 30_000): Promise<EmulatorProcess> {
  const port = await freePort();
  const loginHostPort = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', String(port), '--login-port', String(loginHostPort)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SF_EMULATOR_PORT: String(port) },
  });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  // HTTPS: this process must trust the localhost certificate (NODE_EXTRA_CA_CERTS, tests/harness/trust-localhost-certificate.ts).
  const url = `https://localhost:${port}`;
  const started = Date.now();
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the emulator exited with ${child.exitCode}: ${output.slice(-500)}`);
      if (Date.now() - started > timeoutMs) throw new Error(`the emulator did not answer within ${timeoutMs} ms: ${output.slice(-500)}`);
      const ok = await fetch(`${url}/services/data/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    pid: child.pid ?? -1,
    async control(name, body) {
      const response = await fetch(`${url}/__emulator/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      const text = await response.text();
      if (!response.ok) throw new Error(`emulator control ${name} answered ${response.status}: ${text}`);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },
    async log() {
      const response = await fetch(`${url}/__emulator/log`);
      if (!response.ok) throw new Error(`emulator log answered ${response.status}`);
      const data = (await response.json()) as unknown;
      return (Array.isArray(data) ? data : ((data as { entries?: unknown[] }).entries ?? [])) as Awaited<ReturnType<EmulatorProcess['log']>>;
    },
    stop,
  };
}
