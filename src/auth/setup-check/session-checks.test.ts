import { describe, expect, it } from 'vitest';
import { SalesforceFailureError } from '../../salesforce/failure-kinds';
import type { CompositeSubrequest, CompositeSubresponse } from '../../salesforce/salesforce-api';
import { askSession, decideSession, sessionRequests, type SessionAnswer } from './session-checks';

const describeWith = (referenceTo: string[]) => ({ name: 'EmailMessage', fields: [{ name: 'RelatedToId', referenceTo }] });
const answered = (email: CompositeSubresponse['httpStatusCode'], relation: number, emailBody: unknown = describeWith(['Account', 'Opportunity'])): SessionAnswer => ({
  kind: 'answered',
  responses: [
    { referenceId: 'emailMessage', httpStatusCode: email, body: email === 200 ? emailBody : [{ errorCode: 'NOT_FOUND' }] },
    { referenceId: 'taskRelation', httpStatusCode: relation, body: relation === 200 ? {} : [{ errorCode: 'NOT_FOUND' }] },
  ],
});

describe('decideSession', () => {
  it.each([
    ['both on', answered(200, 200), ['ok', 'api_enabled'], ['ok', 'enhanced_email_on'], ['ok', 'shared_activities_on']],
    ['Enhanced Email off', answered(404, 200), ['ok', 'api_enabled'], ['ok', 'enhanced_email_off'], ['ok', 'shared_activities_on']],
    [
      'EmailMessage for cases only (Email-to-Case, Enhanced Email off)',
      answered(200, 200, describeWith(['Case'])),
      ['ok', 'api_enabled'],
      ['ok', 'enhanced_email_off'],
      ['ok', 'shared_activities_on'],
    ],
    ['Shared Activities off', answered(200, 404), ['ok', 'api_enabled'], ['ok', 'enhanced_email_on'], ['ok', 'shared_activities_off']],
    ['a describe refused otherwise', answered(403, 500), ['ok', 'api_enabled'], ['unknown', 'unexpected_answer'], ['unknown', 'unexpected_answer']],
    ['API disabled', { kind: 'failed', reason: 'api_disabled', failureKind: 'admin_action_required' }, ['problem', 'api_disabled'], ['unknown', 'not_checked'], ['unknown', 'not_checked']],
    ['another failure', { kind: 'failed', failureKind: 'timeout' }, ['unknown', 'unexpected_answer'], ['unknown', 'not_checked'], ['unknown', 'not_checked']],
    ['no session', undefined, ['unknown', 'sign_in_to_check'], ['unknown', 'sign_in_to_check'], ['unknown', 'sign_in_to_check']],
  ] as const)('%s', (_name, answer, [apiStatus, apiFinding], [emailStatus, emailFinding], [sharedStatus, sharedFinding]) => {
    const [api, email, shared] = decideSession(answer);
    expect(api).toMatchObject({ id: 'api-access', status: apiStatus, finding: apiFinding });
    expect(email).toMatchObject({ id: 'enhanced-email', status: emailStatus, finding: emailFinding });
    expect(shared).toMatchObject({ id: 'shared-activities', status: sharedStatus, finding: sharedFinding });
  });
});

describe('askSession', () => {
  it('asks both describes in one composite call under the API path', async () => {
    const calls: CompositeSubrequest[][] = [];
    const answer = await askSession({
      apiPath: '/services/data/v62.0',
      composite: async (requests) => {
        calls.push(requests);
        return requests.map((r) => ({ referenceId: r.referenceId, httpStatusCode: 200, body: {} }));
      },
    });
    expect(calls).toEqual([sessionRequests('/services/data/v62.0')]);
    expect(calls[0]?.map((r) => r.url)).toEqual(['/services/data/v62.0/sobjects/EmailMessage/describe', '/services/data/v62.0/sobjects/TaskRelation/describe']);
    expect(answer.kind).toBe('answered');
  });

  it('keeps the classified reason of a refusal', async () => {
    const answer = await askSession({
      apiPath: '/services/data/v62.0',
      composite: () => Promise.reject(new SalesforceFailureError({ kind: 'admin_action_required', connectionLost: false, retryable: false, reason: 'api_disabled' })),
    });
    expect(answer).toEqual({ kind: 'failed', reason: 'api_disabled', failureKind: 'admin_action_required' });
  });
});
