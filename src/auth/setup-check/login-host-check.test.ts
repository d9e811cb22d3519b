import { describe, expect, it } from 'vitest';
import { decideLoginHost } from './login-host-check';

const ADDIN = 'https://addin.contoso.com';

describe('decideLoginHost', () => {
  it.each([
    ['https://acme.my.salesforce.com', ADDIN, 'ok', 'my_domain', undefined],
    ['https://acme--uat.sandbox.my.salesforce.com', ADDIN, 'ok', 'my_domain', undefined],
    ['https://login.salesforce.com', ADDIN, 'problem', 'generic_login_host', 'my_domain_required'],
    ['https://test.salesforce.com/', ADDIN, 'problem', 'generic_login_host', 'my_domain_required'],
    ['http://acme.my.salesforce.com', ADDIN, 'problem', 'host_refused', 'salesforce_host_refused'],
    ['https://acme.example.com', ADDIN, 'problem', 'host_refused', 'salesforce_host_refused'],
    ['https://localhost:8787', ADDIN, 'problem', 'host_refused', 'salesforce_host_refused'],
    ['https://localhost:8787', 'https://localhost:3000', 'ok', 'my_domain', undefined],
  ] as const)('%s for an add-in on %s: %s (%s)', (loginUrl, origin, status, finding, reason) => {
    const result = decideLoginHost({ loginUrl, origin });
    expect(result).toMatchObject({ id: 'login-host', status, finding });
    expect(result.reason).toBe(reason);
  });

  it('accepts a custom domain only when config.json lists it', () => {
    expect(decideLoginHost({ loginUrl: 'https://login.contoso.com', origin: ADDIN }).status).toBe('problem');
    expect(decideLoginHost({ loginUrl: 'https://login.contoso.com', origin: ADDIN, customDomains: ['login.contoso.com'] }).status).toBe('ok');
  });
});
