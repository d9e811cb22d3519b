import { openDialog, type DialogSize } from './open-dialog';
import type { OfficeHost } from './office-host';
import { toOfficeTheme } from './office-theme';
import { readEmailContext } from './read-email-context';
import { createLogger } from '../shared/logger';

const log = createLogger('host.office');

type Listener = () => void;

function listenerSet() {
  const listeners = new Set<Listener>();
  return {
    add(listener: Listener, onFirst?: () => void, onLast?: () => void): () => void {
      const wrapped: Listener = () => listener();
      listeners.add(wrapped);
      if (listeners.size === 1) onFirst?.();
      return () => {
        if (!listeners.delete(wrapped)) return;
        if (listeners.size === 0) onLast?.();
      };
    },
    emit() {
      for (const listener of [...listeners]) {
        try {
          listener();
        } catch (error) {
          // One listener's bug must not stop the others hearing about the new item. Only the error's name is
          // logged: a message built from a response could carry more than we want in a console.
          console.error('Outlook event listener failed:', error instanceof Error ? error.name : typeof error);
        }
      }
    },
    get size() {
      return listeners.size;
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
    getEmailContext: () => readEmailContext(mailbox.item, office.CoercionType.Text),

    onItemChanged: (listener) => itemListeners.add(listener, ensureMailboxItemHandler),

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
