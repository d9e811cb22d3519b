import { describe, expect, it } from 'vitest';
import type { ClassifiedFailure } from '../failure-kinds';
import type { ConnectionState } from '../salesforce-api';
import { INITIAL_CONNECTION_STATE, reduceConnectionState, type ConnectionAction } from './connection-state';

const failure: ClassifiedFailure = { kind: 'bad_oauth_token', connectionLost: true, retryable: false, code: 'invalid_grant' };
const lost: ConnectionState = { status: 'lost', failure, at: 1000 };
const S = (status: Exclude<ConnectionState['status'], 'lost'>): ConnectionState => ({ status });

const cases: Array<[ConnectionState, ConnectionAction, ConnectionState['status']]> = [
  [S('signed_out'), { type: 'tokens_received' }, 'connected'],
  [S('signed_out'), { type: 'restore_started' }, 'connecting'],
  [S('connecting'), { type: 'refresh_succeeded' }, 'connected'],
  [S('connecting'), { type: 'restore_failed' }, 'signed_out'],
  [S('connecting'), { type: 'network_offline' }, 'offline'],
  [S('connected'), { type: 'refresh_started' }, 'refreshing'],
  [S('refreshing'), { type: 'refresh_succeeded' }, 'connected'],
  [S('refreshing'), { type: 'refresh_failed' }, 'connected'],
  [S('refreshing'), { type: 'network_offline' }, 'offline'],
  [S('connected'), { type: 'network_offline' }, 'offline'],
  [S('offline'), { type: 'request_answered' }, 'connected'],
  [S('offline'), { type: 'network_online' }, 'connected'],
  [S('offline'), { type: 'refresh_started' }, 'refreshing'],
  [S('connected'), { type: 'connection_lost', failure, at: 5 }, 'lost'],
  [S('refreshing'), { type: 'connection_lost', failure, at: 5 }, 'lost'],
  [S('offline'), { type: 'connection_lost', failure, at: 5 }, 'lost'],
  // lost is sticky: only new tokens (sign-in again), a restore or sign-out leave it
  [lost, { type: 'request_answered' }, 'lost'],
  [lost, { type: 'network_online' }, 'lost'],
  [lost, { type: 'network_offline' }, 'lost'],
  [lost, { type: 'refresh_started' }, 'lost'],
  [lost, { type: 'refresh_succeeded' }, 'lost'],
  [lost, { type: 'tokens_received' }, 'connected'],
  [lost, { type: 'signed_out' }, 'signed_out'],
  [lost, { type: 'restore_started' }, 'connecting'],
  // signed out stays signed out against late events of an old session
  [S('signed_out'), { type: 'connection_lost', failure, at: 5 }, 'signed_out'],
  [S('signed_out'), { type: 'network_offline' }, 'signed_out'],
  [S('signed_out'), { type: 'network_online' }, 'signed_out'],
  [S('signed_out'), { type: 'refresh_succeeded' }, 'signed_out'],
  [S('connected'), { type: 'signed_out' }, 'signed_out'],
  [S('connected'), { type: 'request_answered' }, 'connected'],
  [S('refreshing'), { type: 'request_answered' }, 'refreshing'],
];

describe('reduceConnectionState', () => {
  it('starts signed out', () => {
    expect(INITIAL_CONNECTION_STATE.status).toBe('signed_out');
  });

  it.each(cases)('%o + %o → %s', (state, action, expected) => {
    expect(reduceConnectionState(state, action).status).toBe(expected);
  });

  it('keeps the failure and the time when the connection is lost', () => {
    const next = reduceConnectionState(S('connected'), { type: 'connection_lost', failure, at: 42 });
    expect(next).toEqual({ status: 'lost', failure, at: 42 });
  });

  it('returns the same object when nothing changes, so subscribers are not woken', () => {
    const connected = S('connected');
    expect(reduceConnectionState(connected, { type: 'request_answered' })).toBe(connected);
    expect(reduceConnectionState(lost, { type: 'network_online' })).toBe(lost);
  });
});
