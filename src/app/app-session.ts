/**
 * The pane's app state (token store, connection, sign-in controller, outbox) for ONE Microsoft account, and its
 * replacement when the account changes. The account keys the Salesforce token store and the outbox owner, so a new
 * account means new app state: the old one is disposed (its stored session stays under its own key) and start-up
 * runs again for the new key. Microsoft sign-in never blocks Salesforce: start-up waits for the silent sign-in at
 * most `graceMs`, and an account that arrives later re-keys the state then.
 */
import type { MicrosoftAuth } from '../auth/microsoft';
import { withDeadline } from '../shared/deadline';
import { createEmitter } from '../shared/event-emitter';
import { currentAccountKey } from './prepare-app-options';
import { carryOn, createLogger } from '../shared/logger';

const log = createLogger('app.session');

export interface SessionServices {
  /** `dispose`: a sign-in or restore still in flight must not write into the replaced account's store. */
  auth: { start(options?: { restore?: boolean }): Promise<void>; dispose(): void };
  connection: { dispose(): void };
  outbox?: { close(): void };
  /** The panes' channel the connection and the outbox share: closed after both. */
  crossPane?: { close(): void };
}

export interface AppSessionDeps<S extends SessionServices> {
  microsoft: MicrosoftAuth | undefined;
  /** Builds the app state keyed to the account (undefined: no Microsoft account). */
  build(accountKey: string | undefined): S;
  /** How long the first start-up waits for Microsoft's silent sign-in. Default 3 s (initialize itself is bounded). */
  graceMs?: number;
}

export interface AppSessionSnapshot<S> {
  services: S;
  accountKey: string | undefined;
  /** Changes with each rebuild: the shell remounts clean. */
  generation: number;
}

export interface AppSession<S> {
  snapshot(): AppSessionSnapshot<S> | undefined;
  subscribe(listener: () => void): () => void;
  /** Once per pane; later calls return the same promise. */
  start(): Promise<void>;
  dispose(): void;
}

export function createAppSession<S extends SessionServices>(deps: AppSessionDeps<S>): AppSession<S> {
  const changes = createEmitter();
  let current: AppSessionSnapshot<S> | undefined;
  let starting: Promise<void> | undefined;
  let unsubscribeMicrosoft: (() => void) | undefined;
  let disposed = false;

  const teardown = (services: S) => {
    services.auth.dispose();
    try {
      services.outbox?.close();
    } catch {
      // Closing a database that is already gone.
    }
    try {
      services.connection.dispose();
    } catch {
      // Nothing held.
    }
    services.crossPane?.close();
  };

  const install = (accountKey: string | undefined, restore: boolean) => {
    const previous = current;
    const services = deps.build(accountKey);
    current = { services, accountKey, generation: (previous?.generation ?? -1) + 1 };
    if (previous) teardown(previous.services);
    void services.auth.start({ restore }).catch(carryOn(log, 'starting sign-in state failed', undefined));
    changes.emit();
  };

  const onMicrosoftChange = () => {
    if (disposed || !current) return;
    const key = currentAccountKey(deps.microsoft);
    if (key === current.accountKey) return;
    // Signed in (or as another account): start up again for that account. The account went away: that is a Sign
    // out (the only way MicrosoftAuth leaves signed_in), so nothing is restored by itself.
    install(key, key !== undefined);
  };

  async function run(): Promise<void> {
    const microsoft = deps.microsoft;
    if (microsoft) {
      // Past the grace period start-up goes on without Microsoft; an account that arrives later re-keys the state.
      await withDeadline(
        microsoft.initialize().catch(carryOn(log, 'Microsoft sign-in did not initialize', undefined)),
        deps.graceMs ?? 3000,
        () => new Error('Microsoft sign-in is still initializing'),
      ).catch(carryOn(log, 'Microsoft sign-in is still initializing; the pane starts without it', undefined));
    }
    if (disposed) return;
    install(currentAccountKey(microsoft), true);
    unsubscribeMicrosoft = microsoft?.subscribe(onMicrosoftChange);
    // The account may have arrived between the race and the subscription.
    onMicrosoftChange();
  }

  return {
    snapshot: () => current,
    subscribe: (listener) => changes.subscribe(listener),
    start() {
      starting ??= run();
      return starting;
    },
    dispose() {
      disposed = true;
      unsubscribeMicrosoft?.();
      // Nothing is installed after this (`disposed` guards it), so subscribers hear nothing more.
      if (current) teardown(current.services);
    },
  };
}
