import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMicrosoftAuth, type FlagStorage, type MicrosoftAuthDeps } from './microsoft-auth';
import type { MicrosoftAuthState } from './microsoft-auth-state';
import { createNaaBridgeStandIn, SAM, type BridgeStatus, type NaaBridgeStandIn } from '../../testing/naa-bridge-stand-in';
import { storageKeys } from '../../testing/memory-storage';
import { installMinimalWindow, type MinimalWindow } from '../../testing/minimal-window';

const config = { clientId: '6f1c2d3e-aaaa-bbbb-cccc-0123456789ab', authority: 'https://login.microsoftonline.com/common' };
const redirectUri = 'https://localhost:3000/msal-redirect.html';

let win: MinimalWindow;
let flags: FlagStorage;
let consoleOutput: string[];

function memoryFlags(): FlagStorage {
  const items = new Map<string, string>();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function installBridge(standIn: NaaBridgeStandIn) {
  (globalThis as Record<string, unknown>).nestedAppAuthBridge = standIn.bridge;
}

function auth(overrides: Partial<MicrosoftAuthDeps> = {}) {
  return createMicrosoftAuth({ config, redirectUri, isSetSupported: () => true, flags, ...overrides });
}

const methods = (standIn: NaaBridgeStandIn) => standIn.requests.map((r) => r.method);

beforeEach(() => {
  win = installMinimalWindow();
  flags = memoryFlags();
  consoleOutput = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((a) => (a instanceof Error ? `${a.message}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  win.uninstall();
});

describe('without a microsoft block in the runtime config', () => {
  it('runs without Microsoft sign-in, never loads MSAL, and says so in diagnostics', async () => {
    const loadMsal = vi.fn(() => import('@azure/msal-browser'));
    const a = createMicrosoftAuth({ config: undefined, redirectUri, loadMsal });
    expect(await a.initialize()).toEqual({ status: 'not_configured' });
    expect(await a.signIn()).toEqual({ status: 'not_configured' });
    await a.signOut();
    expect(a.account()).toBeUndefined();
    expect(a.diagnostics().summary).toBe('Microsoft sign-in not configured');
    expect(a.diagnostics().configured).toBe(false);
    expect(loadMsal).not.toHaveBeenCalled();
  });
});

describe('nested app authentication (Outlook supports NestedAppAuth 1.1)', () => {
  it('asks the requirement set by name and version', async () => {
    installBridge(createNaaBridgeStandIn());
    const isSetSupported = vi.fn(() => true);
    await auth({ isSetSupported }).initialize();
    expect(isSetSupported).toHaveBeenCalledWith('NestedAppAuth', '1.1');
  });

  it('signs in silently at start-up through the host, with openid, profile and User.Read', async () => {
    const host = createNaaBridgeStandIn();
    installBridge(host);
    const a = auth();
    const seen: MicrosoftAuthState['status'][] = [];
    a.subscribe((s) => seen.push(s.status));

    const state = await a.initialize();

    expect(state).toEqual({
      status: 'signed_in',
      via: 'nested',
      account: { homeAccountId: SAM.homeAccountId, name: 'Sam Seller', username: SAM.username },
    });
    expect(a.account()?.name).toBe('Sam Seller');
    expect(seen).toEqual(['initializing', 'signed_in']);
    expect(methods(host)).toEqual(['GetInitContext', 'GetToken']);
    expect(host.requests[1]?.tokenParams?.scope.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'User.Read']));
    expect(host.requests[1]?.tokenParams?.clientId).toBe(config.clientId);
    expect(a.diagnostics().summary).toBe('Microsoft sign-in signed in (nested app authentication)');
  });

  it('never opens the host popup at start-up; a click does, when the host needs interaction', async () => {
    const host = createNaaBridgeStandIn({ GetToken: { status: 'USER_INTERACTION_REQUIRED', code: 'interaction_required' } });
    installBridge(host);
    const a = auth();

    expect(await a.initialize()).toEqual({ status: 'signed_out' });
    expect(methods(host)).not.toContain('GetTokenPopup');

    const state = await a.signIn();
    expect(state.status).toBe('signed_in');
    expect(methods(host)).toEqual(['GetInitContext', 'GetToken', 'GetToken', 'GetTokenPopup']);
  });

  const popupFailures: Array<[BridgeStatus, string | undefined, string, string]> = [
    ['USER_CANCEL', undefined, 'cancelled', 'user_canceled'],
    ['NO_NETWORK', undefined, 'offline', 'no_network_connectivity'],
    ['ACCOUNT_UNAVAILABLE', undefined, 'interaction_required', 'no_account_found'],
    ['DISABLED', undefined, 'error', 'nested_app_auth_bridge_disabled'],
    ['PERSISTENT_ERROR', 'invalid_client', 'error', 'invalid_client'],
    ['USER_INTERACTION_REQUIRED', 'consent_required', 'interaction_required', 'consent_required'],
  ];
  it.each(popupFailures)('the host popup answering %s (%s) ends in %s', async (status, code, kind, mapped) => {
    const host = createNaaBridgeStandIn({
      GetToken: { status: 'USER_INTERACTION_REQUIRED' },
      GetTokenPopup: { status, ...(code ? { code } : {}) },
    });
    installBridge(host);
    const a = auth();
    await a.initialize();
    const state = await a.signIn();
    expect(state).toEqual({ status: 'signed_out', failure: { kind, code: mapped } });
    expect(a.account()).toBeUndefined();
  });

  it('gives up a host that never answers the token request, within the timeout, and never throws', async () => {
    const host = createNaaBridgeStandIn({ GetToken: 'never' });
    installBridge(host);
    const a = auth({ initializeTimeoutMs: 200 });
    const started = Date.now();
    const state = await a.initialize();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(state).toEqual({ status: 'signed_out', failure: { kind: 'timeout', code: 'initialize_timeout' } });
  });

  it('gives up a host that never answers the handshake', async () => {
    installBridge(createNaaBridgeStandIn({ GetInitContext: 'never' }));
    const state = await auth({ initializeTimeoutMs: 200 }).initialize();
    expect(state).toEqual({ status: 'signed_out', failure: { kind: 'timeout', code: 'initialize_timeout' } });
  });

  it('sign-out forgets the account, stays out after a reload, and a click signs in again', async () => {
    const host = createNaaBridgeStandIn();
    installBridge(host);
    const first = auth();
    await first.initialize();
    expect(first.account()).toBeDefined();

    await first.signOut();
    expect(first.state).toEqual({ status: 'signed_out' });
    expect(first.account()).toBeUndefined();

    // The pane reloads: the host would sign the seller straight back in, but they signed out on purpose.
    host.requests.length = 0;
    const reloaded = auth();
    expect(await reloaded.initialize()).toEqual({ status: 'signed_out' });
    expect(methods(host)).not.toContain('GetToken');

    const state = await reloaded.signIn();
    expect(state.status).toBe('signed_in');
    // A fresh instance after sign-out: its cache starts empty, so the host is asked again.
    expect(methods(host)).toContain('GetToken');
  });

  it('keeps every token out of state, diagnostics, storage and the console', async () => {
    const host = createNaaBridgeStandIn({ GetToken: { status: 'USER_INTERACTION_REQUIRED' } });
    installBridge(host);
    const a = auth();
    await a.initialize();
    await a.signIn();
    expect(host.issuedTokens.length).toBeGreaterThan(0);
    const visible = [JSON.stringify(a.state), JSON.stringify(a.diagnostics()), ...storageKeys(win.sessionStorage).map((k) => `${k}=${win.sessionStorage.getItem(k)}`), ...consoleOutput].join(
      '\n',
    );
    for (const token of host.issuedTokens) expect(visible).not.toContain(token);
  });
});

describe('fallback to a standard client', () => {
  it('uses a standard client and never talks to a bridge when NestedAppAuth 1.1 is not supported', async () => {
    const host = createNaaBridgeStandIn();
    installBridge(host);
    const a = auth({ isSetSupported: (name, version) => !(name === 'NestedAppAuth' && version === '1.1') });
    expect(await a.initialize()).toEqual({ status: 'signed_out' });
    expect(host.requests).toEqual([]);
    expect(a.diagnostics().via).toBe('standard');
  });

  it('treats a missing or throwing isSetSupported as unsupported', async () => {
    const host = createNaaBridgeStandIn();
    installBridge(host);
    await auth({ isSetSupported: undefined }).initialize();
    await auth({
      isSetSupported: () => {
        throw new Error('Office not ready');
      },
    }).initialize();
    expect(host.requests).toEqual([]);
  });

  it('falls back when the requirement set says yes but no bridge is there', async () => {
    const a = auth();
    expect(await a.initialize()).toEqual({ status: 'signed_out' });
    expect(a.diagnostics().via).toBe('standard');
  });

  // A popup the browser refuses (no click) is proven in real Chromium: tests/e2e/microsoft-signin.test.ts.

  it('MSAL failing to load ends in a clear state and never throws', async () => {
    const a = auth({ loadMsal: () => Promise.reject(new Error('chunk load failed')) });
    expect(await a.initialize()).toEqual({ status: 'signed_out', failure: { kind: 'error', code: 'msal_unavailable' } });
    expect(a.diagnostics().summary).toBe('Microsoft sign-in signed out: error (msal_unavailable)');
  });
});
