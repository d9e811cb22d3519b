import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuthNotice } from '../../auth/auth-controller';
import { ALEX, SAM } from '../../testing/fake-salesforce-api';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { SignInNotice } from './sign-in-notice';

function renderNotice(notice: AuthNotice, lang: 'en' | 'fr' = 'en') {
  const onDismiss = vi.fn();
  const view = renderWithFluent(<SignInNotice notice={notice} locale={stringsFor(lang).locale} onDismiss={onDismiss} />, { lang });
  return { ...view, onDismiss };
}

const steps = (bar: HTMLElement) =>
  within(bar)
    .queryAllByRole('listitem')
    .map((li) => li.textContent);

describe('SignInNotice', () => {
  it('explains a blocked pop-up with the steps to allow it, and is dismissed from the keyboard', async () => {
    const { user, onDismiss } = renderNotice({ type: 'sign_in_problem', problem: { status: 'dialog_failed', code: 12011, message: 'blocked' } });
    const bar = screen.getByTestId('sign-in-problem');
    expect(bar.dataset.code).toBe('12011');
    expect(within(bar).getByText('Pop-ups are blocked')).toBeTruthy();
    expect(bar.textContent).toContain('Your browser blocked the sign-in window. To allow it in Outlook on the web:');
    expect(within(bar).getByTestId('sign-in-steps').tagName).toBe('OL');
    expect(steps(bar)).toEqual([
      'Click the blocked pop-up icon at the right end of the address bar.',
      'Choose “Always allow pop-ups and redirects” from Outlook, then Done.',
      'Click the sign-in button again.',
    ]);
    await user.tab();
    expect(document.activeElement).toBe(within(bar).getByRole('button', { name: 'Dismiss' }));
    await user.keyboard('{Enter}');
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('says a sign-in answer it could not verify was not used', () => {
    renderNotice({ type: 'sign_in_problem', problem: { status: 'rejected', reason: 'state_mismatch' } });
    const bar = screen.getByTestId('sign-in-problem');
    expect(bar.dataset.code).toBe('state_mismatch');
    expect(bar.textContent).toContain('Sign-in did not complete');
    expect(bar.textContent).toContain('The answer from the sign-in window could not be verified, so it was not used. Please sign in again.');
    expect(steps(bar)).toEqual([]);
  });

  it('says what Salesforce refused, and the set-up steps an admin needs, naming the login address', () => {
    renderNotice({
      type: 'sign_in_problem',
      problem: {
        status: 'failed',
        failure: { kind: 'admin_action_required', connectionLost: false, retryable: false, code: 'cors', reason: 'oauth_cors_blocked' },
        loginUrl: 'https://acme.my.salesforce.com',
        appOrigin: 'https://addin.example',
      },
    });
    const bar = screen.getByTestId('sign-in-problem');
    expect(bar.dataset.code).toBe('cors');
    expect(bar.textContent).toContain('Salesforce isn’t set up for the add-in yet');
    expect(bar.textContent).toContain('Ask your Salesforce admin to:');
    expect(steps(bar)).toHaveLength(3);
    expect(steps(bar)[0]).toContain('It is now https://acme.my.salesforce.com.');
    expect(steps(bar)[2]).toBe('In Setup → CORS, add https://addin.example to the CORS allowlist.');
  });

  it('says a start-up restore failed and what to do', () => {
    renderNotice({ type: 'restore_problem', failure: { kind: 'offline', connectionLost: false, retryable: true } });
    const bar = screen.getByTestId('sign-in-problem');
    expect(bar.dataset.code).toBe('');
    expect(bar.textContent).toContain('Sign in again once you are back online.');
  });

  it('shows a Salesforce code it was given as data, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    renderNotice({ type: 'sign_in_problem', problem: { status: 'dialog_failed', code: 12999, message: hostile } });
    const bar = screen.getByTestId('sign-in-problem');
    expect(bar.textContent).toContain('The sign-in window could not be opened (Office error 12999). Try again.');
    expect(bar.textContent).not.toContain(hostile);
    expect(document.querySelector('img')).toBeNull();
  });

  it("says another Salesforce user is now signed in and that the previous one's work was not sent", () => {
    renderNotice({ type: 'switched_user', identity: ALEX, previous: SAM, unsentCount: 2 });
    const bar = screen.getByTestId('switched-user');
    expect(bar.textContent).toContain('Signed in as another Salesforce user');
    expect(bar.textContent).toContain('You are now signed in as Alex Second (second@demo.example); work waiting for Sam Seller (seller@demo.example) was not sent.');
    expect(within(bar).getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  });

  it('says only who replaced whom when nothing was waiting, and shows hostile names as text', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    renderNotice({ type: 'switched_user', identity: { ...ALEX, displayName: hostile }, previous: { ...SAM, displayName: '' }, unsentCount: 0 });
    expect(screen.getByTestId('switched-user').textContent).toContain(`You are now signed in as ${hostile} (second@demo.example) instead of seller@demo.example.`);
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks French', () => {
    const { unmount } = renderNotice({ type: 'sign_in_problem', problem: { status: 'dialog_failed', code: 12011, message: '' } }, 'fr');
    const bar = screen.getByTestId('sign-in-problem');
    expect(bar.textContent).toContain('Fenêtres contextuelles bloquées');
    expect(steps(bar)[2]).toBe('Cliquez à nouveau sur le bouton de connexion.');
    expect(within(bar).getByRole('button', { name: 'Fermer' })).toBeTruthy();
    unmount();
    renderNotice({ type: 'switched_user', identity: ALEX, previous: SAM, unsentCount: 1 }, 'fr');
    expect(screen.getByTestId('switched-user').textContent).toContain('Connecté avec un autre utilisateur Salesforce');
  });
});
