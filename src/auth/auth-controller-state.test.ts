import { describe, expect, it } from 'vitest';
import type { ClassifiedFailure } from '../salesforce/failure-kinds';
import { ALEX, SAM } from '../testing/fake-salesforce-api';
import { INITIAL_AUTH_SNAPSHOT, reduceAuth, type AuthAction, type AuthNotice, type AuthSnapshot } from './auth-controller-state';

const refused: ClassifiedFailure = { kind: 'admin_action_required', connectionLost: false, retryable: false, reason: 'inactive_user' };
const problem = { status: 'dialog_failed', code: 12011, message: 'blocked' } as const;
const signInProblem: AuthNotice = { type: 'sign_in_problem', problem };
const switchedNotice: AuthNotice = { type: 'switched_user', identity: ALEX, previous: SAM, unsentCount: 2 };

const signedOut = (sessionKey = 3, extra: Partial<AuthSnapshot> = {}): AuthSnapshot => ({ status: 'signed_out', sessionKey, ...extra });
const signedIn = (identity = SAM, sessionKey = 3, extra: Partial<AuthSnapshot> = {}): AuthSnapshot => ({ status: 'signed_in', identity, sessionKey, ...extra });

const cases: Array<[string, AuthSnapshot, AuthAction, AuthSnapshot]> = [
  // start-up
  ['start-up with nothing stored: the welcome screen', INITIAL_AUTH_SNAPSHOT, { type: 'nothing_to_restore' }, { status: 'signed_out', sessionKey: 0 }],
  ['start-up with a stored session: the workspace at once', INITIAL_AUTH_SNAPSHOT, { type: 'restore_started', identity: SAM }, { status: 'signed_in', identity: SAM, sessionKey: 0 }],
  [
    'the restore refused, with a reason: the welcome screen says it',
    signedIn(SAM, 0),
    { type: 'restore_refused', failure: refused },
    { status: 'signed_out', sessionKey: 0, notice: { type: 'restore_problem', failure: refused } },
  ],
  ['the restore refused, reason unknown: the welcome screen', signedIn(SAM, 0), { type: 'restore_refused' }, { status: 'signed_out', sessionKey: 0 }],
  // sign-in
  ['the dialog opens: busy, the last notice gone', signedOut(3, { notice: signInProblem }), { type: 'sign_in_started' }, signedOut(3, { busy: 'signing_in' })],
  ['the dialog closed by the seller: back where they were', signedIn(SAM, 3, { busy: 'signing_in' }), { type: 'sign_in_cancelled' }, signedIn(SAM, 3)],
  ['the dialog failed: a notice, not busy', signedOut(3, { busy: 'signing_in' }), { type: 'sign_in_failed', problem }, signedOut(3, { notice: signInProblem })],
  ['a first sign-in: signed in, same session key', signedOut(3, { busy: 'signing_in' }), { type: 'signed_in', identity: SAM }, signedIn(SAM, 3)],
  ['the same user again: in place, same session key, no notice', signedIn(SAM, 3, { busy: 'signing_in' }), { type: 'signed_in', identity: SAM }, signedIn(SAM, 3)],
  [
    'another user: a new session key, and a notice naming whose work stays unsent',
    signedIn(SAM, 3, { busy: 'signing_in' }),
    { type: 'signed_in', identity: ALEX, switched: { previous: SAM, unsentCount: 2 } },
    signedIn(ALEX, 4, { notice: switchedNotice }),
  ],
  // sign-out
  ['sign-out starts: busy, the notice gone', signedIn(SAM, 3, { notice: switchedNotice }), { type: 'sign_out_started' }, signedIn(SAM, 3, { busy: 'signing_out' })],
  ['sign-out ends: the welcome screen, a new session key', signedIn(SAM, 3, { busy: 'signing_out' }), { type: 'signed_out' }, signedOut(4)],
  ['signed out in another pane: followed, a new session key, no notice', signedIn(SAM, 3, { notice: switchedNotice }), { type: 'signed_out_elsewhere' }, signedOut(4)],
  // notices
  ['a notice dismissed', signedOut(3, { notice: signInProblem }), { type: 'notice_dismissed' }, signedOut(3)],
];

const unchanged: Array<[string, AuthSnapshot, AuthAction]> = [
  ['the welcome screen again', signedOut(), { type: 'nothing_to_restore' }],
  ['a cancel with no dialog open', signedIn(), { type: 'sign_in_cancelled' }],
  ['a notice dismissed when there is none', signedIn(), { type: 'notice_dismissed' }],
  ['signed out elsewhere while signing in here', signedIn(SAM, 3, { busy: 'signing_in' }), { type: 'signed_out_elsewhere' }],
  ['signed out elsewhere while signing out here', signedIn(SAM, 3, { busy: 'signing_out' }), { type: 'signed_out_elsewhere' }],
  ['signed out elsewhere when already signed out', signedOut(), { type: 'signed_out_elsewhere' }],
  ['signed out elsewhere while starting', INITIAL_AUTH_SNAPSHOT, { type: 'signed_out_elsewhere' }],
];

describe('reduceAuth', () => {
  it.each(cases)('%s', (_name, state, action, expected) => {
    const next = reduceAuth(state, action);
    expect(next).toEqual(expected);
    // Absent means absent: no optional field is kept as undefined.
    expect(Object.keys(next).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(unchanged)('%s: the same snapshot object', (_name, state, action) => {
    expect(reduceAuth(state, action)).toBe(state);
  });

  it('never changes the snapshot it is given', () => {
    const state = signedIn(SAM, 3, { notice: switchedNotice });
    const copy = structuredClone(state);
    for (const [, , action] of cases) reduceAuth(state, action);
    expect(state).toEqual(copy);
  });
});
