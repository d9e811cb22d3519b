/**
 * The org set-up check against the emulated org set to each set-up mistake in turn (tests/emulator/misconfigurations.ts):
 * it names exactly that one problem and its Setup path, and reports a correct org as ready. The checks run as the
 * admin's command line runs them (Node's fetch under a browser's CORS rules, the authorize endpoint read without
 * following it) and with a seller's real session (the product's connection, real jsforce).
 */
import { describe, expect, it } from 'vitest';
import { corsEnforcingFetch } from '../../src/auth/setup-check/cors-enforcing-fetch';
import { runSetupCheck } from '../../src/auth/setup-check/run-setup-check';
import { isReady, type SetupFinding } from '../../src/auth/setup-check/setup-check-result';
import { describeFinding } from '../../src/features/sign-in/describe-setup-finding';
import type { Misconfiguration } from '../emulator/misconfigurations';
import { checkOrg, formatReport, readNavigation } from '../tools/check-org';
import { ADDIN_ORIGIN, CLIENT_ID, REDIRECT_URI } from './connection-fixture';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';

const org = useEmulatedOrg();
const seller = useSellerConnection(org);

const context = { origin: ADDIN_ORIGIN, redirectUri: REDIRECT_URI, clientId: CLIENT_ID };

function check(options: { loginUrl?: string; clientId?: string; withSession?: boolean } = {}): Promise<SetupFinding[]> {
  return runSetupCheck({
    fetch: corsEnforcingFetch((url, init) => fetch(url, init), ADDIN_ORIGIN),
    salesforce: { loginUrl: options.loginUrl ?? org.url, clientId: options.clientId ?? CLIENT_ID, redirectUri: REDIRECT_URI },
    origin: ADDIN_ORIGIN,
    readNavigation,
    session: options.withSession === false ? undefined : seller,
  });
}

const problems = (findings: SetupFinding[]) => findings.filter((f) => f.status === 'problem');

describe('org set-up check against the emulated org', () => {
  it('a correct org is ready: every check the command line and a session can decide is ok', async () => {
    const findings = await check();
    expect(problems(findings)).toEqual([]);
    expect(isReady(findings)).toBe(true);
    const unknown = findings.filter((f) => f.status === 'unknown').map((f) => f.id);
    // Only the policies no seller and no browser can read.
    expect(unknown).toEqual(['session-timeout', 'refresh-token-policy']);
  });

  it.each<[Misconfiguration, string, string]>([
    ['oauth-cors-off', 'oauth-cors', 'Setup › CORS › Edit: turn on “Enable CORS for OAuth endpoints”'],
    ['origin-not-allowlisted', 'cors-allowlist', `Setup › CORS › Allowed Origins List › New: add ${ADDIN_ORIGIN}`],
    ['callback-not-listed', 'callback-url', `Callback URL: add ${REDIRECT_URI} exactly`],
    ['secret-required', 'client-secret', 'turn off “Require secret for Web Server Flow”'],
    ['pkce-not-required', 'pkce', 'turn on “Require Proof Key for Code Exchange (PKCE)”'],
    ['scope-missing', 'scopes', 'Selected OAuth Scopes'],
    ['api-disabled', 'api-access', 'System Permissions: turn on “API Enabled”'],
  ])('%s: names exactly that one problem (%s) and its fix', async (misconfiguration, id, fix) => {
    org.controls.misconfigure(misconfiguration);
    const found = problems(await check());
    expect(found.map((f) => f.id)).toEqual([id]);
    expect(describeFinding(found[0] as SetupFinding, 'en', context).fix).toContain(fix);
  });

  it.each<[Misconfiguration, string, string]>([
    ['enhanced-email-off', 'enhanced-email', 'enhanced_email_off'],
    ['shared-activities-off', 'shared-activities', 'shared_activities_off'],
  ])('%s: still ready, and the check says it is off', async (misconfiguration, id, finding) => {
    const before = (await check()).find((f) => f.id === id);
    expect(before?.finding).toBe(finding.replace('_off', '_on'));
    org.controls.misconfigure(misconfiguration);
    const findings = await check();
    expect(problems(findings)).toEqual([]);
    expect(findings.find((f) => f.id === id)).toMatchObject({ status: 'ok', finding });
  });

  it('a consumer key the org does not know: exactly that problem', async () => {
    const found = problems(await check({ clientId: 'not-the-app' }));
    expect(found.map((f) => f.id)).toEqual(['client-id']);
  });

  it('a generic login host: exactly that problem, and nothing sent to the org', async () => {
    org.controls.clearLog();
    const found = problems(await check({ loginUrl: 'https://login.salesforce.com', withSession: false }));
    expect(found).toMatchObject([{ id: 'login-host', reason: 'my_domain_required' }]);
    expect(org.controls.log()).toEqual([]);
  });

  it('the admin command line: ready for a correct org, the one problem otherwise', async () => {
    const options = { loginUrl: org.url, clientId: CLIENT_ID, origin: ADDIN_ORIGIN, redirectUri: REDIRECT_URI, customDomains: [], locale: 'en' };
    const ready = await checkOrg(options);
    expect(isReady(ready)).toBe(true);
    expect(formatReport(ready, 'en')).toContain('Nothing to fix: the org is ready for the add-in.');
    org.controls.misconfigure('secret-required');
    const report = await checkOrg({ ...options, appName: 'Outlook Add-in' });
    expect(report.filter((r) => r.status === 'problem').map((r) => r.id)).toEqual(['client-secret']);
    expect(formatReport(report, 'en')).toContain('Setup › External Client App Manager › Outlook Add-in › Settings › OAuth Settings › Flow Enablement');
  });

  it('each mistake is also an HTTP control, undone by reset; an unknown name is refused', async () => {
    const post = (path: string, body: unknown) => fetch(`${org.url}/__emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const set = await post('misconfigure', { name: 'oauth-cors-off' });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { corsForOAuthEndpoints: boolean }).corsForOAuthEndpoints).toBe(false);
    expect((await post('misconfigure', { name: 'no-such-mistake' })).status).toBe(400);
    await post('reset', {});
    expect(org.controls.getPolicy().corsForOAuthEndpoints).toBe(true);
  });
});
