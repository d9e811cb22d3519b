import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFreePort } from '../free-port';
import type { RunningHost } from './headers-file-host';
import { applyDockerfilePolicyStep, IMAGE_ROOT, readRecipe } from './recipe-files';

/** Debian's nginx (installed by .ci/run on CI). */
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The placeholders docs/hosting/nginx.conf names as the ones a run replaces (besides the policy, the Dockerfile's). */
export const LISTEN_PORT_PLACEHOLDER = 8080;
const LISTEN_PLACEHOLDER = `listen ${LISTEN_PORT_PLACEHOLDER};`;
const ROOT_PLACEHOLDER = `root ${IMAGE_ROOT};`;

/** The unprivileged user a root test run hands nginx to (Debian's `nobody`), so nginx never runs as root here. */
const NOBODY = 65534;

/** Replaces the one directive line that is exactly `placeholder` (comments mentioning it stay as they are). */
function replaceOnce(text: string, placeholder: string, value: string): string {
  const lines = text.split('\n');
  const at = lines.flatMap((line, index) => (line.trim() === placeholder ? [index] : []));
  if (at.length !== 1) throw new Error(`docs/hosting/nginx.conf should hold the directive "${placeholder}" once, found ${at.length}`);
  lines[at[0]!] = lines[at[0]!]!.replace(placeholder, value);
  return lines.join('\n');
}

/**
 * Runs docs/hosting/nginx.conf with Debian's nginx over `siteDir`, as a non-root process: the Dockerfile's own step
 * puts the policy in, then only the listen port and the root are rewritten (the conf's comments name all three). A
 * temporary prefix holds the conf, the pid and nginx's temp folders. Rejects with nginx's output when it does not
 * come up.
 */
export function startNginxRecipe(siteDir: string): Promise<RunningHost> {
  return withFreePort((port) => startNginxOnPort(siteDir, port));
}

async function startNginxOnPort(siteDir: string, port: number): Promise<RunningHost> {
  const prefix = await mkdtemp(join(tmpdir(), 'addin-nginx-'));
  const confFile = join(prefix, 'nginx.conf');
  await writeFile(confFile, await readRecipe('nginx.conf'));
  await applyDockerfilePolicyStep(confFile, siteDir);
  let conf = await readFile(confFile, 'utf8');
  conf = replaceOnce(conf, LISTEN_PLACEHOLDER, `listen 127.0.0.1:${port};`);
  conf = replaceOnce(conf, ROOT_PLACEHOLDER, `root ${siteDir};`);
  await writeFile(confFile, conf);
  // The conf logs requests to /dev/stdout (the container's log). Node's 'pipe' stdio is a socket, which /dev/stdout
  // cannot reopen: nginx's stdout is a file in the prefix instead.
  const stdout = await open(join(prefix, 'stdout.log'), 'w');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    for (const dir of [prefix, siteDir]) {
      const chown = spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, dir]);
      if (chown.status !== 0) throw new Error(`chown ${dir}: ${String(chown.stderr)}`);
    }
  }
  const child = spawn(NGINX, ['-p', `${prefix}/`, '-c', confFile, '-g', `daemon off; pid ${prefix}/nginx.pid; error_log stderr;`], {
    stdio: ['ignore', stdout.fd, 'pipe'],
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => stdout.close());
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await rm(prefix, { recursive: true, force: true });
      throw new Error(`nginx exited with ${child.exitCode}:\n${output}`);
    }
    const up = await fetch(`${origin}/`, { method: 'HEAD' }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`nginx did not answer on ${origin} within 10 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    async close() {
      if (child.exitCode === null) {
        // SIGQUIT: nginx's graceful shutdown; the master waits for its workers.
        child.kill('SIGQUIT');
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
