/**
 * `npm run csp [dist folder]`: states the Content Security Policy for the config.json a deployment actually serves.
 * The build states it for public/config.json; a deployment that edits dist/config.json (its org's login hosts, its
 * Microsoft authority) runs this afterwards. It rewrites the meta tag of every page in the folder (for hosts that
 * cannot send headers) and content-security-policy.txt (the header value, with frame-ancestors, for hosts that can).
 * Extra frame ancestors (other Office hosts) come from CSP_FRAME_ANCESTORS, space-separated.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { addinContentSecurityPolicy, HEADER_FILE, OFFICE_FRAME_ANCESTORS, withPolicyMeta } from './content-security-policy';

export async function writeContentSecurityPolicy(distDir: string, extraFrameAncestors: string[] = []): Promise<string> {
  const config = JSON.parse(await readFile(join(distDir, 'config.json'), 'utf8')) as unknown;
  const policy = addinContentSecurityPolicy(config, { frameAncestors: [...OFFICE_FRAME_ANCESTORS, ...extraFrameAncestors] });
  for (const name of await readdir(distDir)) {
    if (!name.endsWith('.html')) continue;
    const file = join(distDir, name);
    await writeFile(file, withPolicyMeta(await readFile(file, 'utf8'), policy.meta));
  }
  await writeFile(join(distDir, HEADER_FILE), `${policy.header}\n`);
  return policy.header;
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('write-csp.ts')) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const extra = (process.env.CSP_FRAME_ANCESTORS ?? '').split(/\s+/).filter(Boolean);
  writeContentSecurityPolicy(dir, extra).then(
    (header) => console.log(`Content-Security-Policy for ${dir}:\n${header}`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
