/**
 * The harness page: a simulated Outlook window. It owns the state the office.js stand-in reads over postMessage,
 * fires the events Outlook would fire in the pinned task pane, and offers window.__outlookHarness (harness-api.ts)
 * to tests and people. Served as one script, bundled by tests/harness/browser-bundle.ts.
 */
import type { DialogBehavior, HarnessWindow, OutlookHarness, ThemeName } from '../harness-api';
import { log } from './activity-log';
import { readBoot } from './boot';
import { createDialogHost } from './dialog-host';
import { element } from './dom';
import { createMailStore } from './mail-store';
import { createMailView } from './mail-view';
import { routeMessages } from './message-router';
import { createNestedAppAuthHost } from './nested-app-auth-host';
import { wireOrgControls } from './org-controls';
import { createPaneFrames } from './pane-frames';
import { isThemeName, THEMES } from './themes';

const DIALOG_BEHAVIORS: readonly DialogBehavior[] = ['allow', 'prompt', 'block-popups', 'ignore-prompt'];

const page = window as HarnessWindow;
const boot = readBoot();
const store = createMailStore(boot.emails, boot.initialEmail);
const state: { theme: ThemeName; dialogBehavior: DialogBehavior } = { theme: isThemeName(boot.initialTheme) ? boot.initialTheme : 'light', dialogBehavior: 'allow' };
const frames = createPaneFrames(boot, store, () => THEMES[state.theme]);
const dialogs = createDialogHost(boot, frames, () => state.dialogBehavior);
const outlook = createNestedAppAuthHost(page.__OUTLOOK_HARNESS_ACCOUNT__ ?? null);
const view = createMailView(store, boot.noItemId, () => harness);

// Pinning is per mode: the read pane follows read items (and "nothing selected"); a compose item gets its own
// pane, and leaving it closes that pane.
function showItem(id: string): Promise<boolean> {
  if (store.isCompose(id)) {
    frames.read.iframe.hidden = true;
    if (frames.compose.emailId !== id) frames.load(frames.compose, id);
    return Promise.resolve(false);
  }
  if (frames.compose.emailId) frames.close(frames.compose);
  const readId = id === boot.noItemId ? null : id;
  if (!frames.read.loaded) {
    frames.load(frames.read, readId);
    return Promise.resolve(false);
  }
  frames.read.iframe.hidden = false;
  if (frames.read.emailId === readId) return Promise.resolve(false);
  frames.read.emailId = readId;
  return frames.sendEvent(frames.read, 'itemChanged', { email: readId ? store.byId(readId) : null });
}

const harness: OutlookHarness = {
  version: 2,
  partitionKey: boot.partitionKey,
  displayLanguage: boot.displayLanguage,
  addinOrigin: boot.addinOrigin,
  variant: boot.variant,
  currentEmail: () => store.current(),
  officeTheme: () => THEMES[state.theme],
  dialogBehavior: () => state.dialogBehavior,
  dialogOpen: () => dialogs.isOpen(),
  dialogNavigated: (url, outcome) => dialogs.navigated(url, outcome),
  log,

  emails: () => JSON.parse(JSON.stringify(store.emails)) as ReturnType<OutlookHarness['emails']>,
  selectEmail(id) {
    if (id !== boot.noItemId && !store.byId(id)) throw new Error(`No sample email ${id}`);
    store.currentId = id;
    view.renderList();
    view.renderReading();
    return showItem(id).then((took) => {
      log(`ItemChanged → ${id}${took ? '' : store.isCompose(id) ? ' (compose: its own pane)' : ' (no handler in the pane)'}`);
      return took;
    });
  },
  setRecipients(field, addresses) {
    const email = store.current();
    if (!email || email.mode !== 'compose') throw new Error('Recipients can only change on a draft');
    email[field] = addresses.map((a) => (typeof a === 'string' ? { name: a, address: a } : a));
    view.renderReading();
    return frames.sendEvent(frames.compose, 'recipientsChanged', { fields: [field], email }).then((took) => {
      log(`RecipientsChanged (${field})${took ? '' : ' (no handler in the pane)'}`);
      return took;
    });
  },
  updateMeeting(id, changes) {
    const email = store.byId(id);
    const meeting = email?.meeting;
    if (!email || !meeting) throw new Error(`No sample meeting ${id}`);
    if (changes.subject !== undefined) email.subject = changes.subject;
    if (changes.start !== undefined) meeting.start = changes.start;
    if (changes.end !== undefined) meeting.end = changes.end;
    if (changes.location !== undefined) meeting.location = changes.location;
    view.renderReading();
    if (email.mode === 'compose') {
      // The organizer edits the open organizer form: AppointmentTimeChanged on the item, no ItemChanged.
      if (frames.compose.emailId !== id) return Promise.resolve(false);
      return frames.sendEvent(frames.compose, 'appointmentTimeChanged', { email }).then((took) => {
        log(`meeting ${id} changed in the organizer form → AppointmentTimeChanged${took ? '' : ' (no handler in the pane)'}`);
        return took;
      });
    }
    if (store.currentId !== id || frames.read.emailId !== id) return Promise.resolve(false);
    return frames.sendEvent(frames.read, 'itemChanged', { email }).then((took) => {
      log(`meeting ${id} updated by its organizer → ItemChanged${took ? '' : ' (no handler in the pane)'}`);
      return took;
    });
  },
  setTheme(name) {
    if (!isThemeName(name)) throw new Error(`No theme ${String(name)}`);
    state.theme = name;
    document.body.dataset.theme = name;
    element('theme-select', HTMLSelectElement).value = name;
    const sends = [frames.read, frames.compose].map((pane) => frames.sendEvent(pane, 'themeChanged', { theme: THEMES[name] }));
    return Promise.all(sends).then((took) => {
      const any = took.includes(true);
      log(`OfficeThemeChanged → ${name}${any ? '' : ' (no handler in the pane)'}`);
      return any;
    });
  },
  setDialogBehavior(behavior) {
    state.dialogBehavior = behavior;
    element('dialog-behavior', HTMLSelectElement).value = behavior;
    log(`dialog behaviour: ${behavior}`);
  },
  paneHandlers: () => frames.visible().handlers,
  paneMode: () => frames.visible().mode,
  reloadPane() {
    const pane = frames.visible();
    frames.load(pane, pane.emailId);
  },
  nestedAppAuth: outlook.nestedAppAuth,
  nestedAppAuthRequests: () => outlook.requests(),
};
page.__outlookHarness = harness;
routeMessages({ boot, store, frames, dialogs, harness, renderReading: () => view.renderReading() });

function wireHostControls(): void {
  const themeSelect = element('theme-select', HTMLSelectElement);
  themeSelect.addEventListener('change', () => {
    if (isThemeName(themeSelect.value)) void harness.setTheme(themeSelect.value);
  });
  const behaviorSelect = element('dialog-behavior', HTMLSelectElement);
  behaviorSelect.addEventListener('change', () => {
    const behavior = DIALOG_BEHAVIORS.find((b) => b === behaviorSelect.value);
    if (behavior) harness.setDialogBehavior(behavior);
  });
  const offline = element('offline-toggle', HTMLInputElement);
  offline.addEventListener('change', () => {
    element('offline-note').hidden = !offline.checked;
    log(offline.checked ? 'offline: use DevTools → Network → Offline' : 'offline note hidden');
  });
  element('reload-pane').addEventListener('click', () => harness.reloadPane());
  element('partition-key').textContent = `partitionKey: ${boot.partitionKey}`;
  if (boot.requirementSets.NestedAppAuth) outlook.renderAccount();
}

document.body.dataset.theme = state.theme;
element('theme-select', HTMLSelectElement).value = state.theme;
view.renderList();
view.renderReading();
wireOrgControls(boot.users || []);
wireHostControls();
// The pane of the first item's mode loads last, once the host answers its messages.
void showItem(store.currentId);
