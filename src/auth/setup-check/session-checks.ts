/**
 * What a signed-in seller's own session can read about the org, in one composite call (one API request):
 *  - API access: the call itself succeeds, or fails with `API_DISABLED_FOR_ORG` (the org's edition has no API, or
 *    the seller's profile lacks "API Enabled"; classified `api_disabled`);
 *  - Enhanced Email: EmailMessage exists only with Email-to-Case or Enhanced Email (Object Reference, EmailMessage
 *    "Special Access Rules"); with Enhanced Email its RelatedToId may point to accounts and opportunities, with only
 *    Email-to-Case to cases alone (inferred);
 *  - Shared Activities: TaskRelation "is only available if you've enabled Shared Activities" (Object Reference).
 * Neither setting is a problem: the add-in saves an email as a completed Task either way (save-email.ts); the words
 * say what the seller sees.
 */
import { SalesforceFailureError } from '../../salesforce/failure-kinds';
import type { CompositeSubresponse, SalesforceApi } from '../../salesforce/salesforce-api';
import type { SetupFinding } from './setup-check-result';

/** The slice of the signed-in connection the check uses: one composite call. */
export type SetupCheckSession = Pick<SalesforceApi, 'composite' | 'apiPath'>;

export function sessionRequests(apiPath: string): Array<{ method: 'GET'; url: string; referenceId: string }> {
  return [
    { method: 'GET', url: `${apiPath}/sobjects/EmailMessage/describe`, referenceId: 'emailMessage' },
    { method: 'GET', url: `${apiPath}/sobjects/TaskRelation/describe`, referenceId: 'taskRelation' },
  ];
}

export type SessionAnswer = { kind: 'answered'; responses: CompositeSubresponse[] } | { kind: 'failed'; reason?: string; failureKind: string };

export async function askSession(session: SetupCheckSession): Promise<SessionAnswer> {
  try {
    return { kind: 'answered', responses: await session.composite(sessionRequests(session.apiPath)) };
  } catch (error) {
    if (error instanceof SalesforceFailureError) return { kind: 'failed', reason: error.failure.reason, failureKind: error.failure.kind };
    return { kind: 'failed', failureKind: 'unknown' };
  }
}

function subresponse(answer: SessionAnswer, referenceId: string): CompositeSubresponse | undefined {
  return answer.kind === 'answered' ? answer.responses.find((r) => r.referenceId === referenceId) : undefined;
}

function relatedToTargets(describe: unknown): string[] {
  if (!describe || typeof describe !== 'object') return [];
  const fields = (describe as { fields?: unknown }).fields;
  if (!Array.isArray(fields)) return [];
  const relatedTo = fields.find((f): f is { referenceTo?: unknown } => !!f && typeof f === 'object' && (f as { name?: unknown }).name === 'RelatedToId');
  return Array.isArray(relatedTo?.referenceTo) ? relatedTo.referenceTo.filter((t): t is string => typeof t === 'string') : [];
}

/** api-access, enhanced-email, shared-activities, in that order. Without a session: sign in to check. */
export function decideSession(answer: SessionAnswer | undefined): [SetupFinding, SetupFinding, SetupFinding] {
  if (!answer) {
    return [
      { id: 'api-access', status: 'unknown', finding: 'sign_in_to_check' },
      { id: 'enhanced-email', status: 'unknown', finding: 'sign_in_to_check' },
      { id: 'shared-activities', status: 'unknown', finding: 'sign_in_to_check' },
    ];
  }
  if (answer.kind === 'failed') {
    const api: SetupFinding =
      answer.reason === 'api_disabled'
        ? { id: 'api-access', status: 'problem', finding: 'api_disabled', reason: 'api_disabled' }
        : { id: 'api-access', status: 'unknown', finding: 'unexpected_answer', values: { detail: answer.reason ?? answer.failureKind } };
    return [api, { id: 'enhanced-email', status: 'unknown', finding: 'not_checked' }, { id: 'shared-activities', status: 'unknown', finding: 'not_checked' }];
  }
  const present = (response: CompositeSubresponse | undefined): boolean | undefined =>
    response === undefined ? undefined : response.httpStatusCode === 200 ? true : response.httpStatusCode === 404 ? false : undefined;

  const emailResponse = subresponse(answer, 'emailMessage');
  const emailPresent = present(emailResponse);
  let email: SetupFinding = { id: 'enhanced-email', status: 'unknown', finding: 'unexpected_answer', values: { detail: `HTTP ${emailResponse?.httpStatusCode ?? '?'}` } };
  if (emailPresent === false) email = { id: 'enhanced-email', status: 'ok', finding: 'enhanced_email_off' };
  if (emailPresent === true) {
    const beyondCases = relatedToTargets(emailResponse?.body).some((target) => target !== 'Case');
    email = { id: 'enhanced-email', status: 'ok', finding: beyondCases ? 'enhanced_email_on' : 'enhanced_email_off' };
  }

  const relationResponse = subresponse(answer, 'taskRelation');
  const relationPresent = present(relationResponse);
  const shared: SetupFinding =
    relationPresent === undefined
      ? { id: 'shared-activities', status: 'unknown', finding: 'unexpected_answer', values: { detail: `HTTP ${relationResponse?.httpStatusCode ?? '?'}` } }
      : { id: 'shared-activities', status: 'ok', finding: relationPresent ? 'shared_activities_on' : 'shared_activities_off' };

  return [{ id: 'api-access', status: 'ok', finding: 'api_enabled' }, email, shared];
}
