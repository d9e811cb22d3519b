/**
 * What the office.js stand-in (office-stand-in/) and the harness page playing Outlook (harness-page/) say to each
 * other. They live on two sites, as in Outlook on the web, so every exchange is a postMessage carrying a tag
 * (MESSAGE_TAG: its type); both bundles import these types, so a message one side renames is a compile error on the
 * other. Types and constants only: it is bundled into both browser scripts.
 */
import type { SampleAddress, SampleEmail } from './sample-emails';

export const MESSAGE_TAG = '__officeStandIn';
/** The host names the pane's iframe PANE_NAME_PREFIX + an encoded FrameMarker. */
export const PANE_NAME_PREFIX = '__officeStandInPane_';
/** The host names each dialog window DIALOG_NAME_PREFIX + an encoded DialogMarker (tests/e2e/support/stack.ts reads it). */
export const DIALOG_NAME_PREFIX = '__officeStandInDialog_';

/** Outlook's platform variants the harness plays (`?platform=`, `?webview=`): tests/harness/boot-data.ts. */
export interface PlatformVariant {
  platform: 'OfficeOnline' | 'PC' | 'Mac';
  /** Some Windows webviews leave Office.context.partitionKey undefined. */
  noPartitionKey: boolean;
  /** Older webviews have neither BroadcastChannel nor Web Locks. */
  noBroadcastChannel: boolean;
  noWebLocks: boolean;
}

/** Carried in the pane's and each dialog's window name: where the host is, and which Outlook it plays. */
export interface FrameMarker {
  hostOrigin: string;
  variant: PlatformVariant;
}

export interface DialogMarker extends FrameMarker {
  id: string;
}

/** Requirement set → highest version supported, or false. */
export type RequirementSets = Record<string, string | false>;

/** Office.context.officeTheme. */
export interface OfficeThemeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export interface UserProfile {
  displayName: string;
  emailAddress: string;
  timeZone: string;
  accountType: string;
}

/** Roaming settings as saved: name → JSON value. */
export type RoamingValues = Record<string, unknown>;

export type RecipientField = 'to' | 'cc';
export type DraftField = RecipientField | 'subject';
export type DraftValue = SampleAddress[] | string;

/** How many handlers the pane registered, per event: the host waits for them before it fires events. */
export interface HandlerCounts {
  itemChanged: number;
  themeChanged: number;
  recipientsChanged: number;
}

/** What a dialog's office.js gets when it attaches. */
export interface DialogState {
  displayLanguage: string;
  /** Always null in a dialog: Office.context.partitionKey is undefined there. */
  partitionKey: string | null;
  requirementSets: RequirementSets;
}

/** What the pane's office.js gets when it attaches: the email on show and Outlook's settings. */
export interface PaneState extends DialogState {
  addInName: string;
  userProfile: UserProfile;
  roamingSettings: RoamingValues;
  theme: OfficeThemeColors;
  email: SampleEmail | null;
}

export interface DialogRequest {
  url: string;
  /** DialogOptions width and height, percent of the screen. */
  width?: number;
  height?: number;
  /** DialogOptions.promptBeforeOpen (default true). */
  promptBeforeOpen: boolean;
  /** Set when the seller answered Allow to the prompt. */
  allowed?: boolean;
}

export interface HostError {
  code: number;
  message: string;
}

export type DialogOpenAnswer = { dialogId: string } | { prompt: true } | { error: HostError };

/** msal-browser 5's bridge request (src/naa/BridgeProxy.ts), as the pane posts it to window.nestedAppAuthBridge. */
export interface NestedAppAuthRequest {
  messageType: 'NestedAppAuthRequest';
  requestId: string;
  method: string;
  tokenParams?: NestedAppAuthTokenParams;
}

export interface NestedAppAuthTokenParams {
  clientId: string;
  scope: string;
  authority?: string;
  forceRefresh?: boolean;
}

export interface NestedAppAuthAccount {
  homeAccountId: string;
  localAccountId: string;
  environment: string;
  tenantId: string;
  username: string;
  name: string;
  idTokenClaims: Record<string, unknown>;
}

export interface NestedAppAuthToken {
  access_token: string;
  expires_in: number;
  id_token: string;
  properties: null;
  scope: string;
  authority: string;
}

export interface NestedAppAuthError {
  status: 'USER_INTERACTION_REQUIRED' | 'USER_CANCEL' | 'NO_NETWORK' | 'TRANSIENT_ERROR' | 'PERSISTENT_ERROR';
  code: string;
  /** Absent when the provider gave none. */
  description?: string;
}

/** The body of the bridge's answer (the stand-in adds messageType and requestId). */
export type NestedAppAuthAnswer =
  | { success: true; token: NestedAppAuthToken; account: NestedAppAuthAccount }
  | { success: true; initContext: { sdkName: string; sdkVersion: string; capabilities: { queryAccount: boolean } } }
  | { success: false; error: NestedAppAuthError };

/** Stand-in → host requests that expect one answer (`answer` with the same requestId). */
export interface HostRequests {
  attach: { body: { kind: 'pane' | 'dialog'; origin: string }; answer: PaneState | DialogState };
  saveRoamingSettings: { body: { values: RoamingValues }; answer: true };
  displayDialog: { body: DialogRequest; answer: DialogOpenAnswer };
  nestedAppAuth: { body: { request: NestedAppAuthRequest }; answer: NestedAppAuthAnswer };
}

/** Stand-in → host messages that expect no answer. */
export interface HostNotices {
  log: { text: string };
  handlers: HandlerCounts;
  /** The pane's answer to an event the host sent (seq): whether a handler took it. */
  delivered: { seq: number; delivered: boolean };
  draftChanged: { field: DraftField; value: DraftValue | undefined };
  closeDialog: { id: string };
  messageChild: { id: string; message: string; targetOrigin: string };
  /** From a dialog: Office.context.ui.messageParent. */
  messageParent: { message: string; targetOrigin: string };
}

/** Host → stand-in messages. */
export interface StandInNotices {
  answer: { requestId: string; value: unknown };
  itemChanged: { seq: number; email: SampleEmail | null };
  recipientsChanged: { seq: number; fields: RecipientField[]; email: SampleEmail };
  /** The organizer changed the meeting's time in the organizer's form: the pane's copy follows, AppointmentTimeChanged fires. */
  appointmentTimeChanged: { seq: number; email: SampleEmail };
  themeChanged: { seq: number; theme: OfficeThemeColors };
  dialogMessage: { id: string; message: string; origin: string };
  dialogEvent: { id: string; error: number };
  /** To a dialog: the pane's messageChild, relayed. */
  messageChild: { message: string; origin: string };
}

type Tagged<Type extends string, Body> = Body & { [MESSAGE_TAG]: Type };

/** Every stand-in → host envelope; a dialog's also carries its dialogId. */
export type ToHostEnvelope = (
  { [K in keyof HostNotices]: Tagged<K, HostNotices[K]> }[keyof HostNotices] | { [K in keyof HostRequests]: Tagged<K, HostRequests[K]['body'] & { requestId: string }> }[keyof HostRequests]
) & { dialogId?: string };

export type ToStandInEnvelope = { [K in keyof StandInNotices]: Tagged<K, StandInNotices[K]> }[keyof StandInNotices];

/** A message event's data, if it carries the tag (the type is then the sender's word, to be checked like any input). */
export function taggedType(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const type = (data as Record<string, unknown>)[MESSAGE_TAG];
  return typeof type === 'string' ? type : undefined;
}

export function encodeMarker(marker: FrameMarker | DialogMarker): string {
  return encodeURIComponent(JSON.stringify(marker));
}
