import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import { SAM } from '../../testing/fake-salesforce-api';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { ConnectionBanner } from './connection-banner';

const AT = Date.UTC(2025, 2, 4, 10, 30, 0);

const sessionExpired: ClassifiedFailure = { kind: 'session_expired', connectionLost: true, retryable: false, code: 'INVALID_SESSION_ID', status: 401 };
const badToken: ClassifiedFailure = { kind: 'bad_oauth_token', connectionLost: true, retryable: false, code: 'invalid_grant' };
const inactiveUser: ClassifiedFailure = { kind: 'admin_action_required', connectionLost: false, retryable: false, code: 'inactive', reason: 'inactive_user' };

function renderBanner(
  failure: ClassifiedFailure,
  { lang = 'en', busy = false, copyText = vi.fn(() => Promise.resolve()) }: { lang?: 'en' | 'fr'; busy?: boolean; copyText?: (text: string) => Promise<void> } = {},
) {
  const onSignInAgain = vi.fn();
  const onSignOut = vi.fn();
  const { locale, shell } = stringsFor(lang);
  const view = renderWithFluent(
    <ConnectionBanner failure={failure} at={AT} identity={SAM} strings={shell} locale={locale} busy={busy} onSignInAgain={onSignInAgain} onSignOut={onSignOut} copyText={copyText} />,
    { lang },
  );
  return { ...view, onSignInAgain, onSignOut, copyText };
}

describe('ConnectionBanner', () => {
  it('says the connection is lost and why, that work is kept, and offers the two ways out', () => {
    renderBanner(sessionExpired);
    const banner = screen.getByRole('group', { name: 'Connection lost' });
    expect(banner.dataset.testid).toBe('connection-lost');
    expect(within(banner).getByText('Your Salesforce session expired or is no longer valid.')).toBeTruthy();
    expect(within(banner).getByText('Your work is kept and goes to Salesforce once you sign in again.')).toBeTruthy();
    expect(
      within(banner)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Sign in again', 'Sign out', 'Details']);
  });

  it('says the sign-in could not be renewed for a dead refresh token', () => {
    renderBanner(badToken);
    const banner = screen.getByRole('group', { name: 'Connection lost' });
    expect(within(banner).getByText('Your Salesforce sign-in could not be renewed.')).toBeTruthy();
    expect(within(banner).queryByText('Your Salesforce session expired or is no longer valid.')).toBeNull();
  });

  it('puts Sign in again first by Tab, then Sign out, then the details; each calls its action', async () => {
    const { user, onSignInAgain, onSignOut } = renderBanner(sessionExpired);
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Sign in again');
    await user.keyboard('{Enter}');
    expect(onSignInAgain).toHaveBeenCalledTimes(1);
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Sign out');
    await user.keyboard(' ');
    expect(onSignOut).toHaveBeenCalledTimes(1);
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Details');
    expect(onSignInAgain).toHaveBeenCalledTimes(1);
  });

  it('holds both actions while a sign-in or sign-out is under way', async () => {
    const { user, onSignInAgain, onSignOut } = renderBanner(sessionExpired, { busy: true });
    const signInAgain = screen.getByRole('button', { name: 'Sign in again' });
    const signOut = screen.getByRole('button', { name: 'Sign out' });
    expect(signInAgain).toHaveProperty('disabled', true);
    expect(signOut).toHaveProperty('disabled', true);
    await user.click(signInAgain);
    await user.click(signOut);
    expect(onSignInAgain).not.toHaveBeenCalled();
    expect(onSignOut).not.toHaveBeenCalled();
  });

  it('opens details for support (kind, code, status, time, org, user) and copies them', async () => {
    const { user, copyText } = renderBanner(sessionExpired);
    await user.click(screen.getByRole('button', { name: 'Details' }));
    const details = screen.getByTestId('connection-lost-details');
    for (const text of ['session_expired', 'INVALID_SESSION_ID', '401', '2025-03-04T10:30:00.000Z', SAM.orgId, SAM.username]) {
      expect(within(details).getByText(text)).toBeTruthy();
    }
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(copyText).toHaveBeenCalledWith(expect.stringContaining('Kind: session_expired\nSalesforce code: INVALID_SESSION_ID'));
    expect(await within(details).findByText('Copied')).toBeTruthy();
  });

  it("shows Salesforce's own text in the details as text, cut short and without a token it may echo", async () => {
    const token = '00D5e000000DemoAAA!AQ0AQKz3vQ8xTc9Zq1Y2b3C4d5E6f7G8h9I0j1K2l3M4n5O6p7Q8r9S0t1U2v3W4x5Y6z7';
    const detail = `<img src=x onerror="alert(1)"> session ${token} ${'x'.repeat(400)}`;
    const { user } = renderBanner({ ...sessionExpired, detail });
    await user.click(screen.getByRole('button', { name: 'Details' }));
    const value = within(screen.getByTestId('connection-lost-details')).getByText(/^<img src=x onerror="alert\(1\)">/);
    expect(document.querySelector('img')).toBeNull();
    expect(value.textContent?.length).toBe(300);
    expect(value.textContent).not.toContain(token);
  });

  it('never calls a cause only an admin can fix a lost connection: it says what to ask for, with the same ways out', () => {
    renderBanner(inactiveUser);
    expect(screen.queryByTestId('connection-lost')).toBeNull();
    expect(screen.queryByText('Connection lost')).toBeNull();
    const banner = screen.getByRole('group', { name: 'Your Salesforce user is inactive' });
    expect(banner.dataset.testid).toBe('connection-blocked');
    expect(within(banner).getByText('Salesforce reports that your user has been deactivated.')).toBeTruthy();
    expect(within(banner).getByText('Ask your Salesforce admin to reactivate your user.')).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Sign in again' })).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('speaks French', async () => {
    const { user } = renderBanner(sessionExpired, { lang: 'fr' });
    const banner = screen.getByRole('group', { name: 'Connexion perdue' });
    expect(within(banner).getByText('Votre session Salesforce a expiré ou n’est plus valide.')).toBeTruthy();
    expect(
      within(banner)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Se reconnecter', 'Se déconnecter', 'Détails']);
    await user.click(within(banner).getByRole('button', { name: 'Détails' }));
    expect(within(banner).getByText('Code Salesforce')).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Masquer les détails' })).toBeTruthy();
  });

  it('speaks French for an admin cause too', () => {
    renderBanner(inactiveUser, { lang: 'fr' });
    expect(screen.getByRole('group', { name: 'Votre utilisateur Salesforce est inactif' })).toBeTruthy();
    expect(screen.getByText('Demandez à votre administrateur Salesforce de réactiver votre utilisateur.')).toBeTruthy();
  });
});
