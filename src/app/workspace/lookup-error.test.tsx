import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { knownPeople } from '../../testing/crm-fixtures';
import { tabTo } from '../../testing/keyboard';
import { renderWorkspace } from '../../testing/render-workspace';

describe('LookupError (Salesforce did not answer the lookup)', () => {
  it('says what failed, why and what to do, with Try again', async () => {
    const { crm } = renderWorkspace({ crm: knownPeople() });
    crm.failLookups({ kind: 'rate_limited', connectionLost: false, retryable: true });

    const error = await screen.findByTestId('people-error');
    expect(within(error).getByText('Could not look up the people in this email')).toBeTruthy();
    expect(error.textContent).toContain('Your Salesforce org has reached its usage limit for now.');
    expect(error.textContent).toContain('Try again later. Nothing you did has been lost.');
    expect(within(error).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Jane Doe' })).toBeNull();
    // Nothing to save an email on while the people are unknown.
    expect(screen.queryByRole('heading', { name: 'Save this email to Salesforce' })).toBeNull();
  });

  it('Try again, from the keyboard, asks Salesforce again and shows the people', async () => {
    const { crm, user } = renderWorkspace({ crm: knownPeople() });
    crm.failLookups({ kind: 'transient', connectionLost: false, retryable: true });
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(crm.lookups).toBe(1);

    crm.failLookups(undefined);
    await tabTo(user, retry);
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('group', { name: 'Jane Doe' })).toBeTruthy();
    expect(screen.queryByTestId('people-error')).toBeNull();
    expect(crm.lookups).toBe(2);
  });

  it('back from a lost connection, tries again by itself', async () => {
    const { api, crm } = renderWorkspace({ crm: knownPeople() });
    crm.failLookups({ kind: 'session_expired', connectionLost: true, retryable: false });
    await screen.findByTestId('people-error');
    act(() => api.setState({ status: 'lost', failure: { kind: 'session_expired', connectionLost: true, retryable: false }, at: 0 }));
    expect(crm.lookups).toBe(1);

    crm.failLookups(undefined);
    act(() => api.setState({ status: 'connected' }));

    expect(await screen.findByRole('group', { name: 'Jane Doe' })).toBeTruthy();
    expect(crm.lookups).toBe(2);
  });
});
