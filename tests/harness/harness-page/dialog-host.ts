/**
 * Dialogs, host side: the host opens the dialog window for the pane (displayDialogAsync) and relays its messages,
 * as Outlook on the web does; one dialog at a time.
 */
import type { DialogBehavior, HarnessBoot } from '../harness-api';
import { DIALOG_NAME_PREFIX, MESSAGE_TAG, type DialogOpenAnswer, type DialogRequest, type ToHostEnvelope } from '../host-protocol';
import { log } from './activity-log';
import { element } from './dom';
import type { PaneFrame, PaneFrames } from './pane-frames';

/** How often the host looks whether the seller closed the dialog window. */
const CLOSED_POLL_MS = 200;

interface OpenDialog {
  id: string;
  win: Window;
  pane: PaneFrame;
  closedByAddIn: boolean;
  watch?: ReturnType<typeof setInterval>;
  /** The error Outlook already raised for this dialog (12003, 12002): nothing more reaches the pane. */
  raised?: number;
}

export interface DialogHost {
  open(pane: PaneFrame, request: DialogRequest): DialogOpenAnswer;
  /** The add-in closed the dialog (Dialog.close). */
  closeByAddIn(id: string): void;
  /** The pane's messageChild, relayed to the dialog. */
  messageChild(id: string, message: string, targetOrigin: string): void;
  /** Whoever sees the dialog's navigations reports them (tests/e2e/support/stack.ts): raises 12003 / 12002. */
  navigated(url: string, outcome: 'loaded' | 'failed'): boolean;
  /** A message from the dialog window; false if it is not the open dialog's. */
  onMessage(event: MessageEvent<unknown>, data: ToHostEnvelope): boolean;
  isOpen(): boolean;
}

export function createDialogHost(boot: HarnessBoot, frames: PaneFrames, behavior: () => DialogBehavior): DialogHost {
  let dialog: OpenDialog | null = null;
  const state = element('dialog-state');
  const error = (code: number, message: string): DialogOpenAnswer => ({ error: { code, message } });
  const finish = (record: OpenDialog) => {
    clearInterval(record.watch);
    if (dialog === record) {
      dialog = null;
      state.textContent = '';
    }
  };
  const reply = (event: MessageEvent<unknown>, requestId: string, value: unknown) => {
    (event.source as Window).postMessage({ requestId, value, [MESSAGE_TAG]: 'answer' }, event.origin);
  };

  return {
    isOpen: () => !!dialog,
    open(pane, request) {
      if (dialog) return error(12007, 'A dialog box is already opened from this host window.');
      const chosen = behavior();
      if (chosen === 'ignore-prompt') return error(12009, 'The user chose to ignore the dialog box.');
      // DialogOptions.promptBeforeOpen (default true) lets the add-in opt out of the prompt and handle pop-ups itself.
      if (chosen === 'prompt' && request.promptBeforeOpen && !request.allowed) {
        log('dialog prompt shown in the pane (Allow / Ignore)');
        return { prompt: true };
      }
      const percent = (value: unknown, fallback: number, total: number) => {
        let p = Number(value);
        if (!(p > 0 && p <= 100)) p = fallback;
        return Math.round((p / 100) * total);
      };
      const width = percent(request.width, 80, screen.availWidth || 1280);
      const height = percent(request.height, 80, screen.availHeight || 800);
      const id = String(Date.now()) + Math.random().toString(16).slice(2);
      // Opened now, inside the activation the seller's click in the pane gave this page too: the browser's pop-up
      // blocker judges it as Outlook's own window.open.
      const win = chosen === 'block-popups' ? null : window.open(request.url, DIALOG_NAME_PREFIX + frames.marker({ id }), `popup,width=${width},height=${height}`);
      if (!win) return error(12011, 'The dialog box was blocked by the browser pop-up blocker.');
      const record: OpenDialog = { id, win, pane, closedByAddIn: false };
      dialog = record;
      state.textContent = 'dialog open';
      record.watch = setInterval(() => {
        if (!win.closed) return;
        finish(record);
        if (!record.closedByAddIn) {
          log('dialog closed by the user (12006)');
          frames.post(record.pane, 'dialogEvent', { id: record.id, error: 12006 });
        }
      }, CLOSED_POLL_MS);
      log(`dialog opened: ${new URL(request.url).pathname}`);
      return { dialogId: id };
    },
    closeByAddIn(id) {
      const record = dialog;
      if (!record || record.id !== id) return;
      record.closedByAddIn = true;
      finish(record);
      try {
        record.win.close();
      } catch {
        // Already gone.
      }
      log('dialog closed by the add-in');
    },
    messageChild(id, message, targetOrigin) {
      if (!dialog || dialog.id !== id) return;
      dialog.win.postMessage({ message, origin: boot.addinOrigin, [MESSAGE_TAG]: 'messageChild' }, targetOrigin);
    },
    // Outlook raises 12003 when the dialog is directed to an HTTP page and 12002 when a page it is directed to cannot
    // be found or loaded. A page cannot see another site's navigations in a window it opened, so whoever can (the
    // browser tests, through the browser's own events) reports them here.
    navigated(url, outcome) {
      const record = dialog;
      if (!record) return false;
      const code = /^http:/i.test(String(url)) ? 12003 : outcome === 'failed' ? 12002 : 0;
      if (!code) return false;
      if (record.raised) return true;
      record.raised = code;
      log(`dialog directed to ${code === 12003 ? 'an HTTP page' : 'a page that cannot load'} (${code})`);
      frames.post(record.pane, 'dialogEvent', { id: record.id, error: code });
      return true;
    },
    onMessage(event, data) {
      const record = dialog && dialog.win === event.source ? dialog : null;
      if (!record) return false;
      switch (data[MESSAGE_TAG]) {
        case 'attach':
          reply(event, data.requestId, { displayLanguage: boot.displayLanguage, partitionKey: null, requirementSets: boot.requirementSets });
          break;
        case 'log':
          log(`dialog: ${String(data.text)}`);
          break;
        case 'messageParent': {
          // Outlook delivers messageParent only to a parent whose origin is targetOrigin; anything else is dropped.
          const target = String(data.targetOrigin);
          if (target !== '*' && target !== boot.addinOrigin) {
            log(`dialog message to ${target} dropped (the pane is ${boot.addinOrigin})`);
            break;
          }
          // After an HTTP or unloadable page, Outlook has already failed the dialog: nothing more reaches the pane.
          if (record.raised) {
            log(`dialog message after error ${record.raised} dropped`);
            break;
          }
          log(`dialog message from ${event.origin}`);
          frames.post(record.pane, 'dialogMessage', { id: record.id, message: String(data.message), origin: event.origin });
          break;
        }
        default:
          break;
      }
      return true;
    },
  };
}
