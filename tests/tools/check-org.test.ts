import { describe, expect, it } from 'vitest';
import { formatReport, parseCheckOrgArgs, UsageError } from './check-org';

describe('check-org arguments', () => {
  it('takes the callback URL from the origin when none is given', () => {
    expect(parseCheckOrgArgs(['--login-url', 'https://acme.my.salesforce.com', '--client-id', 'key', '--origin', 'https://addin.example/'])).toEqual({
      loginUrl: 'https://acme.my.salesforce.com',
      clientId: 'key',
      origin: 'https://addin.example',
      redirectUri: 'https://addin.example/auth-callback.html',
      appName: undefined,
      customDomains: [],
      locale: 'en',
    });
  });

  it('takes the origin from the callback URL when none is given', () => {
    const options = parseCheckOrgArgs([
      '--login-url',
      'https://a.my.salesforce.com',
      '--client-id',
      'k',
      '--redirect-uri',
      'https://addin.example/sub/auth-callback.html',
      '--custom-domain',
      'login.acme.com',
      '--custom-domain',
      'sso.acme.com',
    ]);
    expect(options.origin).toBe('https://addin.example');
    expect(options.customDomains).toEqual(['login.acme.com', 'sso.acme.com']);
  });

  it.each([
    [['--client-id', 'k', '--origin', 'https://addin.example']],
    [['--login-url', 'https://a.my.salesforce.com', '--origin', 'https://addin.example']],
    [['--login-url', 'https://a.my.salesforce.com', '--client-id', 'k']],
    [['--login-url', 'https://a.my.salesforce.com', '--client-id', 'k', '--origin', 'not a url']],
  ])('refuses %j', (argv) => {
    expect(() => parseCheckOrgArgs(argv)).toThrow(UsageError);
  });
});

describe('check-org report', () => {
  it('prints the fix for what is not fine, and the verdict', () => {
    const report = formatReport(
      [
        { id: 'login-host', status: 'ok', title: 'Login', what: 'fine', fix: 'Setup › My Domain' },
        { id: 'oauth-cors', status: 'problem', title: 'OAuth CORS', what: 'off', fix: 'Setup › CORS › Edit' },
      ],
      'en',
    );
    expect(report).toBe(['✔ OK: Login', '    fine', '✖ PROBLEM: OAuth CORS', '    off', '    Where: Setup › CORS › Edit', '', '1 to fix in Salesforce Setup.'].join('\n'));
  });
});
