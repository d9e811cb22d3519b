/**
 * Start-up begins before React mounts (issue 14): `startPane` builds the pane's state and starts it at once, so the
 * stored session's refresh is on its way while React renders; the App given that pane does not start it again.
 */
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '../config/runtime-config';
import type { OfficeHost } from '../host/office-host';
import { preloadLoginChoice } from '../features/sign-in/welcome-screen';
import { App, startPane } from './app';
import type { AppServices } from './start-app';

vi.mock('../features/sign-in/welcome-screen', async (original) => ({ ...(await original<object>()), preloadLoginChoice: vi.fn() }));

const STARTING = { status: 'starting' };
const SIGNED_OUT = { status: 'signed_out' };

function fakeServices() {
  const start = vi.fn(async () => undefined);
  const services = {
    locale: 'en',
    auth: { start, dispose: () => undefined, subscribe: () => () => undefined, snapshot: () => STARTING },
    connection: { dispose: () => undefined, state: () => SIGNED_OUT, subscribe: () => () => undefined },
    storage: { subscribe: () => () => undefined, status: () => 'available' },
    config: { salesforce: { loginUrl: 'https://login.example', loginChoices: [] } },
    crossPane: { close: () => undefined },
  } as unknown as AppServices;
  return { services, start };
}

const host = {
  theme: () => ({ isDarkTheme: false, isHighContrast: false }),
  onThemeChanged: () => () => undefined,
  displayLanguage: 'en-US',
} as unknown as OfficeHost;
const config = { salesforce: { loginUrl: 'https://login.example', loginChoices: [] } } as unknown as RuntimeConfig;

describe('startPane', () => {
  it('starts the sign-in state before anything is rendered, once, and App uses that pane', async () => {
    const { services, start } = fakeServices();
    const pane = startPane({ host, config, services });
    await vi.waitFor(() => expect(start).toHaveBeenCalledWith({ restore: true }));
    render(<App host={host} config={config} pane={pane} />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('asks for the login choice chunk at start only when the config offers choices', () => {
    startPane({ host, config, services: fakeServices().services });
    expect(preloadLoginChoice).not.toHaveBeenCalled();
    const withChoices = { salesforce: { loginUrl: 'https://login.example', loginChoices: [{ label: 'Sandbox', loginUrl: 'https://test.example' }] } } as unknown as RuntimeConfig;
    startPane({ host, config: withChoices, services: fakeServices().services });
    expect(preloadLoginChoice).toHaveBeenCalledOnce();
  });
});
