/**
 * Failures that are not Salesforce JSON, injected with failNext (in-process and over the HTTP control) and seen
 * through real jsforce and fetch over HTTPS: a gateway answer without CORS headers, the HTML maintenance page, and a
 * body cut off after its headers. The no-CORS answer in a real browser is in emulator-browser.test.ts.
 */
import { request } from 'node:https';
import { Connection } from 'jsforce';
import { describe, expect, it } from 'vitest';
import { useEmulatedOrg, useSellerTokens } from './emulated-org-fixture';

const ADDIN_ORIGIN = 'https://localhost:3000';

const org = useEmulatedOrg({ allowedOrigins: [ADDIN_ORIGIN] });
const tokens = useSellerTokens(org);

function connection(): Connection {
  return new Connection({ instanceUrl: tokens.instance_url, accessToken: tokens.access_token, version: '62.0' });
}

async function caught(promise: PromiseLike<unknown>): Promise<Error & { errorCode?: string; data?: unknown; content?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

const limits = () => `${org.url}/services/data/v62.0/limits`;
const auth = () => ({ Authorization: `Bearer ${tokens.access_token}`, Origin: ADDIN_ORIGIN });

async function control(name: string, body: unknown): Promise<Response> {
  return fetch(`${org.url}/__emulator/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

describe('a gateway answer without CORS headers', () => {
  it('answers the next matching request without CORS headers, then the org answers normally', async () => {
    org.controls.failNext({ status: 503, withoutCors: true, body: 'Service Unavailable', pathPrefix: '/services/data' });
    const gateway = await fetch(limits(), { headers: auth() });
    expect(gateway.status).toBe(503);
    expect(gateway.headers.get('access-control-allow-origin')).toBeNull();
    expect(gateway.headers.get('sforce-limit-info')).toBeNull();
    const next = await fetch(limits(), { headers: auth() });
    expect(next.status).toBe(200);
    expect(next.headers.get('access-control-allow-origin')).toBe(ADDIN_ORIGIN);
  });

  it('the gateway-error preset (HTTP control): 502 HTML without CORS headers; jsforce sees ERROR_HTTP_<status>, not a Salesforce error code', async () => {
    expect((await control('fail-next', { preset: 'gateway-error', pathPrefix: '/services/data' })).status).toBe(200);
    const res = await fetch(limits(), { headers: auth() });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.text()).toContain('502 Bad Gateway');

    // A POST is not retried by jsforce's Node transport, so the answer reaches the caller.
    org.controls.failNext({ preset: 'gateway-error', status: 504, pathPrefix: '/services/data' });
    const err = await caught(connection().sobject('Lead').create({ LastName: 'Gate', Company: 'Way' }));
    // jsforce's shape for a body that is not Salesforce JSON: ERROR_HTTP_<status>, the HTML as the message.
    expect(err.errorCode).toBe('ERROR_HTTP_504');
    expect(err.message).toContain('HTTP status code: 504');
    expect(String(err.data)).toContain('504 Gateway Timeout');
  });

  it('can take the CORS headers off the real answer of the org', async () => {
    org.controls.failNext({ withoutCors: true, pathPrefix: '/services/data' });
    const res = await fetch(limits(), { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { DailyApiRequests: unknown }).DailyApiRequests).toBeDefined();
  });
});

describe('the HTML maintenance page', () => {
  it('answers 503 text/html with the maintenance page (in-process and HTTP control); jsforce sees ERROR_HTTP_<status>, not a Salesforce error code', async () => {
    org.controls.failNext({ preset: 'maintenance-page', pathPrefix: '/services/data' });
    const res = await fetch(limits(), { headers: auth() });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('access-control-allow-origin')).toBe(ADDIN_ORIGIN);
    expect(await res.text()).toMatch(/down for maintenance/);

    expect((await control('fail-next', { preset: 'maintenance-page', pathPrefix: '/services/data' })).status).toBe(200);
    const err = await caught(connection().sobject('Lead').create({ LastName: 'Main', Company: 'Tenance' }));
    expect(err.errorCode).toBe('ERROR_HTTP_503');
    expect(err.message).toMatch(/down for maintenance/);
  });

  it('refuses a fail-next with neither status nor preset', async () => {
    const res = await control('fail-next', { pathPrefix: '/services/data' });
    expect(res.status).toBe(400);
    expect(() => org.controls.failNext({ preset: 'teapot' as never })).toThrow(/unknown preset/);
  });
});

describe('a cut-off body', () => {
  it('sends the status, the headers and part of the body, then drops the connection (fetch)', async () => {
    org.controls.failNext({ cutOffAfterBytes: 10, pathPrefix: '/services/data' });
    const res = await fetch(limits(), { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(10);
    await expect(res.text()).rejects.toThrow();
    // The org itself is fine.
    expect((await fetch(limits(), { headers: auth() })).status).toBe(200);
  });

  it('delivers exactly the first bytes of an injected answer, then the socket closes (HTTP control)', async () => {
    const body = { id: '00Q5e000000Cut001A', success: true, errors: [] };
    expect((await control('fail-next', { cutOffAfterBytes: 5, status: 201, body, pathPrefix: '/services/data' })).status).toBe(200);
    const seen = await new Promise<{ status?: number; length?: string; received: string; ended: boolean }>((resolve) => {
      const result = { status: undefined as number | undefined, length: undefined as string | undefined, received: '', ended: false };
      const req = request(`${org.url}/services/data/v62.0/sobjects/Lead`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' } }, (res) => {
        result.status = res.statusCode;
        result.length = res.headers['content-length'];
        res.on('data', (chunk: Buffer) => (result.received += chunk.toString('utf8')));
        res.on('end', () => (result.ended = true));
        res.on('close', () => resolve(result));
      });
      req.on('error', () => resolve(result));
      req.end(JSON.stringify({ LastName: 'Cut', Company: 'Off' }));
    });
    expect(seen).toEqual({ status: 201, length: String(JSON.stringify(body).length), received: JSON.stringify(body).slice(0, 5), ended: false });
  });
});
