/**
 * The org set-up check for a Salesforce admin, before sellers meet a problem:
 *
 *   npm run check-org -- --login-url https://acme.my.salesforce.com --client-id <consumer key> \
 *     --origin https://addin.example [--redirect-uri https://addin.example/auth-callback.html] \
 *     [--app-name "Outlook Add-in"] [--custom-domain login.acme.com] [--locale fr]
 *
 * Reads what the add-in's page on `--origin` could read (Node's fetch under a browser's CORS rules), plus the
 * authorize endpoint as the sign-in window meets it (redirects read, not followed). No secret, no sign-in. Prints
 * each check with its status, plain words and the Setup path; exits 0 when nothing is a problem, 1 otherwise, 2 on
 * wrong arguments. What needs a seller's session (API access, Enhanced Email, Shared Activities) is checked from
 * the add-in's About and diagnostics once signed in.
 *
 * Against the local emulated org (self-signed certificate), run it with NODE_EXTRA_CA_CERTS pointing at
 * node_modules/.vite/basic-ssl/_cert.pem, as the tests do; a real org needs nothing.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { NavigationAnswer } from '../../src/auth/setup-check/authorize-probe-checks';
import { corsEnforcingFetch } from '../../src/auth/setup-check/cors-enforcing-fetch';
import { runSetupCheck } from '../../src/auth/setup-check/run-setup-check';
import { isReady, type SetupCheckResult } from '../../src/auth/setup-check/setup-check-result';
import { describeFinding, type DescribedFinding } from '../../src/features/sign-in/describe-setup-finding';
import { setupCheckStrings } from '../../src/i18n/setup-check-strings';

export interface CheckOrgOptions {
  loginUrl: string;
  clientId: string;
  origin: string;
  redirectUri: string;
  appName?: string;
  customDomains: string[];
  locale: string;
}

export class UsageError extends Error {}

export function parseCheckOrgArgs(argv: string[]): CheckOrgOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'login-url': { type: 'string' },
      'client-id': { type: 'string' },
      origin: { type: 'string' },
      'redirect-uri': { type: 'string' },
      'app-name': { type: 'string' },
      'custom-domain': { type: 'string', multiple: true },
      locale: { type: 'string' },
    },
    strict: true,
  });
  const loginUrl = values['login-url'];
  const clientId = values['client-id'];
  if (!loginUrl || !clientId) throw new UsageError('--login-url and --client-id are required');
  const redirectUri = values['redirect-uri'] ?? (values.origin ? `${values.origin.replace(/\/+$/, '')}/auth-callback.html` : undefined);
  if (!redirectUri) throw new UsageError("--origin (the add-in's address) or --redirect-uri is required");
  let origin: string;
  try {
    origin = values.origin ? new URL(values.origin).origin : new URL(redirectUri).origin;
  } catch {
    throw new UsageError('--origin and --redirect-uri must be absolute https URLs');
  }
  return { loginUrl, clientId, origin, redirectUri, appName: values['app-name'], customDomains: values['custom-domain'] ?? [], locale: values.locale ?? 'en' };
}

/** The authorize endpoint as a sign-in window meets it: the first answer, its redirect read and not followed. */
export async function readNavigation(url: string): Promise<NavigationAnswer> {
  try {
    const response = await fetch(url, { redirect: 'manual', headers: { Accept: 'text/html' } });
    return { kind: 'answer', status: response.status, location: response.headers.get('location') ?? undefined, text: await response.text() };
  } catch {
    return { kind: 'network_error' };
  }
}

export async function checkOrg(options: CheckOrgOptions, fetchFn: typeof fetch = fetch): Promise<DescribedFinding[]> {
  const findings = await runSetupCheck({
    fetch: corsEnforcingFetch((url, init) => fetchFn(url, init), options.origin),
    salesforce: { loginUrl: options.loginUrl, clientId: options.clientId, redirectUri: options.redirectUri, customDomains: options.customDomains },
    origin: options.origin,
    readNavigation,
  });
  const context = { app: options.appName, origin: options.origin, redirectUri: options.redirectUri, clientId: options.clientId };
  return findings.map((finding) => describeFinding(finding, options.locale, context));
}

const MARK = { ok: '✔', problem: '✖', unknown: '?' } as const;

export function formatReport(results: Array<SetupCheckResult & { title?: string }>, locale: string): string {
  const words = setupCheckStrings(locale);
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${MARK[result.status]} ${words.statuses[result.status].toUpperCase()}: ${result.title ?? result.id}`);
    lines.push(`    ${result.what}`);
    if (result.status !== 'ok') lines.push(`    ${words.panel.fixLabel} ${result.fix}`);
  }
  const problems = results.filter((r) => r.status === 'problem').length;
  lines.push('', problems === 0 ? words.panel.ready : words.panel.notReady.replace('{count}', String(problems)));
  return lines.join('\n');
}

async function main(): Promise<number> {
  let options: CheckOrgOptions;
  try {
    options = parseCheckOrgArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`check-org: ${error instanceof Error ? error.message : String(error)}`);
    console.error('usage: npm run check-org -- --login-url https://acme.my.salesforce.com --client-id <consumer key> --origin https://addin.example');
    return 2;
  }
  const results = await checkOrg(options);
  console.log(formatReport(results, options.locale));
  return isReady(results) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
