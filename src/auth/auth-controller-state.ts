/**
 * The seller's session as the shell sees it (`AuthSnapshot`), changed only by `reduceAuth` over a small union of
 * actions, as connection-state.ts does for the connection: the controller (auth-controller.ts) runs the steps and
 * dispatches what happened; the reducer alone decides what the shell shows, and whether another user's arrival starts
 * the views clean (`sessionKey`).
 */
import type { ClassifiedFailure } from '../salesforce/failure-kinds';
import type { SalesforceIdentity } from '../salesforce/salesforce-api';
import type { SignInOutcome } from './sign-in-flow';

export type SignInProblem = Exclude<SignInOutcome, { status: 'signed_in' } | { status: 'cancelled' }>;

export type AuthNotice =
  | { type: 'sign_in_problem'; problem: SignInProblem }
  | { type: 'switched_user'; identity: SalesforceIdentity; previous: SalesforceIdentity; unsentCount: number }
  | { type: 'restore_problem'; failure: ClassifiedFailure };

export interface AuthSnapshot {
  status: 'starting' | 'signed_out' | 'signed_in';
  identity?: SalesforceIdentity;
  busy?: 'signing_in' | 'signing_out';
  notice?: AuthNotice;
  /** Changes when another Salesforce user signs in: views keyed by it start clean. */
  sessionKey: number;
}

export type AuthAction =
  /** Start-up found no stored session, or must not restore one (right after a Sign out): the welcome screen. */
  | { type: 'nothing_to_restore' }
  /** Start-up found a stored session: the workspace shows while its first refresh runs. */
  | { type: 'restore_started'; identity: SalesforceIdentity }
  /** The restore ended signed out (a refusal only a new sign-in or an admin can answer); `failure` says why, if known. */
  | { type: 'restore_refused'; failure?: ClassifiedFailure }
  /** The dialog opens (from a click). */
  | { type: 'sign_in_started' }
  /** The seller closed the dialog: back where they were. */
  | { type: 'sign_in_cancelled' }
  /** The dialog, or a step after it, failed. */
  | { type: 'sign_in_failed'; problem: SignInProblem }
  /**
   * The connection holds the new tokens. `switched`: another Salesforce user than the one signed in before (the
   * views start clean, and the notice says whose work stays unsent).
   */
  | { type: 'signed_in'; identity: SalesforceIdentity; switched?: { previous: SalesforceIdentity; unsentCount: number } }
  /** Another pane of this seller signed out; this pane follows to the welcome screen. */
  | { type: 'signed_out_elsewhere' }
  | { type: 'sign_out_started' }
  | { type: 'signed_out' }
  | { type: 'notice_dismissed' };

export const INITIAL_AUTH_SNAPSHOT: AuthSnapshot = { status: 'starting', sessionKey: 0 };

/** The snapshot without the optional fields given as undefined, so an absent field is absent, not undefined. */
function snapshotOf(fields: AuthSnapshot): AuthSnapshot {
  const snapshot: AuthSnapshot = { status: fields.status, sessionKey: fields.sessionKey };
  if (fields.identity) snapshot.identity = fields.identity;
  if (fields.busy) snapshot.busy = fields.busy;
  if (fields.notice) snapshot.notice = fields.notice;
  return snapshot;
}

/** Pure. Returns the same object when nothing changes, so subscribers are only told about real changes. */
export function reduceAuth(state: AuthSnapshot, action: AuthAction): AuthSnapshot {
  switch (action.type) {
    case 'nothing_to_restore':
      return state.status === 'signed_out' ? state : snapshotOf({ ...state, status: 'signed_out' });
    case 'restore_started':
      return snapshotOf({ ...state, status: 'signed_in', identity: action.identity });
    case 'restore_refused':
      // Without a known failure a notice already shown stays.
      return snapshotOf({
        ...state,
        status: 'signed_out',
        identity: undefined,
        notice: action.failure ? { type: 'restore_problem', failure: action.failure } : state.notice,
      });
    case 'sign_in_started':
      return snapshotOf({ ...state, busy: 'signing_in', notice: undefined });
    case 'sign_in_cancelled':
      return state.busy ? snapshotOf({ ...state, busy: undefined }) : state;
    case 'sign_in_failed':
      return snapshotOf({ ...state, busy: undefined, notice: { type: 'sign_in_problem', problem: action.problem } });
    case 'signed_in': {
      // The same user again (or a first sign-in) keeps the views; another user starts them clean, and says so.
      const switched = action.switched;
      return snapshotOf({
        status: 'signed_in',
        identity: action.identity,
        sessionKey: switched ? state.sessionKey + 1 : state.sessionKey,
        notice: switched ? { type: 'switched_user', identity: action.identity, previous: switched.previous, unsentCount: switched.unsentCount } : undefined,
      });
    }
    case 'signed_out_elsewhere':
      // Only a pane that shows a session and is not itself signing in or out follows another pane's sign-out.
      if (state.status !== 'signed_in' || state.busy) return state;
      return { status: 'signed_out', sessionKey: state.sessionKey + 1 };
    case 'sign_out_started':
      return snapshotOf({ ...state, busy: 'signing_out', notice: undefined });
    case 'signed_out':
      return snapshotOf({ ...state, status: 'signed_out', identity: undefined, busy: undefined, sessionKey: state.sessionKey + 1 });
    case 'notice_dismissed':
      return state.notice ? snapshotOf({ ...state, notice: undefined }) : state;
  }
}
