/**
 * What the rest of the add-in may know about the seller's Microsoft account. Deliberately small: no tokens, no
 * claims beyond the name to show and the ids to key storage by.
 */
export interface MicrosoftAccount {
  /** MSAL's home account id (`<object id>.<tenant id>` in Entra ID). Stable and not a secret. */
  homeAccountId: string;
  /** Display name, shown in the pane ("Sam Seller"). May be empty when the directory has none. */
  name: string;
  /** Sign-in name, usually the email address. */
  username: string;
}

/** Every MSAL failure ends in one of these. */
export type MicrosoftAuthFailureKind =
  /** No usable session: the seller has to sign in (from a click). */
  | 'interaction_required'
  /** The browser or Office blocked the sign-in window. */
  | 'popup_blocked'
  /** The seller closed the sign-in window or declined. Not an error. */
  | 'cancelled'
  /** No network. */
  | 'offline'
  /** No answer in time (the host bridge, the identity provider, or the sign-in window). */
  | 'timeout'
  /** Anything else; `code` says what. */
  | 'error';

export interface MicrosoftAuthFailure {
  kind: MicrosoftAuthFailureKind;
  /** MSAL's error code (`errorCode`) or our own, e.g. "popup_window_error". Never a token, never a message. */
  code: string;
}

/** How the add-in is talking to Microsoft identity. */
export type MicrosoftAuthVia = 'nested' | 'standard';

export type MicrosoftAuthState =
  /** No `microsoft` block in the runtime config: the add-in runs without Microsoft sign-in. */
  | { status: 'not_configured' }
  | { status: 'initializing' }
  /** Not signed in. `failure` says why when the last attempt failed; absent when the seller simply is not signed in. */
  | { status: 'signed_out'; failure?: MicrosoftAuthFailure }
  | { status: 'signing_in' }
  | { status: 'signed_in'; account: MicrosoftAccount; via: MicrosoftAuthVia };
