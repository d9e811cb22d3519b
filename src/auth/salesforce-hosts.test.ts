import { describe, expect, it } from 'vitest';
import { normalizeCustomDomain } from '../config/host-names';
import { checkSalesforceHost, hostCheckedFetch, hostRefusedFailure, isAllowedSalesforceHost, salesforceHostPolicy, storedSessionRefusal, type HostRefusal } from './salesforce-hosts';

const PRODUCTION = salesforceHostPolicy({}, 'https://addin.contoso.com');
const WITH_CUSTOM = salesforceHostPolicy({ customDomains: ['login.contoso.com'] }, 'https://addin.contoso.com');
const ON_LOOPBACK = salesforceHostPolicy({}, 'https://localhost:3000');

describe('checkSalesforceHost: Salesforce hosts', () => {
  it.each([
    'https://acme.my.salesforce.com',
    'https://acme.my.salesforce.com/',
    'https://ACME.My.Salesforce.com/services/oauth2/token',
    'https://acme--uat.sandbox.my.salesforce.com',
    'https://acme-dev-ed.develop.my.salesforce.com',
    'https://login.salesforce.com/id/00D5e000000DemoAAA/0055e000001SamAAAS',
    'https://test.salesforce.com',
    'https://na123.salesforce.com',
    'https://acme.lightning.force.com',
    'https://acme.cloudforce.com',
    'https://acme.my.salesforce.mil',
    'https://acme.my.sfcrmproducts.cn',
    'https://acme.lightning.sfcrmapps.cn',
    'https://acme.my.salesforce.com:443',
  ])('%s is allowed everywhere', (url) => {
    expect(checkSalesforceHost(url, PRODUCTION)).toMatchObject({ ok: true });
    expect(isAllowedSalesforceHost(url, ON_LOOPBACK)).toBe(true);
  });
});

describe('checkSalesforceHost: refusals', () => {
  const cases: Array<[string, HostRefusal]> = [
    ['not a url', 'not_a_url'],
    ['', 'not_a_url'],
    ['http://acme.my.salesforce.com', 'not_https'],
    ['javascript:alert(1)', 'not_https'],
    ['wss://acme.my.salesforce.com', 'not_https'],
    ['https://user:pw@acme.my.salesforce.com', 'credentials'],
    ['https://acme.my.salesforce.com:8443', 'port'],
    ['https://evil.example', 'not_salesforce'],
    ['https://salesforce.com', 'not_salesforce'],
    ['https://force.com', 'not_salesforce'],
    ['https://acme.my.salesforce.com.evil.example', 'not_salesforce'],
    ['https://acme.my.salesforce.com@evil.example', 'credentials'],
    ['https://evilsalesforce.com', 'not_salesforce'],
    ['https://acme.my.salesforce.com.', 'not_salesforce'],
    ['https://acme.my.site.com', 'not_salesforce'],
    ['https://10.0.0.5', 'not_salesforce'],
    ['https://login.contoso.com', 'not_salesforce'],
    ['https://localhost:8787', 'loopback'],
    ['https://127.0.0.1:8443/id/00D/005', 'loopback'],
    ['https://[::1]:8443', 'loopback'],
  ];
  it.each(cases)('%s is refused in production: %s', (url, refusal) => {
    expect(checkSalesforceHost(url, PRODUCTION)).toMatchObject({ ok: false, refusal });
    expect(isAllowedSalesforceHost(url, PRODUCTION)).toBe(false);
  });

  it('names the host it refused, never more than the host', () => {
    expect(checkSalesforceHost('https://evil.example:444/path?token=x', PRODUCTION)).toEqual({ ok: false, refusal: 'port', host: 'evil.example:444' });
    const failure = hostRefusedFailure({ ok: false, refusal: 'not_salesforce', host: 'evil.example' }, 'instance');
    expect(failure).toMatchObject({ kind: 'admin_action_required', reason: 'salesforce_host_refused', connectionLost: false, retryable: false });
    expect(failure.detail).toContain('evil.example');
    expect(failure.detail).toContain('instance_url');
  });
});

describe('custom domains', () => {
  it('allows exactly the names config.json lists, on https and port 443', () => {
    expect(isAllowedSalesforceHost('https://login.contoso.com', WITH_CUSTOM)).toBe(true);
    expect(isAllowedSalesforceHost('https://LOGIN.contoso.com/services/oauth2/authorize', WITH_CUSTOM)).toBe(true);
    expect(isAllowedSalesforceHost('https://evil.login.contoso.com', WITH_CUSTOM)).toBe(false);
    expect(isAllowedSalesforceHost('https://contoso.com', WITH_CUSTOM)).toBe(false);
    expect(isAllowedSalesforceHost('http://login.contoso.com', WITH_CUSTOM)).toBe(false);
    expect(isAllowedSalesforceHost('https://login.contoso.com:8443', WITH_CUSTOM)).toBe(false);
  });

  it.each([
    ['login.contoso.com', 'login.contoso.com'],
    [' Login.Contoso.COM. ', 'login.contoso.com'],
    ['https://login.contoso.com', undefined],
    ['login.contoso.com:443', undefined],
    ['login.contoso.com/path', undefined],
    ['*.contoso.com', undefined],
    ['contoso', undefined],
    ['10.0.0.5', undefined],
    ['localhost', undefined],
    ['', undefined],
  ])('normalizeCustomDomain(%j) → %j', (input, expected) => {
    expect(normalizeCustomDomain(input)).toBe(expected);
  });
});

describe('loopback: only for a page itself on loopback', () => {
  it.each(['https://localhost:3000', 'https://127.0.0.1:3000', 'https://[::1]:3000', 'https://LOCALHOST:1'])('a page on %s may reach a loopback org', (page) => {
    const policy = salesforceHostPolicy({}, page);
    expect(policy.allowLoopback).toBe(true);
    for (const url of ['https://localhost:8787', 'https://127.0.0.1:4443/id/00D/005', 'https://[::1]:9']) expect(isAllowedSalesforceHost(url, policy), url).toBe(true);
    // Still https: the emulated org is HTTPS, as Salesforce is.
    expect(isAllowedSalesforceHost('http://localhost:8787', policy)).toBe(false);
  });

  it.each(['https://addin.contoso.com', 'https://localhost.evil.example', 'https://127.0.0.1.nip.io', 'not an origin', ''])('a page on %j may not', (page) => {
    expect(salesforceHostPolicy({}, page).allowLoopback).toBe(false);
    expect(isAllowedSalesforceHost('https://localhost:8787', salesforceHostPolicy({}, page))).toBe(false);
  });
});

describe('storedSessionRefusal: a stored session is outside input too', () => {
  it.each([
    [{ loginUrl: 'https://acme.my.salesforce.com', instanceUrl: 'https://acme.my.salesforce.com' }, undefined],
    [{ loginUrl: 'https://acme.my.salesforce.com', instanceUrl: '' }, undefined],
    [{ loginUrl: 'https://evil.example', instanceUrl: 'https://acme.my.salesforce.com' }, 'login address evil.example'],
    [{ loginUrl: 'https://acme.my.salesforce.com', instanceUrl: 'https://evil.example' }, 'instance URL (instance_url in the token response) evil.example'],
    [{ loginUrl: 'https://localhost:8787', instanceUrl: 'https://localhost:8787' }, 'login address localhost:8787'],
  ])('%j → %s', (session, detail) => {
    const failure = storedSessionRefusal(session, PRODUCTION);
    if (detail === undefined) expect(failure).toBeUndefined();
    else expect(failure).toMatchObject({ reason: 'salesforce_host_refused', detail: expect.stringContaining(detail) });
  });
});

describe('hostCheckedFetch: nothing leaves for a refused host', () => {
  it('passes allowed hosts through, refuses others before calling fetch, with the set-up failure', async () => {
    const sent: string[] = [];
    const guarded = hostCheckedFetch(async (input: string, init: { body: string }) => {
      sent.push(`${input} ${init.body}`);
      return 'answer';
    }, PRODUCTION);
    await expect(guarded('https://acme.my.salesforce.com/services/oauth2/token', { body: 'refresh_token=RT' })).resolves.toBe('answer');
    const refused = await guarded('https://evil.example/services/oauth2/token', { body: 'refresh_token=RT' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'SalesforceFailureError', failure: { reason: 'salesforce_host_refused' } });
    await expect(guarded('https://localhost:8787/services/oauth2/revoke', { body: 'token=RT' })).rejects.toMatchObject({ failure: { kind: 'admin_action_required' } });
    expect(sent).toEqual(['https://acme.my.salesforce.com/services/oauth2/token refresh_token=RT']);
  });
});
