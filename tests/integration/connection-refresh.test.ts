/**
 * The wrapper's own refresh, with real jsforce against the emulated org over loopback: single flight, rotation,
 * a revoked grant, the overlapping-refresh race, and the session the REST API refuses outright.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/server';
import type { ConnectionState } from '../../src/salesforce/salesforce-api';
import { ADDIN_ORIGIN, CONTACTS_SOQL, connectionFor, logMark, memoryTokenStore, readLog, restCallsSince, settle, signIn, tokenCallsSince } from './connection-fixture';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

let emulator: Emulator;

async function start(policy: Record<string, unknown> = {}): Promise<Emulator> {
  emulator = await startEmulator({ port: 0, policy, allowedOrigins: [ADDIN_ORIGIN] });
  return emulator;
}

afterEach(async () => {
  await emulator?.close();
});

describe('connection: refresh after the session expires', () => {
  beforeEach(async () => {
    await start();
  });

  it('50 concurrent requests after the session expired: one token call, all 50 succeed', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const store = memoryTokenStore();
    const api = connectionFor(emulator.url, { tokenStore: store });
    const states: ConnectionState['status'][] = [];
    api.subscribe((s) => states.push(s.status));
    await api.start(tokens, identity);
    await api.query(CONTACTS_SOQL); // the session works before it expires

    emulator.controls.expireSessions();
    const mark = await logMark(emulator.url);
    const results = await Promise.all(Array.from({ length: 50 }, () => settle(api.query(CONTACTS_SOQL))));

    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (const r of results) if (r.ok) expect(r.value.records.length).toBeGreaterThan(0);
    expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(1);
    // 50 refused with the old token, 50 retried with the new one: each request retried once.
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(100);
    expect(states).toContain('refreshing');
    expect(api.state().status).toBe('connected');
  });

  it('the same with refresh token rotation: the rotated token is kept and saved, no reuse revocation', async () => {
    emulator.controls.setPolicy({ rotation: true });
    const { tokens, identity } = await signIn(emulator.url);
    const store = memoryTokenStore();
    const api = connectionFor(emulator.url, { tokenStore: store });
    await api.start(tokens, identity);

    for (let round = 0; round < 3; round++) {
      emulator.controls.expireSessions();
      const mark = await logMark(emulator.url);
      const results = await Promise.all(Array.from({ length: 50 }, () => settle(api.query(CONTACTS_SOQL))));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(1);
    }
    // Every rotation saved: the sign-in's token plus one per round, all different.
    expect(store.saved).toHaveLength(4);
    expect(new Set(store.saved).size).toBe(4);
    expect(store.saved[0]).toBe(tokens.refreshToken);
    // A later request still works: the grant was never revoked for reuse.
    await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
    expect(api.state().status).toBe('connected');
  });

  it('a revoked refresh token: every pending and later request gets bad_oauth_token, one token call in all', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.revokeUser('seller@demo.example');
    emulator.controls.expireSessions();
    const mark = await logMark(emulator.url);

    const pending = await Promise.all(Array.from({ length: 20 }, () => settle(api.query(CONTACTS_SOQL))));
    for (const r of pending) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.failure).toMatchObject({ kind: 'bad_oauth_token', connectionLost: true, code: 'invalid_grant' });
    }
    const state = api.state();
    expect(state.status).toBe('lost');
    if (state.status === 'lost') expect(state.failure.kind).toBe('bad_oauth_token');

    const restBefore = (await restCallsSince(emulator.url, mark)).length;
    const later = await Promise.all([settle(api.query(CONTACTS_SOQL)), settle(api.create('Contact', { LastName: 'Later' })), settle(api.retrieve('Contact', '003000000000001AAA'))]);
    for (const r of later) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.failure.kind).toBe('bad_oauth_token');
    }
    // Failed at once: no further REST call and no further token call.
    expect((await restCallsSince(emulator.url, mark)).length).toBe(restBefore);
    expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(1);

    // Sign in again: new tokens bring the connection back.
    const again = await signIn(emulator.url);
    await api.start(again.tokens, again.identity);
    expect(api.state().status).toBe('connected');
    await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
  });

  it('the overlapping-refresh answer ("token request is already being processed") is retried, not lost', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.expireSessions();
    emulator.controls.failNext({
      count: 1,
      status: 400,
      body: JSON.stringify({ error: 'invalid_grant', error_description: 'token request is already being processed' }),
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      pathPrefix: '/services/oauth2/token',
    });
    const mark = await logMark(emulator.url);

    const results = await Promise.all(Array.from({ length: 5 }, () => settle(api.query(CONTACTS_SOQL))));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(2);
    expect(api.state().status).toBe('connected');
  });

  it('"This session is not valid for use with the REST API": no token call at all, no loop', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.failNext({
      count: 1,
      status: 401,
      body: JSON.stringify([{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }]),
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      pathPrefix: '/services/data',
    });
    const mark = await logMark(emulator.url);

    const result = await settle(api.query(CONTACTS_SOQL));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.code).toBe('INVALID_SESSION_ID');
      expect(result.failure.refreshable).toBe(false);
    }
    expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(0);
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(1);
  });

  it('a second INVALID_SESSION_ID right after a successful refresh: lost (session_expired), no loop', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    await api.start(tokens, identity);
    emulator.controls.failNext({
      count: 2,
      status: 401,
      body: JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]),
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      pathPrefix: '/services/data',
    });
    const mark = await logMark(emulator.url);

    const result = await settle(api.query(CONTACTS_SOQL));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure).toMatchObject({ kind: 'session_expired', connectionLost: true });
    expect(api.state().status).toBe('lost');
    expect(await tokenCallsSince(emulator.url, mark)).toHaveLength(1);
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(2);
    const later = await settle(api.query(CONTACTS_SOQL));
    expect(later.ok).toBe(false);
    expect(await restCallsSince(emulator.url, mark)).toHaveLength(2);
  });

  it('restore from a stored refresh token, then work; who signed in comes from REST, never the identity URL', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    const api = connectionFor(emulator.url);
    const mark = await logMark(emulator.url);
    const restored = await api.restore(tokens.refreshToken!, emulator.url);
    expect(restored).toEqual({ ...identity, loginUrl: emulator.url });
    const since = (await readLog(emulator.url)).slice(mark);
    expect(since.filter((e) => e.area === 'identity')).toEqual([]);
    expect(since.filter((e) => e.area === 'rest').map((e) => e.path)).toEqual([`/services/data/v62.0/sobjects/User/${identity.userId}`]);
    expect(api.identity()?.userId).toBe(identity.userId);
    expect(api.state().status).toBe('connected');
    await expect(api.query(CONTACTS_SOQL)).resolves.toMatchObject({ done: true });
  });

  it('restore with a revoked refresh token: lost, with bad_oauth_token', async () => {
    const { tokens, identity } = await signIn(emulator.url);
    emulator.controls.revokeUser('seller@demo.example');
    const api = connectionFor(emulator.url);
    const result = await settle(api.restore(tokens.refreshToken!, identity));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('bad_oauth_token');
    expect(api.state().status).toBe('lost');
  });
});
