import { describe, expect, it } from 'vitest';
import type { MicrosoftAuth } from '../auth/microsoft';
import { parseRuntimeConfig } from '../config/runtime-config';
import { appOptionsFor, createAppMicrosoftAuth, currentAccountKey } from './prepare-app-options';

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

describe('Microsoft sign-in for the app', () => {
  it('without Microsoft config: no Microsoft sign-in, the outbox only', () => {
    const config = parseRuntimeConfig(base);
    expect(createAppMicrosoftAuth(config, { baseUrl: 'https://addin.example/' })).toBeUndefined();
    const options = appOptionsFor(undefined, undefined);
    expect(options.createOutbox).toBeTypeOf('function');
    expect(options.microsoft).toBeUndefined();
    expect(options.microsoftAuth).toBeUndefined();
  });

  it('with Microsoft config: the redirect page beside the pane, and the host asked about NestedAppAuth', async () => {
    let redirect = '';
    const config = parseRuntimeConfig({ ...base, microsoft: { clientId: 'm', authority: 'https://login.example/tenant' } });
    const made = createAppMicrosoftAuth(config, {
      baseUrl: 'https://addin.example/pane/index.html',
      createMicrosoft: (_config: unknown, redirectUri: string) => {
        redirect = redirectUri;
        return fakeMicrosoft(false, []);
      },
    });
    expect(made).toBeDefined();
    expect(redirect).toBe('https://addin.example/pane/msal-redirect.html');

    // The real factory: NestedAppAuth is asked of the host (the module calls it when MSAL is built).
    const real = createAppMicrosoftAuth(config, { baseUrl: 'https://addin.example/', isSetSupported: () => false });
    expect(real?.diagnostics().configured).toBe(true);
  });

  it('keys the app state to the account given, and signs out through Microsoft', async () => {
    const log: string[] = [];
    const microsoft = fakeMicrosoft(true, log);
    expect(currentAccountKey(microsoft)).toBe('ms:oid.tid');
    const options = appOptionsFor(microsoft, currentAccountKey(microsoft));
    expect(options.microsoft?.accountId?.()).toBe('ms:oid.tid');
    expect(options.microsoftAuth).toBe(microsoft);
    await options.microsoft?.signOut();
    expect(log).toEqual(['signOut']);
  });

  it('no account yet: no key, sign-out still offered', () => {
    const microsoft = fakeMicrosoft(false, []);
    expect(currentAccountKey(microsoft)).toBeUndefined();
    const options = appOptionsFor(microsoft, undefined);
    expect(options.microsoft?.accountId?.()).toBeUndefined();
    expect(options.microsoft?.signOut).toBeTypeOf('function');
  });
});
