/**
 * Faults on the way to Salesforce, with real jsforce against the emulated org over loopback: no network, a server
 * that never answers, runs of 503s, and the rule that a write is only retried when it surely did not land.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import type { ConnectionState } from '../../src/salesforce/salesforce-api';
import { ADDIN_ORIGIN, CONTACTS_SOQL, connectionFor, logMark, restCallsSince, settle, signIn, tokenCallsSince } from './connection-fixture';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, allowedOrigins: [ADDIN_ORIGIN] });
});

afterEach(async () => {
  await emulator?.close();
});

/** A port that was just free: nothing listens on it, so a connection is refused. */
async function closedPortUrl(): Promise<string> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const SERVER_UNAVAILABLE = {
  status: 503,
  body: JSON.stringify([{ message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' }]),
  headers: { 'Content-Type': 'application/json;charset=UTF-8' },
  pathPrefix: '/services/data',
};

describe('connection: no network, no answer', () => {
  it('no network while the browser says offline: settles as offline within the deadline, state offline, back on the next success', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    let online = false;
    const api = connectionFor(emulator.url, { onlineState: { isOnline: () => online, subscribe: () => () => {} } }, { requestTimeoutMs: 2000 });
    await api.start({ ...tokens, instanceUrl: await closedPortUrl() }, identity);

    const started = Date.now();
    const result = await settle(api.query(CONTACTS_SOQL));
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('offline');
    expect(api.state().status).toBe('offline');

    online = true;
    api.setOnline(true);
    expect(api.state().status).toBe('connected');
  });

  it('no network while the browser says online (a gateway without CORS headers, DNS): transient, never pending, never Connection lost', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url, { onlineState: { isOnline: () => true, subscribe: () => () => {} } }, { requestTimeoutMs: 2000 });
    await api.start({ ...tokens, instanceUrl: await closedPortUrl() }, identity);
    const result = await settle(api.query(CONTACTS_SOQL));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).toMatchObject({ kind: 'transient', reason: 'not_salesforce_json', connectionLost: false });
    expect(api.state().status).toBe('connected');
  });

  it('a server that never answers: timeout at the deadline; the next call works', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url, {}, { requestTimeoutMs: 800 });
    await api.start(tokens, identity);
    emulator.controls.hangNext({ count: 1, pathPrefix: '/services/data' });

    const started = Date.now();
    const result = await settle(api.query(CONTACTS_SOQL));
    const elapsed = Date.now() - started;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).toMatchObject({ kind: 'timeout', retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(2000); // the deadline plus scheduling slack on a busy machine
    await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
  });

  it('a server that never answers while the browser says offline: offline at the deadline', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url, { onlineState: { isOnline: () => false, subscribe: () => () => {} } }, { requestTimeoutMs: 500 });
    await api.start(tokens, identity);
    emulator.controls.hangNext({ count: 1, pathPrefix: '/services/data' });
    const result = await settle(api.query(CONTACTS_SOQL));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('offline');
    expect(api.state().status).toBe('offline');
  });

  it('a token endpoint that never answers: the refresh is bounded too, and not a lost connection', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url, {}, { requestTimeoutMs: 800 });
    await api.start(tokens, identity);
    emulator.controls.expireSessions();
    emulator.controls.hangNext({ count: 1, pathPrefix: '/services/oauth2/token' });
    const started = Date.now();
    const result = await settle(api.query(CONTACTS_SOQL));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('timeout');
    // The shared refresh ends at its own bound (it started just after the request): wait for it, then work again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.state().status).toBe('connected');
    await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
  });
});

describe('connection: runs of 503s', () => {
  it('more 503s than the retry budget: a bounded number of tries, then transient', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.failNext({ count: 10, ...SERVER_UNAVAILABLE });
    const mark = await logMark(emulator.url);

    const result = await settle(api.query(CONTACTS_SOQL));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).toMatchObject({ kind: 'transient', status: 503, code: 'SERVER_UNAVAILABLE' });
    // First try plus 3 retries (the fixture's policy), and jsforce's own retries switched off.
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(4);
    expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(0);
    expect(api.state().status).toBe('connected');
  });

  it('fewer 503s than the retry budget: succeeds', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.failNext({ count: 2, ...SERVER_UNAVAILABLE });
    const mark = await logMark(emulator.url);
    await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(3);
  });

  it('a create is retried after a 503 (refused before processing) and lands once', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.failNext({ count: 1, ...SERVER_UNAVAILABLE });
    const { id } = await api.create('Contact', { LastName: 'Retried-503' });
    const found = await api.query<{ Id: string }>("SELECT Id FROM Contact WHERE LastName = 'Retried-503'");
    expect(found.records.map((r) => r.Id)).toEqual([id]);
  });

  it('a create is not retried after a 500 (it may have landed): surfaced to the caller at once', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.failNext({
      count: 1,
      status: 500,
      body: JSON.stringify([{ message: 'An unexpected error occurred', errorCode: 'UNKNOWN_EXCEPTION' }]),
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      pathPrefix: '/services/data',
    });
    const mark = await logMark(emulator.url);
    const result = await settle(api.create('Contact', { LastName: 'Not-Retried' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('transient');
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(1);
  });

  it('a create after the session expired: refreshed and retried once (401 is answered before processing)', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.expireSessions();
    const { id } = await api.create('Contact', { LastName: 'After-Expiry' });
    const found = await api.query<{ Id: string }>("SELECT Id FROM Contact WHERE LastName = 'After-Expiry'");
    expect(found.records.map((r) => r.Id)).toEqual([id]);
  });
});

describe('connection: state and sign-out', () => {
  it('signed out: calls fail at once with reauth_required, no network', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    const seen: ConnectionState['status'][] = [];
    api.subscribe((s) => seen.push(s.status));
    await api.start(tokens, identity);
    api.signOut();
    const mark = await logMark(emulator.url);
    const result = await settle(api.query(CONTACTS_SOQL));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('reauth_required');
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(0);
    expect(seen).toEqual(['connected', 'signed_out']);
    expect(api.identity()).toBeUndefined();
  });

  it('revoke: the refresh token no longer works; never throws, even when the org is unreachable', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    await api.revoke();
    const other = connectionFor(emulator.url);
    const result = await settle(other.restore(tokens.refreshToken!, identity));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('bad_oauth_token');

    const unreachable = connectionFor(emulator.url);
    await unreachable.start(tokens, { ...identity, loginUrl: await closedPortUrl() });
    await expect(unreachable.revoke()).resolves.toBeUndefined();
  });

  it('composite: one call, each subresponse with its own status', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    const mark = await logMark(emulator.url);
    const result = await api.composite([
      { method: 'GET', url: `${api.apiPath}/query?q=${encodeURIComponent(CONTACTS_SOQL)}`, referenceId: 'contacts' },
      { method: 'GET', url: `${api.apiPath}/sobjects/Contact/003000000000000AAA`, referenceId: 'missing' },
    ]);
    expect(result.map((r) => r.referenceId)).toEqual(['contacts', 'missing']);
    expect(result[0]?.httpStatusCode).toBe(200);
    expect(result[1]?.httpStatusCode).toBe(404);
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(1);
  });

  it('no token in any failure a caller can see', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.revokeUser('seller@demo.example');
    emulator.controls.expireSessions();
    const failures: unknown[] = [];
    for (const call of [() => api.query(CONTACTS_SOQL), () => api.query(CONTACTS_SOQL)]) {
      await call().catch((e: unknown) => failures.push(e));
    }
    const text = JSON.stringify(failures.map((e) => [String(e), (e as { failure?: unknown }).failure, (e as Error).stack]));
    expect(failures).toHaveLength(2);
    expect(text).not.toContain(tokens.accessToken);
    expect(text).not.toContain(tokens.refreshToken!);
  });
});
