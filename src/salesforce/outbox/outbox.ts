/**
 * The outbox: every Salesforce write a seller starts (save an email, create a contact, log a follow-up) is kept here,
 * in IndexedDB, with the identity that made it, until Salesforce has it. Contract used by auth (resume / discard on
 * sign-out), the app shell (construction) and the workspace features (enqueue, list, retry).
 *
 * Rules it keeps:
 * - An entry is only ever sent by the owner that made it: same Salesforce org + user (+ Microsoft account and Office
 *   partition when present). The runner processes the entries of the CURRENT owner only (set by `resume`), and checks
 *   `api.identity()` again just before each send.
 * - Never done twice: an attempt that may have reached Salesforce (timeout, transient/unknown after sending) marks the
 *   entry `mayHaveLanded`; the next attempt first queries by the entry's idempotency key and adopts the record found.
 * - Connection lost / offline / rate limited / transient / timeout: the entry waits (`waiting` + reason) and runs by
 *   itself after `resume(owner)` (sign in again), the browser going back online, or a backoff delay.
 * - Validation / permission / not found: the entry is `failed` with the classified failure, to edit and retry, or
 *   discard.
 *
 * The implementation is `createOutbox` in `./create-outbox.ts`.
 */
import type { ClassifiedFailure, FailureKind } from '../failure-kinds';
import type { DuplicateChoice } from './duplicate-choice';
import type { SalesforceIdentity } from '../salesforce-api';

/** Who made an entry. All parts are compared; absent parts must be absent on both sides. */
export interface OutboxOwner {
  orgId: string;
  userId: string;
  /** Microsoft account (home account id) when the seller is signed in with Microsoft too. */
  microsoftAccountId?: string;
  /** Office.context.partitionKey where defined (Outlook on the web). */
  partitionKey?: string;
}

/** Stable string form of an owner: the key entries are stored and filtered by. */
export function outboxOwnerKey(owner: OutboxOwner): string {
  return JSON.stringify([owner.orgId, owner.userId, owner.microsoftAccountId ?? '', owner.partitionKey ?? '']);
}

export function outboxOwnerOf(identity: Pick<SalesforceIdentity, 'orgId' | 'userId'>, extra: { microsoftAccountId?: string; partitionKey?: string } = {}): OutboxOwner {
  const owner: OutboxOwner = { orgId: identity.orgId, userId: identity.userId };
  if (extra.microsoftAccountId) owner.microsoftAccountId = extra.microsoftAccountId;
  if (extra.partitionKey) owner.partitionKey = extra.partitionKey;
  return owner;
}

/** Log an email as a completed Task. The idempotency key is the internet message id (see crm/save-email.ts). */
export interface SaveEmailAction {
  type: 'save_email';
  internetMessageId: string;
  subject: string;
  bodyExcerpt: string;
  /** yyyy-mm-dd */
  activityDate: string;
  /** Contact or lead id. */
  whoId: string;
  /** Account or opportunity id; contacts only (Salesforce refuses WhatId with a lead). */
  whatId?: string;
  /** For the seller's list: who the email is about. */
  label: string;
  /**
   * The email itself, for an org with Enhanced Email (an EmailMessage with its relations; see
   * crm/save-email-message.ts). Absent in entries stored before it: those save a Task, as they always did.
   */
  email?: SaveEmailContent;
}

/** What an EmailMessage is made of, read from Outlook when the seller pressed Save. */
export interface SaveEmailContent {
  from?: { name: string; address: string };
  to: Array<{ name: string; address: string }>;
  cc: Array<{ name: string; address: string }>;
  /** ISO 8601; when the email was sent or received. */
  date?: string;
  htmlBody?: string;
  textBody?: string;
  /** Received (true) or sent by the seller (false). */
  incoming: boolean;
  /** Salesforce people found on the email, each with the place they had on it: one EmailMessageRelation each. */
  people: Array<{ id: string; relationType: EmailRelationType }>;
}

export type EmailRelationType = 'FromAddress' | 'ToAddress' | 'CcAddress';

export interface CreateContactAction extends DuplicateChoice {
  type: 'create_contact';
  /** Client-made key, so a retry after a possible landing finds the first attempt (see crm/create-contact.ts). */
  clientKey: string;
  fields: {
    FirstName?: string;
    LastName: string;
    Email: string;
    Title?: string;
    Phone?: string;
    AccountId?: string;
  };
  label: string;
}

export interface LogFollowUpAction {
  type: 'log_follow_up';
  clientKey: string;
  subject: string;
  /** yyyy-mm-dd */
  activityDate: string;
  whoId: string;
  whatId?: string;
  /** The seller's note, first in the Task's Description. */
  note?: string;
  label: string;
}

/**
 * Save one attachment of an email as a Salesforce File on the email's saved record and the chosen record
 * (crm/save-attachment.ts). The bytes wait here, as a Blob IndexedDB keeps on disk, until Salesforce has them.
 */
export interface SaveAttachmentAction {
  type: 'save_attachment';
  /** The email the file belongs to: its saved record is found (or made) as saving the email does. */
  email: SaveEmailAction;
  fileName: string;
  contentType: string;
  content: Blob;
  /** The record the seller chose (account, opportunity, else the person): linked besides the email record. */
  linkToId?: string;
  label: string;
}

/** The objects the pane creates besides contacts (crm/create-record.ts). */
export type CreatableSObject = 'Lead' | 'Account' | 'Opportunity' | 'Case';

/**
 * Create a lead, account, opportunity or case. A new type beside `create_contact`, so entries stored by earlier
 * builds keep their shape and still run. After a duplicate rule's refusal the seller resolves the entry by retrying it
 * edited: `useExistingId` (the record Salesforce matched: nothing is created) or `allowDuplicates` (Save anyway).
 */
export interface CreateRecordAction extends DuplicateChoice {
  type: 'create_record';
  sobject: CreatableSObject;
  clientKey: string;
  /** Field values as the REST API takes them: text, yyyy-mm-dd dates, numbers for amounts, ids for lookups. */
  fields: Record<string, string | number>;
  label: string;
}

/** A value of an editable field as the card holds it: text, a number (Amount), a yyyy-mm-dd date, or cleared. */
export type EditableValue = string | number | null;

/**
 * Change key fields of a record the card shows (crm/update-record.ts): sent only if the record is as the seller saw
 * it (`baseline.lastModifiedDate`), never overwriting a change made meanwhile.
 */
export interface UpdateRecordAction {
  type: 'update_record';
  clientKey: string;
  sobject: 'Opportunity' | 'Contact' | 'Lead';
  recordId: string;
  /** Only the fields the seller changed, with their new values. */
  fields: Record<string, EditableValue>;
  /** The record as the card showed it when the seller started: its LastModifiedDate and the edited fields' values. */
  baseline: { lastModifiedDate: string; values: Record<string, EditableValue> };
  /** Addresses whose cards show the record: looked up again once it has landed. */
  addresses: string[];
  label: string;
}

export type OutboxAction = SaveEmailAction | CreateContactAction | LogFollowUpAction | CreateRecordAction | UpdateRecordAction | SaveAttachmentAction | SaveMeetingAction;

/**
 * Save an Outlook meeting (the occurrence in view) as an Event; saving the same meeting again updates its Event. The
 * idempotency key is the meeting key (src/host/meeting-key.ts; see crm/save-meeting.ts).
 */
export interface SaveMeetingAction {
  type: 'save_meeting';
  meetingKey: string;
  subject: string;
  /** ISO 8601, UTC. */
  start: string;
  end: string;
  isAllDay?: boolean;
  location: string;
  descriptionExcerpt: string;
  /** Contact and lead ids behind the organizer and attendees; the first is the primary (WhoId). */
  peopleIds: string[];
  /** Account or opportunity the seller picked; dropped beside a lead. */
  whatId?: string;
  /**
   * A record the seller found by search (any object the search returns, the admin's custom ones too): a contact or
   * lead is one of the meeting's people, anything else what the Event is related to, in place of `whatId`. Absent in
   * entries stored before it: those save as they always did.
   */
  linked?: MeetingLinkedRecord;
  label: string;
}

/** A record linked by search, with its object's API name: Salesforce's rules for Event depend on it. */
export interface MeetingLinkedRecord {
  sobject: string;
  id: string;
}

export type OutboxStatus =
  /** Ready to send now. */
  | 'queued'
  /** An attempt is in flight. */
  | 'sending'
  /** Held back until the way is clear (see `waitingFor`). */
  | 'waiting'
  /** Salesforce refused it for good; the seller edits and retries, or discards. */
  | 'failed'
  /** Salesforce has it (`result`). */
  | 'done';

/** Why a `waiting` entry waits. `other_identity`: the signed-in Salesforce user is not the entry's owner. */
export type OutboxWaitReason =
  Extract<FailureKind, 'bad_oauth_token' | 'session_expired' | 'offline' | 'rate_limited' | 'transient' | 'timeout' | 'unknown'> | 'signed_out' | 'other_identity';

export interface OutboxResult {
  /** EmailMessage: an email saved in an org with Enhanced Email; ContentVersion: a file saved with it. */
  sobject: 'Task' | 'Contact' | 'EmailMessage' | CreatableSObject | 'ContentVersion' | 'Event';
  id: string;
  /** True when the record was found by the idempotency check instead of created by this attempt. */
  adopted: boolean;
}

export interface OutboxEntry {
  id: string;
  ownerKey: string;
  owner: OutboxOwner;
  action: OutboxAction;
  status: OutboxStatus;
  attempts: number;
  /** A previous attempt may have reached Salesforce: check by key before creating again. */
  mayHaveLanded: boolean;
  waitingFor?: OutboxWaitReason;
  /** The last classified failure (waiting or failed). */
  failure?: ClassifiedFailure;
  /** Epoch ms before which a waiting entry is not retried (backoff). */
  notBefore?: number;
  result?: OutboxResult;
  /** While `sending`: epoch ms until which this attempt belongs to the pane that claimed it (several panes share one DB). */
  leaseUntil?: number;
  createdAt: number;
  updatedAt: number;
}

export interface Outbox {
  /** Stores the action for `owner` and, if `owner` is the current owner, sends it as soon as the way is clear. */
  enqueue(owner: OutboxOwner, action: OutboxAction): Promise<OutboxEntry>;
  /** The owner's entries, oldest first (done ones included until `clearDone`). */
  list(owner: OutboxOwner): Promise<OutboxEntry[]>;
  /** Called with the owner's entries now and after every change. Returns an unsubscribe. */
  subscribe(owner: OutboxOwner, listener: (entries: OutboxEntry[]) => void): () => void;
  /** Entries not yet done (queued, sending, waiting, failed): what sign-out asks about before discarding. */
  pendingCount(owner: OutboxOwner): Promise<number>;
  /** Removes one entry of the owner (a failed one the seller gives up, or a done one). */
  discard(owner: OutboxOwner, entryId: string): Promise<void>;
  /** Removes all the owner's entries (sign-out with discard). Other owners' entries are untouched. */
  discardAll(owner: OutboxOwner): Promise<void>;
  /** Sends a failed or waiting entry again now, optionally with an edited action of the same type. */
  retry(owner: OutboxOwner, entryId: string, edited?: OutboxAction): Promise<void>;
  /**
   * Makes `owner` the current owner and runs its entries that wait (after sign-in, sign in again, pane start).
   * Entries of any other owner are never sent until that owner is current again.
   */
  resume(owner: OutboxOwner): void;
  /** No current owner (signed out / connection lost): nothing is sent until the next `resume`. */
  pause(): void;
  /** Stops timers and listeners (pane closing, tests). */
  close(): void;
}

/** What `createOutbox` (./create-outbox.ts) needs. Everything with a side effect is passed in. */
export interface CreateOutboxOptions {
  /** The connection wrapper; the runner sends through it and checks `identity()` before each send. */
  api: import('../salesforce-api').SalesforceApi;
  /** Office partition key: the IndexedDB database name is prefixed with it. */
  partitionKey?: string;
  /** Defaults to globalThis.indexedDB; fake-indexeddb in unit tests. */
  indexedDB?: IDBFactory;
  /** The pane's one online state (start-app.ts): only a definite offline holds the entries (`mayBeOnline`). */
  onlineState: import('../../shared/online-state').OnlineState;
  /**
   * The pane's cross-pane channel, the connection's own (start-app.ts): every change is posted as `outbox_changed`,
   * so the other panes reread their lists and the one where the owner is signed in sends. Absent: no other pane hears.
   */
  channel?: import('../connection/cross-pane').CrossPaneChannel;
  /**
   * What each action does in Salesforce (outbox-executors.ts, the default). The runner only schedules, claims and
   * records; a runner over other actions, or a test scripting Salesforce's answers, passes its own.
   */
  execute?: import('./outbox-executors').OutboxExecutor;
  now?: () => number;
  /** Backoff before retrying rate_limited / transient / timeout, by attempt number (1-based). */
  backoffMs?: (attempt: number, kind: OutboxWaitReason) => number;
  /** Timer for backoffs and send leases; returns a cancel. Called at the end of a pass that leaves an entry to wake. */
  schedule?: (run: () => void, ms: number) => () => void;
}
