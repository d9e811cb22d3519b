import { describe, expect, it } from 'vitest';
import type { MicrosoftAccount, MicrosoftAuth, MicrosoftAuthState } from '../auth/microsoft';
import { createAppSession, type SessionServices } from './app-session';

const SAM: MicrosoftAccount = { homeAccountId: 'sam.tid', name: 'Sam', username: 'sam@contoso.example' };
const ALEX: MicrosoftAccount = { homeAccountId: 'alex.tid', name: 'Alex', username: 'alex@contoso.example' };

/** A MicrosoftAuth whose initialize answers when the test says so. */
function controllableMicrosoft() {
  let state: MicrosoftAuthState = { status: 'signed_out' };
  const listeners = new Set<(s: MicrosoftAuthState) => void>();
  let finishInitialize: (account?: MicrosoftAccount) => void = () => undefined;
  const set = (next: MicrosoftAuthState) => {
    state = next;
    for (const l of listeners) l(next);
    return next;
  };
  const microsoft: MicrosoftAuth = {
    get state() {
      return state;
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    account: () => (state.status === 'signed_in' ? state.account : undefined),
    initialize: () =>
      new Promise((resolve) => {
        set({ status: 'initializing' });
        finishInitialize = (account) => resolve(set(account ? { status: 'signed_in', account, via: 'standard' } : { status: 'signed_out' }));
      }),
    signIn: async () => state,
    signOut: async () => void set({ status: 'signed_out' }),
    diagnostics: () => ({ configured: true, status: state.status, summary: '' }),
  };
  return {
    microsoft,
    finishInitialize: (account?: MicrosoftAccount) => finishInitialize(account),
    signInAs: (account: MicrosoftAccount) => set({ status: 'signed_in', account, via: 'standard' }),
    signOut: () => set({ status: 'signed_out' }),
  };
}

function recorder() {
  const log: string[] = [];
  const disposedAuth: number[] = [];
  let n = 0;
  const build = (key: string | undefined): SessionServices & { id: number } => {
    const id = ++n;
    log.push(`build#${id}:${key ?? 'none'}`);
    return {
      id,
      auth: {
        start: async (options) => void log.push(`start#${id}:${options?.restore === false ? 'no-restore' : 'restore'}`),
        dispose: () => void disposedAuth.push(id),
      },
      connection: { dispose: () => void log.push(`dispose#${id}`) },
      outbox: { close: () => void log.push(`closeOutbox#${id}`) },
    };
  };
  return { log, build, disposedAuth };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('app session', () => {
  it('without Microsoft sign-in: builds once, unkeyed, and restores', async () => {
    const { log, build } = recorder();
    const session = createAppSession({ microsoft: undefined, build });
    await session.start();
    expect(log).toEqual(['build#1:none', 'start#1:restore']);
    expect(session.snapshot()?.accountKey).toBeUndefined();
  });

  it('waits for the silent Microsoft sign-in, then builds keyed to the account', async () => {
    const ms = controllableMicrosoft();
    const { log, build } = recorder();
    const session = createAppSession({ microsoft: ms.microsoft, build, graceMs: 1000 });
    const started = session.start();
    await tick();
    expect(log).toEqual([]);
    ms.finishInitialize(SAM);
    await started;
    expect(log).toEqual(['build#1:ms:sam.tid', 'start#1:restore']);
    expect(session.snapshot()).toMatchObject({ accountKey: 'ms:sam.tid', generation: 0 });
  });

  it('never holds Salesforce beyond the grace period: builds unkeyed, then re-keys when the account arrives', async () => {
    const ms = controllableMicrosoft();
    const { log, build } = recorder();
    const session = createAppSession({ microsoft: ms.microsoft, build, graceMs: 10 });
    let changes = 0;
    session.subscribe(() => changes++);
    await session.start();
    expect(log).toEqual(['build#1:none', 'start#1:restore']);
    ms.finishInitialize(SAM);
    await tick();
    expect(log).toEqual(['build#1:none', 'start#1:restore', 'build#2:ms:sam.tid', 'closeOutbox#1', 'dispose#1', 'start#2:restore']);
    expect(session.snapshot()).toMatchObject({ accountKey: 'ms:sam.tid', generation: 1 });
    expect(changes).toBe(2);
  });

  it('an interactive sign-in later re-keys; another account re-keys again; the same account does nothing', async () => {
    const ms = controllableMicrosoft();
    const { log, build, disposedAuth } = recorder();
    const session = createAppSession({ microsoft: ms.microsoft, build, graceMs: 1000 });
    const started = session.start();
    ms.finishInitialize(undefined);
    await started;
    ms.signInAs(SAM);
    ms.signInAs(SAM);
    ms.signInAs(ALEX);
    expect(log).toEqual([
      'build#1:none',
      'start#1:restore',
      'build#2:ms:sam.tid',
      'closeOutbox#1',
      'dispose#1',
      'start#2:restore',
      'build#3:ms:alex.tid',
      'closeOutbox#2',
      'dispose#2',
      'start#3:restore',
    ]);
    // Each replaced app state's sign-in controller is told, so nothing in flight writes into its store.
    expect(disposedAuth).toEqual([1, 2]);
  });

  it('after Sign out (the account goes away) rebuilds unkeyed without restoring anything', async () => {
    const ms = controllableMicrosoft();
    const { log, build } = recorder();
    const session = createAppSession({ microsoft: ms.microsoft, build, graceMs: 1000 });
    const started = session.start();
    ms.finishInitialize(SAM);
    await started;
    ms.signOut();
    expect(log.slice(2)).toEqual(['build#2:none', 'closeOutbox#1', 'dispose#1', 'start#2:no-restore']);
    expect(session.snapshot()?.accountKey).toBeUndefined();
  });

  it('start is once per pane; dispose tears down and stops following the account', async () => {
    const ms = controllableMicrosoft();
    const { log, build } = recorder();
    const session = createAppSession({ microsoft: ms.microsoft, build, graceMs: 1000 });
    const first = session.start();
    expect(session.start()).toBe(first);
    ms.finishInitialize(undefined);
    await first;
    session.dispose();
    ms.signInAs(SAM);
    expect(log).toEqual(['build#1:none', 'start#1:restore', 'closeOutbox#1', 'dispose#1']);
  });
});

describe('app session: the panes channel of a replaced app state', () => {
  it('is closed after its outbox and connection, which shared it', async () => {
    const ms = controllableMicrosoft();
    const log: string[] = [];
    let n = 0;
    const build = (): SessionServices => {
      const id = ++n;
      return {
        auth: { start: async () => undefined, dispose: () => void log.push(`auth#${id}`) },
        connection: { dispose: () => void log.push(`connection#${id}`) },
        outbox: { close: () => void log.push(`outbox#${id}`) },
        crossPane: { close: () => void log.push(`crossPane#${id}`) },
      };
    };
    const session = createAppSession({ microsoft: ms.microsoft, build, graceMs: 1000 });
    const started = session.start();
    ms.finishInitialize(undefined);
    await started;
    ms.signInAs(SAM);
    expect(log).toEqual(['auth#1', 'outbox#1', 'connection#1', 'crossPane#1']);
    session.dispose();
    expect(log.slice(4)).toEqual(['auth#2', 'outbox#2', 'connection#2', 'crossPane#2']);
  });
});
