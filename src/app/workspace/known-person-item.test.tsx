import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { knownPeople } from '../../testing/crm-fixtures';
import { readItem } from '../../testing/fake-office';
import { focusTabbable } from '../../testing/keyboard';
import { renderWorkspace } from '../../testing/render-workspace';

const followUpForm = (name: string) => screen.queryByRole('form', { name: `Follow-up for ${name}` });

describe('KnownPersonItem (a contact or lead Salesforce knows)', () => {
  it("a contact: title and account, email, phone, owner, the account's open opportunities and a link to the record", async () => {
    renderWorkspace({ crm: knownPeople() });
    const jane = await screen.findByRole('group', { name: 'Jane Doe' });

    for (const text of ['Contact', 'CFO · Acme Corporation', 'jane.doe@acme.example', '+1 555 0100', 'Sam Seller', 'Open opportunities', 'Acme renewal 2025', 'Proposal · 48,000']) {
      expect(within(jane).getByText(text)).toBeTruthy();
    }
    expect(within(jane).getByRole('link', { name: 'Open Jane Doe in Salesforce' })).toBeTruthy();
  });

  it('a lead: company and status, no account', async () => {
    renderWorkspace({ crm: knownPeople() });
    const bob = await screen.findByRole('group', { name: 'Bob Lee' });

    for (const text of ['Lead', 'Acme', 'Open - Not Contacted']) expect(within(bob).getByText(text)).toBeTruthy();
    expect(within(bob).queryByText('Open opportunities')).toBeNull();
    expect(within(bob).getByRole('link', { name: 'Open Bob Lee in Salesforce' })).toBeTruthy();
  });

  it('Log a follow-up, from the keyboard: opens the form below the card; Cancel closes it and gives the focus back', async () => {
    const { user } = renderWorkspace({ crm: knownPeople() });
    const toggle = await screen.findByRole('button', { name: 'Log a follow-up for Jane Doe' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    focusTabbable(toggle);
    await user.keyboard('{Enter}');

    const form = await screen.findByRole('form', { name: 'Follow-up for Jane Doe' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(form).getByRole('textbox', { name: 'Subject' })).toHaveProperty('value', 'Follow up: Renewal for Q3');

    focusTabbable(within(form).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(followUpForm('Jane Doe')).toBeNull());
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(document.activeElement).toBe(toggle));
  });

  it("one follow-up form at a time: opening Bob's closes Jane's", async () => {
    const { user } = renderWorkspace({ crm: knownPeople() });
    await user.click(await screen.findByRole('button', { name: 'Log a follow-up for Jane Doe' }));
    await screen.findByRole('form', { name: 'Follow-up for Jane Doe' });

    await user.click(screen.getByRole('button', { name: 'Log a follow-up for Bob Lee' }));

    expect(await screen.findByRole('form', { name: 'Follow-up for Bob Lee' })).toBeTruthy();
    expect(followUpForm('Jane Doe')).toBeNull();
  });

  it('another email starts with the form closed', async () => {
    const { user, selectItem } = renderWorkspace({ crm: knownPeople() });
    await user.click(await screen.findByRole('button', { name: 'Log a follow-up for Jane Doe' }));
    await screen.findByRole('form', { name: 'Follow-up for Jane Doe' });

    selectItem(readItem({ itemId: 'AAMkAD-item-2', internetMessageId: '<msg-2@acme.example>', subject: 'Next steps' }));
    const toggle = await screen.findByRole('button', { name: 'Log a follow-up for Jane Doe' });
    expect(followUpForm('Jane Doe')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });
});
