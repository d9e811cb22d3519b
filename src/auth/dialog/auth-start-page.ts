/**
 * Entry of the sign-in dialog's first page (src/auth-start.html). Office requires the dialog to start on the add-in's
 * own origin; from here it goes to a Salesforce authorize endpoint, but only one config.json lists
 * (auth-start-plan.ts), else it stays and says why. It carries the PKCE challenge and state, never the verifier and
 * never a token.
 */
import './dialog-page.css';
import { parseRuntimeConfig, type RuntimeConfig } from '../../config/runtime-config';
import { whenOfficeSettles } from '../../host/dialog-side';
import { dialogStrings } from '../../i18n/dialog-strings';
import { planAuthStart } from './auth-start-plan';
import { createLogger } from '../../shared/logger';

const log = createLogger('auth.dialog.start');

/** config.json is on this same origin; a host that never answers must not leave the seller in front of a spinner. */
const CONFIG_DEADLINE_MS = 10_000;
/** Let office.js settle the dialog's handshake before leaving the page; never wait on it for long. */
const OFFICE_SETTLE_MS = 1500;

async function loadConfig(): Promise<RuntimeConfig> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CONFIG_DEADLINE_MS);
  try {
    const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store', signal: controller.signal });
    if (!response.ok) throw new Error(`config.json answered HTTP ${response.status}`);
    return parseRuntimeConfig(await response.json());
  } finally {
    clearTimeout(timer);
  }
}

async function start(): Promise<void> {
  const strings = dialogStrings(navigator.language);
  const status = document.getElementById('status');
  const say = (text: string, alert = false) => {
    if (!status) return;
    status.textContent = text;
    if (alert) status.setAttribute('role', 'alert');
  };
  const search = location.search;
  // Drop the parameters from this page's history entry before anything else.
  try {
    history.replaceState(null, '', location.pathname);
  } catch (error) {
    // Not fatal: the parameters stay in this one history entry of a dialog that closes after sign-in.
    log.debug('history.replaceState refused', error);
  }

  let config: RuntimeConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    log.debug('config.json could not be loaded', error);
    say(strings.configUnavailable, true);
    return;
  }
  const plan = planAuthStart(search, config, location.origin);
  if (!plan.ok) {
    document.body.dataset.refusal = plan.refusal;
    say(strings.refused[plan.refusal], true);
    return;
  }
  say(strings.opening);
  await whenOfficeSettles(OFFICE_SETTLE_MS);
  location.replace(plan.authorizeUrl);
}

void start();
