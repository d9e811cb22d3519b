/**
 * Entry of the page Salesforce redirects the sign-in dialog to (src/auth-callback.html). The answer goes to the task
 * pane through Office's messageParent, restricted to this origin, and nowhere else: on Safari the dialog and the pane
 * do not share storage, and a code in storage or a log would outlive its use.
 */
import './dialog-page.css';
import { messageParent, whenDialogReady } from '../../host/dialog-side';
import { dialogStrings } from '../../i18n/dialog-strings';
import { callbackAnswer } from './auth-callback-answer';
import { createLogger } from '../../shared/logger';

const log = createLogger('auth.dialog.callback');

async function start(): Promise<void> {
  const strings = dialogStrings(navigator.language);
  const status = document.getElementById('status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  let message: string | undefined = callbackAnswer(location.search);
  // The code must not stay in the address bar or the history once read.
  try {
    history.replaceState(null, '', location.pathname);
  } catch (error) {
    // Not fatal: the window closes in a moment.
    log.debug('history.replaceState refused', error);
  }
  if (!(await whenDialogReady())) {
    // eslint-disable-next-line no-useless-assignment -- the code is dropped the moment it is not needed
    message = undefined;
    say(strings.notInOutlook);
    return;
  }
  try {
    messageParent(message, location.origin);
    say(strings.finished);
  } catch (error) {
    log.debug('messageParent failed', error);
    say(strings.officeUnavailable);
  } finally {
    // eslint-disable-next-line no-useless-assignment -- the code is dropped the moment it is not needed
    message = undefined;
  }
}

void start();
