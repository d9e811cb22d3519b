import { describe, expect, it } from 'vitest';
import type { RuntimeConfig } from '../config/runtime-config';
import type { ConnectionState, SalesforceIdentity } from '../salesforce/salesforce-api';
import { createSetupCheckRunner } from './setup-check-runner';

const config: RuntimeConfig['salesforce'] = {
  loginUrl: 'https://acme.my.salesforce.com',
  loginChoices: [],
  clientId: 'key',
  redirectUri: 'https://addin.contoso.com/auth-callback.html',
  apiVersion: '62.0',
  requestTimeoutMs: 5000,
};

const identity: SalesforceIdentity = {
  orgId: '00D',
  userId: '005',
  username: 'seller@acme.example',
  displayName: 'Seller',
  email: 'seller@acme.example',
  loginUrl: 'https://acme--uat.sandbox.my.salesforce.com',
  instanceUrl: 'https://acme--uat.sandbox.my.salesforce.com',
};

function pane(signedIn: SalesforceIdentity | undefined, state: ConnectionState) {
  const hosts: string[] = [];
  let composites = 0;
  const check = createSetupCheckRunner({
    fetch: async (input) => {
      hosts.push(new URL(String(input)).host);
      throw new TypeError('Failed to fetch');
    },
    origin: 'https://addin.contoso.com',
    config,
    connection: {
      identity: () => signedIn,
      state: () => state,
      apiPath: '/services/data/v62.0',
      composite: async (requests) => {
        composites += 1;
        return requests.map((r) => ({ referenceId: r.referenceId, httpStatusCode: 200, body: {} }));
      },
    },
  });
  return { check, hosts, composites: () => composites };
}

describe('createSetupCheckRunner', () => {
  it('signed out: checks config.json’s login address, without a session', async () => {
    const { check, hosts, composites } = pane(undefined, { status: 'signed_out' });
    const findings = await check.run();
    expect(hosts).toEqual(['acme.my.salesforce.com']);
    expect(composites()).toBe(0);
    expect(findings.find((f) => f.id === 'api-access')?.finding).toBe('sign_in_to_check');
    expect(check.context).toEqual({ origin: 'https://addin.contoso.com', redirectUri: config.redirectUri, clientId: 'key' });
  });

  it('connected: checks the address the seller signed in through, with the session', async () => {
    const { check, hosts, composites } = pane(identity, { status: 'connected' });
    await check.run();
    expect(hosts).toEqual(['acme--uat.sandbox.my.salesforce.com']);
    expect(composites()).toBe(1);
  });

  it('connection lost: no session calls', async () => {
    const { check, composites } = pane(identity, { status: 'lost', failure: { kind: 'bad_oauth_token', connectionLost: true, retryable: false }, at: 0 });
    await check.run();
    expect(composites()).toBe(0);
  });
});
