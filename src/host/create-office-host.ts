import { openDialog, type DialogSize } from './open-dialog';
import type { OfficeHost } from './office-host';
import { toOfficeTheme } from './office-theme';
import { readEmailContext } from './read-email-context';
import { readAttachmentContent, readAttachmentList } from './read-attachments';
import { readMeetingContext } from './read-meeting-context';
import { createEmitter } from '../shared/event-emitter';
import { createLogger } from '../shared/logger';

const log = createLogger('host.office');

type Listener = () => void;

/** An emitter with hooks for the first listener in and the last one out: Office's handlers are attached only while heard. */
function listenerSet() {
  // One listener's bug must not stop the others hearing about the new item; the scoped log reports it, scrubbed.
  const emitter = createEmitter({ onListenerError: (error) => log.error('an Outlook event listener threw', error) });
  return {
    add(listener: Listener, onFirst?: () => void, onLast?: () => void): () => void {
      const unsubscribe = emitter.subscribe(listener);
      if (emitter.listenerCount === 1) onFirst?.();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        if (emitter.listenerCount === 0) onLast?.();
      };
    },
    emit: () => emitter.emit(),
    get size() {
      return emitter.listenerCount;
    },
  };
}

function currentOrigin(): string[] {
  const origin = (globalThis as { location?: Location }).location?.origin;
  return origin && origin !== 'null' ? [origin] : [];
}

/**
 * The OfficeHost over the real Office.js API. `office` is a seam: production passes the global `Office`, unit tests
 * pass a minimal object of the same shape.
 */
export function createOfficeHost(office: typeof Office = (globalThis as unknown as { Office: typeof Office }).Office): OfficeHost {
  const context = office.context;
  const mailbox = context.mailbox;
  const EventType = office.EventType;

  const itemListeners = listenerSet();
  const recipientListeners = listenerSet();
  const themeListeners = listenerSet();
  const timeListeners = listenerSet();
  const emitTimeChanged = () => timeListeners.emit();
  // Only an appointment takes it, and only where office.js knows the event (Mailbox 1.7).
  const attachTimeHandler = () => {
    const item = mailbox.item as (Office.AppointmentCompose & { itemType?: unknown }) | null | undefined;
    const type = (EventType as { AppointmentTimeChanged?: Office.EventType }).AppointmentTimeChanged;
    if (!item || !type || item.itemType !== 'appointment' || typeof item.addHandlerAsync !== 'function') return;
    try {
      item.addHandlerAsync(type, emitTimeChanged);
    } catch (error) {
      log.debug('AppointmentTimeChanged handler not added', error);
    }
  };
  let themeFromEvent: Office.OfficeTheme | undefined;
  let mailboxItemHandlerAdded = false;
  let themeHandlerAdded = false;

  const emitRecipientsChanged = () => recipientListeners.emit();

  // Handlers on an item die with the item: after ItemChanged the new item needs its own RecipientsChanged handler.
  const attachRecipientsHandler = () => {
    const item = mailbox.item as Office.MessageCompose | null | undefined;
    if (!item || typeof item.addHandlerAsync !== 'function') return;
    try {
      item.addHandlerAsync(EventType.RecipientsChanged, emitRecipientsChanged);
    } catch (error) {
      // Read-mode items and older hosts cannot report recipient changes; the pane then reads them on demand.
      log.debug('RecipientsChanged handler not added', error);
    }
  };
  const detachRecipientsHandler = () => {
    const item = mailbox.item as Office.MessageCompose | null | undefined;
    if (!item || typeof item.removeHandlerAsync !== 'function') return;
    try {
      item.removeHandlerAsync(EventType.RecipientsChanged);
    } catch (error) {
      // Nothing registered.
      log.debug('RecipientsChanged handler not removed', error);
    }
  };

  const onMailboxItemChanged = () => {
    if (recipientListeners.size > 0) attachRecipientsHandler();
    if (timeListeners.size > 0) attachTimeHandler();
    itemListeners.emit();
  };
  // One mailbox handler serves both event kinds, so it stays while either has listeners.
  const ensureMailboxItemHandler = () => {
    if (mailboxItemHandlerAdded) return;
    mailboxItemHandlerAdded = true;
    try {
      mailbox.addHandlerAsync(EventType.ItemChanged, onMailboxItemChanged);
    } catch (error) {
      // Hosts without pinning (Mailbox < 1.5) reload the pane per item instead.
      log.debug('ItemChanged handler not added', error);
    }
  };

  return {
    getEmailContext: async () => {
      const context = await readEmailContext(mailbox.item, office.CoercionType.Text, { htmlCoercion: office.CoercionType.Html });
      const user = mailbox.userProfile?.emailAddress;
      if (context && typeof user === 'string' && user) context.mailboxUser = user;
      return context;
    },

    listAttachments: () => readAttachmentList(mailbox.item),

    getAttachmentContent: (id: string) => readAttachmentContent(mailbox.item, id),

    getMeetingContext: () => readMeetingContext(mailbox.item, office.CoercionType.Text, { mailboxAddress: mailbox.userProfile?.emailAddress ?? '' }),

    onItemChanged: (listener) => itemListeners.add(listener, ensureMailboxItemHandler),

    onMeetingTimeChanged: (listener) =>
      timeListeners.add(listener, () => {
        ensureMailboxItemHandler();
        attachTimeHandler();
      }),

    onRecipientsChanged: (listener) =>
      recipientListeners.add(
        listener,
        () => {
          ensureMailboxItemHandler();
          attachRecipientsHandler();
        },
        detachRecipientsHandler,
      ),

    openDialog: (url: string, size?: DialogSize) => {
      const absolute = new URL(url, (globalThis as { location?: Location }).location?.href).toString();
      return openDialog({ ui: context.ui, eventType: EventType, trustedOrigins: currentOrigin() }, absolute, size);
    },

    partitionKey: context.partitionKey || undefined,

    theme: () => toOfficeTheme(themeFromEvent ?? context.officeTheme),

    onThemeChanged: (listener) =>
      themeListeners.add(listener, () => {
        if (themeHandlerAdded) return;
        themeHandlerAdded = true;
        try {
          mailbox.addHandlerAsync(EventType.OfficeThemeChanged, (args: Office.OfficeThemeChangedEventArgs) => {
            themeFromEvent = args?.officeTheme ?? themeFromEvent;
            themeListeners.emit();
          });
        } catch (error) {
          // Before Mailbox 1.14 there is no theme event; the theme read at start-up stays.
          log.debug('OfficeThemeChanged handler not added', error);
        }
      }),

    isSetSupported: (name, version) => {
      try {
        // Older hosts have no `requirements`; an unknown answer counts as unsupported, never as a crash.
        return context.requirements?.isSetSupported(name, version) === true;
      } catch (error) {
        log.debug(`isSetSupported(${name}, ${version}) threw; taken as unsupported`, error);
        return false;
      }
    },

    displayLanguage: context.displayLanguage || (globalThis as { navigator?: Navigator }).navigator?.language || 'en-US',
  };
}
