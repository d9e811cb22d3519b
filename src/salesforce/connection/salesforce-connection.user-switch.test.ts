/**
 * A call belongs to the seller it was made for. When the seller in the pane changes while the call is still retrying
 * (a backoff after a 503, a refresh after an expired session), the retry is not sent with the new user's token: the
 * call fails as not signed in, and the outbox keeps the work for the seller who made it. Without this a write started
 * by one user can land as another (CreatedById).
 */
import { describe, expect, it } from 'vitest';
import { SalesforceFailureError } from '../failure-kinds';
import type { SalesforceIdentity, SalesforceTokens } from '../salesforce-api';
import { noopCrossPane } from './cross-pane';
import type { JsforceModule } from './jsforce-transport';
import { createInProcessLock } from './refresh-lock';
import { createSalesforceConnection } from './salesforce-connection';

const SAM_TOKENS: SalesforceTokens = {
  accessToken: '00D5e000000DemoAAA!sam-access',
  refreshToken: 'sam-refresh',
  instanceUrl: 'https://org.example',
  identityUrl: 'https://org.example/id/00D5e000000DemoAAA/0055e000001SamAAAS',
  issuedAt: 1,
};
const ALEX_TOKENS: SalesforceTokens = {
  ...SAM_TOKENS,
  accessToken: '00D5e000000DemoAAA!alex-access',
  refreshToken: 'alex-refresh',
  identityUrl: 'https://org.example/id/00D5e000000DemoAAA/0055e000002AlxAAAS',
  issuedAt: 2,
};
const SAM: SalesforceIdentity = {
  orgId: '00D5e000000DemoAAA',
  userId: '0055e000001SamAAAS',
  username: 'sam',
  displayName: 'Sam',
  email: 's@x.example',
  loginUrl: 'https://org.example',
  instanceUrl: 'https://org.example',
};
const ALEX: SalesforceIdentity = { ...SAM, userId: '0055e000002AlxAAAS', username: 'alex', displayName: 'Alex' };

function setUp(firstAnswer: () => Error) {
  const sentWith: string[] = [];
  let answered = 0;
  const jsforce: JsforceModule = {
    Connection: class {
      constructor(private readonly config: { accessToken: string }) {}
      request() {
        sentWith.push(this.config.accessToken);
        answered++;
        return answered === 1 ? Promise.reject(firstAnswer()) : Promise.resolve({ id: '00T5e0000000001AAA', success: true, errors: [] });
      }
    },
  };
  let wake: () => void = () => {};
  const sleeping = new Promise<void>((resolve) => (wake = resolve));
  let slept: () => void = () => {};
  const asleep = new Promise<void>((resolve) => (slept = resolve));
  const api = createSalesforceConnection({
    config: { loginUrl: 'https://org.example', loginChoices: [], clientId: 'c', redirectUri: 'https://a.example/cb', apiVersion: '62.0', requestTimeoutMs: 5_000 },
    tokenStore: { saveRefreshToken: async () => {} },
    refreshLock: createInProcessLock(),
    crossPane: noopCrossPane,
    loadJsforce: async () => jsforce,
    // The token endpoint: Sam's refresh answers only once the test has switched users.
    fetch: async () => {
      await sleeping;
      return {
        ok: true,
        status: 200,
        headers: { get: () => null },
        text: async () => JSON.stringify({ access_token: '00D5e000000DemoAAA!sam-renewed', instance_url: 'https://org.example', id: SAM_TOKENS.identityUrl, issued_at: '3' }),
      };
    },
    sleep: async () => {
      slept();
      await sleeping;
    },
    random: () => 0,
    onlineState: { isOnline: () => undefined, subscribe: () => () => {} },
    backoff: { retries: 2, baseMs: 10, maxMs: 10 },
  });
  return { api, sentWith, wake, asleep };
}

async function switchToAlex(api: ReturnType<typeof setUp>['api']): Promise<void> {
  // As the auth controller switches users: the previous seller signed out, the new one started.
  api.signOut();
  await api.start(ALEX_TOKENS, ALEX);
}

describe('a call keeps to the seller it was made for', () => {
  it('a create retried after a 503 is not sent with the token of a user who signed in meanwhile', async () => {
    const t = setUp(() => Object.assign(new Error('Server temporarily unavailable'), { name: 'SERVER_UNAVAILABLE', errorCode: 'SERVER_UNAVAILABLE', status: 503 }));
    await t.api.start(SAM_TOKENS, SAM);
    const create = t.api.create('Task', { Subject: 'Sam’s work' }).then(
      () => 'landed',
      (error: unknown) => (error instanceof SalesforceFailureError ? (error.failure.code ?? error.failure.kind) : String(error)),
    );
    await t.asleep; // in the backoff before the retry
    await switchToAlex(t.api);
    t.wake();
    expect(await create).toBe('NOT_SIGNED_IN');
    expect(t.sentWith).toEqual([SAM_TOKENS.accessToken]);
  });

  it('an upsert whose session expired is not retried with the token of a user who signed in during the refresh', async () => {
    const t = setUp(() => Object.assign(new Error('Session expired or invalid'), { name: 'INVALID_SESSION_ID', errorCode: 'INVALID_SESSION_ID', status: 401 }));
    await t.api.start(SAM_TOKENS, SAM);
    const upsert = t.api.upsert('Task', 'Outlook_Key__c', 'key-1', { Subject: 'Sam’s work' }).then(
      () => 'landed',
      (error: unknown) => (error instanceof SalesforceFailureError ? (error.failure.code ?? error.failure.kind) : String(error)),
    );
    await new Promise((resolve) => setTimeout(resolve, 20)); // the refresh is waiting on the token endpoint
    await switchToAlex(t.api);
    t.wake();
    expect(await upsert).not.toBe('landed');
    expect(t.sentWith.filter((token) => token === ALEX_TOKENS.accessToken)).toEqual([]);
  });

  it('the same seller signing in again keeps the call going with the new token', async () => {
    const t = setUp(() => Object.assign(new Error('Server temporarily unavailable'), { name: 'SERVER_UNAVAILABLE', errorCode: 'SERVER_UNAVAILABLE', status: 503 }));
    await t.api.start(SAM_TOKENS, SAM);
    const create = t.api.create('Task', { Subject: 'Sam’s work' });
    await t.asleep;
    await t.api.start({ ...SAM_TOKENS, accessToken: '00D5e000000DemoAAA!sam-again', issuedAt: 5 }, SAM);
    t.wake();
    await expect(create).resolves.toEqual({ id: '00T5e0000000001AAA' });
    expect(t.sentWith).toEqual([SAM_TOKENS.accessToken, '00D5e000000DemoAAA!sam-again']);
  });
});
