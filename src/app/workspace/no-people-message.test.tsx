import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { asyncValue, composeItem, readItem } from '../../testing/fake-office';
import { renderWorkspace } from '../../testing/render-workspace';

const seller = { displayName: 'Sam Seller', emailAddress: 'seller@demo.example' };

describe('NoPeopleMessage (an email with no one to look up)', () => {
  it('a read email between the seller and themselves: no one to look up, and no lookup', async () => {
    const { crm } = renderWorkspace({ item: readItem({ from: seller, to: [seller], cc: [] }) });

    expect(await screen.findByText('No one to look up in this email yet.')).toBeTruthy();
    expect(screen.queryByTestId('people-skeleton')).toBeNull();
    expect(crm.lookups).toBe(0);
  });

  it('a draft without recipients says how to see someone; typed recipients are looked up after a pause', async () => {
    const { crm, typeRecipients } = renderWorkspace({ item: composeItem({ to: asyncValue([]) }) });

    expect(await screen.findByText('Add recipients to see who they are in Salesforce.')).toBeTruthy();
    expect(crm.lookups).toBe(0);

    typeRecipients([{ displayName: 'Priya Patel', emailAddress: 'priya@globex.example' }]);

    expect(await screen.findByRole('group', { name: 'Priya Patel' })).toBeTruthy();
    expect(screen.queryByText('Add recipients to see who they are in Salesforce.')).toBeNull();
    expect(crm.lookups).toBe(1);
  });
});
