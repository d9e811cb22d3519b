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
 * MSAL keeps its cache in memory, in both modes. The team's rule is that no token ever sits in plaintext storage,
 * and msal-browser 5 writes sessionStorage/localStorage caches as plain JSON (access, id and refresh tokens).
 * - nested (NAA): Outlook holds the account and the tokens; the pane's copy is a mirror asked again from the host
 *   without any UI. Memory also makes sign-out exact: MSAL 5 rejects `clearCache` in nested mode, so sign-out drops
 *   the instance and with it every token.
 * - standard: a pane reload loses the tokens; `initialize()` restores the session with `ssoSilent` (hidden iframe,
 *   prompt=none) from a non-secret hint (home account id, username) kept in sessionStorage, and checks the account
 *   that comes back is the hinted one. Where the identity provider's cookie is not available to a frame, the seller
 *   clicks Sign in again.
 */
export function buildMsalConfiguration(config: MicrosoftSignInConfig, options: { redirectUri: string; popupRelayUri?: string }): Configuration {
  const mode = protocolModeFor(config.authority);
  const host = new URL(config.authority).host;
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      // A non-Microsoft issuer must be named as trusted, or MSAL asks Entra's instance discovery about it.
      knownAuthorities: mode === 'OIDC' ? [host] : [],
      redirectUri: options.redirectUri,
      // Outlook on the web hosts the pane in a cross-site iframe: the browser partitions its BroadcastChannel, so the
      // redirect bridge in the (first-party) popup cannot answer it. MSAL's popup relay, a first-party page of the
      // add-in, opens the provider and posts the answer to the pane instead.
      ...(options.popupRelayUri ? { popupRelayUri: options.popupRelayUri } : {}),
      // Never navigate the pane after a sign-out; nothing here uses a redirect.
      postLogoutRedirectUri: null,
    },
    cache: { cacheLocation: 'memoryStorage' },
    system: {
      protocolMode: mode,
      // The silent restore at start-up must end inside initialize()'s own bound (8 s by default).
      iframeBridgeTimeout: 6000,
      // MSAL's logger stays silent: nothing it could print (PII or not) belongs in the pane's console.
      loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  };
}
