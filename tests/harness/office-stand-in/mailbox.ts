/**
 * Office.context.mailbox in the task pane, and the events the host fires into it: the seller picks another email
 * (ItemChanged), edits a draft's recipients (RecipientsChanged) or switches theme (OfficeThemeChanged). The pane
 * answers each with whether a handler took it, and reports its handler counts whenever they change.
 */
import type { DraftField, PaneState, UserProfile } from '../host-protocol';
import { clone, EventType, failedResult, later, splitOptionsAndCallback, succeededResult, type AsyncCallback, type AsyncOptions } from './async-result';
import { addHandler, fire, handlerCount, removeHandlers, type Handler, type HandlerTable } from './handler-table';
import type { HostLink } from './host-link';
import { buildItem, type BuiltItem, type MailboxItem } from './mailbox-item';

export interface MailboxEventArgs {
  type: string;
  officeTheme?: PaneState['theme'];
}

export interface Mailbox {
  item: MailboxItem | null;
  userProfile: UserProfile | null;
  diagnostics: { hostName: string; hostVersion: string; OWAView: string };
  addHandlerAsync(eventType: string, handler: Handler<MailboxEventArgs>, a?: AsyncOptions | AsyncCallback<void>, b?: AsyncCallback<void>): void;
  removeHandlerAsync(eventType: string, a?: (AsyncOptions & { handler?: Handler<MailboxEventArgs> }) | AsyncCallback<void>, b?: AsyncCallback<void>): void;
}

export interface PaneMailbox {
  mailbox: Mailbox;
  /** Takes the host's state once it answered 'attach'. */
  attach(state: PaneState): void;
  /** The host's theme, as the pane last heard it. */
  theme(): PaneState['theme'] | undefined;
  reportHandlers(): void;
}

export function paneMailbox(host: HostLink): PaneMailbox {
  // The pane's copy of the host's state, filled by the host's answer to 'attach' before Office.onReady resolves.
  let hostState: PaneState | null = null;
  let built: BuiltItem | null = null;
  const handlers: HandlerTable<MailboxEventArgs> = {};

  const reportHandlers = () =>
    host.toHost('handlers', {
      itemChanged: handlerCount(handlers, EventType.ItemChanged),
      themeChanged: handlerCount(handlers, EventType.OfficeThemeChanged),
      recipientsChanged: built ? handlerCount(built.recipientHandlers, EventType.RecipientsChanged) : 0,
    });
  const onDraftChange = (field: DraftField) => {
    const email = hostState?.email;
    if (email) host.toHost('draftChanged', { field, value: email[field] });
  };
  const showItem = () => {
    built = buildItem(hostState?.email, onDraftChange);
    mailbox.item = built?.item ?? null;
  };

  const mailbox: Mailbox = {
    item: null,
    userProfile: null,
    diagnostics: { hostName: 'OutlookWebApp', hostVersion: '16.0.0.0', OWAView: 'OneColumn' },
    addHandlerAsync(eventType, handler, a, b) {
      const args = splitOptionsAndCallback<void>(a, b);
      if ((eventType !== EventType.ItemChanged && eventType !== EventType.OfficeThemeChanged) || typeof handler !== 'function') {
        later(() => args.callback(failedResult(9020, 'GenericResponseError', 'The event type is not supported.', args.options.asyncContext)));
        return;
      }
      addHandler(handlers, eventType, handler);
      reportHandlers();
      later(() => args.callback(succeededResult(undefined, args.options.asyncContext)));
    },
    removeHandlerAsync(eventType, a, b) {
      const args = splitOptionsAndCallback<void, AsyncOptions & { handler?: Handler<MailboxEventArgs> }>(a, b);
      removeHandlers(handlers, eventType, args.options.handler);
      reportHandlers();
      later(() => args.callback(succeededResult(undefined, args.options.asyncContext)));
    },
  };

  host.onHost('itemChanged', (data) => {
    if (hostState) hostState.email = data.email;
    showItem();
    const delivered = fire(handlers, EventType.ItemChanged, { type: EventType.ItemChanged });
    reportHandlers();
    host.toHost('delivered', { seq: data.seq, delivered });
  });
  host.onHost('recipientsChanged', (data) => {
    let delivered = false;
    const email = hostState?.email;
    if (built && email) {
      for (const field of data.fields) email[field] = data.email[field];
      delivered = fire(built.recipientHandlers, EventType.RecipientsChanged, {
        type: EventType.RecipientsChanged,
        changedRecipientFields: { to: data.fields.includes('to'), cc: data.fields.includes('cc'), bcc: false },
      });
    }
    host.toHost('delivered', { seq: data.seq, delivered });
  });
  host.onHost('appointmentTimeChanged', (data) => {
    let delivered = false;
    const email = hostState?.email;
    if (built && email?.meeting && data.email.meeting) {
      // In place: the organizer form's getters read this copy.
      email.subject = data.email.subject;
      Object.assign(email.meeting, data.email.meeting);
      delivered = fire(built.recipientHandlers as HandlerTable<unknown>, EventType.AppointmentTimeChanged, {
        type: EventType.AppointmentTimeChanged,
        start: data.email.meeting.start,
        end: data.email.meeting.end,
      });
    }
    host.toHost('delivered', { seq: data.seq, delivered });
  });
  host.onHost('themeChanged', (data) => {
    if (hostState) hostState.theme = data.theme;
    const delivered = fire(handlers, EventType.OfficeThemeChanged, { type: EventType.OfficeThemeChanged, officeTheme: clone(data.theme) });
    host.toHost('delivered', { seq: data.seq, delivered });
  });

  return {
    mailbox,
    attach(state) {
      hostState = state;
      mailbox.userProfile = clone(state.userProfile);
      showItem();
    },
    theme: () => hostState?.theme,
    reportHandlers,
  };
}
