import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ACME, janeKnownBobNot } from '../../testing/crm-fixtures';
import { focusTabbable } from '../../testing/keyboard';
import { renderWorkspace } from '../../testing/render-workspace';

const newContactForm = () => screen.queryByRole('form', { name: 'New contact' });

describe('UnknownPersonItem (an address Salesforce does not know)', () => {
  it('says "Not in Salesforce" with the address, and offers Create contact', async () => {
    renderWorkspace({ crm: janeKnownBobNot() });
    const bob = await screen.findByRole('group', { name: 'Bob Lee' });

    expect(within(bob).getByText('bob.lee@acme.example · Not in Salesforce')).toBeTruthy();
    expect(within(bob).getByRole('button', { name: 'Create contact' })).toBeTruthy();
    expect(within(bob).queryByRole('link')).toBeNull();
  });

  it('Create contact, from the keyboard: the form opens in the card, filled from the email; Cancel gives the focus back', async () => {
    const { user } = renderWorkspace({ crm: janeKnownBobNot() });
    const bob = await screen.findByRole('group', { name: 'Bob Lee' });
    const create = within(bob).getByRole('button', { name: 'Create contact' });

    focusTabbable(create);
    await user.keyboard('{Enter}');

    const form = await screen.findByRole('form', { name: 'New contact' });
    expect(bob.contains(form)).toBe(true);
    expect(within(form).getByRole('textbox', { name: 'First name' })).toHaveProperty('value', 'Bob');
    expect(within(form).getByRole('textbox', { name: /Last name/ })).toHaveProperty('value', 'Lee');
    expect(within(form).getByRole('textbox', { name: /Email/ })).toHaveProperty('value', 'bob.lee@acme.example');
    // The account matched by the address's domain is offered, and chosen.
    expect(within(form).getByRole('combobox', { name: 'Account' })).toHaveProperty('value', ACME.Id);
    expect(within(form).getByRole('option', { name: 'Acme Corporation' })).toBeTruthy();
    // The card's own button gives way to the form's.
    expect(create.isConnected).toBe(false);

    focusTabbable(within(form).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(newContactForm()).toBeNull());
    const back = within(screen.getByRole('group', { name: 'Bob Lee' })).getByRole('button', { name: 'Create contact' });
    await waitFor(() => expect(document.activeElement).toBe(back));
  });

  it('creating the contact: once Salesforce has it, its card replaces "Not in Salesforce" and takes the focus', async () => {
    const { user, crm } = renderWorkspace({ crm: janeKnownBobNot() });
    const bob = await screen.findByRole('group', { name: 'Bob Lee' });
    await user.click(within(bob).getByRole('button', { name: 'Create contact' }));
    const form = await screen.findByRole('form', { name: 'New contact' });

    const submit = within(form).getByRole('button', { name: 'Create contact' });
    focusTabbable(submit);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Bob Lee' })).getByText('Contact')).toBeTruthy());
    const card = screen.getByRole('group', { name: 'Bob Lee' });
    expect(card.getAttribute('data-testid')).toBe('person-card');
    expect(within(card).getByText('Acme renewal 2025')).toBeTruthy();
    expect(newContactForm()).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(card));
    expect(crm.contacts.map((c) => c.Name)).toContain('Bob Lee');
  });
});
