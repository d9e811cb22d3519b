/**
 * Every wording Salesforce has used for the same token-endpoint refusal (src/salesforce/classify-salesforce-error.cases.ts,
 * its `source` for each), answered by the emulated org's real token endpoint over HTTP: during a refresh through the
 * connection wrapper (real jsforce for the REST call that needs the refresh), and at the code exchange through the
 * sign-in code. Each must reach the seller as its kind, never as "Connection lost".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import { authorizeByHttp } from '../emulator/sign-in';
import { exchangeCode } from '../../src/auth/salesforce-sign-in';
import { classifySalesforceError } from '../../src/salesforce/classify-salesforce-error';
import { OWN_CASES, type WireCase } from '../../src/salesforce/classify-salesforce-error.cases';
import { ADDIN_ORIGIN, CLIENT_ID, CONTACTS_SOQL, REDIRECT_URI, SELLER, connectionFor, failureOf, logMark, settle, signIn, tokenCallsSince } from './connection-fixture';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Refusals of a refresh (grant_type=refresh_token). Named here one by one so the ledger can point at each. */
const DURING_REFRESH = [
  'WORDING-RACE-ALREADY-PROCESSING',
  'WORDING-RACE-ALREADY-PROCESSING-CAPITAL',
  'WORDING-RACE-EXPIRED-CODE',
  'OWN-TR-IP-RESTRICTED',
  'OWN-TR-IP-RESTRICTED-CASE',
  'WORDING-APP-BLOCKED-REFRESH',
  'WORDING-NOT-ADMIN-APPROVED-REFRESH',
  'WORDING-LOGIN-RATE-REFRESH',
] as const;

/** Refusals of a code exchange (grant_type=authorization_code). */
const AT_CODE_EXCHANGE = [
  'WORDING-CODE-EXPIRED',
  'WORDING-CODE-INVALID',
  'OWN-TX-AUTH-FAILURE',
  'WORDING-IP-EXCHANGE',
  'WORDING-APP-BLOCKED-EXCHANGE',
  'WORDING-NOT-ADMIN-APPROVED-EXCHANGE',
  'WORDING-NOT-APPROVED-CONSUMER',
  'WORDING-ECA-NOT-INSTALLED',
  'WORDING-LOGIN-RATE-EXCHANGE',
] as const;

function caseOf(id: string): WireCase {
  const found = OWN_CASES.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id} in classify-salesforce-error.cases.ts`);
  return found;
}

function injectAtTokenEndpoint(emulator: Emulator, c: WireCase, count: number): void {
  emulator.controls.failNext({ count, status: c.status ?? 400, body: c.body ?? '', headers: c.headers, pathPrefix: '/services/oauth2/token' });
}

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, allowedOrigins: [ADDIN_ORIGIN] });
});

afterEach(async () => {
  await emulator?.close();
});

describe('token endpoint wordings', () => {
  it('every wording case in classify-salesforce-error.cases.ts is injected here, in the phase it belongs to', () => {
    const injected = new Set<string>([...DURING_REFRESH, ...AT_CODE_EXCHANGE]);
    const wordings = OWN_CASES.filter((c) => c.id.startsWith('WORDING-')).map((c) => c.id);
    expect(wordings.length).toBeGreaterThan(0);
    for (const id of wordings) expect(injected, id).toContain(id);
    for (const id of DURING_REFRESH) expect(caseOf(id).phase, id).toBe('token_refresh');
    for (const id of AT_CODE_EXCHANGE) expect(caseOf(id).phase, id).toBe('token_exchange');
  });

  describe('during a refresh (connection wrapper, real jsforce)', () => {
    it.each(DURING_REFRESH)('%s during a refresh reaches the seller as its kind', async (id) => {
      const c = caseOf(id);
      const { tokens, identity } = await signIn(emulator.url);
      const api = connectionFor(emulator.url);
      await api.start(tokens, identity);
      emulator.controls.expireSessions();
      // A transient refusal is retried by the wrapper: keep answering it so the classification itself surfaces.
      injectAtTokenEndpoint(emulator, c, c.expected === 'transient' ? 50 : 1);
      const mark = await logMark(emulator.url);

      const result = await settle(api.query(CONTACTS_SOQL));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.failure.kind).toBe(c.expected);
        expect(result.failure.connectionLost).toBe(false);
        if (c.also?.reason) expect(result.failure.reason).toBe(c.also.reason);
      }
      // A refusal only an admin or a new sign-in can cure stops the refreshes (the banner then explains it by its kind,
      // not as Connection lost); a race or a rate limit never does.
      const state = api.state();
      if (c.expected === 'admin_action_required' || c.expected === 'reauth_required') {
        expect(state).toMatchObject({ status: 'lost', failure: { kind: c.expected, connectionLost: false } });
      } else {
        expect(state.status).not.toBe('lost');
      }
      const tokenCalls = (await tokenCallsSince(emulator.url, mark)).length;
      if (c.expected === 'transient') expect(tokenCalls).toBeGreaterThan(1);
      else expect(tokenCalls).toBe(1);
    });

    it.each(DURING_REFRESH.filter((id) => caseOf(id).expected === 'transient'))('%s once: the refresh is retried and the call succeeds', async (id) => {
      const { tokens, identity } = await signIn(emulator.url);
      const api = connectionFor(emulator.url);
      await api.start(tokens, identity);
      emulator.controls.expireSessions();
      injectAtTokenEndpoint(emulator, caseOf(id), 1);
      const mark = await logMark(emulator.url);

      await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
      expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(2);
      expect(api.state().status).toBe('connected');
    });
  });

  describe('at the code exchange (sign-in code)', () => {
    it.each(AT_CODE_EXCHANGE)('%s at the code exchange reaches the seller as its kind', async (id) => {
      const c = caseOf(id);
      const authorized = await authorizeByHttp(emulator.url, { username: SELLER.username, password: SELLER.password, redirectUri: REDIRECT_URI });
      expect(authorized.code).toBeTruthy();
      injectAtTokenEndpoint(emulator, c, 1);

      const outcome = await exchangeCode(
        { fetch, classify: classifySalesforceError, isOnline: () => true },
        { loginUrl: emulator.url, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, requestTimeoutMs: 5000, apiVersion: '62.0' },
        authorized.code ?? '',
        authorized.pkce?.verifier ?? '',
      ).then(
        () => undefined,
        (error: unknown) => failureOf(error),
      );
      expect(outcome).toBeDefined();
      expect(outcome?.kind).toBe(c.expected);
      expect(outcome?.connectionLost).toBe(false);
      if (c.also?.reason) expect(outcome?.reason).toBe(c.also.reason);
    });
  });
});
