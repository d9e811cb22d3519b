/**
 * The production choices for the optional adapters, prepared before the first render: the outbox, and Microsoft
 * sign-in when the runtime config has a `microsoft` block. Microsoft's silent sign-in runs first (bounded by its own
 * timeout, never throws, never opens a window) because its account keys the Salesforce token store and the outbox.
 */
import { createMicrosoftAuth, microsoftAccountKey, type MicrosoftAuth } from '../auth/microsoft';
import type { RuntimeConfig } from '../config/runtime-config';
import { createOutbox } from '../salesforce/outbox/create-outbox';
import type { AppOptions } from './start-app';

export interface PrepareDeps {
  baseUrl: string;
  /** Seam for tests; the real one builds MSAL lazily. */
  createMicrosoft?: (config: NonNullable<RuntimeConfig['microsoft']>, redirectUri: string) => MicrosoftAuth;
}

export async function prepareAppOptions(config: RuntimeConfig, deps: PrepareDeps): Promise<AppOptions> {
  const options: AppOptions = {
    createOutbox: ({ api, partitionKey, indexedDB }) => createOutbox({ api, indexedDB, ...(partitionKey ? { partitionKey } : {}) }),
  };
  if (!config.microsoft) return options;

  const redirectUri = new URL('msal-redirect.html', deps.baseUrl).href;
  const microsoft = (deps.createMicrosoft ?? ((c, r) => createMicrosoftAuth({ config: c, redirectUri: r })))(config.microsoft, redirectUri);
  await microsoft.initialize().catch(() => undefined);
  const account = microsoft.account();
  const accountKey = account ? microsoftAccountKey(account) : undefined;
  options.microsoft = {
    signOut: () => microsoft.signOut(),
    accountId: () => accountKey,
  };
  return options;
}
