/**
 * The Office host as the rest of the app sees it. Only `src/host/` implements it with `Office.*`; tests and the
 * harness drive the real implementation through a stand-in office.js, never a fake of this interface in e2e.
 */
import type { AttachmentContentResult, EmailAttachment } from './read-attachments';

export type { AttachmentContentResult, EmailAttachment } from './read-attachments';

export interface EmailAddress {
  name: string;
  address: string;
}

export interface EmailContext {
  mode: 'read' | 'compose';
  /** Exchange item id (read mode), for keys only. */
  itemId?: string;
  /** RFC 5322 Message-ID; the dedupe key when saving to Salesforce. Absent for an unsent draft. */
  internetMessageId?: string;
  subject: string;
  from?: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  /** Plain-text start of the body, at most ~2,000 characters. */
  bodyExcerpt: string;
  /** ISO 8601 date the item was created/sent. */
  date?: string;
  /** Read mode: the whole body as HTML and as text (each at most BODY_LIMIT characters), for an EmailMessage. */
  htmlBody?: string;
  textBody?: string;
  /** Read mode, Mailbox 1.8: the item is in a shared mailbox or a folder shared by a delegate; `owner` its address. */
  shared?: { owner: string };
  /** The signed-in Outlook user's own address (mailbox.userProfile), to tell received email from sent. */
  mailboxUser?: string;
}

/**
 * An Outlook appointment or meeting as the pane sees it (src/host/read-meeting-context.ts). Read mode is the attendee
 * surface (AppointmentAttendee), compose mode the organizer's (AppointmentOrganizer).
 */
export interface MeetingContext {
  mode: 'read' | 'compose';
  /** Organizer when the signed-in mailbox organizes it (always in compose mode), else attendee. */
  role: 'organizer' | 'attendee';
  /**
   * The dedupe key of the occurrence in view: a hash of the mailbox address and the item's REST-form id (see
   * meeting-key.ts for why). Absent in compose mode until Outlook has saved the item (no id yet).
   */
  meetingKey?: string;
  /** Set for an occurrence or exception of a recurring series (the series master's id). */
  seriesId?: string;
  subject: string;
  /** ISO 8601, UTC. */
  start: string;
  end: string;
  isAllDay: boolean;
  location: string;
  organizer?: EmailAddress;
  requiredAttendees: EmailAddress[];
  optionalAttendees: EmailAddress[];
  /** Plain-text start of the body, at most ~2,000 characters. */
  bodyExcerpt: string;
}

export type DialogOutcome =
  | { kind: 'message'; message: string; origin: string }
  /** 12006: the seller closed the dialog. A cancel, not an error. */
  | { kind: 'closed' }
  /** Any other Office dialog error code: 12002, 12003, 12004, 12005, 12007, 12009, 12011. */
  | { kind: 'error'; code: number; message: string };

export interface OfficeTheme {
  /** Office's own body background, used to pick light/dark/high-contrast Fluent themes. */
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
  isHighContrast?: boolean;
}

export interface OfficeHost {
  /** null: no item selected (a pinned pane between items). */
  getEmailContext(): Promise<EmailContext | null>;
  /** The selected item when it is an appointment or meeting (organizer or attendee); null for a message or no item. */
  getMeetingContext?(): Promise<MeetingContext | null>;
  /** Pinned pane: the selected item changed (or was deselected). Returns an unsubscribe. */
  onItemChanged(listener: () => void): () => void;
  /** The organizer's form: the meeting's start or end changed (AppointmentTimeChanged, Mailbox 1.7). Returns an unsubscribe. */
  onMeetingTimeChanged?(listener: () => void): () => void;
  /** Compose mode: the recipients changed as the seller types. Returns an unsubscribe. */
  onRecipientsChanged(listener: () => void): () => void;
  /**
   * Opens an Office dialog at `url` (must be on the add-in's origin) and settles with its FIRST message, its
   * closing by the seller, or its error. Never stays pending. Must be called from a click.
   */
  openDialog(url: string, size?: { widthPercent: number; heightPercent: number }): Promise<DialogOutcome>;
  /** Office.context.partitionKey where defined (Outlook on the web partitions storage). */
  partitionKey: string | undefined;
  theme(): OfficeTheme;
  onThemeChanged(listener: () => void): () => void;
  /** e.g. "en-US", from Office.context.displayLanguage. */
  displayLanguage: string;
  /**
   * `Office.context.requirements.isSetSupported(name, version)`: whether the host supports a requirement set (e.g.
   * NestedAppAuth 1.1). False where the host cannot say (older hosts without `requirements`, or a throwing call).
   */
  isSetSupported(name: string, version: string): boolean;
  /**
   * The attachments of the item on show (read: `item.attachments`; compose: `getAttachmentsAsync`), none when the
   * host cannot say. Optional: hosts and fakes without it offer no attachments.
   */
  listAttachments?(): Promise<EmailAttachment[]>;
  /** One attachment's bytes as base64 (`getAttachmentContentAsync`); never pending, never throws. */
  getAttachmentContent?(id: string): Promise<AttachmentContentResult>;
}
