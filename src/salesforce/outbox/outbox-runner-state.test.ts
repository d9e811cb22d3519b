import { describe, expect, it } from 'vitest';
import type { OutboxOwner } from './outbox';
import { initialOutboxRunnerState, reduceOutboxRunner, startsPasses, type OutboxRunnerAction, type OutboxRunnerState } from './outbox-runner-state';

const sam: OutboxOwner = { orgId: '00D5e000000DemoAAA', userId: '0055e000001SamAAAS' };
const samAgain: OutboxOwner = { ...sam };

/** `null`: paused (no owner). */
const idle = (owner: OutboxOwner | null = sam, connection: OutboxRunnerState['connection'] = 'connected'): OutboxRunnerState => ({ phase: 'idle', owner: owner ?? undefined, connection });
const running = (owner: OutboxOwner | null = sam): OutboxRunnerState => ({ phase: 'running', owner: owner ?? undefined, connection: 'connected' });
const rerun = (owner: OutboxOwner | null = sam): OutboxRunnerState => ({ phase: 'rerun', owner: owner ?? undefined, connection: 'connected' });
const closed: OutboxRunnerState = { phase: 'closed', owner: undefined, connection: 'connected' };

const cases: Array<[string, OutboxRunnerState, OutboxRunnerAction, OutboxRunnerState]> = [
  // resume
  ['resume while paused starts a pass', idle(null), { type: 'resumed', owner: sam }, running()],
  ['resume during a pass asks for one more', running(), { type: 'resumed', owner: samAgain }, rerun(samAgain)],
  ['resume when one more is already asked for', rerun(), { type: 'resumed', owner: samAgain }, rerun(samAgain)],
  // pause
  ['pause takes the owner away, the pass under way ends by itself', running(), { type: 'paused' }, running(null)],
  ['pause while idle', idle(), { type: 'paused' }, idle(null)],
  // close
  ['close during a pass', running(), { type: 'closed' }, closed],
  ['close while idle', idle(), { type: 'closed' }, closed],
  // triggers
  ['woken while idle starts a pass', idle(), { type: 'woken' }, running()],
  ['woken during a pass asks for one more', running(), { type: 'woken' }, rerun()],
  ['back online while idle starts a pass', idle(), { type: 'online_changed', online: true }, running()],
  ['back online during a pass asks for one more', running(), { type: 'online_changed', online: true }, rerun()],
  ['connection becoming connected starts a pass', idle(sam, 'refreshing'), { type: 'connection_changed', status: 'connected' }, running()],
  ['connection lost: noted, no pass', idle(), { type: 'connection_changed', status: 'lost' }, idle(sam, 'lost')],
  ['connected while paused: noted, no pass', idle(null, 'offline'), { type: 'connection_changed', status: 'connected' }, idle(null, 'connected')],
  // passes
  ['a pass ends with nothing asked: idle', running(), { type: 'pass_ended' }, idle()],
  ['a pass ends with one more asked: running again', rerun(), { type: 'pass_ended' }, running()],
  ['a pass fails: idle, even with one more asked (the next trigger tries again)', rerun(), { type: 'pass_failed' }, idle()],
  ['a pass fails after pause', running(null), { type: 'pass_failed' }, idle(null)],
];

const unchanged: Array<[string, OutboxRunnerState, OutboxRunnerAction]> = [
  ['woken without an owner', idle(null), { type: 'woken' }],
  ['back online without an owner', idle(null), { type: 'online_changed', online: true }],
  ['going offline', idle(), { type: 'online_changed', online: false }],
  ['offline during a pass', running(), { type: 'online_changed', online: false }],
  ['connected again while already connected', idle(), { type: 'connection_changed', status: 'connected' }],
  ['woken when one more is already asked for', rerun(), { type: 'woken' }],
  ['pause while paused', idle(null), { type: 'paused' }],
  ['a pass end seen while idle', idle(), { type: 'pass_ended' }],
  ['a pass failure seen while idle', idle(), { type: 'pass_failed' }],
  ['resume after close', closed, { type: 'resumed', owner: sam }],
  ['woken after close', closed, { type: 'woken' }],
  ['a pass ending after close', closed, { type: 'pass_ended' }],
  ['connected after close', closed, { type: 'connection_changed', status: 'offline' }],
  ['close after close', closed, { type: 'closed' }],
];

describe('reduceOutboxRunner', () => {
  it.each(cases)('%s', (_name, state, action, expected) => {
    const next = reduceOutboxRunner(state, action);
    expect(next).toEqual(expected);
    expect(next.owner).toBe(expected.owner);
  });

  it.each(unchanged)('%s: the same state object', (_name, state, action) => {
    expect(reduceOutboxRunner(state, action)).toBe(state);
  });

  it('starts idle, paused, at the connection status it was built with', () => {
    expect(initialOutboxRunnerState('signed_out')).toEqual({ phase: 'idle', owner: undefined, connection: 'signed_out' });
  });
});

describe('startsPasses', () => {
  it('only from idle to running', () => {
    expect(startsPasses(idle(), running())).toBe(true);
    expect(startsPasses(running(), rerun())).toBe(false);
    expect(startsPasses(rerun(), running())).toBe(false);
    expect(startsPasses(idle(), idle())).toBe(false);
    expect(startsPasses(idle(), closed)).toBe(false);
  });
});
