import { describe, expect, it } from 'vitest';
import type { MicrosoftAuth } from '../auth/microsoft';
import { parseRuntimeConfig } from '../config/runtime-config';
import { prepareAppOptions } from './prepare-app-options';

const base = { salesforce: { loginUrl: 'https://org.example', clientId: 'c', redirectUri: 'https://addin.example/auth-callback.html' } };

function fakeMicrosoft(signedIn: boolean, log: string[]): MicrosoftAuth {
  const account = { homeAccountId: 'OID.TID', name: 'Sam', username: 'sam@contoso.example' };
  return {
    state: signedIn ? { status: 'signed_in', account, via: 'standard' } : { status: 'signed_out' },
    subscribe: () => () => undefined,
    account: () => (signedIn ? account : undefined),
    initialize: async () => {
      log.push('initialize');
      return signedIn ? { status: 'signed_in', account, via: 'standard' } : { status: 'signed_out' };
    },
    signIn: async () => ({ status: 'signed_out' }),
    signOut: async () => void log.push('signOut'),
    diagnostics: () => ({ configured: true, status: 'signed_out', summary: '' }),
  };
}

describe('prepareAppOptions', () => {
  it('without Microsoft config: the outbox only, no Microsoft sign-in', async () => {
    const options = await prepareAppOptions(parseRuntimeConfig(base), { baseUrl: 'https://addin.example/' });
    expect(options.createOutbox).toBeTypeOf('function');
    expect(options.microsoft).toBeUndefined();
  });

  it('with Microsoft config: signs in silently first, keys storage by the account, signs out through it', async () => {
    const log: string[] = [];
    let redirect = '';
    const config = parseRuntimeConfig({ ...base, microsoft: { clientId: 'm', authority: 'https://login.example/tenant' } });
    const options = await prepareAppOptions(config, {
      baseUrl: 'https://addin.example/',
      createMicrosoft: (_, redirectUri) => {
        redirect = redirectUri;
        return fakeMicrosoft(true, log);
      },
    });
    expect(redirect).toBe('https://addin.example/msal-redirect.html');
    expect(options.microsoft?.accountId?.()).toBe('ms:oid.tid');
    await options.microsoft?.signOut();
    expect(log).toEqual(['initialize', 'signOut']);
  });

  it('with Microsoft config but no account: no key, sign-out still offered', async () => {
    const config = parseRuntimeConfig({ ...base, microsoft: { clientId: 'm', authority: 'https://login.example/tenant' } });
    const options = await prepareAppOptions(config, { baseUrl: 'https://addin.example/', createMicrosoft: () => fakeMicrosoft(false, []) });
    expect(options.microsoft?.accountId?.()).toBeUndefined();
    expect(options.microsoft?.signOut).toBeTypeOf('function');
  });
});
