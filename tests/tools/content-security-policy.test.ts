import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addinContentSecurityPolicy, EMPTY_STYLE_HASH, HEADER_FILE, OFFICE_FRAME_ANCESTORS, withPolicyMeta } from './content-security-policy';
import { writeContentSecurityPolicy } from './write-csp';

const CONFIG = {
  salesforce: {
    loginUrl: 'https://acme.my.salesforce.com',
    loginChoices: [{ label: 'Sandbox', loginUrl: 'https://test.salesforce.com/' }],
    customDomains: ['login.acme.example'],
  },
  microsoft: { clientId: 'x', authority: 'https://login.microsoftonline.com/contoso.example' },
};

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('the add-in Content Security Policy', () => {
  it('connects only to itself, the Salesforce domains, the configured login hosts and custom domains, and the Microsoft authority', () => {
    const { header } = addinContentSecurityPolicy(CONFIG);
    expect(directive(header, 'connect-src')).toEqual([
      "'self'",
      'https://*.salesforce.com',
      'https://*.force.com',
      'https://*.cloudforce.com',
      'https://*.salesforce.mil',
      'https://*.sfcrmproducts.cn',
      'https://*.sfcrmapps.cn',
      'https://acme.my.salesforce.com',
      'https://test.salesforce.com',
      'https://login.acme.example',
      'https://login.microsoftonline.com',
    ]);
    expect(directive(header, 'frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
  });

  it('runs scripts from itself and the office.js CDN only, styles from itself and empty style elements only', () => {
    const { header } = addinContentSecurityPolicy(CONFIG);
    expect(directive(header, 'default-src')).toEqual(["'self'"]);
    expect(directive(header, 'script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directive(header, 'style-src')).toEqual(["'self'", EMPTY_STYLE_HASH]);
    expect(directive(header, 'object-src')).toEqual(["'none'"]);
    expect(directive(header, 'base-uri')).toEqual(["'none'"]);
    expect(header).not.toMatch(/unsafe-/);
  });

  it('names the Office hosts as frame ancestors in the header, and leaves them out of the meta tag', () => {
    const policy = addinContentSecurityPolicy(CONFIG);
    expect(directive(policy.header, 'frame-ancestors')).toEqual(["'self'", ...OFFICE_FRAME_ANCESTORS]);
    expect(policy.meta).not.toMatch(/frame-ancestors/);
    expect(policy.header.startsWith(policy.meta)).toBe(true);
  });

  it('lets a stand-in for a wildcard Salesforce host in beside the configured ones (tests only)', () => {
    const { header } = addinContentSecurityPolicy(CONFIG, { salesforceStandIns: ['https://127.0.0.1:4444'] });
    expect(directive(header, 'connect-src')).toContain('https://127.0.0.1:4444');
    expect(directive(addinContentSecurityPolicy(CONFIG).header, 'connect-src')).not.toContain('https://127.0.0.1:4444');
  });

  it('ignores what is not a host in the config instead of widening the policy', () => {
    const { header } = addinContentSecurityPolicy({ salesforce: { loginUrl: 'javascript:alert(1)', loginChoices: 'x', customDomains: ['*', 'a b', 42] } });
    expect(directive(header, 'connect-src')).not.toContain('*');
    expect(header).not.toMatch(/javascript|a b|42/);
  });

  it('puts its meta tag after the charset and before any script, replacing an older one', () => {
    const page = '<html><head>\n<meta charset="UTF-8" />\n<script src="x.js"></script></head></html>';
    const once = withPolicyMeta(page, "default-src 'self'");
    expect(once.indexOf('charset')).toBeLessThan(once.indexOf('Content-Security-Policy'));
    expect(once.indexOf('Content-Security-Policy')).toBeLessThan(once.indexOf('<script'));
    expect(once).toContain(`content="default-src 'self'"`);
    const twice = withPolicyMeta(once, "default-src 'none'");
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice).toContain(`content="default-src 'none'"`);
  });

  it('npm run csp restates the meta tags and the header file for the config a deployment serves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csp-'));
    try {
      await writeFile(join(dir, 'config.json'), JSON.stringify(CONFIG));
      await writeFile(join(dir, 'index.html'), '<html><head><meta charset="UTF-8" /></head><body></body></html>');
      await writeContentSecurityPolicy(dir, ['https://outlook.example']);
      const header = await readFile(join(dir, HEADER_FILE), 'utf8');
      expect(directive(header.trim(), 'frame-ancestors')).toContain('https://outlook.example');
      expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('https://acme.my.salesforce.com');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
