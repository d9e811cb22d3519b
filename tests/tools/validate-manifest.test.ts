import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig, type RuntimeConfig } from '../../src/config/runtime-config';
import { drawIcon, encodePng } from './generate-icons';
import { readRepoAsset, validateManifest } from './validate-manifest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MANIFEST = fs.readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8');
const CONFIG = parseRuntimeConfig(JSON.parse(fs.readFileSync(path.join(repoRoot, 'public', 'config.json'), 'utf8')));

function withConfig(change: (sf: RuntimeConfig['salesforce']) => void): RuntimeConfig {
  const copy = structuredClone(CONFIG);
  change(copy.salesforce);
  return copy;
}

/** Replaces exactly `count` occurrences (all when omitted), failing loudly if the mutation did not apply. */
function mutate(from: string | RegExp, to: string, xml = MANIFEST): string {
  const out = xml.replace(from instanceof RegExp ? from : new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), to);
  expect(out, `mutation ${String(from)} did not apply`).not.toBe(xml);
  return out;
}

const validate = (xml: string, config: RuntimeConfig = CONFIG) => validateManifest(xml, { config, readAsset: readRepoAsset });

describe('validateManifest', () => {
  it('passes the real manifest with the real config and assets', () => {
    expect(validate(MANIFEST)).toEqual([]);
  });

  it('rejects XML that is not well-formed', () => {
    const errors = validate(mutate('</FormSettings>', ''));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/not well-formed XML: .*line \d+/);
  });

  it('rejects an element out of schema order', () => {
    const permissions = '  <Permissions>ReadItem</Permissions>\n';
    const moved = mutate('  <FormSettings>', `${permissions}  <FormSettings>`, mutate(permissions, ''));
    expect(validate(moved).join('\n')).toMatch(/<FormSettings> is out of order: the schema puts it before <Permissions> in <OfficeApp>/);
  });

  it('rejects DisplayName after Description', () => {
    const display = / {2}<DisplayName[\s\S]*?<\/DisplayName>\n/;
    const block = MANIFEST.match(display)![0];
    const moved = mutate('  <IconUrl', `${block}  <IconUrl`, mutate(display, ''));
    expect(validate(moved).join('\n')).toMatch(/<DisplayName> is out of order/);
  });

  it('rejects a manifest without Permissions', () => {
    expect(validate(mutate('  <Permissions>ReadItem</Permissions>\n', '')).join('\n')).toMatch(/<OfficeApp> is missing required <Permissions> \(the add-in needs ReadItem/);
  });

  it('rejects a permission wider than the add-in uses', () => {
    for (const wider of ['ReadWriteItem', 'ReadWriteMailbox']) {
      expect(validate(mutate('<Permissions>ReadItem</Permissions>', `<Permissions>${wider}</Permissions>`)).join('\n')).toMatch(
        new RegExp(`"${wider}" asks for more than the add-in uses; it needs only ReadItem`),
      );
    }
    expect(validate(mutate('<Permissions>ReadItem</Permissions>', '<Permissions>Restricted</Permissions>')).join('\n')).not.toMatch(/Permissions/);
  });

  it('rejects an unknown Permissions value', () => {
    expect(validate(mutate('<Permissions>ReadItem</Permissions>', '<Permissions>Everything</Permissions>')).join('\n')).toMatch(/Permissions: "Everything" is not one of/);
  });

  it('rejects an http URL', () => {
    const errors = validate(
      mutate('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/index.html" />', '<bt:Url id="Taskpane.Url" DefaultValue="http://localhost:3000/index.html" />'),
    );
    expect(errors.join('\n')).toMatch(/"http:\/\/localhost:3000\/index.html" must use https/);
  });

  it('rejects an http IconUrl', () => {
    expect(validate(mutate('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://')).join('\n')).toMatch(/IconUrl: "http:\/\/localhost:3000\/icons\/icon-64.png" must use https/);
  });

  it('rejects a dangling resid', () => {
    const errors = validate(mutate(/<Description resid="TaskpaneButton.Tooltip" \/>/, '<Description resid="Missing.Tooltip" />'));
    expect(errors.join('\n')).toMatch(/resid "Missing.Tooltip" does not name any resource in <Resources>/);
  });

  it('rejects a resid of the wrong kind', () => {
    const errors = validate(mutate(/<Title resid="TaskpaneButton.Label" \/>/, '<Title resid="TaskpaneButton.Tooltip" />'));
    expect(errors.join('\n')).toMatch(/resid "TaskpaneButton.Tooltip" names a long resource, but <Title> needs a short resource/);
  });

  it('rejects a resource id longer than 32 characters', () => {
    const long = 'TaskpaneButton.Label.ThatIsFarTooLong';
    expect(validate(mutate('"TaskpaneButton.Label"', `"${long}"`)).join('\n')).toMatch(/longer than 32 characters/);
  });

  it('rejects SupportsPinning in VersionOverrides 1.0', () => {
    const xml = mutate(
      /(<VersionOverrides xmlns="http:\/\/schemas.microsoft.com\/office\/mailappversionoverrides" [\s\S]*?<SourceLocation resid="Taskpane.Url" \/>)/,
      '$1<SupportsPinning>true</SupportsPinning>',
    );
    expect(validate(xml).join('\n')).toMatch(/<SupportsPinning> is not a valid child of <Action>/);
  });

  it('rejects a wrong xsi:type', () => {
    expect(validate(mutate('xsi:type="MailHost"', 'xsi:type="Workbook"')).join('\n')).toMatch(/<Host> needs xsi:type "MailHost", not "Workbook"/);
  });

  it('rejects a wildcard or a path in AppDomains', () => {
    const errors = validate(mutate('<AppDomain>https://test.salesforce.com</AppDomain>', '<AppDomain>https://*.my.salesforce.com/</AppDomain>'));
    expect(errors.join('\n')).toMatch(/has a wildcard/);
    expect(errors.join('\n')).toMatch(/must be an origin only/);
  });

  it('rejects a redirect URI on another origin than the task pane', () => {
    const errors = validate(
      MANIFEST,
      withConfig((sf) => (sf.redirectUri = 'https://localhost:4000/auth-callback.html')),
    );
    expect(errors.join('\n')).toMatch(
      /redirectUri \(https:\/\/localhost:4000\/auth-callback.html\) is on https:\/\/localhost:4000, but the manifest's task pane is on https:\/\/localhost:3000/,
    );
    expect(errors.join('\n')).toMatch(/https:\/\/localhost:4000 is not in <AppDomains>/);
  });

  it('rejects a Salesforce login host missing from AppDomains, and accepts a loopback one', () => {
    const myDomain = withConfig((sf) => (sf.loginUrl = 'https://acme.my.salesforce.com'));
    expect(validate(MANIFEST, myDomain).join('\n')).toMatch(
      /salesforce.loginUrl \(https:\/\/acme.my.salesforce.com\) is not covered by <AppDomains>: add <AppDomain>https:\/\/acme.my.salesforce.com<\/AppDomain>/,
    );
    const withDomain = mutate(
      '<AppDomain>https://test.salesforce.com</AppDomain>',
      '<AppDomain>https://test.salesforce.com</AppDomain><AppDomain>https://acme.my.salesforce.com</AppDomain>',
    );
    expect(validate(withDomain, myDomain)).toEqual([]);
    expect(
      validate(
        MANIFEST,
        withConfig((sf) => (sf.loginUrl = 'https://127.0.0.1:8787')),
      ),
    ).toEqual([]);
  });

  it('rejects a login host the add-in would refuse to sign in at', () => {
    const foreign = withConfig((sf) => {
      sf.loginUrl = 'https://login.evil.example';
      sf.loginChoices = [{ label: 'Demo', loginUrl: 'http://localhost:8787' }];
    });
    const errors = validate(
      mutate('<AppDomain>https://test.salesforce.com</AppDomain>', '<AppDomain>https://test.salesforce.com</AppDomain><AppDomain>https://login.evil.example</AppDomain>'),
      foreign,
    ).join('\n');
    expect(errors).toMatch(/salesforce.loginUrl \(https:\/\/login.evil.example\) is not a host the add-in signs in at \(not_salesforce\)/);
    expect(errors).toMatch(/salesforce.loginChoices\[0\].loginUrl \(http:\/\/localhost:8787\) is not a host the add-in signs in at \(not_https\)/);
    const listed = withConfig((sf) => {
      sf.loginUrl = 'https://login.evil.example';
      sf.customDomains = ['login.evil.example'];
    });
    expect(
      validate(mutate('<AppDomain>https://test.salesforce.com</AppDomain>', '<AppDomain>https://test.salesforce.com</AppDomain><AppDomain>https://login.evil.example</AppDomain>'), listed),
    ).toEqual([]);
  });

  it('finds the sign-in dialog pages the build serves', () => {
    expect(readRepoAsset('/auth-start.html')).toBeDefined();
    expect(readRepoAsset('/auth-callback.html')).toBeDefined();
  });

  it('rejects an icon of the wrong size and a missing page', () => {
    const small = encodePng(16, 16, drawIcon(16));
    const errors = validateManifest(MANIFEST, {
      config: CONFIG,
      readAsset: (p) => (p === '/icons/icon-80.png' ? small : p === '/index.html' ? undefined : readRepoAsset(p)),
    });
    expect(errors.join('\n')).toMatch(/\/icons\/icon-80.png is 16x16, expected 80x80/);
    expect(errors.join('\n')).toMatch(/names \/index.html, which the add-in does not serve/);
  });

  it('rejects a missing required element deep inside VersionOverrides', () => {
    const xml = mutate(/<Supertip>\s*<Title resid="TaskpaneButton.Label" \/>/, '<Supertip>');
    expect(validate(xml).join('\n')).toMatch(/<Supertip> is missing required <Title>/);
  });
});

describe('npm run validate', () => {
  const cli = path.join(repoRoot, 'tests', 'tools', 'validate-manifest.ts');
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

  it('exits 0 on the real manifest', () => {
    expect(execFileSync(tsx, [cli], { cwd: repoRoot, encoding: 'utf8' })).toMatch(/manifest.xml is valid/);
  });

  it('exits non-zero with clear messages on a broken one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const broken = path.join(dir, 'manifest.xml');
    fs.writeFileSync(broken, mutate('  <Permissions>ReadItem</Permissions>\n', ''));
    const run = spawnSync(tsx, [cli, broken], { cwd: repoRoot, encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing required <Permissions>/);
  });
});
