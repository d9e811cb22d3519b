/**
 * How an outbox entry moves between states, as pure functions of (entry, event, now). The runner only stores what
 * these return; every rule about waiting, failing and "may have landed" lives here and is tested as a table.
 */
import type { ClassifiedFailure } from '../failure-kinds';
import type { OutboxAction, OutboxEntry, OutboxOwner, OutboxResult, OutboxWaitReason } from './outbox';
import { outboxOwnerKey } from './outbox';

/**
 * How long a claimed entry belongs to the pane that claimed it. One attempt is at most two Salesforce calls (the
 * idempotency check, then the create), each bounded by the wrapper's deadline, which the runtime config caps at
 * MAX_REQUEST_TIMEOUT_MS (40 s): the lease outlasts both with room for the IndexedDB writes around them, so no other
 * pane takes the entry over while its attempt may still be in flight. An attempt that runs longer (a file upload on a
 * slow link) has its claim renewed by its pane (`renewLease`). send-lease.test.ts holds both.
 */
export const SEND_LEASE_MS = 90_000;
/** Done entries are kept this long (the pane shows "Saved" from them), then removed. */
export const DONE_RETENTION_MS = 24 * 60 * 60_000;

export function isExpiredDone(entry: OutboxEntry, now: number): boolean {
  return entry.status === 'done' && entry.updatedAt + DONE_RETENTION_MS <= now;
}

/** After this many attempts an entry that keeps failing for an unknown reason stops retrying by itself. */
export const MAX_UNKNOWN_ATTEMPTS = 3;

export type Backoff = (attempt: number, reason: OutboxWaitReason) => number;

export const defaultBackoff: Backoff = (attempt, reason) => {
  const n = Math.max(0, attempt - 1);
  // An org over its API limit will not recover in seconds: wait in minutes.
  if (reason === 'rate_limited') return Math.min(60_000 * 2 ** n, 15 * 60_000);
  return Math.min(2_000 * 2 ** n, 5 * 60_000);
};

export function newOutboxEntry(id: string, owner: OutboxOwner, action: OutboxAction, now: number): OutboxEntry {
  return {
    id,
    ownerKey: outboxOwnerKey(owner),
    owner: { ...owner },
    action,
    status: 'queued',
    attempts: 0,
    mayHaveLanded: false,
    createdAt: now,
    updatedAt: now,
  };
}

/** Whether the runner may try this entry now (gates on connection and identity come on top). */
export function isDue(entry: OutboxEntry, now: number): boolean {
  switch (entry.status) {
    case 'queued':
      return true;
    case 'waiting':
      return entry.notBefore === undefined || entry.notBefore <= now;
    case 'sending':
      // A pane that closed mid-send leaves its claim behind; once the lease is over the entry is free again.
      return entry.leaseUntil === undefined || entry.leaseUntil <= now;
    default:
      return false;
  }
}

/** Takes the entry for one attempt; null when it is not due (another pane has it, or it is done). */
export function claim(entry: OutboxEntry, now: number): OutboxEntry | null {
  if (!isDue(entry, now)) return null;
  const next: OutboxEntry = {
    ...entry,
    status: 'sending',
    attempts: entry.attempts + 1,
    // An abandoned claim means an attempt may have reached Salesforce before its pane went away.
    mayHaveLanded: entry.mayHaveLanded || entry.status === 'sending',
    leaseUntil: now + SEND_LEASE_MS,
    updatedAt: now,
  };
  delete next.notBefore;
  return next;
}

/**
 * How often a pane renews the claim of an attempt still running. A file upload can outlast one lease on a slow link;
 * renewed at a third of it, a claim survives a missed renewal (a background tab's timers may run once a minute).
 */
export const LEASE_RENEWAL_MS = SEND_LEASE_MS / 3;

/**
 * The claim of the attempt numbered `attempt`, extended; null once the entry has moved on (done, failed, held) or
 * another pane has claimed it since (its attempt has another number), so a late renewal never extends someone else's.
 */
export function renewLease(entry: OutboxEntry, attempt: number, now: number): OutboxEntry | null {
  if (entry.status !== 'sending' || entry.attempts !== attempt) return null;
  return { ...entry, leaseUntil: now + SEND_LEASE_MS, updatedAt: now };
}

export function succeed(entry: OutboxEntry, result: OutboxResult, now: number): OutboxEntry {
  const next: OutboxEntry = { ...entry, status: 'done', result, updatedAt: now };
  delete next.waitingFor;
  delete next.failure;
  delete next.notBefore;
  delete next.leaseUntil;
  return next;
}

/** Kinds after which a request that was sent may nevertheless have been carried out by Salesforce. */
const MAY_HAVE_LANDED: ReadonlySet<string> = new Set(['timeout', 'transient', 'unknown', 'offline']);

const BACKOFF_REASONS: ReadonlySet<OutboxWaitReason> = new Set(['rate_limited', 'transient', 'timeout', 'unknown']);

/** Where an attempt's failure leaves the entry. */
export function fail(entry: OutboxEntry, failure: ClassifiedFailure, now: number, backoff: Backoff = defaultBackoff): OutboxEntry {
  const base: OutboxEntry = {
    ...entry,
    failure,
    mayHaveLanded: entry.mayHaveLanded || MAY_HAVE_LANDED.has(failure.kind),
    updatedAt: now,
  };
  delete base.leaseUntil;
  delete base.notBefore;
  delete base.waitingFor;

  const waitFor = waitReasonOf(failure, entry.attempts);
  if (waitFor === undefined) return { ...base, status: 'failed' };
  const next: OutboxEntry = { ...base, status: 'waiting', waitingFor: waitFor };
  if (BACKOFF_REASONS.has(waitFor)) next.notBefore = now + backoff(Math.max(1, entry.attempts), waitFor);
  return next;
}

function waitReasonOf(failure: ClassifiedFailure, attempts: number): OutboxWaitReason | undefined {
  switch (failure.kind) {
    case 'bad_oauth_token':
    case 'session_expired':
    case 'offline':
    case 'rate_limited':
    case 'transient':
    case 'timeout':
      return failure.kind;
    case 'reauth_required':
    case 'admin_action_required':
      // A sign-in problem during a write, or one only an admin can fix (inactive user, IP restriction, API disabled):
      // the work is not wrong, so it waits; once the seller signs in again (after the admin acted), it runs.
      return 'session_expired';
    case 'unknown':
      return attempts < MAX_UNKNOWN_ATTEMPTS ? 'unknown' : undefined;
    default:
      // validation, permission_denied, not_found: sending again changes nothing.
      return undefined;
  }
}

/** Held back before any attempt (offline, connection lost, another user signed in). Unchanged entries stay equal. */
export function hold(entry: OutboxEntry, reason: OutboxWaitReason, now: number): OutboxEntry {
  if (entry.status === 'waiting' && entry.waitingFor === reason && entry.notBefore === undefined) return entry;
  const next: OutboxEntry = { ...entry, status: 'waiting', waitingFor: reason, updatedAt: now };
  delete next.notBefore;
  delete next.leaseUntil;
  return next;
}

/** The seller asks to send again now (optionally edited): due at once, the landing flag kept. */
export function requeue(entry: OutboxEntry, now: number, edited?: OutboxAction): OutboxEntry {
  const next: OutboxEntry = { ...entry, status: 'queued', updatedAt: now };
  if (edited && edited.type === entry.action.type) next.action = edited;
  delete next.waitingFor;
  delete next.notBefore;
  delete next.failure;
  delete next.leaseUntil;
  return next;
}
