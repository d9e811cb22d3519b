/**
 * The add-in's real Microsoft sign-in (createMicrosoftAuth and msal-browser) talking to the nested app authentication
 * bridge stand-in, as the pane does inside Outlook: what a component shows follows MSAL's own answers. The bridge is
 * installed on the jsdom window for one test and removed after it.
 */
import { onTestFinished } from 'vitest';
import { createMicrosoftAuth, type MicrosoftAuth } from '../auth/microsoft';
import { memoryStorage } from './memory-storage';
import { createNaaBridgeStandIn, type BridgeMethod, type Behaviour, type HostAccount, type NaaBridgeStandIn } from './naa-bridge-stand-in';

export interface TestMicrosoftAuth {
  microsoft: MicrosoftAuth;
  host: NaaBridgeStandIn;
}

export function createTestMicrosoftAuth(options: Partial<Record<BridgeMethod, Behaviour>> & { account?: HostAccount; initializeTimeoutMs?: number } = {}): TestMicrosoftAuth {
  const host = createNaaBridgeStandIn(options);
  const g = globalThis as Record<string, unknown>;
  g.nestedAppAuthBridge = host.bridge;
  onTestFinished(() => {
    delete g.nestedAppAuthBridge;
  });
  const microsoft = createMicrosoftAuth({
    config: { clientId: '6f1c2d3e-aaaa-bbbb-cccc-0123456789ab', authority: 'https://login.microsoftonline.com/common' },
    redirectUri: 'https://localhost:3000/msal-redirect.html',
    isSetSupported: () => true,
    flags: memoryStorage(),
    ...(options.initializeTimeoutMs ? { initializeTimeoutMs: options.initializeTimeoutMs } : {}),
  });
  return { microsoft, host };
}

/** Microsoft sign-in left out of the runtime config. */
export function unconfiguredMicrosoftAuth(): MicrosoftAuth {
  return createMicrosoftAuth({ config: undefined, redirectUri: 'https://localhost:3000/msal-redirect.html', flags: memoryStorage() });
}
