/**
 * Shared set-up of the connection integration tests: a real sign-in against the emulated org over HTTP (authorize
 * with PKCE, the login form, Allow, the code from the redirect, the code exchange), a connection wired to it with
 * real jsforce, and the emulator's request log to count calls.
 */
import { signInByHttp } from '../emulator/sign-in';
import type { RuntimeConfig } from '../../src/config/runtime-config';
import { SalesforceFailureError, type ClassifiedFailure } from '../../src/salesforce/failure-kinds';
import type { SalesforceIdentity, SalesforceTokens } from '../../src/salesforce/salesforce-api';
import { createSalesforceConnection, type SalesforceConnection, type SalesforceConnectionDeps } from '../../src/salesforce/connection/salesforce-connection';
import { createInProcessLock } from '../../src/salesforce/connection/refresh-lock';
import { noopCrossPane } from '../../src/salesforce/connection/cross-pane';
import { jsforceModuleOf } from '../../src/salesforce/connection/jsforce-transport';
import type { RefreshTokenStore, StoredRefreshToken } from '../../src/salesforce/connection/token-session';

export const CLIENT_ID = 'demo-outlook-addin';
export const ADDIN_ORIGIN = 'https://localhost:3000';
export const REDIRECT_URI = `${ADDIN_ORIGIN}/auth-callback.html`;
export const SELLER = { username: 'seller@demo.example', password: 'Demo-Pass-1' };

export interface EmulatorLogEntry {
  method: string;
  path: string;
  area: 'oauth' | 'rest' | 'identity';
  status: number;
  grantType?: string;
}

/** The web server flow with PKCE, driven over HTTP like the Office dialog would (the emulator's own driver). */
export async function signIn(baseUrl: string, user = SELLER, redirectUri = REDIRECT_URI): Promise<{ tokens: SalesforceTokens; identity: SalesforceIdentity }> {
  const body = await signInByHttp(baseUrl, { username: user.username, password: user.password, redirectUri });
  const tokens: SalesforceTokens = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    instanceUrl: body.instance_url ?? baseUrl,
    identityUrl: body.id ?? '',
    issuedAt: Number(body.issued_at) || Date.now(),
  };
  const idResponse = await fetch(tokens.identityUrl, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
  const id = (await idResponse.json()) as Record<string, string>;
  const identity: SalesforceIdentity = {
    orgId: id.organization_id ?? '',
    userId: id.user_id ?? '',
    username: id.username ?? '',
    displayName: id.display_name ?? '',
    email: id.email ?? '',
    loginUrl: baseUrl,
    instanceUrl: tokens.instanceUrl,
  };
  return { tokens, identity };
}

export function configFor(baseUrl: string, overrides: Partial<RuntimeConfig['salesforce']> = {}): RuntimeConfig['salesforce'] {
  return {
    loginUrl: baseUrl,
    loginChoices: [],
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    apiVersion: '62.0',
    requestTimeoutMs: 5000,
    ...overrides,
  };
}

/** A refresh-token store in memory, shared by "panes" like the IndexedDB store is: it keeps the newest version. */
export function memoryTokenStore(): RefreshTokenStore & { loadRefreshToken(): Promise<StoredRefreshToken | undefined>; saved: string[] } {
  const saved: string[] = [];
  let newest: StoredRefreshToken | undefined;
  return {
    saved,
    saveRefreshToken: async (refreshToken, issuedAt) => {
      saved.push(refreshToken);
      if (!newest || issuedAt >= newest.issuedAt) newest = { refreshToken, issuedAt };
    },
    loadRefreshToken: async () => newest,
  };
}

export function connectionFor(baseUrl: string, overrides: Partial<SalesforceConnectionDeps> = {}, config: Partial<RuntimeConfig['salesforce']> = {}): SalesforceConnection {
  return createSalesforceConnection({
    config: configFor(baseUrl, config),
    tokenStore: memoryTokenStore(),
    refreshLock: createInProcessLock(),
    crossPane: noopCrossPane,
    // Node resolves `jsforce` to its Node build; the browser gets `jsforce/core` (the production default).
    loadJsforce: async () => jsforceModuleOf(await import('jsforce')),
    backoff: { retries: 3, baseMs: 20, maxMs: 200 },
    onlineState: { isOnline: () => undefined, subscribe: () => () => {} },
    ...overrides,
  });
}

export async function readLog(baseUrl: string): Promise<EmulatorLogEntry[]> {
  const response = await fetch(`${baseUrl}/__emulator/log`);
  const body = (await response.json()) as EmulatorLogEntry[] | { entries?: EmulatorLogEntry[]; log?: EmulatorLogEntry[] };
  return Array.isArray(body) ? body : (body.entries ?? body.log ?? []);
}

/** Where the log stands now; calls made later are counted from this mark (sign-in's own token call is before it). */
export async function logMark(baseUrl: string): Promise<number> {
  return (await readLog(baseUrl)).length;
}

export async function tokenCallsSince(baseUrl: string, mark: number): Promise<EmulatorLogEntry[]> {
  return (await readLog(baseUrl)).slice(mark).filter((e) => e.area === 'oauth' && e.path === '/services/oauth2/token');
}

export async function restCallsSince(baseUrl: string, mark: number): Promise<EmulatorLogEntry[]> {
  return (await readLog(baseUrl)).slice(mark).filter((e) => e.area === 'rest');
}

/** The classified failure of a rejection; fails the test if it is not the project's own error. */
export function failureOf(reason: unknown): ClassifiedFailure {
  if (!(reason instanceof SalesforceFailureError)) throw new Error(`not a SalesforceFailureError: ${String(reason)}`);
  return reason.failure;
}

export async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; failure: ClassifiedFailure }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

export const CONTACTS_SOQL = 'SELECT Id, Name FROM Contact LIMIT 5';
