/**
 * Is the configured login address the org's My Domain? Decided from the address alone, with the same rules the
 * sign-in applies before any window opens (salesforce-sign-in.ts isGenericLoginHost, salesforce-hosts.ts), so the
 * check and the seller's failure can never disagree. Nothing is sent anywhere when this is a problem.
 */
import { checkSalesforceHost, hostRefusedFailure, salesforceHostPolicy } from '../salesforce-hosts';
import { isGenericLoginHost, myDomainRequiredFailure } from '../salesforce-sign-in';
import type { SetupFinding } from './setup-check-result';
import { hostOf } from '../../shared/url-host';

export interface LoginHostInput {
  loginUrl: string;
  customDomains?: readonly string[];
  /** The add-in's origin: loopback orgs are allowed only to a loopback add-in, as in the pane. */
  origin: string;
}

export function decideLoginHost(input: LoginHostInput): SetupFinding {
  // Not a URL: the text itself, cut short, is what the finding names.
  const host = hostOf(input.loginUrl) ?? input.loginUrl.slice(0, 100);
  if (isGenericLoginHost(input.loginUrl)) {
    return { id: 'login-host', status: 'problem', finding: 'generic_login_host', values: { host }, reason: myDomainRequiredFailure(input.loginUrl).reason };
  }
  const check = checkSalesforceHost(input.loginUrl, salesforceHostPolicy({ customDomains: input.customDomains }, input.origin));
  if (!check.ok) {
    const failure = hostRefusedFailure(check, 'login');
    return { id: 'login-host', status: 'problem', finding: 'host_refused', values: { host: check.host, detail: failure.detail ?? '' }, reason: failure.reason };
  }
  return { id: 'login-host', status: 'ok', finding: 'my_domain', values: { host: check.host } };
}
