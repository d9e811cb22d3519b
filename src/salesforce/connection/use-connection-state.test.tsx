import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../salesforce-api';
import { useConnectionState, type ConnectionStateSource } from './use-connection-state';

function source(initial: ConnectionState): ConnectionStateSource & { set(s: ConnectionState): void; listeners: number } {
  let state = initial;
  const listeners = new Set<(s: ConnectionState) => void>();
  return {
    state: () => state,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set(s) {
      state = s;
      listeners.forEach((l) => l(s));
    },
    get listeners() {
      return listeners.size;
    },
  };
}

function Status({ api }: { api: ConnectionStateSource }) {
  const state = useConnectionState(api);
  return createElement('output', null, state.status === 'lost' ? `lost:${state.failure.kind}` : state.status);
}

describe('useConnectionState', () => {
  it('renders the current state of the connection', () => {
    const api = source({ status: 'refreshing' });
    expect(renderToString(createElement(Status, { api }))).toContain('refreshing');
    api.set({ status: 'lost', failure: { kind: 'bad_oauth_token', connectionLost: true, retryable: false }, at: 1 });
    expect(renderToString(createElement(Status, { api }))).toContain('lost:bad_oauth_token');
  });
});
