/**
 * Where this office.js runs, and its line to the host. Outlook on the web hosts the pane in a cross-site iframe and
 * opens dialogs as top-level windows, so nothing here can reach the host page's objects: every exchange is a
 * postMessage to the host's origin, as real office.js does. The host names the pane (iframe name) and each dialog
 * (window.open target name) with a marker carrying the host's origin and the platform variant; a dialog keeps its
 * marker in sessionStorage, which survives the dialog's own navigations (the window name may not, across sites).
 */
import {
  DIALOG_NAME_PREFIX,
  MESSAGE_TAG,
  PANE_NAME_PREFIX,
  taggedType,
  type DialogMarker,
  type FrameMarker,
  type HostNotices,
  type HostRequests,
  type PlatformVariant,
  type StandInNotices,
} from '../host-protocol';

const DIALOG_MARKER_KEY = '__officeStandInDialog';

function decodeMarker<M extends FrameMarker>(name: string, prefix: string): M | null {
  if (!name.startsWith(prefix)) return null;
  try {
    return JSON.parse(decodeURIComponent(name.slice(prefix.length))) as M;
  } catch {
    return null;
  }
}

/** 'pane': the task pane; 'dialog': a displayDialogAsync window; 'none': a plain browser tab, outside Outlook. */
export type StandInKind = 'pane' | 'dialog' | 'none';

export interface HostLink {
  kind: StandInKind;
  /** The platform variant the host plays ({} outside Outlook). */
  variant: Partial<PlatformVariant>;
  toHost<K extends keyof HostNotices>(type: K, body: HostNotices[K]): void;
  onHost<K extends keyof StandInNotices>(type: K, listener: (data: StandInNotices[K]) => void): void;
  /** A request to the host that expects one answer (`answer` with the same requestId). */
  askHost<K extends keyof HostRequests>(type: K, body: HostRequests[K]['body']): Promise<HostRequests[K]['answer']>;
  /** A line in the harness page's activity log. */
  recordActivity(text: string): void;
}

function readDialogMarker(): DialogMarker | null {
  let marker = decodeMarker<DialogMarker>(window.name, DIALOG_NAME_PREFIX);
  try {
    if (marker) sessionStorage.setItem(DIALOG_MARKER_KEY, JSON.stringify(marker));
    else if (window.opener) marker = JSON.parse(sessionStorage.getItem(DIALOG_MARKER_KEY) ?? 'null') as DialogMarker | null;
  } catch {
    // Storage unavailable: only the window name tells.
  }
  return marker;
}

export function connectToHost(): HostLink {
  const dialogMarker = readDialogMarker();
  const opener = window.opener as Window | null;
  const isDialog = !!(dialogMarker && opener);
  const paneMarker = !isDialog && window.parent && window.parent !== window ? decodeMarker<FrameMarker>(window.name, PANE_NAME_PREFIX) : null;
  const marker: FrameMarker | null = isDialog ? dialogMarker : paneMarker;
  const hostWindow: Window | null = isDialog ? opener : paneMarker ? window.parent : null;
  const hostOrigin = marker?.hostOrigin ?? '';
  const dialogId = isDialog && dialogMarker ? dialogMarker.id : undefined;

  const post = (type: string, body: object) => {
    if (!hostWindow) return;
    const envelope: Record<string, unknown> = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    envelope[MESSAGE_TAG] = type;
    if (dialogId !== undefined) envelope.dialogId = dialogId;
    hostWindow.postMessage(envelope, hostOrigin);
  };

  const listeners = new Map<string, Array<(data: unknown) => void>>();
  const onHost: HostLink['onHost'] = (type, listener) => {
    const list = listeners.get(type) ?? [];
    list.push(listener as (data: unknown) => void);
    listeners.set(type, list);
  };
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!hostWindow || event.source !== hostWindow || event.origin !== hostOrigin) return;
    const type = taggedType(event.data);
    // The host's own message (source and origin checked above): its shape is the protocol's.
    for (const listener of (type && listeners.get(type)?.slice()) || []) listener(event.data);
  });

  let nextRequestId = 1;
  const pending = new Map<string, (value: unknown) => void>();
  onHost('answer', (data) => {
    const resolve = pending.get(data.requestId);
    if (!resolve) return;
    pending.delete(data.requestId);
    resolve(data.value);
  });

  const link: HostLink = {
    kind: isDialog ? 'dialog' : paneMarker ? 'pane' : 'none',
    variant: marker?.variant ?? {},
    toHost: (type, body) => post(type, body),
    onHost,
    askHost: <K extends keyof HostRequests>(type: K, body: HostRequests[K]['body']) =>
      new Promise<HostRequests[K]['answer']>((resolve) => {
        const requestId = String(nextRequestId++);
        pending.set(requestId, resolve as (value: unknown) => void);
        post(type, { ...body, requestId });
      }),
    recordActivity: (text) => post('log', { text }),
  };
  return link;
}
