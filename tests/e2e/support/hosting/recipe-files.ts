import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** docs/hosting/: the files a deployer copies, used as they are by the tests that serve the build with them. */
export const RECIPE_DIR = fileURLToPath(new URL('../../../../docs/hosting/', import.meta.url));
export const DIST_DIR = fileURLToPath(new URL('../../../../dist/', import.meta.url));

/** Where the image puts the build and nginx's configuration (docs/hosting/Dockerfile). */
export const IMAGE_ROOT = '/usr/share/nginx/html';
export const IMAGE_CONF = '/etc/nginx/nginx.conf';

export const readRecipe = (name: string): Promise<string> => readFile(join(RECIPE_DIR, name), 'utf8');

function runShell(command: string, cwd: string): void {
  const run = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`\`${command}\` failed (${run.status}): ${run.stderr}`);
}

/**
 * The command docs/hosting/_headers documents (its `sed …` comment line), run by the shell from a folder laid out as
 * the repository is (dist/ is the site, docs/hosting/_headers the recipe): writes the site's _headers and returns it.
 */
export async function applyHeadersRecipe(siteDir: string): Promise<string> {
  const recipe = await readRecipe('_headers');
  const command = /^#\s+(sed .+)$/m.exec(recipe)?.[1];
  if (!command) throw new Error('docs/hosting/_headers documents no sed command to copy it into dist/');
  const repo = await mkdtemp(join(tmpdir(), 'addin-repo-'));
  try {
    await mkdir(join(repo, 'docs/hosting'), { recursive: true });
    await writeFile(join(repo, 'docs/hosting/_headers'), recipe);
    await symlink(siteDir, join(repo, 'dist'));
    runShell(command, repo);
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
  return readFile(join(siteDir, '_headers'), 'utf8');
}

/**
 * The Dockerfile's RUN step that puts the policy into nginx's configuration, run by the shell on `confFile` for the
 * build in `siteDir` (the image's paths mapped to them), without the `nginx -t` that follows it.
 */
export async function applyDockerfilePolicyStep(confFile: string, siteDir: string): Promise<void> {
  const dockerfile = (await readRecipe('Dockerfile')).replace(/\\\n\s*/g, ' ');
  const run = /^RUN (sed .+?)(?:\s*&&\s*nginx -t)?\s*$/m.exec(dockerfile)?.[1];
  if (!run) throw new Error('docs/hosting/Dockerfile has no RUN sed step for the policy');
  runShell(run.replaceAll(IMAGE_ROOT, siteDir).replaceAll(IMAGE_CONF, confFile), siteDir);
}

export interface Site {
  dir: string;
  remove(): Promise<void>;
}

/**
 * A copy of the build as a deployment publishes it, with its own config.json in place of the built one: what a
 * deployment does per environment, without rebuilding.
 */
export async function deploySite(config?: unknown): Promise<Site> {
  const dir = await mkdtemp(join(tmpdir(), 'addin-site-'));
  await cp(DIST_DIR, dir, { recursive: true });
  if (config !== undefined) await writeFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
