/**
 * A minimal page that wires the production Microsoft sign-in module the way src/app will: config → createMicrosoftAuth
 * → the account key namespaces a store → Sign out wipes that namespace and signs out of the account. The store here
 * is localStorage standing in for the Salesforce token store and the outbox (both keyed by the same key).
 */
import { createMicrosoftAuth, microsoftAccountKey, type MicrosoftAuthState } from '../../../src/auth/microsoft';

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const storeKey = (namespace: string) => `test-store:${namespace}:note`;

const query = new URLSearchParams(location.search);
const config = (await (await fetch('/config.json')).json()) as { microsoft?: { clientId: string; authority: string } };
const auth = createMicrosoftAuth({
  config: config.microsoft,
  redirectUri: `${location.origin}/msal-redirect.html`,
  // A browser outside Outlook: no NestedAppAuth requirement set, so the standard client and its popup are used.
  isSetSupported: () => false,
  ...(query.get('popupTimeoutMs') ? { popupTimeoutMs: Number(query.get('popupTimeoutMs')) } : {}),
});

function render(state: MicrosoftAuthState) {
  $('status').textContent = state.status;
  $('name').textContent = state.status === 'signed_in' ? state.account.name : '';
  $('failure').textContent = state.status === 'signed_out' && state.failure ? `${state.failure.kind}:${state.failure.code}` : '';
  $('diagnostics').textContent = auth.diagnostics().summary;
  const account = auth.account();
  $('stored').textContent = account ? (localStorage.getItem(storeKey(microsoftAccountKey(account))) ?? '') : '';
  document.body.dataset.accountKey = account ? microsoftAccountKey(account) : '';
}

auth.subscribe(render);
$('sign-in').addEventListener('click', () => void auth.signIn());
$('save').addEventListener('click', () => {
  const account = auth.account();
  if (!account) return;
  localStorage.setItem(storeKey(microsoftAccountKey(account)), ($('note') as HTMLInputElement).value);
  render(auth.state);
});
$('sign-out').addEventListener('click', () => {
  const account = auth.account();
  if (account) localStorage.removeItem(storeKey(microsoftAccountKey(account)));
  void auth.signOut();
});

render(auth.state);
await auth.initialize();
render(auth.state);
// The mistake the add-in must never make (opening sign-in by itself, without a click), so the test can show the
// browser refuses it and the module ends in a clear state.
if (query.get('signInOnLoad') === '1') {
  // The test driver's own evaluations count as user gestures for a few seconds; wait until none is in effect, so
  // this really is a sign-in without a click.
  while (navigator.userActivation.isActive) await new Promise((r) => setTimeout(r, 100));
  await auth.signIn();
}
document.body.dataset.ready = 'true';
