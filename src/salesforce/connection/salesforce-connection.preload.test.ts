/**
 * jsforce's chunk is fetched while the token round trip runs (issue 14): a restore or a sign-in starts loading it at
 * once, and the first call uses that same load instead of starting another after the refresh.
 */
import { describe, expect, it } from 'vitest';
import { noopCrossPane } from './cross-pane';
import type { JsforceModule } from './jsforce-transport';
import { createInProcessLock } from './refresh-lock';
import { createSalesforceConnection, type SalesforceConnectionDeps } from './salesforce-connection';
import { TEST_IDENTITY, TEST_TOKENS } from '../../testing/connection-session';

const tokens = TEST_TOKENS;
const identity = TEST_IDENTITY;

const answering: JsforceModule = {
  Connection: class {
    request() {
      return Promise.resolve({ totalSize: 0, done: true, records: [] });
    }
  },
};

function counted(load: () => Promise<JsforceModule>) {
  const loads = { count: 0 };
  return {
    loads,
    loadJsforce: () => {
      loads.count += 1;
      return load();
    },
  };
}

function connection(overrides: Partial<SalesforceConnectionDeps>) {
  return createSalesforceConnection({
    config: { loginUrl: 'https://org.example', loginChoices: [], clientId: 'c', redirectUri: 'https://a.example/cb', apiVersion: '62.0', requestTimeoutMs: 1000 },
    tokenStore: { saveRefreshToken: async () => {} },
    refreshLock: createInProcessLock(),
    crossPane: noopCrossPane,
    fetch: () => new Promise(() => {}),
    onlineState: { isOnline: () => undefined, subscribe: () => () => {} },
    ...overrides,
  });
}

describe('createSalesforceConnection: jsforce fetched in parallel with the token round trip', () => {
  it('a restore starts loading jsforce before the refresh has answered', () => {
    const { loads, loadJsforce } = counted(async () => answering);
    const api = connection({ loadJsforce }); // fetch never answers: the refresh is still in flight
    void api.restore('secret-refresh', identity).catch(() => undefined);
    expect(loads.count).toBe(1);
  });

  it('a sign-in starts loading it too, and the first call uses that load, not a second one', async () => {
    const { loads, loadJsforce } = counted(async () => answering);
    const api = connection({ loadJsforce });
    await api.start(tokens, identity);
    expect(loads.count).toBe(1);
    await api.query('SELECT Id FROM Contact');
    await api.query('SELECT Id FROM Contact');
    expect(loads.count).toBe(1);
  });

  it('a failed early load (offline) is tried again by the first call', async () => {
    let fail = true;
    const { loads, loadJsforce } = counted(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return answering;
    });
    const api = connection({ loadJsforce });
    await api.start(tokens, identity);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail = false;
    await expect(api.query('SELECT Id FROM Contact')).resolves.toMatchObject({ totalSize: 0 });
    expect(loads.count).toBe(2);
  });
});
