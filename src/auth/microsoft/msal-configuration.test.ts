import { describe, expect, it } from 'vitest';
import { buildMsalConfiguration, protocolModeFor, SIGN_IN_SCOPES } from './msal-configuration';

describe('protocolModeFor', () => {
  it.each([
    ['https://login.microsoftonline.com/common', 'AAD'],
    ['https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47', 'AAD'],
    ['https://contoso.ciamlogin.com/contoso.onmicrosoft.com', 'AAD'],
    ['https://login.microsoftonline.us/organizations', 'AAD'],
    ['https://localhost:8443', 'OIDC'],
    ['https://idp.example.com/realms/sales', 'OIDC'],
  ])('%s → %s', (authority, mode) => {
    expect(protocolModeFor(authority)).toBe(mode);
  });
});

describe('buildMsalConfiguration', () => {
  it('trusts a non-Microsoft issuer by host and speaks plain OpenID Connect to it', () => {
    const c = buildMsalConfiguration({ clientId: 'c', authority: 'https://localhost:8443' }, { redirectUri: 'https://localhost:3000/msal-redirect.html' });
    expect(c.auth.knownAuthorities).toEqual(['localhost:8443']);
    expect(c.system?.protocolMode).toBe('OIDC');
    expect(c.auth.redirectUri).toBe('https://localhost:3000/msal-redirect.html');
  });

  it('relays the popup answer through the popup-relay page when one is given (a partitioned pane), else not', () => {
    const relayed = buildMsalConfiguration(
      { clientId: 'c', authority: 'https://localhost:8443' },
      { redirectUri: 'https://localhost:3000/msal-redirect.html', popupRelayUri: 'https://localhost:3000/msal-popup-relay.html' },
    );
    expect(relayed.auth.popupRelayUri).toBe('https://localhost:3000/msal-popup-relay.html');
    const direct = buildMsalConfiguration({ clientId: 'c', authority: 'https://localhost:8443' }, { redirectUri: 'https://localhost:3000/msal-redirect.html' });
    expect(direct.auth.popupRelayUri).toBeUndefined();
  });

  it('leaves Entra ID to MSAL’s own discovery', () => {
    const c = buildMsalConfiguration({ clientId: 'c', authority: 'https://login.microsoftonline.com/common' }, { redirectUri: 'https://x/r' });
    expect(c.auth.knownAuthorities).toEqual([]);
    expect(c.system?.protocolMode).toBe('AAD');
  });

  it('keeps tokens in memory only and MSAL’s logger silent without PII', () => {
    const c = buildMsalConfiguration({ clientId: 'c', authority: 'https://login.microsoftonline.com/common' }, { redirectUri: 'https://x/r' });
    expect(c.cache?.cacheLocation).toBe('memoryStorage');
    expect(c.system?.loggerOptions?.piiLoggingEnabled).toBe(false);
    expect(c.auth.postLogoutRedirectUri).toBeNull();
  });

  it('asks for openid, profile and User.Read', () => {
    expect(SIGN_IN_SCOPES).toEqual(['openid', 'profile', 'User.Read']);
  });
});
