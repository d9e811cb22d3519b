import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { knownPeople } from '../../testing/crm-fixtures';
import { readItem } from '../../testing/fake-office';
import { tabTo } from '../../testing/keyboard';
import { renderWorkspace } from '../../testing/render-workspace';

/** A read item whose sender Outlook fails to give, `times` times. */
function itemOutlookFailsToRead(times: number) {
  const item = readItem();
  const from = item.from;
  let failures = times;
  Object.defineProperty(item, 'from', {
    get() {
      if (failures > 0) {
        failures--;
        throw new Error('Outlook could not read the item');
      }
      return from;
    },
  });
  return item;
}

describe('EmailReadError (Outlook did not give the email)', () => {
  it('says the request failed and offers Try again, nothing else', async () => {
    const { crm } = renderWorkspace({ item: itemOutlookFailsToRead(1), crm: knownPeople() });

    const message = await screen.findByText('The request to Salesforce failed unexpectedly.');
    const bar = message.closest<HTMLElement>('[role="group"]');
    expect(bar).not.toBeNull();
    expect(within(bar!).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByTestId('person-card')).toBeNull();
    expect(screen.queryByTestId('people-skeleton')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Save this email to Salesforce' })).toBeNull();
    expect(crm.lookups).toBe(0);
  });

  it('Try again, from the keyboard, reads the email again and shows its people', async () => {
    const { user } = renderWorkspace({ item: itemOutlookFailsToRead(1), crm: knownPeople() });
    const retry = await screen.findByRole('button', { name: 'Try again' });

    await tabTo(user, retry);
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('group', { name: 'Jane Doe' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Bob Lee' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
