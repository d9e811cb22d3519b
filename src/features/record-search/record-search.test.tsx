import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FoundRecord } from '../../salesforce/crm/record-search';
import { renderInFluent } from '../../testing/render-workspace';
import { RecordSearch } from './record-search';

const acme: FoundRecord = { sobject: 'Account', id: '0015e0000000001AAA', name: 'Acme Corporation', detail: 'Springfield' };
const project: FoundRecord = { sobject: 'Project__c', id: 'a015e0000000001AAA', name: 'Rollout', detail: null };

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('RecordSearch', () => {
  it('shows recent records, with admin labels, while the box is empty', async () => {
    renderInFluent(
      <RecordSearch source={{ search: vi.fn(), recent: () => Promise.resolve([acme, project]) }} objectLabels={{ Project__c: 'Project' }} onPick={() => undefined} locale="en-US" />,
    );
    expect(await screen.findByText('Recent records')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Rollout\s*,\s*Project/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Acme Corporation\s*,\s*Account · Springfield/ })).toBeTruthy();
  });

  it('asks for two letters, and shows only the answer to what is typed now, whatever arrives last', async () => {
    const slow = deferred<FoundRecord[]>();
    const quick = deferred<FoundRecord[]>();
    const search = vi.fn((text: string) => (text === 'ac' ? slow.promise : quick.promise));
    const onPick = vi.fn();
    const { user } = renderInFluent(<RecordSearch source={{ search, recent: () => Promise.resolve([]) }} onPick={onPick} locale="en-US" debounceMs={10} />);
    const box = screen.getByRole('searchbox', { name: 'Link to another record' });
    await user.type(box, 'a');
    expect(screen.getByTestId('record-search-status').textContent).toBe('Type at least two letters.');
    await user.type(box, 'c');
    await waitFor(() => expect(search).toHaveBeenCalledWith('ac'));
    await user.type(box, 'me');
    await waitFor(() => expect(search).toHaveBeenCalledWith('acme'));
    await act(async () => quick.resolve([acme]));
    await act(async () => slow.resolve([project]));
    expect(screen.getByRole('button', { name: /Acme Corporation/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Rollout/ })).toBeNull();
    expect(screen.getByTestId('record-search-status').textContent).toBe('Records found: 1');
    await user.click(screen.getByRole('button', { name: /Acme Corporation/ }));
    expect(onPick).toHaveBeenCalledWith(acme);
  });
});
