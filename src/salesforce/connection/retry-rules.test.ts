import { describe, expect, it } from 'vitest';
import type { ClassifiedFailure, FailureKind } from '../failure-kinds';
import { isRetryableAttempt } from './retry-rules';

const f = (kind: FailureKind, extra: Partial<ClassifiedFailure> = {}): ClassifiedFailure => ({
  kind,
  connectionLost: kind === 'bad_oauth_token' || kind === 'session_expired',
  retryable: kind === 'transient' || kind === 'timeout' || kind === 'offline',
  ...extra,
});

describe('isRetryableAttempt', () => {
  it.each<[string, ClassifiedFailure, boolean, boolean]>([
    ['503 SERVER_UNAVAILABLE', f('transient', { status: 503, code: 'SERVER_UNAVAILABLE' }), true, true],
    ['503 without a body code', f('transient', { status: 503 }), true, true],
    ['UNABLE_TO_LOCK_ROW', f('transient', { status: 400, code: 'UNABLE_TO_LOCK_ROW' }), true, true],
    ['500 from Salesforce', f('transient', { status: 500, code: 'ERROR_HTTP_500' }), true, false],
    ['502 from a gateway', f('transient', { status: 502 }), true, false],
    ['504 from a gateway', f('transient', { status: 504 }), true, false],
    ['timeout', f('timeout'), false, false],
    ['offline', f('offline'), false, false],
    ['network error while online', f('unknown'), false, false],
    ['expired session', f('session_expired', { code: 'INVALID_SESSION_ID', refreshable: true }), false, false],
    ['validation', f('validation', { code: 'REQUIRED_FIELD_MISSING' }), false, false],
    ['org limit', f('rate_limited', { code: 'REQUEST_LIMIT_EXCEEDED' }), false, false],
  ])('%s: idempotent %s, write %s', (_name, failure, idempotent, write) => {
    expect(isRetryableAttempt(failure, true)).toBe(idempotent);
    expect(isRetryableAttempt(failure, false)).toBe(write);
  });
});
