/**
 * Table-driven over every documented case (../shared/salesforce-failures.dev.json, its committed copy in
 * tests/fixtures, and OWN_CASES), each replayed in every shape it can reach the app in. The jsforce shapes are not
 * imitations: a loopback HTTP server answers each case's exact status, headers and body, and real jsforce 3 builds the
 * error. (This test imports jsforce only to produce those errors; the classifier itself never does.)
 *
 * Over 300 lines on purpose: the classifier's table and its property tests, read top to bottom.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Connection, OAuth2 } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySalesforceError } from './classify-salesforce-error';
import { scrubSecrets } from '../shared/scrub-secrets';
import { NOT_SALESFORCE_JSON_CASES, OWN_CASES, type WireCase } from './classify-salesforce-error.cases';
import * as jsforceNamespace from 'jsforce';
import { jsforceModuleOf, sendJsforceRequest } from './connection/jsforce-transport';
import { CONNECTION_LOST_KINDS, FAILURE_KINDS, SalesforceFailureError, type ClassifiedFailure, type ClassifyContext, type FailureKind } from './failure-kinds';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = path.join(repoRoot, 'tests', 'fixtures', 'salesforce-failures.json');
const SHARED = path.resolve(repoRoot, '..', 'shared', 'salesforce-failures.dev.json');

interface DevCase {
  id: string;
  phase: WireCase['phase'];
  status: number | null;
  headers: Record<string, string>;
  body: string | null;
  network: { failure: 'fetch_type_error' | 'timeout'; online?: boolean } | null;
  expected: FailureKind[];
}

function load(file: string): DevCase[] {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DevCase[];
}

const sources: Array<[string, DevCase[]]> = [['tests/fixtures', load(FIXTURE)]];
if (fs.existsSync(SHARED)) sources.push(['../shared', load(SHARED)]);

const toWire = (c: DevCase): WireCase => ({ id: c.id, phase: c.phase, status: c.status, headers: c.headers, body: c.body, expected: c.expected[0]!, source: 'dev file' });

// ---------------------------------------------------------------------------------------------------------------------
// A loopback stand-in that answers whatever the current case says, for the REST path and the token endpoint.
// ---------------------------------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}
let restReply: Reply = { status: 200, headers: {}, body: '{}' };
let tokenReply: Reply = { status: 200, headers: {}, body: '{}' };
let server: http.Server;
let base = '';
let closedPortUrl = '';

const ACCESS_TOKEN = '00D5e000000DemoAAA!AQ0AQFakeAccessTokenThatMustNeverLeak.1234567890abcdef';
const REFRESH_TOKEN = '5Aep861FakeRefreshTokenThatMustNeverLeak1234567890abcdefXYZ';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if ((req.url ?? '').startsWith('/hang')) return; // never answers: the client's deadline must fire
      const isToken = (req.url ?? '').startsWith('/services/oauth2/');
      const reply = isToken ? tokenReply : restReply;
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spare = http.createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(spare.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => spare.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function replyOf(c: WireCase): Reply {
  return { status: c.status ?? 500, headers: c.headers, body: c.body ?? '' };
}

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('the call was expected to fail');
}

const restConnection = (url = base) => new Connection({ instanceUrl: url, accessToken: ACCESS_TOKEN, version: '62.0' });
// POST, because jsforce retries GETs on 5xx/420 with seconds of backoff.
const restCall = (conn: Connection) =>
  conn.request({ method: 'POST', url: '/services/data/v62.0/sobjects/Contact', body: '{"LastName":"X"}', headers: { 'content-type': 'application/json' } });

/** jsforce REST error (HttpApiError): name = errorCode, data = the error item; no HTTP status kept. */
function jsforceRestError(c: WireCase): Promise<unknown> {
  restReply = replyOf(c);
  return failureOf(() => restCall(restConnection()));
}

/** jsforce OAuth2 error: name = error, message = error_description. */
function jsforceOAuthError(c: WireCase): Promise<unknown> {
  tokenReply = replyOf(c);
  const oauth2 = new OAuth2({ clientId: 'demo-outlook-addin', loginUrl: base, redirectUri: 'https://localhost:3000/auth-callback.html' });
  return failureOf(() => (c.phase === 'token_exchange' ? oauth2.requestToken('aPrxCodeFromRedirect') : oauth2.refreshToken(REFRESH_TOKEN)));
}

/** jsforce's own auto-refresh failing: the request that started it gets Error("Unable to refresh session due to: …"). */
function jsforceWrappedRefreshError(c: WireCase): Promise<unknown> {
  restReply = { status: 401, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body: '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]' };
  tokenReply = replyOf(c);
  const conn = new Connection({ instanceUrl: base, accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN, version: '62.0', oauth2: { clientId: 'demo-outlook-addin', loginUrl: base } });
  return failureOf(() => restCall(conn));
}

function redirectShapes(c: WireCase): Array<[string, unknown]> {
  const location = Object.entries(c.headers).find(([k]) => k.toLowerCase() === 'location')?.[1];
  const query = c.body ?? '';
  const shapes: Array<[string, unknown]> = [
    ['query string', query],
    ['URLSearchParams', new URLSearchParams(query)],
    ['{ error, error_description } object', Object.fromEntries(new URLSearchParams(query))],
  ];
  if (location) shapes.push(['callback URL', location]);
  return shapes;
}

function expectValid(result: ClassifiedFailure): void {
  expect(FAILURE_KINDS).toContain(result.kind);
  expect(result.connectionLost).toBe(CONNECTION_LOST_KINDS.has(result.kind));
  expect(typeof result.retryable).toBe('boolean');
}

function expectCase(result: ClassifiedFailure, c: WireCase): void {
  expectValid(result);
  expect(result.kind, c.id).toBe(c.expected);
  if (c.also?.refreshable !== undefined) expect(result.refreshable, `${c.id} refreshable`).toBe(c.also.refreshable);
  if (c.also?.reason !== undefined) expect(result.reason, `${c.id} reason`).toBe(c.also.reason);
  if (c.also?.fields !== undefined) expect(result.fields, `${c.id} fields`).toEqual(c.also.fields);
  if (c.also?.code !== undefined) expect(result.code, `${c.id} code`).toBe(c.also.code);
}

/** The token endpoint's JSON error, i.e. a case jsforce's wrapped refresh error can carry faithfully. */
const isOAuthJson = (c: WireCase) => {
  try {
    return typeof (JSON.parse(c.body ?? '') as { error?: unknown }).error === 'string';
  } catch {
    return false;
  }
};

async function checkWireCase(c: WireCase): Promise<void> {
  const ctx: ClassifyContext = { phase: c.phase };
  // 1. raw: as the case stands (fetch-level status, headers, body string).
  expectCase(classifySalesforceError({ status: c.status, headers: c.headers, body: c.body }, ctx), c);
  if (c.phase === 'authorize') {
    for (const [shape, value] of redirectShapes(c)) {
      const result = classifySalesforceError(value, ctx);
      expect(result.kind, `${c.id} as ${shape}`).toBe(c.expected);
      expectCase(result, c);
    }
    return;
  }
  if (c.phase === 'request') {
    expectCase(classifySalesforceError(await jsforceRestError(c), ctx), c);
    return;
  }
  // token endpoint phases
  const oauthError = await jsforceOAuthError(c);
  expect(oauthError).toBeInstanceOf(Error);
  expectCase(classifySalesforceError(oauthError, ctx), c);
  if (c.phase === 'token_refresh' && isOAuthJson(c)) {
    const wrapped = await jsforceWrappedRefreshError(c);
    expect(String((wrapped as Error).message)).toMatch(/^Unable to refresh session due to: /);
    // The caller saw a failed *request*; the classifier must still recognise the refresh failure.
    expectCase(classifySalesforceError(wrapped, { phase: 'request' }), c);
  }
}

async function networkShapes(c: DevCase): Promise<Array<[string, unknown]>> {
  if (c.network?.failure === 'timeout') {
    const aborted = new AbortController();
    const pending = failureOf(() => fetch(`${base}/hang`, { signal: aborted.signal }));
    aborted.abort();
    class TimeoutError extends Error {
      override name = 'TimeoutError';
    }
    return [
      ['fetch with AbortSignal.timeout (real)', await failureOf(() => fetch(`${base}/hang`, { signal: AbortSignal.timeout(30) }))],
      ['fetch aborted by the wrapper (real)', await pending],
      ['DOMException AbortError', new DOMException('The operation was aborted.', 'AbortError')],
      ['DOMException TimeoutError', new DOMException('signal timed out', 'TimeoutError')],
      ["the project's own TimeoutError", new TimeoutError('Salesforce did not answer within 20000 ms')],
    ];
  }
  return [
    ['browser fetch TypeError', new TypeError('Failed to fetch')],
    ['Safari fetch TypeError', new TypeError('Load failed')],
    ['Node fetch to a closed port (real)', await failureOf(() => fetch(`${closedPortUrl}/services/data`))],
    ['jsforce to a closed port (real)', await failureOf(() => restCall(restConnection(closedPortUrl)))],
  ];
}

// ---------------------------------------------------------------------------------------------------------------------

for (const [label, cases] of sources) {
  describe(`documented cases from ${label}`, () => {
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(10);
    });
    for (const c of cases) {
      it(`${c.id} → ${c.expected.join('|')} in every shape`, async () => {
        if (c.network) {
          const ctx: ClassifyContext = { phase: c.phase, online: c.network.online };
          for (const [shape, error] of await networkShapes(c)) {
            const result = classifySalesforceError(error, ctx);
            expectValid(result);
            expect(c.expected, `${c.id} as ${shape}: got ${result.kind}`).toContain(result.kind);
          }
          return;
        }
        await checkWireCase(toWire(c));
      });
    }
  });
}

it('the committed fixture holds every case of ../shared (so CI keeps them if shared/ moves)', () => {
  if (!fs.existsSync(SHARED)) return;
  const fixtureIds = new Set(load(FIXTURE).map((c) => c.id));
  for (const c of load(SHARED)) expect(fixtureIds, c.id).toContain(c.id);
});

describe('own documented cases', () => {
  for (const c of OWN_CASES) {
    it(`${c.id} → ${c.expected}`, async () => {
      await checkWireCase(c);
    });
  }
});

describe('phase decides what invalid_grant means', () => {
  const grant = (description: string) => ({ error: 'invalid_grant', error_description: description });
  it.each([
    ['token_refresh', 'expired access/refresh token', 'bad_oauth_token'],
    ['token_exchange', 'expired access/refresh token', 'reauth_required'],
    ['authorize', 'invalid authorization code', 'reauth_required'],
    [undefined, 'expired access/refresh token', 'bad_oauth_token'],
    ['token_exchange', 'token request is already being processed', 'transient'],
    ['token_refresh', 'Inactive User', 'admin_action_required'],
  ] as const)('%s + "%s" → %s', (phase, description, kind) => {
    expect(classifySalesforceError(grant(description), { phase }).kind).toBe(kind);
  });

  it('the overlapping-refresh answer is retryable, not a lost connection', () => {
    const result = classifySalesforceError(grant('token request is already being processed'), { phase: 'token_refresh' });
    expect(result).toMatchObject({ kind: 'transient', retryable: true, connectionLost: false, reason: 'refresh_in_progress' });
  });
});

describe('network failures', () => {
  it('a fetch TypeError while online is unknown (often CORS), not offline', async () => {
    const real = await failureOf(() => fetch(`${closedPortUrl}/x`));
    for (const error of [new TypeError('Failed to fetch'), real]) {
      expect(classifySalesforceError(error, { online: true }).kind).toBe('unknown');
      expect(classifySalesforceError(error, {}).kind).toBe('unknown');
      expect(classifySalesforceError(error, { online: false }).kind).toBe('offline');
    }
  });

  it('a TypeError that is a bug, not a network failure, is never offline', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'Id')");
    expect(classifySalesforceError(bug, { online: false }).kind).toBe('unknown');
  });

  it('a reset connection is transient', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifySalesforceError(reset, { online: true })).toMatchObject({ kind: 'transient', retryable: true });
  });

  it('jsforce auto-refresh that met a network failure while offline is offline', () => {
    expect(classifySalesforceError(new Error('Unable to refresh session due to: Failed to fetch'), { online: false }).kind).toBe('offline');
  });
});

describe("the project's own errors", () => {
  it('a SalesforceFailureError passes its failure through as it is', () => {
    const failure: ClassifiedFailure = { kind: 'session_expired', connectionLost: true, retryable: false, code: 'INVALID_SESSION_ID', refreshable: false };
    expect(classifySalesforceError(new SalesforceFailureError(failure))).toBe(failure);
  });
});

describe('detail never carries a token', () => {
  const secrets = [ACCESS_TOKEN, REFRESH_TOKEN, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMDU1ZTAwMDAwMVNhbUFBQSJ9.c2lnbmF0dXJl', 'aPrxCodeFromRedirect12345'];

  it.each([
    ['REST message quoting a session id', { status: 401, body: JSON.stringify([{ errorCode: 'INVALID_SESSION_ID', message: `Session ${ACCESS_TOKEN} expired` }]) }],
    ['Bearer header echoed', { status: 500, body: JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: `Authorization: Bearer ${ACCESS_TOKEN}` }]) }],
    ['form body echoed', { error: 'invalid_grant', error_description: `bad request refresh_token=${REFRESH_TOKEN}&code=aPrxCodeFromRedirect12345` }],
    ['JSON token echoed', { status: 502, body: `upstream said {"access_token":"${ACCESS_TOKEN}","refresh_token":"${REFRESH_TOKEN}"}` }],
    ['JWT', new Error(`id_token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMDU1ZTAwMDAwMVNhbUFBQSJ9.c2lnbmF0dXJl rejected`)],
    ['wrapped refresh error', new Error(`Unable to refresh session due to: token ${REFRESH_TOKEN} expired`)],
  ])('%s', (_label, error) => {
    const result = classifySalesforceError(error, { phase: 'request' });
    for (const secret of secrets) expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('keeps Salesforce record ids, error ids and hosts readable', () => {
    const text = 'Record 0035e000001SamAAA at https://demo.my.salesforce.com failed, ErrorId 243926966-107564 (1182868337)';
    expect(scrubSecrets(text)).toBe(text);
  });

  it('the jsforce-built errors of every case hold no token in their classification', async () => {
    for (const c of OWN_CASES.filter((x) => x.phase === 'token_refresh' && isOAuthJson(x))) {
      const result = classifySalesforceError(await jsforceWrappedRefreshError(c), { phase: 'request' });
      expect(JSON.stringify(result)).not.toContain(REFRESH_TOKEN);
      expect(JSON.stringify(result)).not.toContain(ACCESS_TOKEN);
    }
  });
});

describe('codes named like members of every object', () => {
  // Found by the property below (`error=__proto__`): a lookup by code must read only the rule table's own entries.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('%s is an unknown code, in every shape', (code) => {
    const shapes: unknown[] = [
      `error=${code}&error_description=${code}`,
      { error: code, error_description: 'x' },
      { errorCode: code, message: 'x' },
      [{ errorCode: code, message: 'x' }],
      Object.assign(new Error('x'), { name: code, errorCode: code }),
    ];
    for (const shape of shapes) {
      for (const phase of [undefined, 'token_refresh', 'request'] as const) {
        const result = classifySalesforceError(shape, { phase });
        expect(FAILURE_KINDS).toContain(result.kind);
        expect(result.connectionLost).toBe(false);
      }
    }
  });
});

describe('never throws, always a valid kind', () => {
  const throwing = new Proxy(
    {},
    {
      get() {
        throw new Error('get trap');
      },
      has() {
        throw new Error('has trap');
      },
      ownKeys() {
        throw new Error('ownKeys trap');
      },
      getPrototypeOf() {
        throw new Error('getPrototypeOf trap');
      },
      getOwnPropertyDescriptor() {
        throw new Error('descriptor trap');
      },
    },
  );
  const circular: Record<string, unknown> = { errorCode: 'NOT_FOUND' };
  circular.self = circular;
  circular.data = circular;
  const circularArray: unknown[] = [];
  circularArray.push(circularArray, { errorCode: 'NOT_FOUND', fields: circularArray });
  const badToString = {
    toString() {
      throw new Error('toString');
    },
    valueOf() {
      throw new Error('valueOf');
    },
    [Symbol.toPrimitive]() {
      throw new Error('toPrimitive');
    },
  };
  const getterThrows = Object.defineProperty(new Error('x'), 'name', {
    get() {
      throw new Error('name getter');
    },
  });
  const frozen = Object.freeze({ status: 503, headers: Object.freeze({}), body: '[{"errorCode":"SERVER_UNAVAILABLE","message":"x"}]' });

  it.each([
    ['null', null, 'unknown'],
    ['undefined', undefined, 'unknown'],
    ['a number', 42, 'unknown'],
    ['NaN', Number.NaN, 'unknown'],
    ['a bigint', 10n, 'unknown'],
    ['a symbol', Symbol('x'), 'unknown'],
    ['a function', () => undefined, 'unknown'],
    ['an empty string', '', 'unknown'],
    ['a Proxy whose every trap throws', throwing, 'unknown'],
    ['a circular object', circular, 'not_found'],
    ['a circular array', circularArray, 'not_found'],
    ['an object whose toString throws', badToString, 'unknown'],
    ['an Error whose name getter throws', getterThrows, 'unknown'],
    ['a frozen raw response', frozen, 'transient'],
    ['Object.create(null)', Object.create(null) as unknown, 'unknown'],
  ])('%s', (_label, input, kind) => {
    const result = classifySalesforceError(input);
    expectValid(result);
    expect(result.kind).toBe(kind);
  });

  it('tolerates a hostile context', () => {
    expectValid(classifySalesforceError({ error: 'invalid_grant' }, throwing));
    expectValid(classifySalesforceError({ error: 'invalid_grant' }, null as unknown as ClassifyContext));
  });

  it('property: any input, any context', () => {
    // Named, then looked up inside the property: fast-check itself probes generated values (clone support), which
    // the throwing Proxy would not survive.
    const hostiles: Record<string, unknown> = { throwing, circular, circularArray, badToString, getterThrows, frozen };
    const hostile = fc.constantFrom(...Object.keys(hostiles)).map((name) => ({ hostileName: name }));
    const codes = fc.constantFrom('INVALID_SESSION_ID', 'invalid_grant', 'REQUEST_LIMIT_EXCEEDED', 'NOT_FOUND', 'ERROR_HTTP_503', 'Bad_OAuth_Token', 'access-denied', 'MULTIPLE_API_ERRORS');
    const shaped = fc.oneof(
      fc.record(
        { status: fc.oneof(fc.integer(), fc.constant(null), fc.string()), headers: fc.dictionary(fc.string(), fc.string()), body: fc.oneof(fc.string(), fc.json(), fc.anything()) },
        { requiredKeys: [] },
      ),
      fc.record({ error: fc.oneof(codes, fc.string()), error_description: fc.string() }, { requiredKeys: [] }),
      fc.record({ name: fc.oneof(codes, fc.string()), message: fc.string(), errorCode: fc.oneof(codes, fc.string()), data: fc.anything() }, { requiredKeys: [] }),
      fc.array(fc.record({ errorCode: fc.oneof(codes, fc.string()), message: fc.string(), fields: fc.anything() }, { requiredKeys: [] })),
      fc.string().map((s) => new Error(`Unable to refresh session due to: ${s}`)),
      fc.tuple(codes, fc.string()).map(([code, message]) => Object.assign(new Error(message), { name: code, errorCode: code })),
      fc.string().map((s) => `error=${encodeURIComponent(s)}&error_description=${encodeURIComponent(s)}`),
    );
    const input = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withObjectString: true }),
      shaped,
      hostile,
    );
    const context = fc.record(
      { phase: fc.constantFrom(undefined, 'authorize', 'token_exchange', 'token_refresh', 'request', 'revoke'), online: fc.option(fc.boolean(), { nil: undefined }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, context, (generated, ctx) => {
        const name = typeof generated === 'object' && generated !== null && 'hostileName' in generated ? (generated as { hostileName: string }).hostileName : undefined;
        const value = name === undefined ? generated : hostiles[name];
        const result = classifySalesforceError(value, ctx);
        expect(FAILURE_KINDS).toContain(result.kind);
        expect(result.connectionLost).toBe(result.kind === 'bad_oauth_token' || result.kind === 'session_expired');
        expect(typeof result.retryable).toBe('boolean');
        if (result.detail !== undefined) expect(typeof result.detail).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Failures that are not Salesforce JSON, and a REST call that gets no readable answer while online.
// ---------------------------------------------------------------------------------------------------------------------

/** Through the wrapper's boundary: real jsforce over loopback, the status attached, a 2xx text turned into an error. */
function throughWrapper(c: WireCase): Promise<unknown> {
  restReply = replyOf(c);
  return failureOf(() =>
    sendJsforceRequest(
      jsforceModuleOf(jsforceNamespace),
      { accessToken: ACCESS_TOKEN, instanceUrl: base, apiVersion: '62.0' },
      { method: 'GET', url: '/services/data/v62.0/query?q=SELECT+Id+FROM+Contact' },
      5000,
    ),
  );
}

describe('failures that are not Salesforce JSON', () => {
  for (const c of NOT_SALESFORCE_JSON_CASES) {
    it(`${c.id} → ${c.expected}, raw and through the wrapper's jsforce boundary, never Connection lost`, async () => {
      const ctx: ClassifyContext = { phase: c.phase, online: true };
      expectCase(classifySalesforceError({ status: c.status, headers: c.headers, body: c.body }, ctx), c);
      const error = await throughWrapper(c);
      const result = classifySalesforceError(error, ctx);
      expectCase(result, c);
      expect(result).toMatchObject({ connectionLost: false, retryable: true, status: c.status });
      // Support reads what came instead of JSON, never the markup and never a token.
      expect(result.detail ?? '').not.toMatch(/<[a-z!]/i);
      expect(JSON.stringify(result)).not.toContain(ACCESS_TOKEN);
    });
  }

  it("names an HTML page's title in the detail", async () => {
    const result = classifySalesforceError(await throughWrapper(NOT_SALESFORCE_JSON_CASES[0]!), { phase: 'request' });
    expect(result.detail).toContain('Down for Maintenance');
  });

  it('a 2xx plain text where JSON was due is not Salesforce JSON either', async () => {
    const error = await throughWrapper({ ...NOT_SALESFORCE_JSON_CASES[0]!, status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'Service Unavailable' });
    expect(classifySalesforceError(error, { phase: 'request' })).toMatchObject({ kind: 'transient', reason: 'not_salesforce_json' });
  });

  it('Salesforce JSON still resolves, and a 204 resolves empty', async () => {
    restReply = { status: 200, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body: '{"totalSize":0,"done":true,"records":[]}' };
    const session = { accessToken: ACCESS_TOKEN, instanceUrl: base, apiVersion: '62.0' };
    await expect(sendJsforceRequest(jsforceModuleOf(jsforceNamespace), session, { method: 'GET', url: '/services/data/v62.0/query?q=x' }, 5000)).resolves.toEqual({
      totalSize: 0,
      done: true,
      records: [],
    });
    restReply = { status: 204, headers: {}, body: '' };
    await expect(
      sendJsforceRequest(jsforceModuleOf(jsforceNamespace), session, { method: 'PATCH', url: '/services/data/v62.0/sobjects/Contact/003000000000001AAA', body: '{}' }, 5000),
    ).resolves.toBeUndefined();
  });

  it('a 4xx HTML page keeps its status meaning (a gone org is not a retry)', () => {
    expect(classifySalesforceError({ status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><title>Not Found</title></html>' }, { phase: 'request' }).kind).toBe('not_found');
    expect(classifySalesforceError({ status: 401, headers: { 'Content-Type': 'text/html' }, body: '<html></html>' }, { phase: 'request' })).toMatchObject({
      kind: 'session_expired',
      refreshable: true,
    });
  });

  it('an HTML-ish string without an HTTP status is not evidence of anything', () => {
    expect(classifySalesforceError('<html>oops</html>', { phase: 'request' }).kind).toBe('unknown');
  });
});

describe('no readable answer while online, by phase', () => {
  it('REST (a gateway answering without CORS headers reaches a browser as a network error): transient, retried', async () => {
    const real = await failureOf(() => restCall(restConnection(closedPortUrl)));
    for (const error of [new TypeError('Failed to fetch'), new TypeError('Load failed'), real]) {
      for (const online of [true, undefined]) {
        expect(classifySalesforceError(error, { phase: 'request', online })).toMatchObject({ kind: 'transient', reason: 'not_salesforce_json', retryable: true, connectionLost: false });
      }
      expect(classifySalesforceError(error, { phase: 'request', online: false }).kind).toBe('offline');
    }
  });

  it('the code exchange (the token endpoint did not answer CORS): a set-up reason for the admin, not unknown', () => {
    expect(classifySalesforceError(new TypeError('Failed to fetch'), { phase: 'token_exchange', online: true })).toMatchObject({
      kind: 'admin_action_required',
      reason: 'oauth_cors_blocked',
      connectionLost: false,
      retryable: false,
    });
    expect(classifySalesforceError(new TypeError('Failed to fetch'), { phase: 'token_exchange', online: false }).kind).toBe('offline');
  });

  it('a refresh (the token endpoint answered this sign-in before): transient, retried, never a set-up message', () => {
    expect(classifySalesforceError(new TypeError('Failed to fetch'), { phase: 'token_refresh', online: true })).toMatchObject({
      kind: 'transient',
      reason: 'not_salesforce_json',
      connectionLost: false,
    });
    expect(classifySalesforceError(new TypeError('Failed to fetch'), { phase: 'token_refresh', online: false }).kind).toBe('offline');
    // jsforce's own refresh failing on the network, as the request that started it sees it.
    expect(classifySalesforceError(new Error('Unable to refresh session due to: Failed to fetch'), { phase: 'token_refresh', online: true }).kind).toBe('transient');
  });

  it('with no phase, a network error while online stays unknown: nothing says which host failed', () => {
    expect(classifySalesforceError(new TypeError('Failed to fetch'), { online: true }).kind).toBe('unknown');
  });

  it('a deadline is still a timeout, whatever the phase', () => {
    expect(classifySalesforceError(new DOMException('x', 'TimeoutError'), { phase: 'request', online: true }).kind).toBe('timeout');
    expect(classifySalesforceError(new DOMException('x', 'TimeoutError'), { phase: 'token_exchange', online: true }).kind).toBe('timeout');
  });
});
