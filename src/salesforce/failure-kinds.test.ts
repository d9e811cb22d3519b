import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from './classify-salesforce-error';
import { NOT_SALESFORCE_JSON_CASES, OWN_CASES } from './classify-salesforce-error.cases';
import { FAILURE_KINDS, FAILURE_REASONS, createFailure, isFailureReason, type FailureExtras, type FailureKind } from './failure-kinds';

/** Written out, not derived: the factory must agree with DESIGN.md's table, not with itself. */
const EXPECTED: Record<FailureKind, { connectionLost: boolean; retryable: boolean }> = {
  bad_oauth_token: { connectionLost: true, retryable: false },
  session_expired: { connectionLost: true, retryable: false },
  reauth_required: { connectionLost: false, retryable: false },
  admin_action_required: { connectionLost: false, retryable: false },
  rate_limited: { connectionLost: false, retryable: false },
  permission_denied: { connectionLost: false, retryable: false },
  not_found: { connectionLost: false, retryable: false },
  validation: { connectionLost: false, retryable: false },
  transient: { connectionLost: false, retryable: true },
  offline: { connectionLost: false, retryable: true },
  timeout: { connectionLost: false, retryable: true },
  unknown: { connectionLost: false, retryable: false },
};

describe('createFailure', () => {
  it.each(FAILURE_KINDS)('%s: connectionLost and retryable follow from the kind', (kind) => {
    expect(createFailure(kind)).toEqual({ kind, ...EXPECTED[kind] });
  });

  it('keeps the extras as given and adds nothing else', () => {
    const failure = createFailure('admin_action_required', { reason: 'inactive_user', code: 'invalid_grant', status: 400, detail: 'inactive user' });
    expect(failure).toStrictEqual({
      kind: 'admin_action_required',
      connectionLost: false,
      retryable: false,
      reason: 'inactive_user',
      code: 'invalid_grant',
      status: 400,
      detail: 'inactive user',
    });
  });

  it('extras cannot contradict the kind', () => {
    const forged = { connectionLost: true, retryable: true, kind: 'bad_oauth_token', detail: 'kept' } as unknown as FailureExtras;
    expect(createFailure('validation', forged)).toStrictEqual({ kind: 'validation', connectionLost: false, retryable: false, detail: 'kept' });
  });

  it('every classification agrees with the factory', () => {
    for (const c of [...OWN_CASES, ...NOT_SALESFORCE_JSON_CASES]) {
      const failure = classifySalesforceError({ status: c.status, headers: c.headers, body: c.body }, { phase: c.phase });
      expect({ connectionLost: failure.connectionLost, retryable: failure.retryable }, c.id).toEqual(EXPECTED[failure.kind]);
    }
  });
});

describe('failure reasons', () => {
  it('are unique snake_case keys', () => {
    expect(new Set(FAILURE_REASONS).size).toBe(FAILURE_REASONS.length);
    for (const reason of FAILURE_REASONS) expect(reason).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('every reason the classifier gives is in the list', () => {
    for (const c of [...OWN_CASES, ...NOT_SALESFORCE_JSON_CASES]) {
      const { reason } = classifySalesforceError({ status: c.status, headers: c.headers, body: c.body }, { phase: c.phase });
      if (reason !== undefined) expect(FAILURE_REASONS, c.id).toContain(reason);
    }
  });

  it('isFailureReason knows the list and nothing else', () => {
    for (const reason of FAILURE_REASONS) expect(isFailureReason(reason)).toBe(true);
    for (const other of ['', 'Inactive_User', 'origin_mismatch', 'toString', undefined, 3, {}]) expect(isFailureReason(other)).toBe(false);
  });
});
