/**
 * Several matches and search and link, in the workspace as the shell wires it: the chooser for an address known as
 * several people, the choice remembered for the next opening (per seller), and a record found by search linked to
 * the saved email.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SaveEmailAction } from '../../salesforce/outbox/outbox';
import { ACME, JANE, knownPeople } from '../../testing/crm-fixtures';
import type { FakeCrmSeed } from '../../testing/fake-crm';
import { ALEX } from '../../testing/fake-salesforce-api';
import { memoryStorage } from '../../testing/memory-storage';
import { renderWorkspace } from '../../testing/render-workspace';

const JANE_TWIN = { ...JANE, Id: '0035e000000Jane02A', Name: 'Janet Doe', Title: 'Buyer' };
const JANE_LEAD = { Id: '00Q5e000000Jane3AA', Name: 'Jane Doe', Email: JANE.Email, Company: 'Acme', Status: 'Working - Contacted' };

function janeThreeTimes(): FakeCrmSeed {
  const seed = knownPeople();
  return { ...seed, contacts: [...(seed.contacts ?? []), { ...JANE_TWIN }], leads: [...(seed.leads ?? []), { ...JANE_LEAD }] };
}

const OPPORTUNITY = { attributes: { type: 'Opportunity' }, Id: '0065e000000Opp009A', Name: 'Acme expansion', Account: { Name: 'Acme Corporation' } };

describe('several matches', () => {
  it('says so, lets the seller choose by keyboard, and shows only the chosen card; the next opening uses the choice', async () => {
    const storage = memoryStorage();
    const first = renderWorkspace({ crm: janeThreeTimes(), choiceStorage: storage });
    const chooser = await screen.findByRole('group', { name: /3 people in Salesforce have the address jane\.doe@acme\.example/ });
    // Until chosen, every match has its card.
    expect(screen.getAllByTestId('person-card')).toHaveLength(4);
    const use = within(chooser).getByRole('button', { name: 'Use this one' });
    expect(use.hasAttribute('disabled') || use.getAttribute('aria-disabled') === 'true').toBe(true);

    await first.user.click(within(chooser).getByRole('radio', { name: /^Jane Doe · Contact/ }));
    await first.user.keyboard('{ArrowDown}');
    expect(within(chooser).getByRole<HTMLInputElement>('radio', { name: /^Janet Doe · Contact/ }).checked).toBe(true);
    await first.user.click(within(chooser).getByRole('button', { name: 'Use this one' }));

    await waitFor(() => expect(screen.queryByTestId('record-chooser')).toBeNull());
    expect(screen.getByTestId('record-chooser-chosen').textContent).toContain('Chosen from 3 matches for jane.doe@acme.example');
    expect(screen.getByRole('group', { name: 'Janet Doe' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Jane Doe' })).toBeNull();
    // Save email is about the chosen person.
    expect(screen.getByTestId<HTMLSelectElement>('save-email-who').value).toBe(JANE_TWIN.Id);
    first.unmount();

    renderWorkspace({ crm: janeThreeTimes(), choiceStorage: storage });
    await screen.findByRole('group', { name: 'Janet Doe' });
    expect(screen.queryByTestId('record-chooser')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Jane Doe' })).toBeNull();
  });

  it('Change opens the chooser again; another seller in the same browser never sees the first one’s choice', async () => {
    const storage = memoryStorage();
    const first = renderWorkspace({ crm: janeThreeTimes(), choiceStorage: storage });
    const chooser = await screen.findByTestId('record-chooser');
    await first.user.click(within(chooser).getByRole('radio', { name: /^Jane Doe · Lead/ }));
    await first.user.click(within(chooser).getByRole('button', { name: 'Use this one' }));
    await first.user.click(await screen.findByRole('button', { name: 'Change who jane.doe@acme.example is' }));
    expect(screen.getByTestId('record-chooser')).toBeTruthy();
    first.unmount();

    renderWorkspace({ crm: janeThreeTimes(), choiceStorage: storage, identity: ALEX });
    expect(await screen.findByTestId('record-chooser')).toBeTruthy();
  });
});

describe('search and link', () => {
  it('recent records first, then one search a pause in typing; the picked opportunity is what the email is related to', async () => {
    const rendered = renderWorkspace({
      crm: knownPeople(),
      apiHandlers: {
        recentItems: () => [{ attributes: { type: 'Account' }, Id: ACME.Id, Name: ACME.Name }],
        search: () => ({ searchRecords: [OPPORTUNITY] }),
      },
    });
    const { user, api, outbox, owner } = rendered;
    await user.click(await screen.findByRole('button', { name: 'Link to another record…' }));
    expect(await screen.findByRole('button', { name: /^Link to\s*Acme Corporation\s*,\s*Account/ })).toBeTruthy();

    await user.type(screen.getByRole('searchbox', { name: 'Link to another record' }), 'expan');
    const result = await screen.findByRole('button', { name: /^Link to\s*Acme expansion\s*,\s*Opportunity · Acme Corporation$/ });
    expect(screen.getByTestId('record-search-status').textContent).toBe('Records found: 1');
    // Debounced: one search for the whole word, none per keystroke.
    expect(api.calls.filter((c) => c.method === 'search')).toHaveLength(1);
    expect(String(api.calls.find((c) => c.method === 'search')?.args[0])).toMatch(/^FIND \{expan\*\} IN ALL FIELDS RETURNING Account/);

    await user.click(result);
    expect(screen.getByTestId('record-link-linked').textContent).toBe('Linked to Acme expansion (Opportunity)');
    expect(screen.getByTestId<HTMLSelectElement>('save-email-what').value).toBe(OPPORTUNITY.Id);
    await user.click(screen.getByTestId('save-email-button'));
    await waitFor(async () => {
      const entries = await outbox!.list(owner);
      expect(entries.map((e) => (e.action as SaveEmailAction).whatId)).toEqual([OPPORTUNITY.Id]);
    });
  });

  it('a search Salesforce refuses says so, in words, without breaking the box', async () => {
    const { SalesforceFailureError, createFailure } = await import('../../salesforce/failure-kinds');
    const { user } = renderWorkspace({
      crm: knownPeople(),
      apiHandlers: {
        search: () => {
          throw new SalesforceFailureError(createFailure('rate_limited'));
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Link to another record…' }));
    await user.type(screen.getByRole('searchbox', { name: 'Link to another record' }), 'acme');
    expect((await screen.findByRole('alert')).textContent).toContain('Search did not work');
    await user.clear(screen.getByRole('searchbox', { name: 'Link to another record' }));
    await waitFor(() => expect(screen.queryByTestId('record-search-failed')).toBeNull());
  });
});
