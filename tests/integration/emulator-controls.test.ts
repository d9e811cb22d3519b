/**
 * Each emulator control, seen through real jsforce exactly as the matching Salesforce failure would be; the CORS
 * allowlist; the request log.
 */
import { Connection, OAuth2 } from 'jsforce';
import { describe, expect, it } from 'vitest';
import { caught, useEmulatedOrg, useSellerTokens } from './emulated-org-fixture';
import { DEMO_SEED, DEMO_USERS } from '../emulator/seed';

// Counted from the seed, so a record added to the demo org does not change what these tests mean.
const SEEDED_CONTACTS = DEMO_SEED.records.Contact?.length ?? 0;
const SEEDED_LEADS = DEMO_SEED.records.Lead?.length ?? 0;
import { signInByHttp } from '../emulator/sign-in';

const ADDIN_ORIGIN = 'https://localhost:3000';
const CLIENT_ID = 'demo-outlook-addin';
const REDIRECT_URI = `${ADDIN_ORIGIN}/auth-callback.html`;

const org = useEmulatedOrg({ allowedOrigins: [ADDIN_ORIGIN] });
const tokens = useSellerTokens(org);

function oauth2(): OAuth2 {
  return new OAuth2({ loginUrl: org.url, clientId: CLIENT_ID, redirectUri: REDIRECT_URI });
}

/** A connection without a refresh token: every failure reaches the caller as the org sent it. */
function plain(): Connection {
  return new Connection({ instanceUrl: tokens.instance_url, accessToken: tokens.access_token, version: '62.0' });
}

/** A connection with jsforce's own refresh wired in. */
function refreshing(): Connection {
  return new Connection({
    oauth2: { loginUrl: org.url, clientId: CLIENT_ID, redirectUri: REDIRECT_URI },
    instanceUrl: tokens.instance_url,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    version: '62.0',
  });
}

describe('session and grant controls', () => {
  it('expireSessions: INVALID_SESSION_ID; jsforce with a refresh token renews and replays', async () => {
    org.controls.expireSessions();
    const err = await caught(plain().query('SELECT Id FROM Contact'));
    expect(err.name).toBe('INVALID_SESSION_ID');
    expect(err.errorCode).toBe('INVALID_SESSION_ID');
    expect(err.message).toBe('Session expired or invalid');

    org.controls.clearLog();
    const conn = refreshing();
    const result = await conn.query('SELECT Id FROM Contact');
    expect(result.totalSize).toBe(SEEDED_CONTACTS);
    expect(conn.accessToken).not.toBe(tokens.access_token);
    expect(org.controls.log().map((e) => `${e.method} ${e.path} ${e.status}${e.grantType ? ` ${e.grantType}` : ''}`)).toEqual([
      'GET /services/data/v62.0/query 401',
      'POST /services/oauth2/token 200 refresh_token',
      'GET /services/data/v62.0/query 200',
    ]);
  });

  it('revokeUser: refresh answers invalid_grant "expired access/refresh token"; other users keep working', async () => {
    const other = await signInByHttp(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    expect(org.controls.revokeUser(DEMO_USERS.seller.username)).toBe(1);
    const refresh = await caught(oauth2().refreshToken(tokens.refresh_token ?? ''));
    expect(refresh.name).toBe('invalid_grant');
    expect(refresh.message).toBe('expired access/refresh token');

    const auto = await caught(refreshing().query('SELECT Id FROM Contact'));
    expect(auto.message).toContain('expired access/refresh token');

    const otherConn = new Connection({ instanceUrl: other.instance_url, accessToken: other.access_token, version: '62.0' });
    await expect(otherConn.query('SELECT Id FROM Lead')).resolves.toHaveProperty('totalSize', SEEDED_LEADS);
    expect(
      org.controls
        .grants()
        .filter((g) => g.revoked)
        .map((g) => g.username),
    ).toEqual([DEMO_USERS.seller.username]);
  });

  it('deactivateUser: REST 401, refresh "inactive user"; reactivateUser restores both', async () => {
    org.controls.deactivateUser(DEMO_USERS.seller.username);
    expect((await caught(plain().query('SELECT Id FROM Contact'))).name).toBe('INVALID_SESSION_ID');
    const refresh = await caught(oauth2().refreshToken(tokens.refresh_token ?? ''));
    expect(refresh.name).toBe('invalid_grant');
    expect(refresh.message).toBe('inactive user');
    const users = org.controls.records('User').find((u) => u.Id === DEMO_USERS.seller.id);
    expect(users?.IsActive).toBe(false);

    org.controls.reactivateUser(DEMO_USERS.seller.username);
    await expect(oauth2().refreshToken(tokens.refresh_token ?? '')).resolves.toHaveProperty('access_token');
    await expect(plain().query('SELECT Id FROM Contact')).resolves.toHaveProperty('totalSize', SEEDED_CONTACTS);
  });

  it('restrict: refresh answers invalid_grant "ip restricted or invalid login hours"', async () => {
    org.controls.restrict({ ip: true });
    const err = await caught(oauth2().refreshToken(tokens.refresh_token ?? ''));
    expect(err.name).toBe('invalid_grant');
    expect(err.message).toBe('ip restricted or invalid login hours');
    org.controls.restrict({ ip: false });
    await expect(oauth2().refreshToken(tokens.refresh_token ?? '')).resolves.toHaveProperty('access_token');
  });

  it('blockApp: sessions end and refresh answers OAUTH_APP_BLOCKED', async () => {
    org.controls.blockApp(true);
    expect((await caught(plain().query('SELECT Id FROM Contact'))).name).toBe('INVALID_SESSION_ID');
    const err = await caught(oauth2().refreshToken(tokens.refresh_token ?? ''));
    expect(err.name).toBe('OAUTH_APP_BLOCKED');
    expect(err.message).toBe('this app is blocked by admin');
  });

  it('exhaustApiLimit: 403 REQUEST_LIMIT_EXCEEDED with usage above the limit in Sforce-Limit-Info', async () => {
    org.controls.exhaustApiLimit();
    const err = await caught(plain().query('SELECT Id FROM Contact'));
    expect(err.name).toBe('REQUEST_LIMIT_EXCEEDED');
    expect(err.message).toBe('TotalRequests Limit exceeded.');
    const res = await fetch(`${org.url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get('sforce-limit-info')).toBe('api-usage=100002/100000');
  });
});

describe('fault controls', () => {
  it('failNext: the next N matching requests get the given answer, then the org answers normally', async () => {
    org.controls.failNext({
      count: 2,
      status: 503,
      body: [{ message: 'Server Unavailable', errorCode: 'SERVER_UNAVAILABLE' }],
      pathPrefix: '/services/data',
    });
    const conn = plain();
    // jsforce's Node transport does not retry a POST, so the 503 reaches the caller as Salesforce's error.
    for (let i = 0; i < 2; i += 1) {
      const err = await caught(conn.sobject('Lead').create({ LastName: 'Retry', Company: 'Retry Inc' }));
      expect(err.name).toBe('SERVER_UNAVAILABLE');
      expect(err.message).toBe('Server Unavailable');
    }
    await expect(conn.sobject('Lead').create({ LastName: 'Retry', Company: 'Retry Inc' })).resolves.toHaveProperty('success', true);
    expect(org.controls.records('Lead')).toHaveLength(SEEDED_LEADS + 1);
  });

  it('failNext on a GET: jsforce (Node) retries 5xx itself after 500 ms, visible in the log', async () => {
    org.controls.failNext({ status: 503, body: [{ message: 'Server Unavailable', errorCode: 'SERVER_UNAVAILABLE' }], pathPrefix: '/services/data' });
    org.controls.clearLog();
    await expect(plain().query('SELECT Id FROM Contact')).resolves.toHaveProperty('totalSize', SEEDED_CONTACTS);
    expect(org.controls.log().map((e) => e.status)).toEqual([503, 200]);
  });

  it('failNext on the token endpoint: rate_limit_exceeded reaches jsforce as the error name', async () => {
    org.controls.failNext({
      status: 400,
      body: { error: 'rate_limit_exceeded', error_description: 'Number of logins exceeded' },
      headers: { 'Cache-Control': 'no-store' },
      pathPrefix: '/services/oauth2/token',
    });
    // A REST call is not affected by a token-endpoint rule.
    await plain().query('SELECT Id FROM Contact');
    const err = await caught(oauth2().refreshToken(tokens.refresh_token ?? ''));
    expect(err.name).toBe('rate_limit_exceeded');
    expect(err.message).toBe('Number of logins exceeded');
  });

  it('hangNext: the request never gets an answer; the next one does', async () => {
    org.controls.hangNext({ pathPrefix: '/services/data' });
    const hung = await caught(fetch(`${org.url}/services/data/v62.0/limits`, { headers: { Authorization: `Bearer ${tokens.access_token}` }, signal: AbortSignal.timeout(200) }));
    expect(hung.name).toBe('TimeoutError');
    await expect(plain().query('SELECT Id FROM Contact')).resolves.toHaveProperty('totalSize', SEEDED_CONTACTS);
  });

  it('clearFaults forgets armed failures and hangs: the org answers as itself again', async () => {
    org.controls.failNext({ count: 5, status: 503, body: [{ message: 'down', errorCode: 'SERVER_UNAVAILABLE' }], pathPrefix: '/services/data' });
    org.controls.hangNext({ count: 5, pathPrefix: '/services/data' });
    org.controls.clearFaults();
    await expect(plain().query('SELECT Id FROM Contact')).resolves.toHaveProperty('totalSize', SEEDED_CONTACTS);
    // Over HTTP too.
    org.controls.failNext({ count: 5, status: 503, body: [{ message: 'down', errorCode: 'SERVER_UNAVAILABLE' }], pathPrefix: '/services/data' });
    const answer = await fetch(`${org.url}/__emulator/clear-faults`, { method: 'POST' });
    expect(answer.status).toBe(200);
    await expect(plain().query('SELECT Id FROM Contact')).resolves.toHaveProperty('totalSize', SEEDED_CONTACTS);
  });

  it('setLatency delays every org request', async () => {
    org.controls.setLatency(150);
    const started = Date.now();
    await plain().query('SELECT Id FROM Contact');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('reset reseeds the records', async () => {
    await plain().sobject('Lead').create({ LastName: 'Temp', Company: 'Temp Inc' });
    expect(org.controls.records('Lead')).toHaveLength(SEEDED_LEADS + 1);
    org.controls.reset();
    expect(org.controls.records('Lead')).toHaveLength(SEEDED_LEADS);
  });
});

describe('request log and HTTP control API', () => {
  it('records org calls by endpoint, never tokens, never control calls; DELETE clears it', async () => {
    const conn = new Connection({ instanceUrl: tokens.instance_url, accessToken: tokens.access_token, version: '62.0' });
    await conn.identity(); // sends the token in the identity URL's query string
    await oauth2().refreshToken(tokens.refresh_token ?? '');
    const res = await fetch(`${org.url}/__emulator/log`);
    const log = (await res.json()) as Array<Record<string, unknown>>;
    const text = JSON.stringify(log);
    expect(text).not.toContain(tokens.access_token);
    expect(text).not.toContain(tokens.refresh_token);
    expect(text).not.toContain('oauth_token');
    expect(log.some((e) => String(e.path).startsWith('/__emulator'))).toBe(false);
    expect(log.slice(-3)).toMatchObject([
      { method: 'GET', path: '/services/data/v62.0', area: 'rest', status: 200, username: DEMO_USERS.seller.username },
      { method: 'GET', path: `/id/00D5e000000DemoAAA/${DEMO_USERS.seller.id}`, area: 'identity', status: 200 },
      { method: 'POST', path: '/services/oauth2/token', area: 'oauth', status: 200, grantType: 'refresh_token' },
    ]);
    await fetch(`${org.url}/__emulator/log`, { method: 'DELETE' });
    expect(org.controls.log()).toEqual([]);
  });

  it('exposes the controls over HTTP with JSON bodies', async () => {
    const post = (path: string, body: unknown = {}): Promise<Response> =>
      fetch(`${org.url}/__emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('expire-sessions')).status).toBe(200);
    expect((await caught(plain().query('SELECT Id FROM Contact'))).name).toBe('INVALID_SESSION_ID');

    await post('fail-next', { status: 502, body: 'Bad Gateway', pathPrefix: '/services/oauth2/token' });
    const gateway = await caught(oauth2().refreshToken(tokens.refresh_token ?? ''));
    expect(gateway.name).toBe('ERROR_HTTP_502');
    expect(gateway.message).toBe('Bad Gateway');

    const policy = (await (await post('policy', { rotation: true })).json()) as { rotation: boolean };
    expect(policy.rotation).toBe(true);
    expect((await post('revoke-user', { username: 'nobody@demo.example' })).status).toBe(400);
    const contacts = (await (await fetch(`${org.url}/__emulator/records/Contact`)).json()) as unknown[];
    expect(contacts).toHaveLength(SEEDED_CONTACTS);
    const page = await fetch(`${org.url}/__emulator/`);
    expect(await page.text()).toContain('/__emulator/fail-next');
    expect((await post('reset')).status).toBe(200);
    expect(org.controls.getPolicy().rotation).toBe(false);
  });
});
