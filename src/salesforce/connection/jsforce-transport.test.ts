/**
 * jsforce's browser build (the one the pane runs), in Node: its transport calls the global fetch, which Node 20 has.
 * A request whose fetch fails never settles in jsforce alone; through sendJsforceRequest with watchFetchFailures it
 * rejects at once with the fetch's own error, which the classifier reads as a network failure.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifySalesforceError } from '../classify-salesforce-error';
import { jsforceModuleOf, sendJsforceRequest, watchFetchFailures, type JsforceModule } from './jsforce-transport';

let browserJsforce: JsforceModule;
let closedPortUrl = '';
let server: http.Server;
let base = '';
const undo: Array<() => void> = [];

/**
 * Real jsforce with its browser request function (browser/browser/request.js, what bundlers substitute through the
 * package's "browser" field): Node does not apply that field, so the test puts it in the transport itself.
 */
async function loadBrowserJsforce(): Promise<JsforceModule> {
  const node = jsforceModuleOf(await import('jsforce'));
  // The specifier is cast so TypeScript does not look for declarations the untyped file does not have.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const browserRequest = ((await import('jsforce/browser/browser/request.js' as string)) as { default: unknown }).default;
  class BrowserConnection extends (node.Connection as unknown as new (config: unknown) => { _transport?: { getRequestStreamCreator?: () => unknown } }) {
    constructor(config: unknown) {
      super(config);
      if (this._transport) this._transport.getRequestStreamCreator = () => browserRequest;
    }
  }
  return { Connection: BrowserConnection as unknown as JsforceModule['Connection'] };
}

beforeAll(async () => {
  browserJsforce = await loadBrowserJsforce();
  const spare = http.createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(spare.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => spare.close(() => resolve()));
  server = http.createServer((req, res) => {
    req.resume();
    if (req.url?.includes('/cut-off/')) {
      // Headers promising the whole body, part of it, then the connection ends: a body cut off mid-way.
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': '400' });
      res.write('{"totalSize":3,"done":true,"recor');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
    res.end('{"totalSize":0,"done":true,"records":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  for (const u of undo.splice(0)) u();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const QUERY = { method: 'GET' as const, url: '/services/data/v62.0/query?q=SELECT+Id+FROM+Contact' };
const CREATE = { method: 'POST' as const, url: '/services/data/v62.0/sobjects/Contact', body: '{"LastName":"X"}', headers: { 'Content-Type': 'application/json' } };
const session = (instanceUrl: string) => ({ accessToken: '00D000000000001!AQ.fake', instanceUrl, apiVersion: '62.0' });
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(
      (value) => ({ settled: 'resolved' as const, value }),
      (error: unknown) => ({ settled: 'rejected' as const, error }),
    ),
    new Promise<{ settled: 'pending' }>((resolve) => setTimeout(() => resolve({ settled: 'pending' }), ms)),
  ]);

describe("jsforce's browser transport and a fetch that fails", () => {
  it('alone (without watchFetchFailures), jsforce never settles the request and leaves the fetch error unhandled', async () => {
    // The test runner's own listener would fail the run on jsforce's unhandled rejection: hold it while we watch.
    const runnerListeners = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    const unhandled: unknown[] = [];
    process.on('unhandledRejection', (reason) => unhandled.push(reason));
    try {
      const outcome = await within(sendJsforceRequest(browserJsforce, session(closedPortUrl), QUERY, 60_000), 1500);
      expect(outcome.settled).toBe('pending');
      expect(unhandled.map(String)).toEqual(['TypeError: fetch failed']);
    } finally {
      process.removeAllListeners('unhandledRejection');
      for (const listener of runnerListeners) process.on('unhandledRejection', listener);
    }
  });

  it.each([
    ['a GET', QUERY],
    ['a POST', CREATE],
  ])('%s rejects at once with the fetch error, classified transient while online and offline when offline', async (_, request) => {
    undo.push(watchFetchFailures());
    const outcome = await within(sendJsforceRequest(browserJsforce, session(closedPortUrl), request, 60_000), 1500);
    expect(outcome.settled).toBe('rejected');
    if (outcome.settled !== 'rejected') return;
    expect(classifySalesforceError(outcome.error, { phase: 'request', online: true })).toMatchObject({ kind: 'transient', reason: 'not_salesforce_json', connectionLost: false });
    expect(classifySalesforceError(outcome.error, { phase: 'request', online: false }).kind).toBe('offline');
  });

  it('a body cut off mid-way rejects at once (its read fails inside jsforce, where nobody hears it), classified transient', async () => {
    undo.push(watchFetchFailures());
    const cutOff = { method: 'GET' as const, url: '/cut-off/services/data/v62.0/query?q=SELECT+Id+FROM+Contact' };
    const outcome = await within(sendJsforceRequest(browserJsforce, session(base), cutOff, 60_000), 1500);
    expect(outcome.settled).toBe('rejected');
    if (outcome.settled !== 'rejected') return;
    expect(classifySalesforceError(outcome.error, { phase: 'request', online: true })).toMatchObject({ kind: 'transient', connectionLost: false });
  });

  it('answers as before when the fetch succeeds, and every other fetch caller sees fetch unchanged', async () => {
    const before = globalThis.fetch;
    undo.push(watchFetchFailures());
    undo.push(watchFetchFailures()); // once only
    expect((globalThis.fetch as unknown as Record<symbol, unknown>)[Symbol.for('outlook-salesforce-addin.fetch-watched')]).toBe(before);
    await expect(sendJsforceRequest(browserJsforce, session(base), QUERY, 5000)).resolves.toEqual({ totalSize: 0, done: true, records: [] });
    await expect((await fetch(`${base}/x`)).json()).resolves.toMatchObject({ done: true });
    await expect(fetch(`${closedPortUrl}/x`)).rejects.toThrow(TypeError);
    for (const u of undo.splice(0)) u();
    expect(globalThis.fetch).toBe(before);
  });
});
