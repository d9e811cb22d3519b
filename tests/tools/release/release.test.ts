import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageVersion, REPO_ROOT, resolveEnvironment } from '../manifest/environment';
import { manifestFiles } from '../manifest/generate';
import { validateEnvironmentManifests } from '../manifest/validate';
import { distAssetReader } from './release';
import { manifestVersionProblems, packRelease } from './pack';
import { createTarGz, readTarGz } from './tar-gz';
import { createZip, readZip } from './zip';

// A tiny dist/ stands in for a build: the pages and icons the manifests name, a config and a hashed asset.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const distDir = path.join(work, 'dist');
const fixture: Record<string, string | Buffer> = {
  'index.html': '<!doctype html><title>pane</title>',
  'config.json': '{"salesforce":{}}\n',
  'assets/index-abc123.js': 'console.log(1)',
  ...Object.fromEntries([16, 32, 64, 80, 128].map((size) => [`icons/icon-${size}.png`, fs.readFileSync(path.join(REPO_ROOT, 'public', 'icons', `icon-${size}.png`))])),
};
for (const [file, content] of Object.entries(fixture)) {
  fs.mkdirSync(path.dirname(path.join(distDir, file)), { recursive: true });
  fs.writeFileSync(path.join(distDir, file), content);
}
const environment = resolveEnvironment({ env: 'production', host: 'https://addin.example.com' });
const version = packageVersion();

describe('the release packer', () => {
  it('packs dist/ and both manifests, all at package.json version', () => {
    const { archive, entries } = packRelease({
      name: 'sellers-salesforce-outlook',
      version,
      environment: 'production',
      distDir,
      manifests: manifestFiles(environment),
      outDir: path.join(work, 'release'),
    });
    const root = `sellers-salesforce-outlook-${version}-production`;
    expect(path.basename(archive)).toBe(`${root}.tar.gz`);
    const files = readTarGz(fs.readFileSync(archive));
    expect(files.map((f) => f.path)).toEqual(entries);
    expect(files.map((f) => f.path)).toEqual([
      ...Object.keys(fixture)
        .sort()
        .map((file) => `${root}/dist/${file}`),
      `${root}/manifest.xml`,
      `${root}/app-package/manifest.json`,
      `${root}/app-package/color.png`,
      `${root}/app-package/outline.png`,
      `${root}/app-package.zip`,
    ]);
    const text = (name: string) => files.find((f) => f.path === `${root}/${name}`)!.data.toString();
    expect(text('dist/index.html')).toBe(fixture['index.html']);
    expect(text('manifest.xml')).toContain(`<Version>${version}.0</Version>`);
    expect((JSON.parse(text('app-package/manifest.json')) as { version: string }).version).toBe(version);
    expect((JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version).toBe(version);
    // The app package zip holds the same three files, manifest.json at its root as the admin center wants.
    const zipped = readZip(files.find((f) => f.path === `${root}/app-package.zip`)!.data);
    expect(zipped.map((f) => f.path)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect((JSON.parse(zipped[0]!.data.toString()) as { version: string }).version).toBe(version);
  });

  it('writes an app package zip that unzip reads', () => {
    const zip = path.join(work, 'package.zip');
    fs.writeFileSync(
      zip,
      createZip([
        { path: 'manifest.json', data: Buffer.from('{"a":1}') },
        { path: 'color.png', data: Buffer.alloc(3000, 7) },
      ]),
    );
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
    expect(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' })).toBe('{"a":1}');
  });

  it('writes an archive the system tar reads', () => {
    const { archive, entries } = packRelease({ name: 'x', version, environment: 'production', distDir, manifests: manifestFiles(environment), outDir: path.join(work, 'tar-check') });
    const listing = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n');
    expect(listing).toEqual(entries);
    const out = path.join(work, 'extracted');
    fs.mkdirSync(out);
    execFileSync('tar', ['-xzf', archive, '-C', out]);
    expect(fs.readFileSync(path.join(out, `x-${version}-production`, 'dist', 'assets', 'index-abc123.js'), 'utf8')).toBe('console.log(1)');
  });

  it('keeps long paths (ustar prefix) and refuses paths that leave the archive', () => {
    const long = `${'a'.repeat(90)}/${'b'.repeat(90)}/file.txt`;
    expect(readTarGz(createTarGz([{ path: long, data: Buffer.from('x') }])).map((f) => f.path)).toEqual([long]);
    expect(() => createTarGz([{ path: '../escape', data: Buffer.alloc(0) }])).toThrow(/relative path inside the archive/);
  });

  it('refuses manifests whose version is not package.json version', () => {
    const stale = manifestFiles({ ...environment, version: '9.9.9' });
    expect(manifestVersionProblems(stale, version)).toEqual([
      `manifest.xml <Version> is 9.9.9.0, package.json says ${version} (${version}.0)`,
      `manifest.json version is 9.9.9, package.json says ${version}`,
    ]);
    expect(() => packRelease({ name: 'x', version, environment: 'production', distDir, manifests: stale, outDir: path.join(work, 'refused') })).toThrow(/versions disagree/);
    expect(fs.existsSync(path.join(work, 'refused'))).toBe(false);
  });

  it('validates the manifests against the built files, and refuses a build missing a page they name', () => {
    for (const report of validateEnvironmentManifests(environment, { readAsset: distAssetReader(distDir) })) expect(report.errors, report.label).toEqual([]);
    const partial = path.join(work, 'partial');
    fs.cpSync(distDir, partial, { recursive: true });
    fs.rmSync(path.join(partial, 'icons', 'icon-80.png'));
    const errors = validateEnvironmentManifests(environment, { readAsset: distAssetReader(partial) }).flatMap((r) => r.errors);
    expect(errors.join('\n')).toMatch(/icon-80.png, which the add-in does not serve/);
  });
});

describe('npm run release', () => {
  it('refuses a release without a host before building', () => {
    const run = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [path.join(REPO_ROOT, 'tests', 'tools', 'release', 'release.ts'), '--env', 'production'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--env production needs --host https:\/\/<the add-in's host>/);
    expect(run.stdout).not.toMatch(/vite build/);
  });
});
