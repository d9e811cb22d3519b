import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithFluent } from '../testing/render-with-fluent';
import { DetailsDisclosure } from './details-disclosure';

const labels = { show: 'Details', hide: 'Hide details', copy: 'Copy details', copied: 'Copied', copyFailed: 'Could not copy; select the text instead.' };
const lines = [
  { label: 'Kind', value: 'session_expired' },
  { label: 'Salesforce', value: '<img src=x onerror="alert(1)">' },
];

describe('DetailsDisclosure', () => {
  it('starts closed: one Details button, no lines, nothing to copy', () => {
    renderWithFluent(<DetailsDisclosure lines={lines} labels={labels} copyText={vi.fn()} testId="details" />);
    const toggle = screen.getByRole('button', { name: 'Details' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('session_expired')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy details' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('opens from the keyboard onto the lines it controls, and copies them as label: value lines', async () => {
    const copyText = vi.fn(() => Promise.resolve());
    const { user } = renderWithFluent(<DetailsDisclosure lines={lines} labels={labels} copyText={copyText} />);
    await user.tab();
    const toggle = screen.getByRole('button', { name: 'Details' });
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide details');
    const region = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(region?.tagName).toBe('DL');
    expect([...(region?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent)).toEqual(['Kind', 'Salesforce']);
    expect([...(region?.querySelectorAll('dd') ?? [])].map((dd) => dd.textContent)).toEqual(['session_expired', '<img src=x onerror="alert(1)">']);
    // CRM or server text is text: nothing it contains becomes markup.
    expect(document.querySelector('img')).toBeNull();

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy details' }));
    await user.keyboard(' ');
    expect(copyText).toHaveBeenCalledWith('Kind: session_expired\nSalesforce: <img src=x onerror="alert(1)">');
    expect((await screen.findByRole('status')).textContent).toBe('Copied');

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('session_expired')).toBeNull();
  });

  it('announces every copy, not only the first: the status empties before it says Copied again', async () => {
    const copyText = vi.fn(() => Promise.resolve());
    const { user } = renderWithFluent(<DetailsDisclosure lines={lines} labels={labels} copyText={copyText} />);
    await user.click(screen.getByRole('button', { name: 'Details' }));
    const status = screen.getByRole('status');
    const seen: string[] = [];
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    await vi.waitFor(() => expect(status.textContent).toBe('Copied'));
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    await vi.waitFor(() => expect(copyText).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(seen.filter((text) => text === 'Copied')).toHaveLength(2));
    // A live region whose text does not change is not read again; the empty step is what makes the second one heard.
    expect(seen.slice(seen.indexOf('Copied'))).toContain('');
  });

  it('says so when the clipboard refuses', async () => {
    const { user } = renderWithFluent(<DetailsDisclosure lines={lines} labels={labels} copyText={() => Promise.reject(new Error('denied'))} />);
    await user.click(screen.getByRole('button', { name: 'Details' }));
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe(labels.copyFailed));
  });
});
