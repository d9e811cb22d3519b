/**
 * office.js stand-in for the Outlook harness and the browser tests (served as one classic script, bundled by
 * tests/harness/browser-bundle.ts).
 *
 * It has the SHAPE of the real API (names, enum values, AsyncResult objects, callback order) for exactly what the
 * add-in uses, so the production code runs unchanged against it. It is served at Microsoft's CDN URL in the tests
 * (Chromium maps the CDN host to a local server) and at /__harness/office.js in `npm start`.
 *
 * Three contexts, as in Outlook on the web, where the host page and the add-in are on different sites:
 *  - task pane: a cross-site iframe of the host (harness) page, named by the host (PANE_NAME_PREFIX + its origin and
 *    platform variant); the email, settings and events come from the host by postMessage only;
 *  - dialog: a top-level window the HOST opened for displayDialogAsync (window name DIALOG_NAME_PREFIX + marker); it
 *    talks to the host, which relays to the pane, so targetOrigin is checked against the pane's origin;
 *  - anywhere else (a plain browser tab): Office.onReady answers { host: null, platform: null }, as real office.js does.
 */
import type { DialogState, PaneState } from '../host-protocol';
import { AsyncResultStatus, clone, CoercionType, EventType, HostType, ItemType, PlatformType, RecipientType } from './async-result';
import { dialogSideUi, paneDialogApi, type DialogSideUi, type DisplayDialogAsync } from './dialog-api';
import { connectToHost } from './host-link';
import { paneMailbox, type Mailbox } from './mailbox';
import { installNestedAppAuthBridge } from './nested-app-auth-bridge';
import { playOldWebview } from './platform-variant';
import { DEFAULT_REQUIREMENT_SETS, makeRequirements, type Requirements } from './requirements';
import { makeRoamingSettings, type RoamingSettings } from './roaming-settings';

interface ReadyInfo {
  host: typeof HostType.Outlook | null;
  platform: string | null;
}

interface StandInContext {
  host: ReadyInfo['host'];
  platform: ReadyInfo['platform'];
  contentLanguage: string;
  displayLanguage: string;
  partitionKey: string | undefined;
  requirements: Requirements;
  diagnostics: { host: string; platform: string | null; version: string };
  ui: Partial<DialogSideUi> & { displayDialogAsync?: DisplayDialogAsync };
  officeTheme?: PaneState['theme'];
  mailbox?: Mailbox;
  roamingSettings?: RoamingSettings;
}

const host = connectToHost();
// Before the add-in's code runs: this classic script comes first.
if (host.kind === 'pane') playOldWebview(host.variant);

const inHost = host.kind !== 'none';
const readyInfo: ReadyInfo = inHost ? { host: HostType.Outlook, platform: host.variant.platform || PlatformType.OfficeOnline } : { host: null, platform: null };
const context: StandInContext = {
  host: readyInfo.host,
  platform: readyInfo.platform,
  contentLanguage: 'en-US',
  displayLanguage: 'en-US',
  partitionKey: undefined,
  requirements: makeRequirements(DEFAULT_REQUIREMENT_SETS),
  diagnostics: { host: HostType.Outlook, platform: readyInfo.platform, version: '16.0.0.0' },
  ui: {},
};

let addInName: string | undefined;
const pane = host.kind === 'pane' ? paneMailbox(host) : null;
if (host.kind === 'dialog') {
  const ui = dialogSideUi(host);
  context.ui.messageParent = ui.messageParent;
  context.ui.addHandlerAsync = ui.addHandlerAsync;
} else if (pane) {
  context.ui.displayDialogAsync = paneDialogApi(host, () => addInName);
  Object.defineProperty(context, 'officeTheme', { enumerable: true, get: () => clone(pane.theme()) });
  context.mailbox = pane.mailbox;
}

function isPaneState(state: PaneState | DialogState): state is PaneState {
  return 'userProfile' in state;
}

function applyHostState(state: PaneState | DialogState): void {
  context.contentLanguage = state.displayLanguage;
  context.displayLanguage = state.displayLanguage;
  context.partitionKey = state.partitionKey === null ? undefined : state.partitionKey;
  context.requirements = makeRequirements(state.requirementSets || DEFAULT_REQUIREMENT_SETS);
  if (pane && isPaneState(state)) {
    addInName = state.addInName;
    context.roamingSettings = makeRoamingSettings(state.roamingSettings, host);
    pane.attach(state);
    if (context.requirements.isSetSupported('NestedAppAuth', '1.1')) installNestedAppAuthBridge(host);
  }
}

interface StandInOffice {
  __standIn: true;
  initialize: ((reason: string) => void) | undefined;
  onReady(callback?: (info: ReadyInfo) => void): Promise<ReadyInfo>;
  [name: string]: unknown;
}

const readyPromise = new Promise<ReadyInfo>((resolve) => {
  // office.js becomes ready after the page's scripts ran and the host answered, never synchronously.
  const fire = () => {
    if (typeof office.initialize === 'function') {
      try {
        office.initialize('');
      } catch {
        // The add-in's own failure, not office.js's.
      }
    }
    resolve(readyInfo);
  };
  const whenLoaded = (fn: () => void) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(fn, 0));
    else setTimeout(fn, 0);
  };
  if (!inHost) return whenLoaded(fire);
  void host.askHost('attach', { kind: host.kind === 'dialog' ? 'dialog' : 'pane', origin: location.origin }).then((state) => {
    applyHostState(state);
    pane?.reportHandlers();
    whenLoaded(fire);
  });
});

const office: StandInOffice = {
  __standIn: true,
  EventType,
  AsyncResultStatus,
  CoercionType,
  HostType,
  PlatformType,
  MailboxEnums: { ItemType, RecipientType },
  context,
  initialize: undefined,
  onReady(callback) {
    return readyPromise.then((info) => {
      if (typeof callback === 'function') callback(info);
      return info;
    });
  },
};
(window as unknown as { Office: StandInOffice }).Office = office;
