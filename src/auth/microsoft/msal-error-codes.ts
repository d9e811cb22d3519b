/**
 * The MSAL error codes this add-in decides on, as MSAL spells them (msal-common `*ErrorCodes`, msal-browser
 * `BrowserAuthErrorCodes`). Kept as strings here so the classifier stays pure and does not pull MSAL into the first
 * paint.
 */
export const InteractionRequiredCodes = [
  // InteractionRequiredAuthErrorCodes (msal-common)
  'no_tokens_found',
  'native_account_unavailable',
  'refresh_token_expired',
  'ui_not_allowed',
  'interaction_required',
  'consent_required',
  'login_required',
  'bad_token',
  'interrupted_user',
  // Nothing cached to be silent with: the seller has to sign in.
  'no_account_error',
  'no_account_found',
  'no_account_in_silent_request',
  'token_refresh_required',
] as const;

export const PopupBlockedCodes = ['popup_window_error', 'empty_window_error', 'block_nested_popups'] as const;

export const CancelledCodes = [
  'user_cancelled', // BrowserAuthError: the popup was closed
  'user_canceled', // ClientAuthError: the NAA host reports the seller cancelled
  'access_denied', // the identity provider: the seller declined consent
] as const;

export const OfflineCodes = ['no_network_connectivity', 'network_error', 'post_request_failed', 'get_request_failed'] as const;

export const TimeoutCodes = ['timed_out', 'monitor_window_timeout', 'bridge_timeout', 'native_handshake_timeout'] as const;

/** Our own codes, for failures that do not come from MSAL. */
export const LocalCodes = {
  initializeTimeout: 'initialize_timeout',
  signInTimeout: 'sign_in_timeout',
  msalUnavailable: 'msal_unavailable',
  unknown: 'unknown_error',
} as const;
