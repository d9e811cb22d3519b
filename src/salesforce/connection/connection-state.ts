/**
 * Connection state, changed only by `reduceConnectionState` over a small union of actions (TanStack Query's
 * reducer pattern): the wrapper dispatches what happened, the reducer alone decides what it means for the seller.
 */
import type { ClassifiedFailure } from '../failure-kinds';
import type { ConnectionState } from '../salesforce-api';

export type ConnectionAction =
  /** A stored refresh token is being exchanged at start-up. */
  | { type: 'restore_started' }
  /** New tokens arrived: sign-in, sign-in again, a restore, or another pane's refresh. Clears `lost`. */
  | { type: 'tokens_received' }
  | { type: 'refresh_started' }
  | { type: 'refresh_succeeded' }
  /** A refresh failed without losing the connection (transient, rate limited, timeout). */
  | { type: 'refresh_failed' }
  /** A request came back with an answer from Salesforce (success or a Salesforce error): the network works. */
  | { type: 'request_answered' }
  | { type: 'network_offline' }
  | { type: 'network_online' }
  /** The session cannot be renewed without the seller; later requests fail at once. */
  | { type: 'connection_lost'; failure: ClassifiedFailure; at: number }
  /** A restore failed for a reason other than the network or a dead token: back to the sign-in screen. */
  | { type: 'restore_failed' }
  | { type: 'signed_out' };

export const INITIAL_CONNECTION_STATE: ConnectionState = { status: 'signed_out' };

const SIGNED_OUT: ConnectionState = { status: 'signed_out' };
const CONNECTING: ConnectionState = { status: 'connecting' };
const CONNECTED: ConnectionState = { status: 'connected' };
const REFRESHING: ConnectionState = { status: 'refreshing' };
const OFFLINE: ConnectionState = { status: 'offline' };

/** Pure. Returns the same object when nothing changes, so subscribers are only told about real changes. */
export function reduceConnectionState(state: ConnectionState, action: ConnectionAction): ConnectionState {
  switch (action.type) {
    case 'signed_out':
      return state.status === 'signed_out' ? state : SIGNED_OUT;
    case 'tokens_received':
      return state.status === 'connected' ? state : CONNECTED;
    case 'restore_started':
      return state.status === 'signed_out' || state.status === 'lost' ? CONNECTING : state;
    case 'restore_failed':
      return state.status === 'connecting' ? SIGNED_OUT : state;
    case 'connection_lost':
      // A late failure must not resurrect a session the seller has signed out of.
      if (state.status === 'signed_out') return state;
      return { status: 'lost', failure: action.failure, at: action.at };
    case 'refresh_started':
      return state.status === 'connected' || state.status === 'offline' ? REFRESHING : state;
    case 'refresh_succeeded':
      return state.status === 'refreshing' || state.status === 'offline' || state.status === 'connecting' ? CONNECTED : state;
    case 'refresh_failed':
      return state.status === 'refreshing' ? CONNECTED : state;
    case 'request_answered':
      return state.status === 'offline' ? CONNECTED : state;
    case 'network_offline':
      return state.status === 'connected' || state.status === 'refreshing' || state.status === 'connecting' ? OFFLINE : state;
    case 'network_online':
      return state.status === 'offline' ? CONNECTED : state;
  }
}
