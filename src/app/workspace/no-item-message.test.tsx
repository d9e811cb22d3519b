import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { knownPeople } from '../../testing/crm-fixtures';
import { readItem } from '../../testing/fake-office';
import { renderWorkspace } from '../../testing/render-workspace';

describe('NoItemMessage (a pinned pane between items)', () => {
  it('asks the seller to select an email, and asks Salesforce nothing', async () => {
    const { crm } = renderWorkspace({ item: null, crm: knownPeople() });

    expect(await screen.findByText('Select an email to see the people behind it.')).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Looking up people in Salesforce' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Save this email to Salesforce' })).toBeNull();
    expect(crm.lookups).toBe(0);
  });

  it('gives way to the people of the email the seller selects', async () => {
    const { selectItem } = renderWorkspace({ item: null, crm: knownPeople() });
    await screen.findByText('Select an email to see the people behind it.');

    selectItem(readItem());

    expect(await screen.findByRole('group', { name: 'Jane Doe' })).toBeTruthy();
    expect(screen.queryByText('Select an email to see the people behind it.')).toBeNull();
  });
});
