import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADER_FILE } from '../../../tools/content-security-policy';

/** docs/hosting/: the files a deployer copies, read as they are by the tests that serve the build with them. */
export const RECIPE_DIR = fileURLToPath(new URL('../../../../docs/hosting/', import.meta.url));
export const DIST_DIR = fileURLToPath(new URL('../../../../dist/', import.meta.url));

/** Where each recipe takes dist/content-security-policy.txt (the deployer's sed, the Dockerfile's RUN sed). */
export const CSP_PLACEHOLDER = '@CONTENT_SECURITY_POLICY@';

/** A recipe file with the site's Content Security Policy put in its placeholder, as the recipe says to. */
export async function recipeWithPolicy(recipeFile: string, siteDir: string): Promise<string> {
  const recipe = await readFile(join(RECIPE_DIR, recipeFile), 'utf8');
  if (!recipe.includes(CSP_PLACEHOLDER)) throw new Error(`${recipeFile} has no ${CSP_PLACEHOLDER} for the policy`);
  const policy = (await readFile(join(siteDir, HEADER_FILE), 'utf8')).trim();
  return recipe.replaceAll(CSP_PLACEHOLDER, policy);
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
