/**
 * The task panes: cross-site iframes, talked to by postMessage only. Outlook on the web serves its page from its own
 * site and the add-in from the add-in's: the pane is a cross-site iframe, so the browser partitions its storage,
 * BroadcastChannel and Web Locks by the host's site. Nothing here touches the pane's objects; office.js (the
 * stand-in) and the host exchange tagged messages (tests/harness/host-protocol.ts).
 */
import type { HarnessBoot } from '../harness-api';
import {
  encodeMarker,
  MESSAGE_TAG,
  PANE_NAME_PREFIX,
  type DialogMarker,
  type FrameMarker,
  type HandlerCounts,
  type OfficeThemeColors,
  type PaneState,
  type RoamingValues,
  type StandInNotices,
} from '../host-protocol';
import { log } from './activity-log';
import { element } from './dom';
import type { MailStore } from './mail-store';

/** A browser that has not accepted the add-in site's certificate shows nothing in the frame: said after this long. */
const NOT_LOADED_HINT_MS = 8000;
/** A pane that does not answer an event in this long did not take it. */
const DELIVERY_TIMEOUT_MS = 5000;

export interface PaneFrame {
  mode: 'read' | 'compose';
  iframe: HTMLIFrameElement;
  /** The pane's handler counts, null until its office.js attached. */
  handlers: HandlerCounts | null;
  /** The email the pane has (null: nothing selected). */
  emailId: string | null;
  loaded: boolean;
}

/** The events the host sends a pane and waits for: each carries a seq the pane answers with 'delivered'. */
type PaneEvent = 'itemChanged' | 'recipientsChanged' | 'themeChanged' | 'appointmentTimeChanged';

export interface PaneFrames {
  /** Pinned in read mode: follows read items (and "nothing selected"). */
  read: PaneFrame;
  /** A compose item's own pane: opened with the draft, closed when the seller leaves it. */
  compose: PaneFrame;
  paneFor(source: MessageEventSource | null): PaneFrame | null;
  visible(): PaneFrame;
  load(pane: PaneFrame, emailId: string | null): void;
  close(pane: PaneFrame): void;
  post<K extends keyof StandInNotices>(pane: PaneFrame, type: K, body: StandInNotices[K]): void;
  /** Sends an event to a pane and resolves with whether a handler took it (false if the pane does not answer). */
  sendEvent<K extends PaneEvent>(pane: PaneFrame, type: K, body: Omit<StandInNotices[K], 'seq'>): Promise<boolean>;
  /** The pane's answer to an event. */
  delivered(seq: number, took: boolean): void;
  /** What a pane's office.js gets when it attaches. */
  state(pane: PaneFrame): PaneState;
  /** The host's name for a window it opens or frames: its origin and the platform variant, plus `extra`. */
  marker(extra?: Pick<DialogMarker, 'id'>): string;
  roaming: { values: RoamingValues };
}

export function createPaneFrames(boot: HarnessBoot, store: MailStore, theme: () => OfficeThemeColors): PaneFrames {
  const variant = boot.variant;
  const waiting = new Map<number, (took: boolean) => void>();
  let nextSeq = 1;
  const paneUrl = () => new URL(boot.paneUrl, boot.addinOrigin).href;
  const marker = (extra?: Pick<DialogMarker, 'id'>) => {
    const value: FrameMarker | DialogMarker = { hostOrigin: location.origin, variant, ...extra };
    return encodeMarker(value);
  };

  const frames: PaneFrames = {
    read: { mode: 'read', iframe: element('task-pane', HTMLIFrameElement), handlers: null, emailId: null, loaded: false },
    compose: { mode: 'compose', iframe: element('compose-pane', HTMLIFrameElement), handlers: null, emailId: null, loaded: false },
    roaming: { values: {} },
    marker,
    paneFor(source) {
      if (frames.read.iframe.contentWindow === source) return frames.read;
      if (frames.compose.iframe.contentWindow === source) return frames.compose;
      return null;
    },
    visible: () => (store.isCompose(store.currentId) ? frames.compose : frames.read),
    // A fresh iframe each time: Chromium names a frame's browsing context when it is created, and office.js reads
    // its host's marker from that name.
    load(pane, emailId) {
      pane.loaded = true;
      pane.handlers = null;
      pane.emailId = emailId;
      const fresh = document.createElement('iframe');
      fresh.id = pane.iframe.id;
      fresh.title = pane.iframe.title;
      fresh.name = PANE_NAME_PREFIX + marker();
      fresh.src = paneUrl();
      pane.iframe.replaceWith(fresh);
      pane.iframe = fresh;
      setTimeout(() => {
        if (pane.iframe === fresh && !pane.handlers) {
          log(`the pane has not loaded office.js: open ${boot.addinOrigin}/ once and accept its certificate, then reload the pane`);
        }
      }, NOT_LOADED_HINT_MS);
    },
    close(pane) {
      pane.loaded = false;
      pane.handlers = null;
      pane.emailId = null;
      const blank = document.createElement('iframe');
      blank.id = pane.iframe.id;
      blank.title = pane.iframe.title;
      blank.hidden = true;
      pane.iframe.replaceWith(blank);
      pane.iframe = blank;
    },
    post(pane, type, body) {
      const win = pane.iframe.contentWindow;
      if (!win) return;
      const envelope = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
      envelope[MESSAGE_TAG] = type;
      win.postMessage(envelope, boot.addinOrigin);
    },
    sendEvent(pane, type, body) {
      if (!pane.handlers) return Promise.resolve(false);
      const seq = nextSeq++;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(seq);
          resolve(false);
        }, DELIVERY_TIMEOUT_MS);
        waiting.set(seq, (took) => {
          clearTimeout(timer);
          resolve(took);
        });
        frames.post(pane, type, { seq, ...body } as StandInNotices[typeof type]);
      });
    },
    delivered(seq, took) {
      const resolve = waiting.get(seq);
      waiting.delete(seq);
      resolve?.(took);
    },
    state: (pane) => ({
      addInName: 'Salesforce',
      displayLanguage: boot.displayLanguage,
      // Windows webviews (variant) have no partition key: Office.context.partitionKey is undefined there.
      partitionKey: variant.noPartitionKey ? null : boot.partitionKey,
      requirementSets: boot.requirementSets,
      userProfile: boot.userProfile,
      roamingSettings: frames.roaming.values,
      theme: theme(),
      email: pane.emailId ? store.byId(pane.emailId) : null,
    }),
  };
  return frames;
}
