/**
 * The outbox runner's own state (whose entries run, and whether a pass is under way), changed only by
 * `reduceOutboxRunner` over a small union of actions, as connection-state.ts does for the connection. The runner
 * (create-outbox.ts) dispatches what happened; the reducer alone decides whether that starts a pass, asks for one more
 * after the current pass, or changes nothing. How each entry moves is outbox-transitions.ts's business.
 */
import type { ConnectionState } from '../salesforce-api';
import type { OutboxOwner } from './outbox';

export type OutboxRunnerPhase =
  /** No pass under way. */
  | 'idle'
  /** A pass is under way. */
  | 'running'
  /** A pass is under way and something happened meanwhile that it may have missed: one more pass follows. */
  | 'rerun'
  /** For good: nothing runs again. */
  | 'closed';

export interface OutboxRunnerState {
  phase: OutboxRunnerPhase;
  /** Whose entries run (set by `resume`); undefined: paused, nothing is sent. */
  owner: OutboxOwner | undefined;
  /** The connection's last status, so only a change to `connected` wakes the runner. */
  connection: ConnectionState['status'];
}

export type OutboxRunnerAction =
  /** Sign-in, sign in again, pane start: `owner` is the current owner. A new object each time, so a pass of the previous resume stops. */
  | { type: 'resumed'; owner: OutboxOwner }
  /** Signed out, or another user is switching in: no current owner. */
  | { type: 'paused' }
  | { type: 'closed' }
  /** Something that may let entries go: new work or a retry of the current owner, a backoff timer, another pane's notice. */
  | { type: 'woken' }
  | { type: 'online_changed'; online: boolean }
  | { type: 'connection_changed'; status: ConnectionState['status'] }
  /** A pass went through its entries. */
  | { type: 'pass_ended' }
  /** A pass threw (the database failed): the loop stops; the next trigger tries again. */
  | { type: 'pass_failed' };

export function initialOutboxRunnerState(connection: ConnectionState['status']): OutboxRunnerState {
  return { phase: 'idle', owner: undefined, connection };
}

/** A pass starts, or one more is asked of the pass under way; without an owner nothing runs. */
function wake(state: OutboxRunnerState): OutboxRunnerState {
  if (!state.owner) return state;
  if (state.phase === 'idle') return { ...state, phase: 'running' };
  if (state.phase === 'running') return { ...state, phase: 'rerun' };
  return state;
}

/** Pure. Returns the same object when nothing changes. */
export function reduceOutboxRunner(state: OutboxRunnerState, action: OutboxRunnerAction): OutboxRunnerState {
  if (state.phase === 'closed') return state;
  switch (action.type) {
    case 'closed':
      return { ...state, phase: 'closed', owner: undefined };
    case 'resumed':
      return wake({ ...state, owner: action.owner });
    case 'paused':
      return state.owner ? { ...state, owner: undefined } : state;
    case 'woken':
      return wake(state);
    case 'online_changed':
      return action.online ? wake(state) : state;
    case 'connection_changed': {
      if (action.status === state.connection) return state;
      const next = { ...state, connection: action.status };
      return action.status === 'connected' ? wake(next) : next;
    }
    case 'pass_ended':
      if (state.phase === 'rerun') return { ...state, phase: 'running' };
      return state.phase === 'running' ? { ...state, phase: 'idle' } : state;
    case 'pass_failed':
      return state.phase === 'idle' ? state : { ...state, phase: 'idle' };
  }
}

/** The runner starts its pass loop exactly when a dispatch takes it from idle to running. */
export function startsPasses(before: OutboxRunnerState, after: OutboxRunnerState): boolean {
  return before.phase === 'idle' && after.phase === 'running';
}
