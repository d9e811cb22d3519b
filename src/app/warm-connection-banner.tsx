/**
 * Issue 14: the Connection lost banner within 100 ms of the refused refresh at 4x CPU. Its first render also computes
 * and inserts the CSS of every Fluent part in it (Griffel resolves a makeStyles the first time it is used), which no
 * other screen has needed by then. Rendering it once, off-document, while the pane is idle leaves that work done:
 * the real banner then only renders. Off-document: nothing of it is ever seen, read out or found by a query.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ConnectionBanner } from '../features/connection-banner/connection-banner';
import type { ShellStrings } from '../i18n/strings';
import { createFailure } from '../salesforce/failure-kinds';

const IDLE_TIMEOUT_MS = 3_000;
let warmed = false;

// Without a FluentProvider: Fluent's classes hold CSS variables, not the theme's values, so one warm-up serves every
// theme, and no theme style tag is added and taken away.
function renderOffDocument(strings: ShellStrings, locale: string): void {
  const root = createRoot(document.createElement('div'));
  const idle = () => undefined;
  try {
    flushSync(() =>
      root.render(
        <ConnectionBanner
          failure={createFailure('bad_oauth_token')}
          at={0}
          identity={undefined}
          strings={strings}
          locale={locale}
          busy={false}
          onSignInAgain={idle}
          onSignOut={idle}
          copyText={async () => undefined}
        />,
      ),
    );
  } finally {
    root.unmount();
  }
}

/** Once per pane, when the browser is idle (or after IDLE_TIMEOUT_MS): a signed-in pane's banner styles, ready. */
export function warmConnectionBanner(strings: ShellStrings, locale: string): void {
  if (warmed || typeof document === 'undefined') return;
  warmed = true;
  const run = () => renderOffDocument(strings, locale);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}
