import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CreateContactAction, SaveEmailAction } from '../../salesforce/outbox/outbox';
import { ACME, BOB_LEAD, JANE, janeKnownBobNot, knownPeople } from '../../testing/crm-fixtures';
import { readItem } from '../../testing/fake-office';
import { renderWorkspace } from '../../testing/render-workspace';

const LOOKING_UP = 'Looking up people in Salesforce';

const otherEmail = () =>
  readItem({
    itemId: 'AAMkAD-item-2',
    internetMessageId: '<msg-2@globex.example>',
    subject: 'Intro',
    from: { displayName: 'Priya Patel', emailAddress: 'priya@globex.example' },
    cc: [],
  });

const createBob: CreateContactAction = {
  type: 'create_contact',
  clientKey: 'k-bob',
  fields: { FirstName: 'Bob', LastName: 'Lee', Email: 'bob.lee@acme.example', AccountId: ACME.Id },
  label: 'Bob Lee',
};

describe('WorkspaceView', () => {
  it('shows the people of the email as cards, then what the seller can do: save the email, log a follow-up', async () => {
    const { crm } = renderWorkspace({ crm: knownPeople() });

    expect(screen.getByRole('heading', { level: 1, name: 'People in this email' })).toBeTruthy();
    const jane = await screen.findByRole('group', { name: 'Jane Doe' });
    expect(within(jane).getByText('Contact')).toBeTruthy();
    expect(within(jane).getByText('CFO · Acme Corporation')).toBeTruthy();
    expect(within(jane).getByText('Acme renewal 2025')).toBeTruthy();
    expect(within(jane).getByRole('link', { name: 'Open Jane Doe in Salesforce' }).getAttribute('href')).toContain(`/Contact/${JANE.Id}`);
    const bob = screen.getByRole('group', { name: 'Bob Lee' });
    expect(within(bob).getByText('Lead')).toBeTruthy();
    expect(within(bob).getByText(BOB_LEAD.Status!)).toBeTruthy();

    expect(await screen.findByRole('heading', { name: 'Save this email to Salesforce' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save email' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log a follow-up for Jane Doe' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: LOOKING_UP })).toBeNull();
    // One request for the whole email.
    expect(crm.lookups).toBe(1);
  });

  it('read-only (the browser keeps nothing): the same people, and no way to write', async () => {
    renderWorkspace({ crm: janeKnownBobNot(), outbox: false });

    expect(await screen.findByRole('group', { name: 'Jane Doe' })).toBeTruthy();
    const bob = screen.getByRole('group', { name: 'Bob Lee' });
    expect(within(bob).getByText(/Not in Salesforce/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create contact' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Log a follow-up/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Save this email to Salesforce' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save email' })).toBeNull();
  });

  it('a contact the outbox creates replaces "Not in Salesforce" by its card, for one more lookup', async () => {
    const { crm, outbox, owner } = renderWorkspace({ crm: janeKnownBobNot() });
    const unknown = await screen.findByRole('group', { name: 'Bob Lee' });
    expect(within(unknown).getByText(/Not in Salesforce/)).toBeTruthy();
    expect(crm.lookups).toBe(1);

    await act(() => outbox!.enqueue(owner, createBob));

    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Bob Lee' })).getByText('Contact')).toBeTruthy());
    const bob = screen.getByRole('group', { name: 'Bob Lee' });
    expect(within(bob).queryByText(/Not in Salesforce/)).toBeNull();
    expect(within(bob).getByText('Acme renewal 2025')).toBeTruthy();
    expect(crm.lookups).toBe(2);
  });

  it('a contact created before the workspace mounted is in its first answer already: no lookup for it again', async () => {
    const { crm, outbox, owner, remount } = renderWorkspace({ crm: janeKnownBobNot() });
    await screen.findByRole('button', { name: 'Create contact' });
    await act(() => outbox!.enqueue(owner, createBob));
    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Bob Lee' })).getByText('Contact')).toBeTruthy());
    expect(crm.lookups).toBe(2);

    remount();

    expect(await screen.findByRole('button', { name: 'Log a follow-up for Bob Lee' })).toBeTruthy();
    // The outbox tells the new workspace about the finished entry too (its first answer, read before this list is):
    // it is older than the workspace, so nothing is asked again.
    await act(() => outbox!.list(owner));
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(screen.queryByText(/Not in Salesforce/)).toBeNull();
    expect(crm.lookups).toBe(2);
  });

  it('a saved email is remembered: back on it later, "Saved" without asking Salesforce again', async () => {
    const { crm, outbox, owner, selectItem } = renderWorkspace({ crm: knownPeople() });
    await screen.findByRole('button', { name: 'Save email' });

    const save: SaveEmailAction = {
      type: 'save_email',
      internetMessageId: '<msg-1@acme.example>',
      subject: 'Renewal for Q3',
      bodyExcerpt: '',
      activityDate: '2025-03-04',
      whoId: JANE.Id,
      label: 'Jane Doe',
    };
    const entry = await act(() => outbox!.enqueue(owner, save));
    expect(await screen.findByText('Saved to Salesforce')).toBeTruthy();
    // Only the directory remembers it now, not the outbox.
    await act(() => outbox!.discard(owner, entry.id));

    selectItem(otherEmail());
    expect(await screen.findByRole('group', { name: 'Priya Patel' })).toBeTruthy();
    const lookups = crm.lookups;
    selectItem(readItem());
    expect(await screen.findByText('Saved to Salesforce')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save email' })).toBeNull();
    expect(crm.lookups).toBe(lookups);
  });

  it('a pinned pane following another email: placeholders for as many people as before, then the new people', async () => {
    const { crm, selectItem } = renderWorkspace({ crm: knownPeople() });
    await screen.findByRole('group', { name: 'Jane Doe' });

    crm.holdLookups();
    selectItem(otherEmail());
    const placeholders = await screen.findByRole('status', { name: LOOKING_UP });
    expect(within(placeholders).getAllByTestId('people-skeleton-card').length).toBeGreaterThanOrEqual(1);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Jane Doe' })).toBeNull());
    crm.releaseLookups();

    const priya = await screen.findByRole('group', { name: 'Priya Patel' });
    expect(within(priya).getByText(/Not in Salesforce/)).toBeTruthy();
    expect(screen.queryByRole('status', { name: LOOKING_UP })).toBeNull();
  });
});
