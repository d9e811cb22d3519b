/**
 * REST answers that are not Salesforce JSON, with real jsforce against the emulated org over loopback: a gateway's
 * 502/504 with no body, an HTML maintenance page (503, and even 200), a cut-off JSON body. Each is `transient`
 * ("Salesforce is briefly unavailable", retried), never unknown and never Connection lost. And who signed in, read
 * through REST on instance_url, never through the identity URL.
 *
 * Not covered here: a body shorter than its Content-Length (a transfer cut mid-way at the socket). The emulator's
 * failNext writes the whole body with its true length, so a cut-off body is replayed as complete HTTP whose JSON
 * stops short; what a socket cut does in the browser (jsforce never settles; the wrapper's deadline answers
 * `timeout`) is covered by connection-faults.test.ts's "never answers" tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import type { FailNextOptions } from '../emulator/controls';
import { classifySalesforceError } from '../../src/salesforce/classify-salesforce-error';
import { readSignedInUser } from '../../src/auth/salesforce-sign-in';
import { ADDIN_ORIGIN, CLIENT_ID, CONTACTS_SOQL, REDIRECT_URI, connectionFor, logMark, restCallsSince, settle, signIn } from './connection-fixture';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, allowedOrigins: [ADDIN_ORIGIN] });
});

afterEach(async () => {
  await emulator?.close();
});

const MAINTENANCE_PAGE = '<!DOCTYPE html><html><head><title>Salesforce - Down for Maintenance</title></head><body><span>We are down for maintenance.</span></body></html>';

const NOT_JSON: Array<[string, Omit<FailNextOptions, 'count' | 'pathPrefix'>]> = [
  ['a gateway 502 with an empty body', { status: 502 }],
  ['a gateway 504 with an empty body', { status: 504 }],
  ['a 503 HTML maintenance page (text/html)', { status: 503, body: MAINTENANCE_PAGE, headers: { 'Content-Type': 'text/html' } }],
  ['a 503 HTML maintenance page (text/html with a charset)', { status: 503, body: MAINTENANCE_PAGE, headers: { 'Content-Type': 'text/html; charset=UTF-8' } }],
  ['a 200 HTML maintenance page where JSON was due', { status: 200, body: MAINTENANCE_PAGE, headers: { 'Content-Type': 'text/html;charset=UTF-8' } }],
  [
    'a 200 with a cut-off JSON body',
    { status: 200, body: '{"totalSize":1,"done":true,"records":[{"attributes":{"type":"Con', headers: { 'Content-Type': 'application/json;charset=UTF-8' } },
  ],
  ['a 200 with an empty JSON body', { status: 200, body: '', headers: { 'Content-Type': 'application/json;charset=UTF-8' } }],
];

describe('REST answers that are not Salesforce JSON', () => {
  it.each(NOT_JSON)('%s: retried as transient, then the next real answer is used', async (_, fault) => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url, { onlineState: { isOnline: () => true, subscribe: () => () => {} } });
    await api.start(tokens, identity);
    const mark = await logMark(emulator.url);
    emulator.controls.failNext({ ...fault, count: 1, pathPrefix: '/services/data' });

    await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(2);
    expect(api.state().status).toBe('connected');
  });

  it.each(NOT_JSON)('%s, every time: the seller gets transient (not unknown, not Connection lost)', async (_, fault) => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url, { onlineState: { isOnline: () => true, subscribe: () => () => {} } });
    await api.start(tokens, identity);
    emulator.controls.failNext({ ...fault, count: 20, pathPrefix: '/services/data' });

    const result = await settle(api.query(CONTACTS_SOQL));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ kind: 'transient', reason: 'not_salesforce_json', connectionLost: false, retryable: true, status: fault.status });
    expect(result.failure.detail ?? '').not.toMatch(/<[a-z!]/i);
    expect(api.state().status).toBe('connected');
  });
});

describe('who signed in, without the identity URL', () => {
  const settings = { loginUrl: '', clientId: CLIENT_ID, redirectUri: REDIRECT_URI, apiVersion: '62.0', requestTimeoutMs: 5000 };
  const deps = { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init), classify: classifySalesforceError, isOnline: () => true };

  it('reads Username, Name and Email from the User record on instance_url, ids from the token response', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const mark = await logMark(emulator.url);
    const read = await readSignedInUser(deps, { ...settings, loginUrl: emulator.url }, tokens);
    // The same person the identity URL describes (the fixture reads it directly, as only a server may).
    expect(read).toEqual({ ...identity, loginUrl: emulator.url });
    const calls = await restCallsSince(emulator.url, mark);
    expect(calls.map((c) => c.path)).toEqual([`/services/data/v62.0/sobjects/User/${identity.userId}`]);
  });

  it('a maintenance page at that read is transient, classified, never unknown', async () => {
    const { tokens } = await signIn(emulator.url);
    emulator.controls.failNext({ status: 503, body: MAINTENANCE_PAGE, headers: { 'Content-Type': 'text/html' }, pathPrefix: '/services/data' });
    await expect(readSignedInUser(deps, { ...settings, loginUrl: emulator.url }, tokens)).rejects.toMatchObject({ failure: { kind: 'transient', status: 503 } });
  });
});
