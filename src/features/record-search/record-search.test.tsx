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
    await waitFor(() => expect(search).toHaveBeenCalledWith('ac', expect.any(AbortSignal)));
    await user.type(box, 'me');
    await waitFor(() => expect(search).toHaveBeenCalledWith('acme', expect.any(AbortSignal)));
    await act(async () => quick.resolve([acme]));
    await act(async () => slow.resolve([project]));
    expect(screen.getByRole('button', { name: /Acme Corporation/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Rollout/ })).toBeNull();
    expect(screen.getByTestId('record-search-status').textContent).toBe('Records found: 1');
    await user.click(screen.getByRole('button', { name: /Acme Corporation/ }));
    expect(onPick).toHaveBeenCalledWith(acme);
  });

  it('typing again cancels the search in flight; its rejection shows no failure', async () => {
    const signals = new Map<string, AbortSignal>();
    const quick = deferred<FoundRecord[]>();
    // Like the connection: a cancelled search rejects with an AbortError.
    const search = vi.fn((text: string, signal: AbortSignal) => {
      signals.set(text, signal);
      if (text !== 'ac') return quick.promise;
      return new Promise<FoundRecord[]>((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError'))));
    });
    const { user } = renderInFluent(<RecordSearch source={{ search, recent: () => Promise.resolve([]) }} onPick={() => undefined} locale="en-US" debounceMs={10} />);
    const box = screen.getByRole('searchbox', { name: 'Link to another record' });
    await user.type(box, 'ac');
    await waitFor(() => expect(signals.has('ac')).toBe(true));
    expect(signals.get('ac')?.aborted).toBe(false);
    await user.type(box, 'me');
    expect(signals.get('ac')?.aborted).toBe(true);
    await waitFor(() => expect(signals.has('acme')).toBe(true));
    await act(async () => quick.resolve([acme]));
    expect(screen.getByRole('button', { name: /Acme Corporation/ })).toBeTruthy();
    expect(screen.queryByTestId('record-search-failed')).toBeNull();
    expect(search).toHaveBeenCalledTimes(2);
  });

  it('a keystroke that makes the text too short cancels the search in flight too', async () => {
    let signal: AbortSignal | undefined;
    const search = vi.fn((_text: string, s: AbortSignal) => {
      signal = s;
      return new Promise<FoundRecord[]>(() => undefined);
    });
    const { user } = renderInFluent(<RecordSearch source={{ search, recent: () => Promise.resolve([]) }} onPick={() => undefined} locale="en-US" debounceMs={10} />);
    const box = screen.getByRole('searchbox', { name: 'Link to another record' });
    await user.type(box, 'ac');
    await waitFor(() => expect(signal).toBeDefined());
    await user.type(box, '{Backspace}');
    expect(signal?.aborted).toBe(true);
    expect(screen.getByTestId('record-search-status').textContent).toBe('Type at least two letters.');
  });

  it('closing the box (unmounting) cancels the search and the recent records in flight', async () => {
    let searchSignal: AbortSignal | undefined;
    let recentSignal: AbortSignal | undefined;
    const source = {
      search: (_text: string, signal: AbortSignal) => {
        searchSignal = signal;
        return new Promise<FoundRecord[]>(() => undefined);
      },
      recent: (signal: AbortSignal) => {
        recentSignal = signal;
        return new Promise<FoundRecord[]>(() => undefined);
      },
    };
    const { user, unmount } = renderInFluent(<RecordSearch source={source} onPick={() => undefined} locale="en-US" debounceMs={10} />);
    await user.type(screen.getByRole('searchbox', { name: 'Link to another record' }), 'acme');
    await waitFor(() => expect(searchSignal).toBeDefined());
    expect(recentSignal?.aborted).toBe(false);
    unmount();
    expect(searchSignal?.aborted).toBe(true);
    expect(recentSignal?.aborted).toBe(true);
  });

  it('a search that fails on its own still says so', async () => {
    const refused = Object.assign(new Error('x'), { name: 'Boom' });
    const { user } = renderInFluent(
      <RecordSearch source={{ search: () => Promise.reject(refused), recent: () => Promise.resolve([]) }} onPick={() => undefined} locale="en-US" debounceMs={10} />,
    );
    await user.type(screen.getByRole('searchbox', { name: 'Link to another record' }), 'acme');
    expect(await screen.findByTestId('record-search-failed')).toBeTruthy();
  });
});
