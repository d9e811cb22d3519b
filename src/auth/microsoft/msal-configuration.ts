import type { Configuration } from '@azure/msal-browser';

export interface MicrosoftSignInConfig {
  clientId: string;
  /** e.g. "https://login.microsoftonline.com/common", or any OpenID Connect issuer. */
  authority: string;
}

/** Scopes asked for at sign-in: who the seller is (openid, profile) and their Graph profile (User.Read). */
export const SIGN_IN_SCOPES = ['openid', 'profile', 'User.Read'];

const MICROSOFT_LOGIN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.partner.microsoftonline.cn',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
]);

/** Entra ID authorities get MSAL's Entra behaviour; anything else is a plain OpenID Connect issuer. */
export function protocolModeFor(authority: string): 'AAD' | 'OIDC' {
  const host = new URL(authority).hostname.toLowerCase();
  return MICROSOFT_LOGIN_HOSTS.has(host) || host.endsWith('.ciamlogin.com') ? 'AAD' : 'OIDC';
}

/**
 * Where MSAL keeps its cache:
 * - nested (NAA): memory. Outlook holds the account and the tokens; the pane's copy is a short-lived mirror, asked
 *   again from the host without any UI. Memory also makes sign-out exact: MSAL v5 does not support `clearCache` in
 *   nested mode, so sign-out drops the whole instance and with it every token.
 * - standard: sessionStorage. It survives a pane reload within the Outlook session (no new popup every time the
 *   pane reloads), is not shared with other tabs or windows, and is gone when the session ends; localStorage would
 *   keep a refresh token in plaintext at rest, across sessions, which the team's rules forbid.
 */
export function buildMsalConfiguration(
  config: MicrosoftSignInConfig,
  options: { redirectUri: string; via: 'nested' | 'standard' },
): Configuration {
  const mode = protocolModeFor(config.authority);
  const host = new URL(config.authority).host;
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // A non-Microsoft issuer must be named as trusted, or MSAL asks Entra's instance discovery about it.
      knownAuthorities: mode === 'OIDC' ? [host] : [],
      redirectUri: options.redirectUri,
      // Never navigate the pane after a sign-out; nothing here uses a redirect.
      postLogoutRedirectUri: null,
    },
    cache: { cacheLocation: options.via === 'nested' ? 'memoryStorage' : 'sessionStorage' },
    system: {
      protocolMode: mode,
      // MSAL's logger stays silent: nothing it could print (PII or not) belongs in the pane's console.
      loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  };
}
