import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SalesforceLoginChoice } from '../../config/runtime-config';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { WelcomeScreen } from './welcome-screen';

const MY_DOMAIN = 'https://acme.my.salesforce.com';
const SANDBOX = 'https://acme--uat.sandbox.my.salesforce.com';
const choices: SalesforceLoginChoice[] = [
  { label: 'Production', loginUrl: MY_DOMAIN },
  { label: 'Sandbox', loginUrl: SANDBOX },
];

interface WelcomeOptions {
  loginChoices?: SalesforceLoginChoice[];
  defaultLoginUrl?: string;
  busy?: boolean;
  lang?: 'en' | 'fr';
  notice?: ReactNode;
}

function renderWelcome({ loginChoices = [], defaultLoginUrl = MY_DOMAIN, busy = false, lang = 'en', notice }: WelcomeOptions = {}) {
  const onSignIn = vi.fn();
  const view = renderWithFluent(
    <WelcomeScreen strings={stringsFor(lang).shell} defaultLoginUrl={defaultLoginUrl} loginChoices={loginChoices} busy={busy} onSignIn={onSignIn} notice={notice} />,
    { lang },
  );
  return { ...view, onSignIn };
}

describe('WelcomeScreen', () => {
  it('says what the add-in does, with one button that signs in at the configured address', async () => {
    const { user, onSignIn } = renderWelcome();
    const welcome = screen.getByRole('region', { name: 'Salesforce for Outlook' });
    expect(within(welcome).getByRole('heading', { level: 1, name: 'Salesforce for Outlook' })).toBeTruthy();
    expect(within(welcome).getByText('See the Salesforce people behind each email, save emails to Salesforce and create contacts.')).toBeTruthy();
    expect(within(welcome).queryByRole('radiogroup')).toBeNull();
    await user.tab();
    expect(document.activeElement).toBe(within(welcome).getByRole('button', { name: 'Sign in to Salesforce' }));
    await user.keyboard('{Enter}');
    expect(onSignIn).toHaveBeenCalledExactlyOnceWith(MY_DOMAIN);
  });

  it('lets the seller pick where to sign in, by keyboard, and signs in there', async () => {
    const { user, onSignIn } = renderWelcome({ loginChoices: choices });
    const group = await screen.findByRole('radiogroup', { name: 'Where do you sign in?' });
    const radios = within(group).getAllByRole<HTMLInputElement>('radio');
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual(['Production', 'Sandbox']);
    expect(radios.map((r) => r.checked)).toEqual([true, false]);
    await user.tab();
    expect(document.activeElement).toBe(radios[0]);
    await user.keyboard('{ArrowDown}');
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in to Salesforce' }));
    await user.keyboard(' ');
    expect(onSignIn).toHaveBeenCalledExactlyOnceWith(SANDBOX);
  });

  it('offers the configured address as My Domain when the choices leave it out', async () => {
    const { user, onSignIn } = renderWelcome({ loginChoices: [choices[1]!], defaultLoginUrl: MY_DOMAIN });
    const radios = within(await screen.findByRole('radiogroup')).getAllByRole<HTMLInputElement>('radio');
    expect(radios.map((r) => [r.labels?.[0]?.textContent, r.value, r.checked])).toEqual([
      ['My Domain', MY_DOMAIN, true],
      ['Sandbox', SANDBOX, false],
    ]);
    await user.click(screen.getByRole('button', { name: 'Sign in to Salesforce' }));
    expect(onSignIn).toHaveBeenCalledWith(MY_DOMAIN);
  });

  it('holds the button while signing in', async () => {
    const { user, onSignIn } = renderWelcome({ busy: true });
    const button = screen.getByRole('button', { name: 'Signing in…' });
    expect(button).toHaveProperty('disabled', true);
    await user.click(button);
    expect(onSignIn).not.toHaveBeenCalled();
  });

  it('shows a sign-in problem above the button', () => {
    renderWelcome({ notice: <p>Pop-ups are blocked</p> });
    const welcome = screen.getByTestId('welcome');
    const notice = within(welcome).getByText('Pop-ups are blocked');
    const button = within(welcome).getByRole('button', { name: 'Sign in to Salesforce' });
    expect(notice.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows a configured label as text', async () => {
    renderWelcome({ loginChoices: [{ label: '<img src=x onerror="alert(1)">', loginUrl: SANDBOX }, choices[0]!] });
    expect(await screen.findByRole('radio', { name: '<img src=x onerror="alert(1)">' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks French', async () => {
    renderWelcome({ loginChoices: [choices[1]!], lang: 'fr' });
    expect(screen.getByRole('heading', { name: 'Salesforce pour Outlook' })).toBeTruthy();
    expect(await screen.findByRole('radiogroup', { name: 'Où vous connectez-vous ?' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Mon domaine' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Se connecter à Salesforce' })).toBeTruthy();
  });
});
