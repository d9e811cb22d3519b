/**
 * The Dialog API, both sides. Pane side (Office.context.ui.displayDialogAsync): the HOST opens the dialog window (a
 * top-level, first-party window) and relays its messages to the pane, as in Outlook on the web; the pane only asks.
 * The seller's click in the pane activates the host page too (user activation reaches ancestor frames), so the
 * host's window.open is judged by the pop-up blocker as a click's. Dialog side (messageParent and
 * DialogParentMessageReceived): everything goes through the host, which checks targetOrigin against the pane's origin.
 */
import type { DialogOpenAnswer, DialogRequest, HostError } from '../host-protocol';
import { EventType, failedResult, later, splitOptionsAndCallback, succeededResult, type AsyncCallback, type AsyncOptions } from './async-result';
import { showDialogPrompt } from './dialog-prompt';
import type { HostLink } from './host-link';

/** What a dialog's handlers receive: a message from the dialog, or an event (error code: 12002, 12003, 12006…). */
export interface DialogEventArgs {
  type?: string;
  message?: string;
  origin?: string;
  error?: number;
}

type DialogHandler = (args: DialogEventArgs) => void;

export interface Dialog {
  addEventHandler(eventType: string, handler: DialogHandler): void;
  close(): void;
  messageChild(message: unknown, options?: { targetOrigin?: string }): void;
  sendMessage(): void;
}

export interface DialogOptions extends AsyncOptions {
  width?: number;
  height?: number;
  promptBeforeOpen?: boolean;
}

export type DisplayDialogAsync = (startAddress: string, a?: DialogOptions | AsyncCallback<Dialog>, b?: AsyncCallback<Dialog>) => void;

interface DialogRecord {
  id: string | null;
  handlers: Record<string, DialogHandler>;
  closedByAddIn: boolean;
}

/** The pane's displayDialogAsync; `addInName` is read when the prompt shows (the host's state may come later). */
export function paneDialogApi(host: HostLink, addInName: () => string | undefined): DisplayDialogAsync {
  let openRecord: DialogRecord | null = null;
  const byId = new Map<string, DialogRecord>();

  const emit = (record: DialogRecord, type: string, payload: DialogEventArgs) => {
    const handler = record.handlers[type];
    if (typeof handler === 'function') handler({ ...payload, type });
  };
  const forget = (record: DialogRecord) => {
    if (openRecord === record) openRecord = null;
    if (record.id !== null) byId.delete(record.id);
  };
  const makeDialog = (record: DialogRecord): Dialog => ({
    addEventHandler(eventType, handler) {
      record.handlers[eventType] = handler;
    },
    close() {
      record.closedByAddIn = true;
      forget(record);
      host.toHost('closeDialog', { id: record.id ?? '' });
    },
    messageChild(message, messageOptions) {
      host.toHost('messageChild', { id: record.id ?? '', message: String(message), targetOrigin: messageOptions?.targetOrigin || location.origin });
    },
    sendMessage() {},
  });

  host.onHost('dialogMessage', (data) => {
    const record = byId.get(data.id);
    if (record) emit(record, EventType.DialogMessageReceived, { message: String(data.message), origin: data.origin });
  });
  host.onHost('dialogEvent', (data) => {
    const record = byId.get(data.id);
    if (!record) return;
    if (data.error === 12006) forget(record);
    emit(record, EventType.DialogEventReceived, { error: data.error });
  });

  return (startAddress, a, b) => {
    const args = splitOptionsAndCallback<Dialog, DialogOptions>(a, b);
    const options = args.options;
    const fail = (code: number, name: string, message: string) => {
      host.recordActivity(`displayDialogAsync failed: ${code}`);
      later(() => args.callback(failedResult(code, name, message, options.asyncContext)));
    };
    let url: URL;
    try {
      url = new URL(startAddress, location.href);
    } catch {
      return fail(12002, 'Internal Error', 'The URL passed to displayDialogAsync is not valid.');
    }
    if (url.protocol !== 'https:') return fail(12005, 'Internal Error', 'The URL passed to displayDialogAsync uses the HTTP protocol. HTTPS is required.');
    if (url.origin !== location.origin) {
      return fail(12004, 'Internal Error', 'The domain of the URL is not included in the AppDomains element in the manifest, and is not subdomain of source location.');
    }
    if (openRecord) return fail(12007, 'Internal Error', 'A dialog box is already opened from this host window.');
    const record: DialogRecord = { id: null, handlers: {}, closedByAddIn: false };
    openRecord = record;
    const request: DialogRequest = { url: url.href, width: options.width, height: options.height, promptBeforeOpen: options.promptBeforeOpen !== false };
    const failFromHost = (error: HostError) => {
      if (openRecord === record) openRecord = null;
      fail(error.code, 'Internal Error', error.message);
    };
    const opened = (answer: DialogOpenAnswer) => {
      if ('error' in answer) return failFromHost(answer.error);
      if (!('dialogId' in answer)) return failFromHost({ code: 12002, message: 'The host did not open the dialog.' });
      record.id = answer.dialogId;
      byId.set(record.id, record);
      // Outlook shows its own error page when the start page is missing and raises 12002 to the add-in.
      fetch(url.href, { method: 'GET', credentials: 'same-origin', cache: 'no-store' })
        .then((response) => {
          if (response.status === 404 && openRecord === record) emit(record, EventType.DialogEventReceived, { error: 12002 });
        })
        .catch(() => {});
      later(() => args.callback(succeededResult(makeDialog(record), options.asyncContext)));
    };
    void host.askHost('displayDialog', request).then((answer) => {
      if (!('prompt' in answer)) return opened(answer);
      showDialogPrompt(addInName(), (allowed) => {
        if (!allowed) return failFromHost({ code: 12009, message: 'The user chose to ignore the dialog box.' });
        request.allowed = true;
        void host.askHost('displayDialog', request).then(opened);
      });
    });
  };
}

export interface DialogSideUi {
  messageParent(message: unknown, options?: { targetOrigin?: string }): void;
  addHandlerAsync(eventType: string, handler: DialogHandler, a?: AsyncOptions | AsyncCallback<void>, b?: AsyncCallback<void>): void;
}

/** Office.context.ui in a dialog window. */
export function dialogSideUi(host: HostLink): DialogSideUi {
  return {
    messageParent(message, messageOptions) {
      // Outlook delivers only to a parent whose origin matches targetOrigin (default: the dialog's own origin); the
      // host checks it against the pane's origin and drops a mismatch silently, as Outlook does.
      host.toHost('messageParent', { message: String(message), targetOrigin: messageOptions?.targetOrigin || location.origin });
    },
    addHandlerAsync(eventType, handler, a, b) {
      const args = splitOptionsAndCallback<void>(a, b);
      if (eventType === EventType.DialogParentMessageReceived) {
        host.onHost('messageChild', (data) => handler({ type: eventType, message: data.message, origin: data.origin }));
      }
      later(() => args.callback(succeededResult(undefined, args.options.asyncContext)));
    },
  };
}
