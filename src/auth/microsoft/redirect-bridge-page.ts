/**
 * Entry of the page MSAL's standard popup returns to (`MicrosoftAuthDeps.redirectUri`). In msal-browser v5 the
 * popup's redirect page no longer is read by the opener: it must hand the raw response to the pane itself, over a
 * same-origin BroadcastChannel. The pane keeps the PKCE verifier and redeems the code; no token passes through
 * this page, and the response is scrubbed from its URL before anything else runs.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { createLogger } from '../../shared/logger';

const log = createLogger('microsoft.redirect-bridge');

broadcastResponseToMainFrame().catch((error: unknown) => {
  // Nothing to hand back (opened directly, or a stale URL): close quietly; the pane times out or sees the close.
  log.debug('nothing to hand back', error);
  window.close();
});
