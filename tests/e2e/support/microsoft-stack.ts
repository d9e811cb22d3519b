import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_USERS, startOidcServer, type OidcServerOptions, type RunningOidcServer } from '../../oidc/oidc-server';
import { withFreePort } from './free-port';
import { startStack, type Stack, type StackOptions } from './stack';

/** Where the harness page, playing Outlook for nested app authentication, takes the provider's answer. */
export const OUTLOOK_SIGN_IN_CALLBACK_PATH = '/__harness/outlook-sign-in-callback';

export interface MicrosoftStackOptions {
  stack?: Omit<StackOptions, 'config'>;
  oidc?: Pick<OidcServerOptions, 'passwordGrant'>;
}

export interface MicrosoftStack {
  stack: Stack;
  oidc: RunningOidcServer;
  close(): Promise<void>;
}

/**
 * The usual stack with Microsoft sign-in configured against a local OpenID Connect provider. The provider must know
 * the add-in's origin (redirect URIs, CORS) and the add-in's config must name the provider, so the provider's port is
 * chosen first and it starts once the stack has told its origin. Redirect URIs: MSAL's popup page and the harness
 * page's own callback (on the host's origin) for nested app authentication.
 */
export async function startMicrosoftStack(clientId: string, options: MicrosoftStackOptions = {}): Promise<MicrosoftStack> {
  return withFreePort((oidcPort) => startOnPort(clientId, oidcPort, options));
}

async function startOnPort(clientId: string, oidcPort: number, options: MicrosoftStackOptions): Promise<MicrosoftStack> {
  const stack = await startStack({
    ...options.stack,
    config: (base) => ({ ...base, microsoft: { clientId, authority: `https://localhost:${oidcPort}` } }),
  });
  try {
    const oidc = await startOidcServer({
      clientId,
      port: oidcPort,
      // The add-in's own popup returns to its page; nested app authentication is Outlook's, on the host's origin.
      redirectUris: [`${stack.addinOrigin}/msal-redirect.html`, `${stack.hostOrigin}${OUTLOOK_SIGN_IN_CALLBACK_PATH}`],
      allowedOrigins: [stack.addinOrigin, stack.hostOrigin],
      users: DEFAULT_USERS,
      ...options.oidc,
    });
    return {
      stack,
      oidc,
      close: async () => {
        await stack.close();
        await oidc.close();
      },
    };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

export interface MicrosoftSignInWindows {
  /** The add-in's popup-relay page (first-party), opened by the pane's click. */
  relay: Page;
  /** The identity provider's login page, opened by the relay page's Continue click. */
  provider: Page;
}

/**
 * The standard (non-nested) Microsoft sign-in as a seller meets it in Outlook on the web: the pane's click opens the
 * add-in's popup-relay page (MSAL `popupRelayUri`), whose Continue click opens the provider's login page. The pane is
 * partitioned, so the provider's answer comes back through the relay, never straight from the provider's window.
 */
export async function openMicrosoftSignIn(context: BrowserContext, click: () => Promise<unknown>, timeout = 20_000): Promise<MicrosoftSignInWindows> {
  const [relay] = await Promise.all([context.waitForEvent('page', { timeout }), click()]);
  await relay.waitForURL((url) => url.pathname.endsWith('/msal-popup-relay.html'), { timeout });
  const continueButton = relay.getByRole('button', { name: 'Continue' });
  await continueButton.waitFor({ timeout });
  await relay.waitForFunction(() => !(document.getElementById('relay-continue') as HTMLButtonElement).disabled, undefined, { timeout });
  const [provider] = await Promise.all([context.waitForEvent('page', { timeout }), continueButton.click()]);
  await provider.waitForSelector('input[name="login"]', { timeout });
  return { relay, provider };
}
