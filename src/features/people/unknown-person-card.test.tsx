import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { UnknownPersonCard } from './unknown-person-card';

const priya: EmailPerson = { address: 'priya@globex.example', name: 'Priya Patel', role: 'to' };

/** The card as the workspace drives it: Create opens a form inside the card; Cancel or Create closes it. */
function CardWithForm({ person, lang = 'en' }: { person: EmailPerson; lang?: 'en' | 'fr' }) {
  const [state, setState] = useState<'closed' | 'open' | 'created'>('closed');
  const form =
    state === 'open' ? (
      <div>
        <input aria-label="Last name" autoFocus />
        <button type="button" onClick={() => setState('closed')}>
          Cancel
        </button>
        <button type="button" onClick={() => setState('created')}>
          Create
        </button>
      </div>
    ) : undefined;
  return <UnknownPersonCard person={person} strings={stringsFor(lang).workspace} form={form} created={state === 'created'} onCreate={() => setState('open')} />;
}

describe('UnknownPersonCard', () => {
  it('says the address is not in Salesforce and offers to create the contact', async () => {
    const onCreate = vi.fn();
    const { user } = renderWithFluent(<UnknownPersonCard person={priya} strings={stringsFor('en').workspace} onCreate={onCreate} />);
    const card = screen.getByRole('group', { name: 'Priya Patel' });
    expect(within(card).getByText('Priya Patel')).toBeTruthy();
    expect(within(card).getByText('priya@globex.example · Not in Salesforce')).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Create contact' }));
    await user.keyboard('{Enter}');
    expect(onCreate).toHaveBeenCalledTimes(1);
  });

  it('names the card by its address when Outlook gave no display name', () => {
    renderWithFluent(<UnknownPersonCard person={{ ...priya, name: '' }} strings={stringsFor('en').workspace} onCreate={vi.fn()} />);
    expect(screen.getByRole('group', { name: 'priya@globex.example' })).toBeTruthy();
  });

  it('offers no Create button where the workspace cannot keep the write', () => {
    renderWithFluent(<UnknownPersonCard person={priya} strings={stringsFor('en').workspace} />);
    expect(screen.getByText('priya@globex.example · Not in Salesforce')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the form in place of the button, and gives focus back to Create when the form is cancelled', async () => {
    const { user } = renderWithFluent(<CardWithForm person={priya} />);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    expect(screen.queryByRole('button', { name: 'Create contact' })).toBeNull();
    expect(within(screen.getByTestId('unknown-person-card')).getByRole('textbox', { name: 'Last name' })).toBeTruthy();
    screen.getByRole('button', { name: 'Cancel' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create contact' }));
  });

  it('leaves the focus alone when the form closed because the contact was created (its new card takes it)', async () => {
    const { user } = renderWithFluent(<CardWithForm person={priya} />);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    screen.getByRole('button', { name: 'Create' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).not.toBe(screen.getByRole('button', { name: 'Create contact' }));
  });

  it('renders a hostile display name as text and clips a long one', () => {
    const hostile = `<img src=x onerror="alert(1)">${'x'.repeat(300)}`;
    renderWithFluent(<UnknownPersonCard person={{ ...priya, name: hostile }} strings={stringsFor('en').workspace} onCreate={vi.fn()} />);
    const card = screen.getByTestId('unknown-person-card');
    expect(card.getAttribute('aria-label')).toBe(`${hostile.slice(0, 119)}…`);
    expect(within(card).getByText(`${hostile.slice(0, 119)}…`)).toBeTruthy();
    expect(card.querySelector('img')).toBeNull();
  });

  it('speaks French', () => {
    renderWithFluent(<CardWithForm person={priya} lang="fr" />, { lang: 'fr' });
    expect(screen.getByText('priya@globex.example · Absent de Salesforce')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Créer le contact' })).toBeTruthy();
  });
});
