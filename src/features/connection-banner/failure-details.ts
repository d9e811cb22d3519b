/**
 * The support details of a lost connection: kind, Salesforce code, time, org. Built from the classified failure and
 * the identity only, so a token cannot get in; Salesforce's own text is cut short and scrubbed of anything shaped
 * like a token, in case a server ever echoes one.
 */
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import type { SalesforceIdentity } from '../../salesforce/salesforce-api';
import { scrubSecrets } from '../../shared/scrub-secrets';

export interface DetailLine {
  label: string;
  value: string;
}

export interface DetailLabels {
  detailKind: string;
  detailCode: string;
  detailTime: string;
  detailOrg: string;
  detailUser: string;
  detailStatus: string;
}

export function failureDetails(failure: ClassifiedFailure, at: number, identity: Pick<SalesforceIdentity, 'orgId' | 'username'> | undefined, labels: DetailLabels): DetailLine[] {
  const lines: DetailLine[] = [{ label: labels.detailKind, value: failure.kind }];
  if (failure.code) lines.push({ label: labels.detailCode, value: scrubSecrets(failure.code) });
  if (failure.status !== undefined) lines.push({ label: labels.detailStatus, value: String(failure.status) });
  lines.push({ label: labels.detailTime, value: new Date(at).toISOString() });
  if (identity?.orgId) lines.push({ label: labels.detailOrg, value: identity.orgId });
  if (identity?.username) lines.push({ label: labels.detailUser, value: identity.username });
  if (failure.detail) lines.push({ label: 'Salesforce', value: scrubSecrets(failure.detail).slice(0, 300) });
  return lines;
}

export function detailsText(lines: DetailLine[]): string {
  return lines.map((line) => `${line.label}: ${line.value}`).join('\n');
}
