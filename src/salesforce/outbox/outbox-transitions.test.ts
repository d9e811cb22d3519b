import { describe, expect, it } from 'vitest';
import type { ClassifiedFailure, FailureKind } from '../failure-kinds';
import type { OutboxEntry } from './outbox';
import { MAX_UNKNOWN_ATTEMPTS, SEND_LEASE_MS, claim, fail, hold, isDue, newOutboxEntry, renewLease, requeue, succeed } from './outbox-transitions';

const owner = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };
const action = {
  type: 'save_email' as const,
  internetMessageId: '<m@x>',
  subject: 's',
  bodyExcerpt: '',
  activityDate: '2025-01-01',
  whoId: '0035e000000Jane01A',
  label: 'Jane',
};
const failure = (kind: FailureKind): ClassifiedFailure => ({ kind, connectionLost: kind === 'bad_oauth_token' || kind === 'session_expired', retryable: false });
const sending = (): OutboxEntry => claim(newOutboxEntry('e1', owner, action, 0), 100) as OutboxEntry;

describe('claim', () => {
  it('takes a queued entry for one attempt', () => {
    const e = sending();
    expect(e).toMatchObject({ status: 'sending', attempts: 1, mayHaveLanded: false, leaseUntil: 100 + SEND_LEASE_MS });
  });
  it('refuses an entry another pane holds, takes it after the lease with mayHaveLanded', () => {
    const e = sending();
    expect(claim(e, 200)).toBeNull();
    expect(claim(e, 100 + SEND_LEASE_MS)).toMatchObject({ status: 'sending', attempts: 2, mayHaveLanded: true });
  });
  it('waits out a backoff', () => {
    const waiting = fail(sending(), failure('transient'), 1_000, () => 500);
    expect(isDue(waiting, 1_499)).toBe(false);
    expect(claim(waiting, 1_500)).toMatchObject({ status: 'sending', attempts: 2 });
  });
  it('never takes done or failed entries', () => {
    expect(claim(succeed(sending(), { sobject: 'Task', id: 'x', adopted: false }, 1), 2)).toBeNull();
    expect(claim(fail(sending(), failure('validation'), 1), 2)).toBeNull();
  });
});

describe('renewLease', () => {
  const done = succeed(sending(), { sobject: 'Task', id: '00T5e0000000001AAA', adopted: false }, 200);
  const retakenByAnotherPane = claim(sending(), 100 + SEND_LEASE_MS) as OutboxEntry;
  const cases: [string, OutboxEntry, number | null][] = [
    ['extends the claim of the attempt still running', sending(), 5_000 + SEND_LEASE_MS],
    ['never extends a claim another pane took since (its attempt has another number)', retakenByAnotherPane, null],
    ['never revives a finished entry', done, null],
    ['never revives a held entry', hold(sending(), 'offline', 200), null],
    ['never revives a failed one', fail(sending(), failure('validation'), 200), null],
  ];
  it.each(cases)('%s', (_, entry, leaseUntil) => {
    const renewed = renewLease(entry, 1, 5_000);
    expect(renewed === null ? null : renewed.leaseUntil).toBe(leaseUntil);
  });
});

describe('fail', () => {
  const cases: [FailureKind, Partial<OutboxEntry>][] = [
    ['session_expired', { status: 'waiting', waitingFor: 'session_expired', mayHaveLanded: false, notBefore: undefined }],
    ['bad_oauth_token', { status: 'waiting', waitingFor: 'bad_oauth_token', mayHaveLanded: false, notBefore: undefined }],
    ['reauth_required', { status: 'waiting', waitingFor: 'session_expired', mayHaveLanded: false }],
    ['offline', { status: 'waiting', waitingFor: 'offline', mayHaveLanded: true, notBefore: undefined }],
    ['rate_limited', { status: 'waiting', waitingFor: 'rate_limited', mayHaveLanded: false, notBefore: 1_000 + 7 }],
    ['transient', { status: 'waiting', waitingFor: 'transient', mayHaveLanded: true, notBefore: 1_000 + 7 }],
    ['timeout', { status: 'waiting', waitingFor: 'timeout', mayHaveLanded: true, notBefore: 1_000 + 7 }],
    ['unknown', { status: 'waiting', waitingFor: 'unknown', mayHaveLanded: true }],
    ['validation', { status: 'failed', waitingFor: undefined, mayHaveLanded: false }],
    ['permission_denied', { status: 'failed', mayHaveLanded: false }],
    ['not_found', { status: 'failed' }],
    ['admin_action_required', { status: 'waiting', waitingFor: 'session_expired', mayHaveLanded: false }],
  ];
  it.each(cases)('%s', (kind, expected) => {
    const next = fail(sending(), failure(kind), 1_000, () => 7);
    const defined = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
    expect(next).toMatchObject({ ...defined, failure: { kind } });
    expect(next.leaseUntil).toBeUndefined();
    for (const [key, value] of Object.entries(expected)) if (value === undefined) expect(next).not.toHaveProperty(key);
  });

  it('stops retrying an unknown failure by itself after a few attempts', () => {
    let e: OutboxEntry = newOutboxEntry('e', owner, action, 0);
    for (let i = 0; i < MAX_UNKNOWN_ATTEMPTS; i++) e = fail(claim(e, e.notBefore ?? 0) as OutboxEntry, failure('unknown'), e.notBefore ?? 0, () => 1);
    expect(e.status).toBe('failed');
    expect(e.mayHaveLanded).toBe(true);
  });

  it('keeps mayHaveLanded once set', () => {
    const landed = fail(sending(), failure('timeout'), 1);
    const again = fail(claim(landed, landed.notBefore ?? 0) as OutboxEntry, failure('validation'), 2);
    expect(again.mayHaveLanded).toBe(true);
  });
});

describe('hold and requeue', () => {
  it('hold is a no-op when already waiting for that reason', () => {
    const held = hold(newOutboxEntry('e', owner, action, 0), 'offline', 5);
    expect(hold(held, 'offline', 9)).toBe(held);
    expect(hold(held, 'other_identity', 9)).toMatchObject({ waitingFor: 'other_identity' });
  });
  it('requeue applies an edit of the same type only', () => {
    const failed = fail(sending(), failure('validation'), 1);
    const edited = requeue(failed, 2, { ...action, subject: 'edited' });
    expect(edited).toMatchObject({ status: 'queued', action: { subject: 'edited' } });
    expect(edited).not.toHaveProperty('failure');
    const wrongType = requeue(failed, 2, { type: 'log_follow_up', clientKey: 'k', subject: 'x', activityDate: '2025-01-01', whoId: 'y', label: '' });
    expect(wrongType.action).toEqual(action);
  });
});
