import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawIcon, encodePng } from '../generate-icons';
import { readRepoAsset } from '../validate-manifest';
import { appPackageIcons } from './app-package-icons';
import { packageVersion, REPO_ROOT, resolveEnvironment, type ManifestEnvironment } from './environment';
import { COMMITTED_XML_MANIFEST } from './generate';
import { unifiedManifest, type UnifiedManifest } from './unified-manifest';
import { committedManifestIsCurrent, SAMPLE_PRODUCTION, validateEnvironmentManifests } from './validate';
import { validateUnifiedManifest } from './validate-unified-manifest';
import { xmlManifest } from './xml-manifest';

const dev = resolveEnvironment({ env: 'dev' });
const production = resolveEnvironment(SAMPLE_PRODUCTION);
const icons = appPackageIcons();
const validateJson = (manifest: unknown, readAsset = readRepoAsset) => validateUnifiedManifest(manifest, { readAsset, readPackageFile: (file) => icons[file] });
/** A deep copy of the environment's unified manifest, changed by `change`. */
function brokenJson(change: (m: UnifiedManifest) => void, environment: ManifestEnvironment = production): unknown {
  const manifest = structuredClone(unifiedManifest(environment));
  change(manifest);
  return manifest;
}
/** The first ribbon control of ribbon `r`. */
const controlOf = (m: UnifiedManifest, r: number) => m.extensions[0]!.ribbons[r]!.tabs[0]!.groups[0]!.controls[0]!;

describe('the committed manifest.xml', () => {
  it("is the generator's dev output, byte for byte", () => {
    expect(committedManifestIsCurrent()).toEqual({ label: expect.any(String), errors: [] });
  });

  it('is reported when edited by hand, with the line that differs', () => {
    const edited = fs.readFileSync(COMMITTED_XML_MANIFEST, 'utf8').replace('<RequestedHeight>450</RequestedHeight>', '<RequestedHeight>500</RequestedHeight>');
    const [error] = committedManifestIsCurrent(edited).errors;
    expect(error).toMatch(/manifest.xml differs from tests\/tools\/manifest\/addin.ts's dev output at line \d+ \(committed: ".*500.*", generated: ".*450.*"\)/);
  });
});

describe('both manifests from one description', () => {
  it('take package.json version: x.y.z.0 in the XML, x.y.z in the JSON', () => {
    const version = packageVersion();
    expect(xmlManifest(dev)).toContain(`<Version>${version}.0</Version>`);
    expect(unifiedManifest(dev).version).toBe(version);
    const other = { ...production, version: '2.3.4' };
    expect(xmlManifest(other)).toContain('<Version>2.3.4.0</Version>');
    expect(unifiedManifest(other).version).toBe('2.3.4');
  });

  it("put every URL on the environment's origin and list its config's login hosts", () => {
    const xml = xmlManifest(production);
    const json = JSON.stringify(unifiedManifest(production));
    for (const text of [xml, json]) expect(text).not.toMatch(/localhost/);
    expect(xml).toContain('<SourceLocation DefaultValue="https://addin.example.com/index.html" />');
    for (const host of ['https://acme.my.salesforce.com', 'https://acme--uat.sandbox.my.salesforce.com', 'https://login.salesforce.com'])
      expect(xml).toContain(`<AppDomain>${host}</AppDomain>`);
    expect(unifiedManifest(production).validDomains).toEqual([
      'addin.example.com',
      'login.salesforce.com',
      'test.salesforce.com',
      'acme.my.salesforce.com',
      'acme--uat.sandbox.my.salesforce.com',
    ]);
    // The emulated org (loopback) gets no AppDomain in dev.
    expect(xmlManifest(dev)).not.toContain('<AppDomain>https://localhost:8787</AppDomain>');
  });

  it('describe the same add-in: id, task pane page, read and compose buttons', () => {
    const json = unifiedManifest(production);
    expect(json.id).toBe(/<Id>(.*)<\/Id>/.exec(xmlManifest(production))![1]);
    const extension = json.extensions[0]!;
    expect(extension.runtimes[0]!.code.page).toBe('https://addin.example.com/index.html');
    expect(extension.ribbons.map((r) => r.contexts)).toEqual([['mailRead'], ['mailCompose'], ['meetingDetailsOrganizer'], ['meetingDetailsAttendee']]);
    expect([0, 1, 2, 3].map((r) => controlOf(json, r).id)).toEqual(['sellersReadOpenPane', 'sellersComposeOpenPane', 'sellersOrganizerOpenPane', 'sellersAttendeeOpenPane']);
    const xml = xmlManifest(production);
    for (const point of ['AppointmentOrganizerCommandSurface', 'AppointmentAttendeeCommandSurface']) expect(xml).toContain(`<ExtensionPoint xsi:type="${point}">`);
    expect(xml).toContain('<Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit" />');
    expect(json.authorization.permissions.resourceSpecific).toEqual([{ name: 'MailboxItem.Read.User', type: 'Delegated' }]);
  });

  it('validate for dev and for a production host', () => {
    for (const environment of [dev, production]) for (const report of validateEnvironmentManifests(environment)) expect(report.errors, report.label).toEqual([]);
  });

  it('refuse an environment without an https origin', () => {
    expect(() => resolveEnvironment({ env: 'production' })).toThrow(/needs --host/);
    expect(() => resolveEnvironment({ env: 'production', host: 'http://addin.example.com' })).toThrow(/must be https/);
    expect(() => resolveEnvironment({ env: 'production', host: 'https://addin.example.com/pane' })).toThrow(/origin only/);
    expect(() => resolveEnvironment({ env: 'qa', host: 'https://addin.example.com' })).toThrow(/use one of dev, staging, production/);
  });
});

describe('the XML validator on generated manifests', () => {
  it("refuses a production manifest whose config's redirect URI is on another origin", () => {
    const config = structuredClone(production.config!);
    config.salesforce.redirectUri = 'https://other.example.com/auth-callback.html';
    const [xmlReport] = validateEnvironmentManifests({ ...production, config });
    expect(xmlReport!.errors.join('\n')).toMatch(
      /redirectUri \(https:\/\/other.example.com\/auth-callback.html\) is on https:\/\/other.example.com, but the manifest's task pane is on https:\/\/addin.example.com/,
    );
  });
});

describe('the unified manifest validator', () => {
  it('refuses what its JSON schema refuses', () => {
    const errors = validateJson(
      brokenJson((m) => {
        delete (m as Partial<UnifiedManifest>).developer;
        (m as unknown as { version: number }).version = 5;
        m.extensions[0]!.ribbons[0]!.contexts = ['mailReading'];
        m.name.short = 'x'.repeat(31);
      }),
    ).join('\n');
    expect(errors).toMatch(/^\/ must have required property 'developer'/m);
    expect(errors).toMatch(/^\/version must be string/m);
    expect(errors).toMatch(/^\/extensions\/0\/ribbons\/0\/contexts\/0 must be equal to one of the allowed values/m);
    expect(errors).toMatch(/^\/name\/short must NOT have more than 30 characters/m);
  });

  it('refuses an unknown schema version', () => {
    expect(validateJson(brokenJson((m) => (m.manifestVersion = '9.9')))).toEqual(['manifestVersion "9.9" names no schema shipped in @microsoft/app-manifest']);
  });

  it('refuses what the schema allows but Outlook would not', () => {
    const errors = validateJson(
      brokenJson((m) => {
        m.extensions[0]!.requirements.scopes = ['workbook'];
        controlOf(m, 1).actionId = 'missing';
        m.extensions[0]!.runtimes[0]!.code.page = 'http://addin.example.com/index.html';
        m.validDomains = ['https://login.salesforce.com/'];
      }),
    ).join('\n');
    expect(errors).toMatch(/requirements\/scopes must include "mail"/);
    expect(errors).toMatch(/ribbons\/1\/tabs\/0\/groups\/0\/controls\/0\/actionId "missing" names no action of a runtime/);
    expect(errors).toMatch(/\/extensions\/0\/runtimes\/0\/code\/page: "http:\/\/addin.example.com\/index.html" must use https/);
    expect(errors).toMatch(/several origins/);
    expect(errors).toMatch(/validDomains does not list the add-in's host/);
    expect(errors).toMatch(/"https:\/\/login.salesforce.com\/" must be a host name/);
  });

  it('refuses a missing page, an icon of the wrong size and a wrong app package icon', () => {
    const small = encodePng(16, 16, drawIcon(16));
    const errors = validateUnifiedManifest(unifiedManifest(production), {
      readAsset: (p) => (p === '/icons/icon-80.png' ? small : p === '/index.html' ? undefined : readRepoAsset(p)),
      readPackageFile: (file) => (file === 'color.png' ? small : undefined),
    }).join('\n');
    expect(errors).toMatch(/names \/index.html, which the add-in does not serve/);
    expect(errors).toMatch(/icons\/2\/url: https:\/\/addin.example.com\/icons\/icon-80.png is 16x16, expected 80x80/);
    expect(errors).toMatch(/\/icons\/color: color.png is 16x16, expected 192x192/);
    expect(errors).toMatch(/\/icons\/outline: outline.png is not in the app package/);
  });
});

describe('npm run validate', () => {
  it('checks both manifests for dev and for a production host, and exits 0', () => {
    const out = execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [path.join(REPO_ROOT, 'tests', 'tools', 'manifest', 'validate.ts')], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out.match(/^✓ .*$/gm)).toEqual([
      '✓ manifest.xml is the generated dev manifest',
      '✓ XML manifest (dev, https://localhost:3000)',
      '✓ unified JSON manifest (dev, https://localhost:3000)',
      '✓ XML manifest (production, https://addin.example.com)',
      '✓ unified JSON manifest (production, https://addin.example.com)',
    ]);
  });
});
