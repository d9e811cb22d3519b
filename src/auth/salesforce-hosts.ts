/**
 * Which hosts may receive a Salesforce token, a code or the sign-in dialog: checked before anything is sent. A login
 * address from config.json or from storage, the `instance_url` and identity `id` of a token response, and an instance
 * URL another pane announces all pass here first (RFC 9700 §4.1 and the IETF browser-based-apps BCP: a client sends
 * tokens only to the resource and authorization servers it knows).
 *
 * Allowed: HTTPS on the default port, no credentials in the URL, and either
 *  - a subdomain of a Salesforce-owned domain: salesforce.com (My Domain `*.my.salesforce.com`, sandboxes
 *    `*.sandbox.my.salesforce.com`, the login hosts, instance hosts), force.com, cloudforce.com, the Government
 *    Cloud Plus – Defense domain salesforce.mil (`*.my.salesforce.mil`) and the China cloud on Alibaba
 *    (`*.my.sfcrmproducts.cn`, `*.sfcrmapps.cn`). The bare domains (salesforce.com itself, the marketing site) are
 *    never an org;
 *  - a custom domain named, exactly, in config.json `salesforce.customDomains`;
 *  - loopback (localhost, 127.0.0.1, [::1]), any port, only when the add-in page itself is served from loopback.
 *
 * Why that loopback rule: Office loads a deployed add-in from the HTTPS host its manifest names, and no deployment
 * serves the add-in from loopback, so a pane on loopback is a developer's machine (`npm start`) or a test running the
 * production build against the emulated org on https://localhost. A pane served from a real host can never be pointed
 * at a loopback org (a local process posing as Salesforce), whatever its config or storage says; the same build
 * still runs the browser tests unchanged.
 */
import { isLoopbackHostname } from '../config/host-names';
import { SalesforceFailureError, createFailure, type ClassifiedFailure } from '../salesforce/failure-kinds';

export interface SalesforceHostPolicy {
  /** Exact host names (lower case) config.json names in `salesforce.customDomains`. */
  customDomains: readonly string[];
  /** True only when the add-in page is itself on loopback (see above). */
  allowLoopback: boolean;
}

export type HostRefusal = 'not_a_url' | 'not_https' | 'credentials' | 'port' | 'loopback' | 'not_salesforce';

export type HostCheck = { ok: true; host: string } | { ok: false; refusal: HostRefusal; host: string };

/**
 * Salesforce-owned registrable domains whose subdomains serve login, instance and identity URLs. Sources: Salesforce
 * Help "My Domain URL formats" (my.salesforce.com, sandbox.my.salesforce.com, force.com); cloudforce.com (older My
 * Domains) as Salesforce's own CLI lists it (forcedotcom/sfdx-core SfdcUrl.isSalesforceDomain); salesforce.mil and
 * the Alibaba domains as tools built on Salesforce list them (Salesforce Inspector Reloaded's host permissions).
 */
export const SALESFORCE_DOMAINS: readonly string[] = ['salesforce.com', 'force.com', 'cloudforce.com', 'salesforce.mil', 'sfcrmproducts.cn', 'sfcrmapps.cn'];

/** The policy for a page at `pageOrigin` (the pane's or the dialog's own origin) under this config. */
export function salesforceHostPolicy(config: { customDomains?: readonly string[] }, pageOrigin: string): SalesforceHostPolicy {
  let pageHost: string;
  try {
    pageHost = new URL(pageOrigin).hostname;
  } catch {
    // A page origin that is not a URL allows no loopback: the stricter policy.
    pageHost = '';
  }
  return {
    customDomains: (config.customDomains ?? []).map((domain) => domain.toLowerCase()),
    allowLoopback: pageHost !== '' && isLoopbackHostname(pageHost),
  };
}

function isSalesforceHostname(hostname: string): boolean {
  return SALESFORCE_DOMAINS.some((domain) => hostname.endsWith(`.${domain}`) && hostname.length > domain.length + 1);
}

/** Every refusal with the host it was about (for the set-up message), never a throw. */
export function checkSalesforceHost(url: string, policy: SalesforceHostPolicy): HostCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The refusal says it: not_a_url.
    return { ok: false, refusal: 'not_a_url', host: String(url).slice(0, 100) };
  }
  const hostname = parsed.hostname.toLowerCase();
  const host = parsed.host.toLowerCase();
  if (parsed.protocol !== 'https:') return { ok: false, refusal: 'not_https', host };
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, refusal: 'credentials', host };
  if (isLoopbackHostname(hostname)) return policy.allowLoopback ? { ok: true, host } : { ok: false, refusal: 'loopback', host };
  // Salesforce and a custom domain answer on 443 only; another port is another service on that machine.
  if (parsed.port !== '') return { ok: false, refusal: 'port', host };
  if (isSalesforceHostname(hostname) || policy.customDomains.includes(hostname)) return { ok: true, host };
  return { ok: false, refusal: 'not_salesforce', host };
}

/** The yes/no form, for hooks such as the cross-pane channel: call it on every URL before it is used. */
export function isAllowedSalesforceHost(url: string, policy: SalesforceHostPolicy): boolean {
  return checkSalesforceHost(url, policy).ok;
}

/** What the refused URL was, for the details the seller can copy to their admin. */
export type HostRole = 'login' | 'instance' | 'identity';

const ROLE_TEXT: Record<HostRole, string> = {
  login: 'login address',
  instance: 'instance URL (instance_url in the token response)',
  identity: 'identity URL (id in the token response)',
};

const REFUSAL_TEXT: Record<HostRefusal, string> = {
  not_a_url: 'is not a URL',
  not_https: 'does not use https',
  credentials: 'carries a user name or password',
  port: 'names a port other than 443',
  loopback: 'is this computer (loopback), which a deployed add-in never signs in to',
  not_salesforce: 'is neither a Salesforce domain nor a custom domain listed in salesforce.customDomains',
};

/**
 * The set-up failure for a refused host: nothing was sent there. An admin fixes it (the login address, or the custom
 * domain list), so it is admin_action_required and never retried.
 */
export function hostRefusedFailure(refused: Extract<HostCheck, { ok: false }>, role: HostRole): ClassifiedFailure {
  return createFailure('admin_action_required', {
    reason: 'salesforce_host_refused',
    detail: `The Salesforce ${ROLE_TEXT[role]} ${refused.host} ${REFUSAL_TEXT[refused.refusal]}; the add-in sent nothing there.`,
  });
}

/**
 * A stored session's hosts, checked before its refresh token goes anywhere: storage is outside input too (a record
 * written by an older build, or edited), and the refresh token's encryption binds org and user, not the host.
 * Undefined when both pass; an empty instance URL (not known yet) is not checked.
 */
export function storedSessionRefusal(session: { loginUrl: string; instanceUrl?: string }, policy: SalesforceHostPolicy): ClassifiedFailure | undefined {
  const login = checkSalesforceHost(session.loginUrl, policy);
  if (!login.ok) return hostRefusedFailure(login, 'login');
  if (!session.instanceUrl) return undefined;
  const instance = checkSalesforceHost(session.instanceUrl, policy);
  return instance.ok ? undefined : hostRefusedFailure(instance, 'instance');
}

/**
 * `fetchFn`, refusing before sending any request to a host the policy does not allow: a last line for the calls that
 * carry a refresh token (the connection's token and revoke endpoints), whatever login address reached them. The
 * refusal is a SalesforceFailureError with the set-up failure, so the classifier passes it through unchanged.
 */
export function hostCheckedFetch<Init, Answer>(fetchFn: (input: string, init: Init) => Promise<Answer>, policy: SalesforceHostPolicy): (input: string, init: Init) => Promise<Answer> {
  return (input, init) => {
    const check = checkSalesforceHost(input, policy);
    return check.ok ? fetchFn(input, init) : Promise.reject(new SalesforceFailureError(hostRefusedFailure(check, 'login')));
  };
}
