import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { SignOutConfirmDialog } from './sign-out-confirm-dialog';

function renderDialog({ open = true, pendingCount = 2, lang = 'en' }: { open?: boolean; pendingCount?: number; lang?: 'en' | 'fr' } = {}) {
  const onDiscard = vi.fn();
  const onKeep = vi.fn();
  const view = renderWithFluent(<SignOutConfirmDialog open={open} pendingCount={pendingCount} strings={stringsFor(lang).shell} onDiscard={onDiscard} onKeep={onKeep} />, {
    lang,
  });
  return { ...view, onDiscard, onKeep };
}

describe('SignOutConfirmDialog', () => {
  it('is not there while closed', () => {
    renderDialog({ open: false });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks before discarding unsent work, saying how much, with Keep first and focused', () => {
    renderDialog({ pendingCount: 3 });
    const dialog = screen.getByRole('alertdialog', { name: 'Discard unsent work?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('3 change(s) waiting for Salesforce will be discarded if you sign out now.')).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Keep and cancel', 'Discard and sign out']);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep and cancel' }));
  });

  it('discards and signs out only when the seller says so, by keyboard', async () => {
    const { user, onDiscard, onKeep } = renderDialog();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Discard and sign out' }));
    await user.keyboard('{Enter}');
    expect(onDiscard).toHaveBeenCalledTimes(1);
    expect(onKeep).not.toHaveBeenCalled();
  });

  it('keeps the work on Keep, and on Escape', async () => {
    const { user, onDiscard, onKeep } = renderDialog();
    await user.keyboard('{Enter}');
    expect(onKeep).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onKeep).toHaveBeenCalledTimes(2);
    expect(onDiscard).not.toHaveBeenCalled();
  });

  it('keeps focus inside while open', async () => {
    const { user } = renderDialog();
    const dialog = screen.getByRole('alertdialog');
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  it('speaks French', () => {
    renderDialog({ lang: 'fr', pendingCount: 1 });
    const dialog = screen.getByRole('alertdialog', { name: 'Abandonner le travail non envoyé ?' });
    expect(within(dialog).getByText('1 modification(s) en attente pour Salesforce seront abandonnées si vous vous déconnectez maintenant.')).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Conserver et annuler', 'Abandonner et se déconnecter']);
  });
});
