import { succeeded } from './async-result';
import { DialogErrorCode } from './office-errors';
import type { DialogOutcome } from './office-host';
import { createLogger } from '../shared/logger';

const log = createLogger('host.dialog');

export interface DialogSize {
  widthPercent: number;
  heightPercent: number;
}

export const DEFAULT_DIALOG_SIZE: DialogSize = { widthPercent: 40, heightPercent: 70 };

export interface OpenDialogDeps {
  ui: Pick<Office.UI, 'displayDialogAsync'>;
  eventType: Pick<typeof Office.EventType, 'DialogMessageReceived' | 'DialogEventReceived'>;
  /** Origins whose messages are accepted; the dialog's own page origin in practice. */
  trustedOrigins: readonly string[];
}

type MessageArgs = { message: string; origin: string | undefined };
type EventArgs = { error: number };

/**
 * Opens an Office dialog and settles with its first message, its closing by the seller, or its error. Every path
 * settles exactly once: a pending sign-in promise would freeze the pane's button for good.
 */
export function openDialog(deps: OpenDialogDeps, url: string, size: DialogSize = DEFAULT_DIALOG_SIZE): Promise<DialogOutcome> {
  return new Promise<DialogOutcome>((resolve) => {
    let settled = false;
    let dialog: Office.Dialog | undefined;
    const settle = (outcome: DialogOutcome, close: boolean) => {
      if (settled) return;
      settled = true;
      if (close && dialog) {
        try {
          dialog.close();
        } catch (error) {
          // Already gone; nothing left to close.
          log.debug('dialog.close() threw', error);
        }
      }
      resolve(outcome);
    };

    const onMessage = (args: MessageArgs) => {
      // Without DialogOrigin 1.1 Office leaves origin undefined and only delivers messages from the dialog page's own
      // domain, so undefined is as trusted as the add-in's origin. Anything else (a page the dialog was redirected to)
      // is ignored: it must not be able to hand the pane a sign-in result.
      if (args.origin !== undefined && !deps.trustedOrigins.includes(args.origin)) return;
      settle({ kind: 'message', message: String(args.message), origin: args.origin ?? deps.trustedOrigins[0] ?? '' }, true);
    };
    const onEvent = (args: EventArgs) => {
      if (args.error === DialogErrorCode.ClosedByUser) settle({ kind: 'closed' }, false);
      else settle({ kind: 'error', code: args.error, message: dialogErrorMessage(args.error) }, true);
    };

    try {
      deps.ui.displayDialogAsync(url, { height: size.heightPercent, width: size.widthPercent, displayInIframe: false }, (result: Office.AsyncResult<Office.Dialog>) => {
        if (!succeeded(result)) {
          const code = result.error?.code ?? DialogErrorCode.Unavailable;
          settle({ kind: 'error', code, message: result.error?.message || dialogErrorMessage(code) }, false);
          return;
        }
        dialog = result.value;
        dialog.addEventHandler(deps.eventType.DialogMessageReceived, (args) => {
          if ('message' in args) onMessage(args);
        });
        dialog.addEventHandler(deps.eventType.DialogEventReceived, (args) => {
          if ('error' in args) onEvent(args);
        });
      });
    } catch (error) {
      settle({ kind: 'error', code: DialogErrorCode.Unavailable, message: error instanceof Error ? error.message : String(error) }, false);
    }
  });
}

export function dialogErrorMessage(code: number): string {
  switch (code) {
    case DialogErrorCode.PageNotFound:
      return 'The sign-in page could not be found.';
    case DialogErrorCode.HttpUrl:
    case DialogErrorCode.HttpUrlAtOpen:
      return 'The sign-in page must use HTTPS.';
    case DialogErrorCode.DomainNotTrusted:
      return 'The sign-in page is not on a domain the add-in trusts.';
    case DialogErrorCode.ClosedByUser:
      return 'The sign-in window was closed.';
    case DialogErrorCode.AlreadyOpen:
      return 'A sign-in window is already open.';
    case DialogErrorCode.PromptIgnored:
      return 'The sign-in window was not allowed to open.';
    case DialogErrorCode.PopupBlocked:
      return 'The browser blocked the sign-in window. Allow pop-ups for Outlook and try again.';
    default:
      return `The sign-in window failed (Office error ${code}).`;
  }
}
