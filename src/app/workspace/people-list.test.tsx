import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BOB_LEAD, JANE, knownPeople } from '../../testing/crm-fixtures';
import { asyncValue, composeItem, readItem } from '../../testing/fake-office';
import { renderWorkspace } from '../../testing/render-workspace';

const cardNames = () => screen.getAllByTestId(/^(person-card|unknown-person-card)$/).map((card) => card.getAttribute('aria-label'));
const cardsList = () => screen.getAllByRole('list')[0]!;

describe('PeopleList', () => {
  it('a card per match in the order of the email: contacts, then leads, then "Not in Salesforce"', async () => {
    const seed = knownPeople();
    // Jane is a lead too (same address): both cards, the contact first.
    seed.leads!.push({ ...BOB_LEAD, Id: '00Q5e000000Jane2AA', Name: 'Jane Doe (lead)', Email: JANE.Email, Company: 'Acme' });
    renderWorkspace({
      crm: seed,
      item: readItem({
        cc: [
          { displayName: 'Bob Lee', emailAddress: 'bob.lee@acme.example' },
          { displayName: 'Carol Chen', emailAddress: 'carol@initech.example' },
        ],
      }),
    });

    await screen.findByRole('group', { name: 'Carol Chen' });
    expect(cardNames()).toEqual(['Jane Doe', 'Jane Doe (lead)', 'Bob Lee', 'Carol Chen']);
    expect(within(screen.getByRole('group', { name: 'Jane Doe (lead)' })).getByText('Lead')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Carol Chen' })).getByText('carol@initech.example · Not in Salesforce')).toBeTruthy();
    expect(cardsList().getAttribute('aria-busy')).toBe('false');
  });

  it('a recipient just typed: a placeholder in its place, the other cards stay, the list busy until Salesforce answers', async () => {
    const { crm, typeRecipients } = renderWorkspace({
      crm: knownPeople(),
      item: composeItem({ to: asyncValue([{ displayName: 'Jane Doe', emailAddress: JANE.Email }]) }),
    });
    await screen.findByRole('group', { name: 'Jane Doe' });

    crm.holdLookups();
    typeRecipients([
      { displayName: 'Jane Doe', emailAddress: JANE.Email },
      { displayName: 'Bob Lee', emailAddress: BOB_LEAD.Email },
    ]);

    await waitFor(() => expect(within(cardsList()).getAllByTestId('people-skeleton-card')).toHaveLength(1));
    expect(cardNames()).toEqual(['Jane Doe']);
    await waitFor(() => expect(cardsList().getAttribute('aria-busy')).toBe('true'));
    // One placeholder inside a busy list: no second "Looking up" status for screen readers to repeat.
    expect(screen.queryByRole('status', { name: 'Looking up people in Salesforce' })).toBeNull();

    crm.releaseLookups();
    await screen.findByRole('group', { name: 'Bob Lee' });
    expect(cardNames()).toEqual(['Jane Doe', 'Bob Lee']);
    expect(within(cardsList()).queryByTestId('people-skeleton-card')).toBeNull();
    expect(cardsList().getAttribute('aria-busy')).toBe('false');
  });
});
