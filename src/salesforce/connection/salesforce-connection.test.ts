/**
 * The wrapper's own guarantees where real jsforce cannot show them in Node: jsforce's browser build leaves a request
 * pending forever when its fetch fails, and every settlement must still come within the deadline, classified.
 * Everything else is tested with real jsforce against the emulated org (tests/integration/connection-*.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { SalesforceFailureError } from '../failure-kinds';
import type { ConnectionState } from '../salesforce-api';
import { noopCrossPane } from './cross-pane';
import type { JsforceModule } from './jsforce-transport';
import { createInProcessLock } from './refresh-lock';
import { createSalesforceConnection, type SalesforceConnectionDeps } from './salesforce-connection';
import { TEST_IDENTITY, TEST_TOKENS } from '../../testing/connection-session';

const tokens = TEST_TOKENS;
const identity = TEST_IDENTITY;

/** Like jsforce's browser build after a failed fetch: the promise never settles. */
const neverSettling: JsforceModule = {
  Connection: class {
    request() {
      return new Promise<never>(() => {});
    }
  },
};

function connection(overrides: Partial<SalesforceConnectionDeps> = {}) {
  return createSalesforceConnection({
    config: { loginUrl: 'https://org.example', loginChoices: [], clientId: 'c', redirectUri: 'https://a.example/cb', apiVersion: '62.0', requestTimeoutMs: 50 },
    tokenStore: { saveRefreshToken: async () => {} },
    refreshLock: createInProcessLock(),
    crossPane: noopCrossPane,
    loadJsforce: async () => neverSettling,
    fetch: () => new Promise(() => {}),
    onlineState: { isOnline: () => undefined, subscribe: () => () => {} },
    ...overrides,
  });
}

describe('createSalesforceConnection: deadlines', () => {
  it('a jsforce request that never settles is settled as timeout at the deadline', async () => {
    const api = connection();
    await api.start(tokens, identity);
    const started = Date.now();
    const error = await api.query('SELECT Id FROM Contact').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(SalesforceFailureError);
    expect((error as SalesforceFailureError).failure).toMatchObject({ kind: 'timeout', retryable: true });
    expect(String(error)).not.toContain('secret');
  });

  it('... and as offline when the browser reports offline, with the state offline until back online', async () => {
    const api = connection({ onlineState: { isOnline: () => false, subscribe: () => () => {} } });
    const seen: ConnectionState['status'][] = [];
    api.subscribe((s) => seen.push(s.status));
    await api.start(tokens, identity);
    await expect(api.create('Contact', { LastName: 'X' })).rejects.toMatchObject({ failure: { kind: 'offline' } });
    expect(api.state().status).toBe('offline');
    api.setOnline(true);
    expect(seen).toEqual(['connected', 'offline', 'connected']);
  });

  it('a token endpoint that never answers does not hold the call past its deadline', async () => {
    const expired: JsforceModule = {
      Connection: class {
        request() {
          return Promise.reject(Object.assign(new Error('Session expired or invalid'), { name: 'INVALID_SESSION_ID', errorCode: 'INVALID_SESSION_ID' }));
        }
      },
    };
    const api = connection({ loadJsforce: async () => expired });
    await api.start(tokens, identity);
    await expect(api.query('SELECT Id FROM Contact')).rejects.toMatchObject({ failure: { kind: 'timeout' } });
  });

  it('revoke never throws and is bounded', async () => {
    const api = connection();
    await api.start(tokens, identity);
    const started = Date.now();
    await expect(api.revoke()).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a malformed sObject name or id without a call', async () => {
    let calls = 0;
    const counting: JsforceModule = {
      Connection: class {
        request() {
          calls++;
          return Promise.resolve({});
        }
      },
    };
    const api = connection({ loadJsforce: async () => counting });
    await api.start(tokens, identity);
    await expect(api.retrieve('Contact', '../../limits')).rejects.toMatchObject({ failure: { kind: 'validation' } });
    await expect(api.update('Contact/x', '003000000000001AAA', {})).rejects.toMatchObject({ failure: { kind: 'validation' } });
    expect(calls).toBe(0);
  });
});

describe('createSalesforceConnection: a refresh answer naming a foreign instance', () => {
  it('is refused before any REST call goes there with the new access token', async () => {
    const sentTo: string[] = [];
    const expiredOnce: JsforceModule = {
      Connection: class {
        constructor(private readonly config: { instanceUrl: string }) {}
        request() {
          sentTo.push(this.config.instanceUrl);
          return Promise.reject(Object.assign(new Error('Session expired or invalid'), { name: 'INVALID_SESSION_ID', errorCode: 'INVALID_SESSION_ID' }));
        }
      },
    };
    const foreign = 'https://attacker.example';
    const api = connection({
      loadJsforce: async () => expiredOnce,
      config: { loginUrl: 'https://org.example', loginChoices: [], clientId: 'c', redirectUri: 'https://a.example/cb', apiVersion: '62.0', requestTimeoutMs: 2000 },
      fetch: async () => new Response(JSON.stringify({ access_token: '00D5e000000DemoAAA!new', instance_url: foreign, id: tokens.identityUrl, issued_at: '2' }), { status: 200 }),
      checkInstanceUrl: (url) =>
        url.startsWith('https://org.example') ? undefined : { kind: 'admin_action_required', connectionLost: false, retryable: false, reason: 'salesforce_host_refused' },
    });
    await api.start(tokens, identity);
    const error = await api.query('SELECT Id FROM Contact').catch((e: unknown) => e);
    expect((error as SalesforceFailureError).failure).toMatchObject({ reason: 'salesforce_host_refused' });
    expect(sentTo).not.toContain(foreign);
  });
});
