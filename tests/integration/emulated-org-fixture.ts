/**
 * The set-up most integration files share: one emulated org started before the file's tests, closed after them and
 * reset before each test; a seller signed in afresh for each test, over HTTP or through the product's own connection.
 * Each returns a live view of the current instance (its properties are read at use), so a file keeps writing
 * `org.url` or `api.query(...)` as with a plain variable.
 */
import { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/server';
import { signInByHttp, type AuthorizeOptions, type TokenResponse } from '../emulator/sign-in';
import type { SalesforceConnection } from '../../src/salesforce/connection/salesforce-connection';
import { connectionFor, signIn } from './connection-fixture';

function liveView<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const value = current();
      if (value === undefined) throw new Error(`${what} is not ready: it is set up in beforeAll/beforeEach.`);
      return Reflect.get(value, property, value) as unknown;
    },
  });
}

export function useEmulatedOrg(options: EmulatorOptions = {}): RunningEmulator {
  let org: RunningEmulator | undefined;
  beforeAll(async () => {
    org = await startEmulator(options);
  });
  afterAll(async () => {
    await org?.close();
  });
  beforeEach(() => {
    org?.controls.reset();
  });
  return liveView('The emulated org', () => org);
}

/** The seller's token response, from the web server flow with PKCE driven over HTTP before each test. */
export function useSellerTokens(org: RunningEmulator, options: AuthorizeOptions = {}): TokenResponse {
  let tokens: TokenResponse | undefined;
  beforeEach(async () => {
    tokens = await signInByHttp(org.url, options);
  });
  return liveView("The seller's tokens", () => tokens);
}

/** The product's connection wrapper (real jsforce), started with the seller signed in, before each test. */
export function useSellerConnection(org: RunningEmulator): SalesforceConnection {
  let api: SalesforceConnection | undefined;
  beforeEach(async () => {
    const { tokens, identity } = await signIn(org.url);
    api = connectionFor(org.url);
    await api.start(tokens, identity);
  });
  return liveView("The seller's connection", () => api);
}

/**
 * Plain jsforce, signed in as the seller over HTTP before each test: for files that test the emulated org itself
 * (its rules and errors as jsforce sees them), not the product's wrapper.
 */
export function useJsforceSeller(org: RunningEmulator): Connection {
  let seller: Connection | undefined;
  beforeEach(async () => {
    const tokens = await signInByHttp(org.url);
    seller = new Connection({ instanceUrl: tokens.instance_url, accessToken: tokens.access_token, version: '62.0' });
  });
  return liveView('The jsforce connection', () => seller);
}

/** A refusal as jsforce raises it: Salesforce's errorCode, and the body in `data`. */
export type JsforceError = Error & { errorCode?: string; data?: unknown };

/** The rejection of `promise`; fails the test when it resolves. */
export async function caught(promise: PromiseLike<unknown>): Promise<JsforceError> {
  try {
    await promise;
  } catch (err) {
    return err as JsforceError;
  }
  throw new Error('expected a rejection');
}

/** Every record of one object as the org holds it, read through the emulator's controls (no sharing, no API count). */
export async function emulatorRecords(org: RunningEmulator, sobject: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${org.url}/__emulator/records/${sobject}`);
  if (!response.ok) throw new Error(`emulator records of ${sobject}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>[];
}
