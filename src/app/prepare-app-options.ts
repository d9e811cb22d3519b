/**
 * The production choices for the optional adapters: the outbox, and Microsoft sign-in when the runtime config has a
 * `microsoft` block. The Microsoft client is built once per pane (`createAppMicrosoftAuth`); the app state is built
 * per Microsoft account (`appOptionsFor`), because the account keys the Salesforce token store and the outbox.
 */
import { createMicrosoftAuth, microsoftAccountKey, type MicrosoftAuth } from '../auth/microsoft';
import type { RuntimeConfig } from '../config/runtime-config';
import type { AppOptions } from './start-app';

export interface MicrosoftAuthFactoryDeps {
  baseUrl: string;
  /** The Office host's requirement-set check, so NestedAppAuth 1.1 is detected. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Seam for tests; the real one builds MSAL lazily. */
  createMicrosoft?: (config: NonNullable<RuntimeConfig['microsoft']>, redirectUri: string) => MicrosoftAuth;
}

/** Microsoft sign-in for this pane, or undefined when the config has none (the add-in then runs without it). */
export function createAppMicrosoftAuth(config: RuntimeConfig, deps: MicrosoftAuthFactoryDeps): MicrosoftAuth | undefined {
  if (!config.microsoft) return undefined;
  const redirectUri = new URL('msal-redirect.html', deps.baseUrl).href;
  // The pane is a partitioned cross-site iframe in Outlook on the web: the popup's answer comes through the relay.
  const popupRelayUri = new URL('msal-popup-relay.html', deps.baseUrl).href;
  const create =
    deps.createMicrosoft ??
    ((c: NonNullable<RuntimeConfig['microsoft']>, r: string) =>
      createMicrosoftAuth({ config: c, redirectUri: r, popupRelayUri, ...(deps.isSetSupported ? { isSetSupported: deps.isSetSupported } : {}) }));
  return create(config.microsoft, redirectUri);
}

/** The namespace of the signed-in Microsoft account, or undefined. */
export function currentAccountKey(microsoft: MicrosoftAuth | undefined): string | undefined {
  const account = microsoft?.account();
  return account ? microsoftAccountKey(account) : undefined;
}

/** The adapters for app state keyed to `accountKey` (the Microsoft account signed in when it was built). */
export function appOptionsFor(microsoft: MicrosoftAuth | undefined, accountKey: string | undefined): AppOptions {
  const options: AppOptions = {
    // The outbox's code (its store, executors and the CRM writes under them) is a chunk of its own, fetched while the
    // pane starts rather than carried by the first paint (issue 14).
    createOutbox: async ({ api, partitionKey, indexedDB, onlineState, channel }) => {
      const { createOutbox } = await import('../salesforce/outbox/create-outbox');
      return createOutbox({ api, indexedDB, onlineState, channel, ...(partitionKey ? { partitionKey } : {}) });
    },
  };
  if (!microsoft) return options;
  options.microsoft = {
    signOut: () => microsoft.signOut(),
    accountId: () => accountKey,
  };
  options.microsoftAuth = microsoft;
  return options;
}
