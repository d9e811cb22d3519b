import {
  AuthError,
  BrowserAuthError,
  BrowserAuthErrorCodes,
  ClientAuthError,
  ClientAuthErrorCodes,
  InteractionRequiredAuthError,
  InteractionRequiredAuthErrorCodes,
  ServerError,
} from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { mapMsalError } from './map-msal-error';
import type { MicrosoftAuthFailureKind } from './microsoft-auth-state';
import { CancelledCodes, InteractionRequiredCodes, OfflineCodes, PopupBlockedCodes, TimeoutCodes } from './msal-error-codes';

const cid = '00000000-0000-0000-0000-000000000000';

// Real MSAL error objects, built the way MSAL builds them, so a rename in MSAL breaks this table.
const cases: Array<[string, unknown, MicrosoftAuthFailureKind, string]> = [
  ['server says interaction_required', new InteractionRequiredAuthError('interaction_required', cid), 'interaction_required', 'interaction_required'],
  ['invalid_grant with consent_required sub-error', new InteractionRequiredAuthError('invalid_grant', cid, 'AADSTS65001', 'consent_required'), 'interaction_required', 'invalid_grant'],
  ['nothing cached (no_tokens_found)', new InteractionRequiredAuthError(InteractionRequiredAuthErrorCodes.noTokensFound, cid), 'interaction_required', 'no_tokens_found'],
  ['silent without an account', new BrowserAuthError(BrowserAuthErrorCodes.noAccountError, cid), 'interaction_required', 'no_account_error'],
  ['NAA host has no account', new ClientAuthError(ClientAuthErrorCodes.noAccountFound, cid), 'interaction_required', 'no_account_found'],
  ['popup could not open', new BrowserAuthError(BrowserAuthErrorCodes.popupWindowError, cid), 'popup_blocked', 'popup_window_error'],
  ['popup opened empty', new BrowserAuthError(BrowserAuthErrorCodes.emptyWindowError, cid), 'popup_blocked', 'empty_window_error'],
  ['popup inside a popup', new BrowserAuthError(BrowserAuthErrorCodes.blockNestedPopups, cid), 'popup_blocked', 'block_nested_popups'],
  ['seller closed the popup', new BrowserAuthError(BrowserAuthErrorCodes.userCancelled, cid), 'cancelled', 'user_cancelled'],
  ['NAA host: seller cancelled', new ClientAuthError(ClientAuthErrorCodes.userCanceled, cid), 'cancelled', 'user_canceled'],
  ['seller declined consent', new ServerError('access_denied', cid, 'the user declined'), 'cancelled', 'access_denied'],
  ['browser offline', new BrowserAuthError(BrowserAuthErrorCodes.noNetworkConnectivity, cid), 'offline', 'no_network_connectivity'],
  ['NAA host offline', new ClientAuthError(ClientAuthErrorCodes.noNetworkConnectivity, cid), 'offline', 'no_network_connectivity'],
  ['fetch to the token endpoint failed', new BrowserAuthError(BrowserAuthErrorCodes.postRequestFailed, cid), 'offline', 'post_request_failed'],
  ['fetch of metadata failed', new BrowserAuthError(BrowserAuthErrorCodes.getRequestFailed, cid), 'offline', 'get_request_failed'],
  ['generic network error', new ClientAuthError(ClientAuthErrorCodes.networkError, cid), 'offline', 'network_error'],
  ['popup never answered', new BrowserAuthError(BrowserAuthErrorCodes.timedOut, cid), 'timeout', 'timed_out'],
  ['another interaction running', new BrowserAuthError(BrowserAuthErrorCodes.interactionInProgress, cid), 'error', 'interaction_in_progress'],
  ['server error', new ServerError('invalid_client', cid, 'bad client'), 'error', 'invalid_client'],
  ['NAA bridge disabled', new ClientAuthError(ClientAuthErrorCodes.nestedAppAuthBridgeDisabled, cid), 'error', 'nested_app_auth_bridge_disabled'],
  ['bare AuthError', new AuthError('unknown_error', cid), 'error', 'unknown_error'],
  ['not an MSAL error', new TypeError('x is undefined'), 'error', 'unknown_error'],
  ['a string', 'boom', 'error', 'unknown_error'],
  ['undefined', undefined, 'error', 'unknown_error'],
  ['a plain object with only a sub-error', { errorCode: 'invalid_grant', subError: 'bad_token' }, 'interaction_required', 'invalid_grant'],
];

describe('mapMsalError', () => {
  it.each(cases)('%s', (_name, error, kind, code) => {
    expect(mapMsalError(error)).toEqual({ kind, code });
  });

  // Walk every listed code so a code added to a list is also proven to map where the list says.
  const lists: Array<[MicrosoftAuthFailureKind, readonly string[]]> = [
    ['interaction_required', InteractionRequiredCodes],
    ['popup_blocked', PopupBlockedCodes],
    ['cancelled', CancelledCodes],
    ['offline', OfflineCodes],
    ['timeout', TimeoutCodes],
  ];
  for (const [kind, codes] of lists) {
    it.each(codes.map((code) => [code]))(`${kind}: %s`, (code) => {
      expect(mapMsalError(new AuthError(code, cid))).toEqual({ kind, code });
    });
  }

  it('never copies the message into the failure (server text may carry account data)', () => {
    const failure = mapMsalError(new ServerError('invalid_client', cid, 'secret-looking text eyJhbGciOi'));
    expect(JSON.stringify(failure)).not.toContain('eyJ');
  });
});
