/**
 * A search the seller types over is cancelled on the wire, through the real connection wrapper against the emulated
 * org: the org holds the answer (hangNext), the search is stopped, the org sees its client close the connection, the
 * connection stays as it was (no failure, no retry) and the next search answers. Not stopped, the same fetch path
 * renews an expired session and retries a 503 as any call does.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';
import { logMark, restCallsSince } from './connection-fixture';
import { recentRecords, searchObjectsOf, searchRecords } from '../../src/salesforce/crm/record-search';
import { isAbortError } from '../../src/shared/deadline';

const org = useEmulatedOrg();
const api = useSellerConnection(org);
const objects = searchObjectsOf(undefined);
const SEARCH = '/services/data/v62.0/search';

describe('a search stopped in flight', () => {
  it('closes its HTTP request at the org, reports nothing, and the next search answers', async () => {
    org.controls.hangNext({ pathPrefix: SEARCH });
    const states: string[] = [];
    api.subscribe((s) => states.push(s.status));
    const stop = new AbortController();
    const held = searchRecords(api, 'ac', objects, stop.signal).catch((e: unknown) => e);
    await vi.waitFor(() => expect(org.heldAnswersOpen()).toBe(1));

    stop.abort();
    expect(isAbortError(await held)).toBe(true);
    // The org sees the client give up: the held request's connection is closed, not left waiting for the deadline.
    await vi.waitFor(() => expect(org.heldAnswersOpen()).toBe(0), { timeout: 2000 });
    expect(api.state().status).toBe('connected');
    expect(states).toEqual([]);

    const mark = await logMark(org.url);
    const found = await searchRecords(api, 'acme', objects, new AbortController().signal);
    expect(found.find((r) => r.id === DEMO_ACCOUNTS.acme.Id)).toMatchObject({ sobject: 'Account' });
    // One request for the next search; the stopped one was not sent again.
    expect((await restCallsSince(org.url, mark)).map((c) => `${c.method} ${c.path}`)).toEqual([`GET ${SEARCH}`]);
  });

  it('recent records stopped in flight close their request too', async () => {
    org.controls.hangNext({ pathPrefix: '/services/data/v62.0/recent' });
    const stop = new AbortController();
    const held = recentRecords(api, objects, stop.signal).catch((e: unknown) => e);
    await vi.waitFor(() => expect(org.heldAnswersOpen()).toBe(1));
    stop.abort();
    expect(isAbortError(await held)).toBe(true);
    await vi.waitFor(() => expect(org.heldAnswersOpen()).toBe(0), { timeout: 2000 });
    expect((await recentRecords(api, objects)).length).toBeGreaterThan(0);
  });
});

describe('the fetch path search takes, not stopped', () => {
  it('an expired session: the search renews the token once and answers', async () => {
    org.controls.expireSessions();
    const mark = await logMark(org.url);
    const found = await searchRecords(api, 'acme', objects, new AbortController().signal);
    expect(found.find((r) => r.id === DEMO_ACCOUNTS.acme.Id)).toBeDefined();
    const calls = (await restCallsSince(org.url, mark)).map((c) => `${c.method} ${c.path} ${c.status}`);
    expect(calls).toEqual([`GET ${SEARCH} 401`, `GET ${SEARCH} 200`]);
    expect(api.state().status).toBe('connected');
  });

  it('a 503 is classified as for any call: retried with backoff, and the search answers', async () => {
    org.controls.failNext({ pathPrefix: SEARCH, status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Down for a moment' }] });
    const mark = await logMark(org.url);
    const found = await searchRecords(api, 'acme', objects, new AbortController().signal);
    expect(found.length).toBeGreaterThan(0);
    expect((await restCallsSince(org.url, mark)).map((c) => c.status)).toEqual([503, 200]);
  });
});
