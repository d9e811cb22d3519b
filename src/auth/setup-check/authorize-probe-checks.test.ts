import { describe, expect, it } from 'vitest';
import { authorizeError, authorizeUnreadable, decideAuthorize, type NavigationAnswer } from './authorize-probe-checks';

const CALLBACK = 'https://addin.contoso.com/auth-callback.html';
const context = { redirectUri: CALLBACK, scopes: 'api refresh_token', signedIn: false };
const page = (status: number, text: string): NavigationAnswer => ({ kind: 'answer', status, text });
const redirect = (location: string): NavigationAnswer => ({ kind: 'answer', status: 302, location, text: '' });
const errorPage = (error: string) => page(400, `<p id="error">error=${error}</p>`);
const loginPage = page(200, '<form>Username</form>');
const pkceRefused = redirect(`${CALLBACK}?error=invalid_request&error_description=missing%20required%20code%20challenge&state=s`);

describe('authorizeError', () => {
  it.each([
    ['the error page itself', errorPage('redirect_uri_mismatch'), 'redirect_uri_mismatch'],
    ['a redirect to the error page', redirect('/setup/secur/RemoteAccessErrorPage.apexp?error=invalid_scope'), 'invalid_scope'],
    ['a redirect to the callback with an error', pkceRefused, 'invalid_request'],
    ['the login page', loginPage, undefined],
    ['a redirect to the login page', redirect('https://acme.my.salesforce.com/?startURL=%2Fsetup'), undefined],
  ] as const)('%s: %s', (_name, answer, error) => {
    expect(authorizeError(answer).error).toBe(error);
  });
});

describe('decideAuthorize', () => {
  it.each([
    ['everything right', loginPage, pkceRefused, ['ok', 'callback_listed'], ['ok', 'scopes_granted'], ['ok', 'pkce_required'], 'known'],
    ['callback not listed', errorPage('redirect_uri_mismatch'), undefined, ['problem', 'callback_not_listed'], ['unknown', 'not_checked'], ['unknown', 'not_checked'], 'known'],
    ['a scope the app lacks', errorPage('invalid_scope'), undefined, ['ok', 'callback_listed'], ['problem', 'scopes_missing'], ['unknown', 'not_checked'], 'known'],
    ['PKCE not required', loginPage, loginPage, ['ok', 'callback_listed'], ['ok', 'scopes_granted'], ['problem', 'pkce_not_required'], 'known'],
    ['an unknown consumer key', errorPage('invalid_client_id'), undefined, ['unknown', 'not_checked'], ['unknown', 'not_checked'], ['unknown', 'not_checked'], 'unknown'],
    [
      'an app not installed',
      redirect('/setup/secur/RemoteAccessErrorPage.apexp?error=OAUTH_EC_APP_NOT_FOUND'),
      undefined,
      ['unknown', 'not_checked'],
      ['unknown', 'not_checked'],
      ['unknown', 'not_checked'],
      'unknown',
    ],
    [
      'a blocked app',
      redirect(`${CALLBACK}?error=OAUTH_APP_BLOCKED`),
      undefined,
      ['unknown', 'unexpected_answer'],
      ['unknown', 'unexpected_answer'],
      ['unknown', 'unexpected_answer'],
      undefined,
    ],
    ['no answer', { kind: 'network_error' }, undefined, ['unknown', 'unexpected_answer'], ['unknown', 'unexpected_answer'], ['unknown', 'unexpected_answer'], undefined],
    [
      'an invalid_request elsewhere than the callback',
      loginPage,
      redirect('https://elsewhere.example/cb?error=invalid_request'),
      ['ok', 'callback_listed'],
      ['ok', 'scopes_granted'],
      ['unknown', 'unexpected_answer'],
      'known',
    ],
  ] as const)('%s', (_name, first, second, [cbStatus, cbFinding], [scStatus, scFinding], [pkStatus, pkFinding], client) => {
    const result = decideAuthorize(first, second, context);
    expect(result.callback).toMatchObject({ id: 'callback-url', status: cbStatus, finding: cbFinding });
    expect(result.scopes).toMatchObject({ id: 'scopes', status: scStatus, finding: scFinding });
    expect(result.pkce).toMatchObject({ id: 'pkce', status: pkStatus, finding: pkFinding });
    expect(result.client).toBe(client);
  });
});

describe('authorizeUnreadable (the pane)', () => {
  it('cannot tell before a sign-in', () => {
    const result = authorizeUnreadable(context);
    expect([result.callback.status, result.scopes.status, result.pkce.status]).toEqual(['unknown', 'unknown', 'unknown']);
    expect(result.callback.finding).toBe('browser_cannot_check');
  });

  it('after a sign-in through the app: callback and scopes work; PKCE being required is still unknown', () => {
    const result = authorizeUnreadable({ ...context, signedIn: true });
    expect([result.callback.status, result.scopes.status, result.pkce.status]).toEqual(['ok', 'ok', 'unknown']);
  });
});
