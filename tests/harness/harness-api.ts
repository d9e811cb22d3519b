/**
 * The harness page's edges. Its API on `window.__outlookHarness`: what browser tests, the bench and people at the console call
 * on the simulated Outlook page. Declared once here; the page (harness-page/main.ts) implements it and the e2e
 * support code calls it through HarnessWindow, so a renamed or retyped function is a compile error on both sides.
 *
 * Not a `declare global` augmentation of Window: src/ shares this TypeScript program, and production code must not
 * compile against a harness-only global.
 *
 * And what the server hands the page at load (HarnessBoot, written by boot-data.ts).
 */
import type { HandlerCounts, NestedAppAuthAnswer, NestedAppAuthRequest, OfficeThemeColors, PlatformVariant, RecipientField, RequirementSets, UserProfile } from './host-protocol';
import type { SampleAddress, SampleEmail } from './sample-emails';

export type ThemeName = 'light' | 'dark' | 'highContrast';

/**
 * 'allow'; 'prompt' (Outlook on the web's Allow / Ignore prompt replaces the pane's body first); 'ignore-prompt'
 * (12009); 'block-popups' (12011).
 */
export type DialogBehavior = 'allow' | 'prompt' | 'block-popups' | 'ignore-prompt';

/** Which bridge request the host saw: method, client id, scopes, never a token. */
export interface NestedAppAuthRequestRecord {
  method: string;
  clientId?: string;
  scope?: string;
}

/** The account signed in to Outlook itself, given by a test before the page loads (with nested app auth). */
export interface OutlookAccount {
  login: string;
  /** Without it (after a sign-in window), the host asks again once its tokens expire. */
  password?: string;
}

export interface OutlookHarness {
  version: 2;
  partitionKey: string;
  displayLanguage: string;
  addinOrigin: string;
  variant: PlatformVariant;
  currentEmail(): SampleEmail | null;
  officeTheme(): OfficeThemeColors;
  dialogBehavior(): DialogBehavior;
  dialogOpen(): boolean;
  /** The dialog window navigated to `url`: 'loaded' or 'failed' (not found, refused). Raises 12003 / 12002. */
  dialogNavigated(url: string, outcome: 'loaded' | 'failed'): boolean;
  log(text: string): void;

  // The same actions as the UI; each resolves once the pane took the event, with whether a handler took it.
  emails(): SampleEmail[];
  selectEmail(id: string): Promise<boolean>;
  setRecipients(field: RecipientField, addresses: Array<string | SampleAddress>): Promise<boolean>;
  setTheme(name: ThemeName): Promise<boolean>;
  /**
   * The organizer moves or renames a meeting (tests/harness/sample-meetings.ts): the item changes in place (same item
   * id) and, when it is on show in the read pane, the pane hears ItemChanged and reads it again; in the organizer's
   * own (compose) form the pane hears AppointmentTimeChanged instead.
   */
  updateMeeting(id: string, changes: { subject?: string; start?: string; end?: string; location?: string }): Promise<boolean>;
  setDialogBehavior(behavior: DialogBehavior): void;
  /** Handler counts of the pane on show (read, or the compose item's own), null until its office.js attached. */
  paneHandlers(): HandlerCounts | null;
  /** Which pane is on show. */
  paneMode(): 'read' | 'compose';
  reloadPane(): void;

  /** Outlook's side of window.nestedAppAuthBridge: acquires tokens for the pane. */
  nestedAppAuth: { handle(request: NestedAppAuthRequest): Promise<NestedAppAuthAnswer> };
  nestedAppAuthRequests(): NestedAppAuthRequestRecord[];
}

/** The harness page's window, as tests see it inside page.evaluate. */
export type HarnessWindow = Window &
  typeof globalThis & {
    __outlookHarness: OutlookHarness;
    /** Set by a test (addInitScript) before the page's script runs: tests/e2e/support/stack.ts openHarness. */
    __OUTLOOK_HARNESS_ACCOUNT__?: OutlookAccount;
  };

/** The harness actions a test drives by name (stack.selectEmail…): the methods that resolve once the pane took them. */
export type HarnessAction = keyof Pick<OutlookHarness, 'selectEmail' | 'setTheme' | 'setDialogBehavior' | 'setRecipients' | 'updateMeeting'>;

export interface HarnessBoot {
  emails: SampleEmail[];
  /** The picker's "no item selected" entry. */
  noItemId: string;
  initialEmail: string;
  /** As asked for; the page falls back to light for a theme it does not know. */
  initialTheme: string;
  partitionKey: string;
  displayLanguage: string;
  requirementSets: RequirementSets;
  userProfile: UserProfile;
  /** The demo org's users, for the control panel's pickers. */
  users: Array<{ username: string; label: string }>;
  /** The pane's path on the add-in's origin. */
  paneUrl: string;
  addinOrigin: string;
  variant: PlatformVariant;
}

/** The id of the JSON data block in harness.html that carries the HarnessBoot. */
export const BOOT_ELEMENT_ID = 'harness-boot';
