import { describe, expect, it } from 'vitest';
import { hostOf } from './url-host';

describe('hostOf', () => {
  it.each([
    ['https://acme.my.salesforce.com/services/oauth2/token', 'acme.my.salesforce.com'],
    ['https://localhost:3000/auth-callback.html', 'localhost:3000'],
    ['', undefined],
    ['acme.my.salesforce.com', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, host) => {
    expect(hostOf(url)).toBe(host);
  });
});
