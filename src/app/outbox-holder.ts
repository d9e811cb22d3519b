/**
 * The pane's outbox across sign-outs. Sign-out deletes the account's IndexedDB databases, the outbox's among them,
 * and a deleted database cannot be written again through the old connection; so the holder closes the outbox before
 * the sweep, and opens a fresh one at the next sign-in (so a signed-out pane leaves no database behind). The auth
 * controller talks to the holder; the workspace gets `current()`.
 */
import type { OutboxControl } from '../auth/auth-controller';
import { deadlineError, realTimers, withDeadline, type Timers } from '../shared/deadline';
import { createEmitter } from '../shared/event-emitter';
import type { Outbox, OutboxOwner } from '../salesforce/outbox/outbox';

export interface OutboxHolder extends OutboxControl {
  current(): Outbox | undefined;
  /** The last attempt to open failed (no IndexedDB, or it did not answer): the workspace runs read-only. */
  unavailable(): boolean;
  subscribe(listener: () => void): () => void;
  /** Closes the current outbox (before its database is deleted); the next `resume` opens a new one. */
  close(): void;
}

/**
 * Opens within `ms`: an outbox whose database never opens (a hung IndexedDB) must not leave the workspace waiting, so
 * it fails (the workspace runs read-only); one that opens after all is closed, never half used.
 */
export function openWithinDeadline(open: () => Outbox | Promise<Outbox>, ms: number, timers: Timers = realTimers): Promise<Outbox> {
  let late = false;
  const opening = Promise.resolve().then(open);
  void opening.then(
    (created) => {
      if (late) created.close();
    },
    () => undefined,
  );
  return withDeadline(
    opening,
    ms,
    () => {
      late = true;
      return deadlineError('The outbox database did not open in time.');
    },
    timers,
  );
}

export function createOutboxHolder(open: () => Promise<Outbox>): OutboxHolder {
  let outbox: Outbox | undefined;
  let opening: Promise<Outbox | undefined> | undefined;
  let wanted: OutboxOwner | undefined;
  let failed = false;
  const changes = createEmitter();
  const notify = () => changes.emit();

  const start = () => {
    failed = false;
    const attempt = open().then(
      (created) => {
        if (opening !== attempt) {
          created.close();
          return undefined;
        }
        outbox = created;
        if (wanted) created.resume(wanted);
        notify();
        return created;
      },
      // No IndexedDB (private mode): the pane still works read-only; nothing is taken that could not be kept.
      () => {
        if (opening === attempt) {
          failed = true;
          notify();
        }
        return undefined;
      },
    );
    opening = attempt;
    return attempt;
  };
  void start();

  const ready = async () => outbox ?? (await opening);

  return {
    current: () => outbox,
    unavailable: () => failed && !outbox,
    subscribe: (listener) => changes.subscribe(listener),
    resume(owner) {
      wanted = owner;
      // After a sign-out the database stays deleted until someone signs in again.
      if (!outbox && !opening) void start();
      outbox?.resume(owner);
    },
    pause() {
      wanted = undefined;
      outbox?.pause();
    },
    async pendingCount(owner) {
      if (!outbox && !opening) return 0;
      return (await ready())?.pendingCount(owner) ?? 0;
    },
    async discardAll(owner) {
      if (!outbox && !opening) return;
      await (await ready())?.discardAll(owner);
    },
    close() {
      wanted = undefined;
      outbox?.close();
      outbox = undefined;
      opening = undefined;
      notify();
    },
  };
}
