/**
 * The Office calls of the sign-in dialog's own pages (src/auth/dialog/): wait for office.js to settle the dialog's
 * handshake, and hand the answer to the pane with messageParent. The only two ways the dialog touches `Office`.
 */
import { createLogger } from '../shared/logger';

const log = createLogger('host.dialog-side');

function office(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/**
 * Resolves when office.js is ready, or at once without office.js, or after `maxWaitMs` whatever happens: the first
 * page only forwards to Salesforce and must never hang on Office.
 */
export function whenOfficeSettles(maxWaitMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const found = office();
    if (!found || typeof found.onReady !== 'function') {
      resolve();
      return;
    }
    const timer = setTimeout(resolve, maxWaitMs);
    try {
      void found.onReady(() => {
        clearTimeout(timer);
        resolve();
      });
    } catch (error) {
      log.debug('Office.onReady threw; leaving without waiting', error);
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Resolves with whether this page can talk to its opener (office.js ready, messageParent there); never rejects. */
export function whenDialogReady(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const found = office();
    if (!found || typeof found.onReady !== 'function') {
      resolve(false);
      return;
    }
    try {
      void found.onReady(() => resolve(typeof office()?.context?.ui?.messageParent === 'function'));
    } catch (error) {
      log.debug('Office.onReady threw', error);
      resolve(false);
    }
  });
}

/**
 * Sends `message` to the pane, restricted to `targetOrigin` (DialogOrigin 1.1). Hosts without DialogOrigin 1.1 take
 * only the message, and deliver it to the opener's own origin anyway.
 */
export function messageParent(message: string, targetOrigin: string): void {
  const ui = office()?.context?.ui;
  if (!ui || typeof ui.messageParent !== 'function') throw new Error('messageParent is not available');
  try {
    ui.messageParent(message, { targetOrigin });
  } catch (error) {
    // Hosts without DialogOrigin 1.1 refuse the options; they deliver to the opener's own origin anyway.
    log.debug('messageParent with targetOrigin refused; sent without it', error);
    ui.messageParent(message);
  }
}
