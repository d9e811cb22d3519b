/**
 * Entry of MSAL's popup-relay page (`auth.popupRelayUri`, msal-configuration.ts). Outlook on the web hosts the pane in
 * a cross-site iframe, so the browser partitions its BroadcastChannel: the redirect bridge in a first-party popup
 * cannot reach it. This first-party page stands between them: it opens the identity provider in a child window,
 * hears the bridge on its own (first-party) channel and posts the raw answer to the pane, which keeps the PKCE
 * verifier and redeems the code. The child window opens from the seller's click here: a window opened without one is
 * stopped by the browser's pop-up blocker (this page itself has no click of its own).
 */
import { runPopupRelay } from '@azure/msal-browser/popup-relay';
import { dialogStrings } from '../../i18n/dialog-strings';
import { resolveLocale } from '../../i18n/strings';
import { createLogger } from '../../shared/logger';

const log = createLogger('microsoft.popup-relay');

async function authorityOrigin(): Promise<string | undefined> {
  try {
    const response = await fetch(new URL('config.json', location.href), { cache: 'no-store' });
    const config = (await response.json()) as { microsoft?: { authority?: string } };
    return config.microsoft?.authority ? new URL(config.microsoft.authority).origin : undefined;
  } catch (error) {
    log.debug('config.json gave no identity provider to relay to', error);
    return undefined;
  }
}

async function main(): Promise<void> {
  const button = document.getElementById('relay-continue') as HTMLButtonElement;
  // The page's HTML carries the English lines for the moment before this runs; the browser's language picks.
  const strings = dialogStrings(navigator.language).microsoftRelay;
  document.documentElement.lang = resolveLocale(navigator.language);
  document.title = strings.title;
  document.getElementById('relay-text')!.textContent = strings.text;
  button.textContent = strings.button;
  // Only the configured identity provider may be opened from here (the relayed request comes in this page's URL).
  const origin = await authorityOrigin();
  if (!origin) {
    window.close();
    return;
  }
  button.disabled = false;
  button.focus();
  button.addEventListener(
    'click',
    () => {
      button.disabled = true;
      try {
        runPopupRelay({ allowedAuthorityOrigins: [origin] });
      } catch (error) {
        // Not a request MSAL made (opened directly, a stale or forged URL): nothing to relay.
        log.debug('nothing to relay', error);
        window.close();
      }
    },
    { once: true },
  );
}

void main();
