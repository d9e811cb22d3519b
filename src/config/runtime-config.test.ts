import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const base = { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.contoso.com/auth-callback.html' };

describe('parseRuntimeConfig: salesforce.customDomains', () => {
  it('is empty when absent, and keeps exact lower-case host names', () => {
    expect(parseRuntimeConfig({ salesforce: base }).salesforce.customDomains).toEqual([]);
    expect(parseRuntimeConfig({ salesforce: { ...base, customDomains: ['Login.Contoso.com', 'sso.contoso.com.'] } }).salesforce.customDomains).toEqual([
      'login.contoso.com',
      'sso.contoso.com',
    ]);
  });

  it.each([['https://login.contoso.com'], ['*.contoso.com'], ['login.contoso.com:8443'], ['10.0.0.5'], ['localhost'], [''], [42]])('refuses %j with the field named', (entry) => {
    expect(() => parseRuntimeConfig({ salesforce: { ...base, customDomains: [entry] } })).toThrow(ConfigError);
    expect(() => parseRuntimeConfig({ salesforce: { ...base, customDomains: [entry] } })).toThrow(/salesforce\.customDomains\[0\]/);
  });

  it('refuses a value that is not a list', () => {
    expect(() => parseRuntimeConfig({ salesforce: { ...base, customDomains: 'login.contoso.com' } })).toThrow(/customDomains/);
  });
});
