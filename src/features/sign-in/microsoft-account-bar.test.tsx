import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SAM as HOST_SAM } from '../../testing/naa-bridge-stand-in';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { createTestMicrosoftAuth, unconfiguredMicrosoftAuth } from '../../testing/test-microsoft-auth';
import { MicrosoftAccountBar } from './microsoft-account-bar';
import type { MicrosoftAuth } from '../../auth/microsoft';

function renderBar(microsoft: MicrosoftAuth, lang: 'en' | 'fr' = 'en') {
  return renderWithFluent(<MicrosoftAccountBar microsoft={microsoft} strings={stringsFor(lang).shell} />, { lang });
}

const needsInteraction = { GetToken: { status: 'USER_INTERACTION_REQUIRED' as const, code: 'interaction_required' } };

describe('MicrosoftAccountBar', () => {
  it('shows nothing when Microsoft sign-in is not configured', () => {
    const { container } = renderBar(unconfiguredMicrosoftAuth());
    expect(container.textContent).toBe('');
  });

  it('says it is checking while MSAL starts, then names the account signed in silently', async () => {
    const { microsoft } = createTestMicrosoftAuth();
    renderBar(microsoft);
    let started!: Promise<unknown>;
    act(() => {
      started = microsoft.initialize();
    });
    expect(screen.getByTestId('microsoft-account').dataset.status).toBe('initializing');
    expect(screen.getByText('Checking your Microsoft account…')).toBeTruthy();
    await act(() => started);
    expect(screen.getByTestId('microsoft-account-name').textContent).toBe('Microsoft account: Sam Seller');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers the sign-in when the host needs the seller, and a click (Enter) signs in', async () => {
    const { microsoft, host } = createTestMicrosoftAuth(needsInteraction);
    const { user } = renderBar(microsoft);
    await act(() => microsoft.initialize());
    expect(screen.getByText('Sign in with your work account to keep your Salesforce connection to yourself.')).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('microsoft-account-name')).textContent).toBe('Microsoft account: Sam Seller');
    expect(host.requests.map((r) => r.method)).toContain('GetTokenPopup');
  });

  it("keeps the button pressable while signing in (inside Outlook a second click joins the host's popup)", async () => {
    const { microsoft, host } = createTestMicrosoftAuth({ ...needsInteraction, GetTokenPopup: 'never' });
    const { user } = renderBar(microsoft);
    await act(() => microsoft.initialize());
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    const button = await screen.findByRole('button', { name: 'Signing in with Microsoft…' });
    expect(screen.getByTestId('microsoft-account').dataset.status).toBe('signing_in');
    expect(button).toHaveProperty('disabled', false);
    const popups = () => host.requests.filter((r) => r.method === 'GetTokenPopup').length;
    await waitFor(() => expect(popups()).toBe(1));
    await user.click(button);
    expect(popups()).toBe(1);
    expect(screen.getByTestId('microsoft-account').dataset.status).toBe('signing_in');
  });

  it.each([
    ['USER_CANCEL', undefined, 'cancelled', 'Microsoft sign-in cancelled', 'The sign-in window was closed.'],
    ['NO_NETWORK', undefined, 'offline', 'You are offline', 'Microsoft sign-in needs the network.'],
    ['PERSISTENT_ERROR', 'invalid_client', 'error', 'Microsoft sign-in did not complete', 'give your admin this code: invalid_client.'],
  ] as const)('says what happened when the host answers %s', async (status, code, kind, title, body) => {
    const { microsoft } = createTestMicrosoftAuth({ ...needsInteraction, GetTokenPopup: { status, ...(code ? { code } : {}) } });
    const { user } = renderBar(microsoft);
    await act(() => microsoft.initialize());
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    const problem = await screen.findByTestId('microsoft-sign-in-problem');
    expect(problem.dataset.kind).toBe(kind);
    expect(problem.textContent).toContain(title);
    expect(problem.textContent).toContain(body);
    // The way to try again stays right there.
    expect(screen.getByRole('button', { name: 'Sign in with Microsoft' })).toBeTruthy();
  });

  it('lists the steps to allow a blocked popup', async () => {
    const { microsoft } = createTestMicrosoftAuth({ ...needsInteraction, GetTokenPopup: { status: 'PERSISTENT_ERROR', code: 'popup_window_error' } });
    const { user } = renderBar(microsoft);
    await act(() => microsoft.initialize());
    await user.click(screen.getByRole('button', { name: 'Sign in with Microsoft' }));
    const problem = await screen.findByTestId('microsoft-sign-in-problem');
    expect(problem.dataset.kind).toBe('popup_blocked');
    expect(
      within(problem)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Click the blocked pop-up icon at the right end of the address bar.',
      'Choose “Always allow pop-ups and redirects” from Outlook, then Done.',
      'Click “Sign in with Microsoft” again.',
    ]);
  });

  it('names the account by its sign-in name when the directory has no display name', async () => {
    const { microsoft } = createTestMicrosoftAuth({ account: { ...HOST_SAM, name: '' } });
    renderBar(microsoft);
    await act(() => microsoft.initialize());
    expect(screen.getByTestId('microsoft-account-name').textContent).toBe(`Microsoft account: ${HOST_SAM.username}`);
  });

  it('shows a hostile account name as text', async () => {
    const { microsoft } = createTestMicrosoftAuth({ account: { ...HOST_SAM, name: '<img src=x onerror="alert(1)">' } });
    renderBar(microsoft);
    await act(() => microsoft.initialize());
    expect(screen.getByTestId('microsoft-account-name').textContent).toBe('Microsoft account: <img src=x onerror="alert(1)">');
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks French', async () => {
    const { microsoft } = createTestMicrosoftAuth({ ...needsInteraction, GetTokenPopup: { status: 'USER_CANCEL' } });
    const { user } = renderBar(microsoft, 'fr');
    await act(() => microsoft.initialize());
    await user.click(screen.getByRole('button', { name: 'Se connecter avec Microsoft' }));
    expect((await screen.findByTestId('microsoft-sign-in-problem')).textContent).toContain('Connexion Microsoft annulée');
  });
});
