/**
 * The host's side of the postMessage line: messages from the panes' and the dialog's office.js, checked by origin
 * (only the add-in's own pages speak to the host) and by sender (a pane frame, or the open dialog window).
 */
import type { HarnessBoot, OutlookHarness } from '../harness-api';
import { MESSAGE_TAG, taggedType, type HostRequests, type ToHostEnvelope } from '../host-protocol';
import { log } from './activity-log';
import type { DialogHost } from './dialog-host';
import type { MailStore } from './mail-store';
import type { PaneFrame, PaneFrames } from './pane-frames';

export interface RouterDeps {
  boot: HarnessBoot;
  store: MailStore;
  frames: PaneFrames;
  dialogs: DialogHost;
  /** Looked up at each request: a test may replace harness.nestedAppAuth. */
  harness: OutlookHarness;
  /** The reading pane shows a draft the pane edited. */
  renderReading(): void;
}

function reply<K extends keyof HostRequests>(event: MessageEvent<unknown>, requestId: string, value: HostRequests[K]['answer']): void {
  (event.source as Window).postMessage({ requestId, value, [MESSAGE_TAG]: 'answer' }, event.origin);
}

function onPaneMessage(deps: RouterDeps, event: MessageEvent<unknown>, pane: PaneFrame, data: ToHostEnvelope): void {
  switch (data[MESSAGE_TAG]) {
    case 'attach':
      reply<'attach'>(event, data.requestId, deps.frames.state(pane));
      log(`${pane.mode} pane loaded office.js`);
      return;
    case 'handlers':
      pane.handlers = { itemChanged: data.itemChanged, themeChanged: data.themeChanged, recipientsChanged: data.recipientsChanged };
      return;
    case 'delivered':
      deps.frames.delivered(data.seq, !!data.delivered);
      return;
    case 'log':
      log(String(data.text));
      return;
    case 'draftChanged': {
      const draft = pane.emailId ? deps.store.byId(pane.emailId) : null;
      if (draft && draft.mode === 'compose' && data.value !== undefined) {
        if (data.field === 'subject' && typeof data.value === 'string') draft.subject = data.value;
        else if ((data.field === 'to' || data.field === 'cc') && Array.isArray(data.value)) draft[data.field] = data.value;
      }
      deps.renderReading();
      return;
    }
    case 'saveRoamingSettings':
      deps.frames.roaming.values = JSON.parse(JSON.stringify(data.values || {})) as typeof data.values;
      reply<'saveRoamingSettings'>(event, data.requestId, true);
      return;
    case 'displayDialog':
      reply<'displayDialog'>(event, data.requestId, deps.dialogs.open(pane, data));
      return;
    case 'closeDialog':
      deps.dialogs.closeByAddIn(data.id);
      return;
    case 'messageChild':
      deps.dialogs.messageChild(data.id, String(data.message), data.targetOrigin);
      return;
    case 'nestedAppAuth':
      Promise.resolve()
        .then(() => deps.harness.nestedAppAuth.handle(data.request))
        .then(
          (body) => reply<'nestedAppAuth'>(event, data.requestId, body),
          (error: unknown) =>
            reply<'nestedAppAuth'>(event, data.requestId, {
              success: false,
              error: { status: 'TRANSIENT_ERROR', code: 'host_error', description: String((error as { message?: unknown } | undefined)?.message) },
            }),
        );
      return;
    default:
      return;
  }
}

export function routeMessages(deps: RouterDeps): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!taggedType(event.data)) return;
    if (event.origin !== deps.boot.addinOrigin) return; // only the add-in's own pages speak to the host
    // The add-in's own office.js: its messages follow the protocol.
    const data = event.data as ToHostEnvelope;
    const pane = deps.frames.paneFor(event.source);
    if (pane) return onPaneMessage(deps, event, pane, data);
    deps.dialogs.onMessage(event, data);
  });
}
