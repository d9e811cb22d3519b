import { describe, expect, it } from 'vitest';
import { microsoftAccountKey } from './microsoft-account-key';

describe('microsoftAccountKey', () => {
  it('is stable for one account and differs between accounts', () => {
    const a = { homeAccountId: '11111111-aaaa.72f988bf-tenant' };
    expect(microsoftAccountKey(a)).toBe(microsoftAccountKey({ ...a }));
    expect(microsoftAccountKey(a)).not.toBe(microsoftAccountKey({ homeAccountId: '22222222-bbbb.72f988bf-tenant' }));
  });

  it('ignores the casing MSAL itself ignores', () => {
    expect(microsoftAccountKey({ homeAccountId: 'ABC.DEF' })).toBe(microsoftAccountKey({ homeAccountId: 'abc.def' }));
  });

  it('refuses an empty id rather than sharing one namespace between accounts', () => {
    expect(() => microsoftAccountKey({ homeAccountId: '  ' })).toThrow();
  });
});
