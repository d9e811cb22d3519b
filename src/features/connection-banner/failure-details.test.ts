import { describe, expect, it } from 'vitest';
import { shellStrings } from '../../i18n/strings';
import { detailsText, failureDetails } from './failure-details';

const labels = shellStrings('en');

describe('failure details', () => {
  it('lists kind, code, status, time and org', () => {
    const lines = failureDetails(
      { kind: 'bad_oauth_token', connectionLost: true, retryable: false, code: 'invalid_grant', status: 400, detail: 'expired access/refresh token' },
      Date.UTC(2026, 0, 2, 3, 4, 5),
      { orgId: '00D5e000000DemoAAA', username: 'seller@demo.example' },
      labels,
    );
    expect(detailsText(lines)).toBe(
      [
        'Kind: bad_oauth_token',
        'Salesforce code: invalid_grant',
        'HTTP status: 400',
        'Time: 2026-01-02T03:04:05.000Z',
        'Org: 00D5e000000DemoAAA',
        'User: seller@demo.example',
        'Salesforce: expired access/refresh token',
      ].join('\n'),
    );
  });

  it('never carries anything shaped like a token', () => {
    const access = '00D5e000000DemoA!AQ4AQFh3dGVzdC1hY2Nlc3MtdG9rZW4tdmFsdWU.x_y';
    const refresh = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ2lmnopqrstuvwxyz0123456789';
    const text = detailsText(failureDetails({ kind: 'session_expired', connectionLost: true, retryable: false, detail: `bad ${access} and ${refresh}` }, 0, undefined, labels));
    expect(text).not.toContain(access);
    expect(text).not.toContain(refresh);
  });
});
