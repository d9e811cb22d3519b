/**
 * Whether this pane can keep anything in IndexedDB. Private modes (Firefox's before 115, some Safari versions) and
 * some webviews have no IndexedDB, or one whose open fails or never answers. Start-up asks once, within a deadline;
 * the token store and the outbox follow the answer, and the shell tells the seller when the answer is no.
 */
import { withDeadline } from '../shared/deadline';
import { createEmitter } from '../shared/event-emitter';
import { carryOn, createLogger } from '../shared/logger';

const log = createLogger('app.storage-health');

export type StorageStatus = 'checking' | 'available' | 'unavailable';

export interface StorageHealth {
  status(): StorageStatus;
  /** True once IndexedDB answered; false when it is missing, failed or did not answer in time. */
  readonly ready: Promise<boolean>;
  subscribe(listener: () => void): () => void;
}

/** One IndexedDB open or transaction: Chromium answers in milliseconds, so 5 s means it will not. */
export const STORAGE_DEADLINE_MS = 5_000;

/** Opens (and then deletes) a throwaway database named `name`. */
export function probeIndexedDb(factory: IDBFactory | null | undefined, name: string, timeoutMs = STORAGE_DEADLINE_MS): Promise<boolean> {
  if (!factory || typeof factory.open !== 'function') return Promise.resolve(false);
  const opened = new Promise<boolean>((resolve) => {
    try {
      const req = factory.open(name, 1);
      req.onsuccess = () => {
        req.result.close();
        try {
          factory.deleteDatabase(name);
        } catch {
          // the answer is already known; a leftover empty probe database is harmless
        }
        resolve(true);
      };
      req.onerror = () => resolve(false);
    } catch (error) {
      log.debug('IndexedDB refused to open', error);
      resolve(false);
    }
  });
  return withDeadline(opened, timeoutMs, () => new Error('IndexedDB did not answer')).catch(carryOn(log, 'IndexedDB is not usable', false));
}

export function createStorageHealth(probe: Promise<boolean>): StorageHealth {
  let status: StorageStatus = 'checking';
  const changes = createEmitter();
  const ready = probe.then(
    (ok) => ok,
    () => false,
  );
  void ready.then((ok) => {
    status = ok ? 'available' : 'unavailable';
    changes.emit();
  });
  return {
    status: () => status,
    ready,
    subscribe: (listener) => changes.subscribe(listener),
  };
}
