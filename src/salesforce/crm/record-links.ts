/**
 * Links into Salesforce built from CRM data. Only the signed-in instance, only https (http on loopback for the
 * emulated org), only real record ids: a hostile record can never turn a link into javascript: or another site.
 */
import { isSalesforceId } from './soql';

const SOBJECTS = new Set(['Contact', 'Lead', 'Account', 'Opportunity', 'Task', 'Case']);

export function instanceOrigin(instanceUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    // Not a URL: no link is better than a broken one.
    return undefined;
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url.origin;
  return undefined;
}

export function recordUrl(instanceUrl: string, sobject: string, id: string): string | undefined {
  const origin = instanceOrigin(instanceUrl);
  if (!origin || !SOBJECTS.has(sobject) || !isSalesforceId(id)) return undefined;
  return `${origin}/lightning/r/${sobject}/${id}/view`;
}
