/**
 * Keeps a send's claim while its attempt runs: a file upload can outlast one lease on a slow link, and a lapsed claim
 * lets another pane take the entry over and send it again. Renewed every LEASE_RENEWAL_MS until stopped.
 */
import { carryOn, createLogger } from '../../shared/logger';
import type { OutboxEntry } from './outbox';
import type { OutboxStore } from './outbox-store';
import { LEASE_RENEWAL_MS, renewLease } from './outbox-transitions';

const log = createLogger('salesforce.outbox');

export interface KeepClaimDeps {
  store: Pick<OutboxStore, 'update'>;
  schedule(run: () => void, ms: number): () => void;
  now(): number;
}

/** Starts renewing `claimed`'s lease; the returned function stops it (call it when the attempt settles). */
export function keepClaim({ store, schedule, now }: KeepClaimDeps, claimed: OutboxEntry): () => void {
  let stopped = false;
  let cancel = (): void => {};
  const renewLater = (): void => {
    cancel = schedule(() => {
      void store
        .update(claimed.id, (e) => renewLease(e, claimed.attempts, now()))
        .catch(carryOn(log, 'renewing a send lease failed; the next renewal tries again', null))
        .finally(() => {
          if (!stopped) renewLater();
        });
    }, LEASE_RENEWAL_MS);
  };
  renewLater();
  return () => {
    stopped = true;
    cancel();
  };
}
