/**
 * Office.context.mailbox.item for the email the host has on show: a read item's plain properties, or a draft's
 * fields with getAsync / setAsync that read and edit the pane's copy of the draft (the host updates that copy before
 * it fires RecipientsChanged).
 */
import type { SampleAddress, SampleEmail } from '../sample-emails';
import type { DraftField, RecipientField } from '../host-protocol';
import { CoercionType, EventType, failedResult, ItemType, later, RecipientType, splitOptionsAndCallback, succeededResult, type AsyncCallback, type AsyncOptions } from './async-result';
import { addHandler, removeHandlers, type Handler, type HandlerTable } from './handler-table';
import { getAttachmentContentAsync, getAttachmentsAsync, readModeAttachments, type AttachmentDetailsStandIn } from './attachments';
import { appointmentCompose, appointmentRead } from './appointment-item';

export interface EmailAddressDetails {
  displayName: string;
  emailAddress: string;
  recipientType: string;
}

export interface RecipientsChangedArgs {
  type: typeof EventType.RecipientsChanged;
  changedRecipientFields: { to: boolean; cc: boolean; bcc: boolean };
}

type OptionsOrCallback<T, O extends AsyncOptions = AsyncOptions> = O | AsyncCallback<T> | undefined;
type GetAsync<T> = (a?: OptionsOrCallback<T>, b?: AsyncCallback<T>) => void;
type SetAsync<V> = (value: V, a?: OptionsOrCallback<void>, b?: AsyncCallback<void>) => void;
type BodyGetAsync = (coercionType: string, a?: OptionsOrCallback<string>, b?: AsyncCallback<string>) => void;

interface ItemEvents {
  addHandlerAsync(eventType: string, handler: Handler<RecipientsChangedArgs>, a?: OptionsOrCallback<void>, b?: AsyncCallback<void>): void;
  removeHandlerAsync(eventType: string, a?: OptionsOrCallback<void, AsyncOptions & { handler?: Handler<RecipientsChangedArgs> }>, b?: AsyncCallback<void>): void;
}

export interface ReadItem extends ItemEvents {
  itemType: typeof ItemType.Message;
  itemId: string | undefined;
  internetMessageId: string | undefined;
  conversationId: string | undefined;
  dateTimeCreated: Date;
  dateTimeModified: Date;
  subject: string;
  normalizedSubject: string;
  from: EmailAddressDetails | undefined;
  sender: EmailAddressDetails | undefined;
  to: EmailAddressDetails[];
  cc: EmailAddressDetails[];
  body: { getAsync: BodyGetAsync };
  attachments: AttachmentDetailsStandIn[];
  getAttachmentContentAsync: ReturnType<typeof getAttachmentContentAsync>;
  /** Only on an item in a shared folder or shared mailbox (see readItem). */
  getSharedPropertiesAsync?: (a?: OptionsOrCallback<SharedProperties>, b?: AsyncCallback<SharedProperties>) => void;
}

/** Office.SharedProperties (Mailbox 1.8). */
export interface SharedProperties {
  owner: string;
  targetMailbox: string;
  targetRestUrl: string;
  delegatePermissions: number;
}

type RecipientInput = string | { displayName?: string; emailAddress: string };

interface ComposeRecipients {
  getAsync: GetAsync<EmailAddressDetails[]>;
  setAsync: SetAsync<RecipientInput[]>;
}

export interface ComposeItem extends ItemEvents {
  itemType: typeof ItemType.Message;
  subject: { getAsync: GetAsync<string>; setAsync: SetAsync<unknown> };
  from: { getAsync: GetAsync<EmailAddressDetails | undefined> };
  to: ComposeRecipients;
  cc: ComposeRecipients;
  body: { getAsync: BodyGetAsync };
  getAttachmentsAsync: ReturnType<typeof getAttachmentsAsync>;
  getAttachmentContentAsync: ReturnType<typeof getAttachmentContentAsync>;
}

export type MailboxItem = ReadItem | ComposeItem;

/** The item and its own RecipientsChanged handlers (what the host counts and fires). */
export interface BuiltItem {
  item: MailboxItem;
  recipientHandlers: HandlerTable<RecipientsChangedArgs>;
}

function toDetails(address: SampleAddress): EmailAddressDetails {
  return { displayName: address.name || address.address, emailAddress: address.address, recipientType: RecipientType.ExternalUser };
}

function answerLater<T>(callback: AsyncCallback<T>, value: T, options: AsyncOptions): void {
  later(() => callback(succeededResult(value, options.asyncContext)));
}

function bodyGetAsync(email: SampleEmail): BodyGetAsync {
  return (coercionType, a, b) => {
    const args = splitOptionsAndCallback<string>(a, b);
    later(() => {
      let text = email.body || '';
      if (coercionType === CoercionType.Html) {
        text = `<html><body><div>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</div></body></html>`;
      } else if (coercionType !== CoercionType.Text) {
        args.callback(failedResult(1000, 'InvalidCoercion', 'The specified coercion type is not supported.', args.options.asyncContext));
        return;
      }
      args.callback(succeededResult(text, args.options.asyncContext));
    });
  };
}

/** An item takes RecipientsChanged handlers only. */
function itemEvents(handlers: HandlerTable<RecipientsChangedArgs>, appointment = false): ItemEvents {
  return {
    addHandlerAsync(eventType, handler, a, b) {
      const args = splitOptionsAndCallback<void>(a, b);
      // An appointment also takes AppointmentTimeChanged (Mailbox 1.7).
      const supported = eventType === EventType.RecipientsChanged || (appointment && eventType === EventType.AppointmentTimeChanged);
      if (!supported || typeof handler !== 'function') {
        later(() => args.callback(failedResult(9020, 'GenericResponseError', 'The event type is not supported.', args.options.asyncContext)));
        return;
      }
      addHandler(handlers, eventType, handler);
      answerLater(args.callback, undefined, args.options);
    },
    removeHandlerAsync(eventType, a, b) {
      const args = splitOptionsAndCallback<void, AsyncOptions & { handler?: Handler<RecipientsChangedArgs> }>(a, b);
      removeHandlers(handlers, eventType, args.options.handler);
      answerLater(args.callback, undefined, args.options);
    },
  };
}

function composeRecipients(draft: SampleEmail, field: RecipientField, onChange: (field: DraftField) => void): ComposeRecipients {
  return {
    getAsync(a, b) {
      const args = splitOptionsAndCallback<EmailAddressDetails[]>(a, b);
      later(() => args.callback(succeededResult((draft[field] || []).map(toDetails), args.options.asyncContext)));
    },
    setAsync(recipients, a, b) {
      const args = splitOptionsAndCallback<void>(a, b);
      draft[field] = (recipients || []).map((r) => (typeof r === 'string' ? { name: r, address: r } : { name: r.displayName || r.emailAddress, address: r.emailAddress }));
      onChange(field);
      answerLater(args.callback, undefined, args.options);
    },
  };
}

function composeItem(email: SampleEmail, events: ItemEvents, onDraftChange: (field: DraftField) => void): ComposeItem {
  return {
    itemType: ItemType.Message,
    subject: {
      getAsync(a, b) {
        const args = splitOptionsAndCallback<string>(a, b);
        later(() => args.callback(succeededResult(email.subject || '', args.options.asyncContext)));
      },
      setAsync(subject, a, b) {
        const args = splitOptionsAndCallback<void>(a, b);
        email.subject = String(subject);
        onDraftChange('subject');
        answerLater(args.callback, undefined, args.options);
      },
    },
    from: {
      getAsync(a, b) {
        const args = splitOptionsAndCallback<EmailAddressDetails | undefined>(a, b);
        later(() => args.callback(succeededResult(email.from ? toDetails(email.from) : undefined, args.options.asyncContext)));
      },
    },
    to: composeRecipients(email, 'to', onDraftChange),
    cc: composeRecipients(email, 'cc', onDraftChange),
    body: { getAsync: bodyGetAsync(email) },
    getAttachmentsAsync: getAttachmentsAsync(email),
    getAttachmentContentAsync: getAttachmentContentAsync(email),
    ...events,
  };
}

function readItem(email: SampleEmail, events: ItemEvents): ReadItem {
  // Read items always carry a date (tests/harness/sample-emails.ts).
  const date = email.date ?? '';
  return {
    itemType: ItemType.Message,
    itemId: email.itemId,
    internetMessageId: email.internetMessageId,
    conversationId: email.conversationId,
    dateTimeCreated: new Date(date),
    dateTimeModified: new Date(date),
    subject: email.subject,
    normalizedSubject: String(email.subject || '').replace(/^((re|fw|fwd):\s*)+/i, ''),
    from: email.from ? toDetails(email.from) : undefined,
    sender: email.from ? toDetails(email.from) : undefined,
    to: (email.to || []).map(toDetails),
    cc: (email.cc || []).map(toDetails),
    body: { getAsync: bodyGetAsync(email) },
    ...(email.shared ? { getSharedPropertiesAsync: sharedPropertiesGetAsync(email.shared) } : {}),
    attachments: readModeAttachments(email),
    getAttachmentContentAsync: getAttachmentContentAsync(email),
    ...events,
  };
}

/**
 * Outlook offers getSharedPropertiesAsync on items of shared folders and shared mailboxes only (the stricter reading:
 * the method is absent elsewhere, so the add-in must test for it). targetMailbox and targetRestUrl are for REST calls
 * the add-in does not make; they are stand-in values.
 */
function sharedPropertiesGetAsync(shared: NonNullable<SampleEmail['shared']>): NonNullable<ReadItem['getSharedPropertiesAsync']> {
  return (a, b) => {
    const args = splitOptionsAndCallback<SharedProperties>(a, b);
    const value: SharedProperties = { owner: shared.owner, targetMailbox: shared.owner, targetRestUrl: 'https://outlook.office.com/api', delegatePermissions: shared.delegatePermissions };
    answerLater(args.callback, value, args.options);
  };
}

export function buildItem(email: SampleEmail | null | undefined, onDraftChange: (field: DraftField) => void): BuiltItem | null {
  if (!email) return null;
  const recipientHandlers: HandlerTable<RecipientsChangedArgs> = {};
  const events = itemEvents(recipientHandlers, email.meeting !== undefined);
  if (email.meeting) {
    const shared = { body: { getAsync: bodyGetAsync(email) }, ...events };
    const item = email.mode === 'compose' ? appointmentCompose(email, email.meeting, shared) : appointmentRead(email, email.meeting, shared);
    // An appointment is not a MailboxItem message; the pane reads it by its itemType, as office.js callers do.
    return { item: item as unknown as MailboxItem, recipientHandlers };
  }
  return { item: email.mode === 'compose' ? composeItem(email, events, onDraftChange) : readItem(email, events), recipientHandlers };
}
