/**
 * Sign-out as the shell wires it: the header's button asks useSignOut, which asks the outbox what is unsent and opens
 * the confirmation only then. The outbox is the real one (fake-indexeddb); signing out is the shell's, recorded here.
 */
import { screen, waitFor } from '@testing-library/react';
import { useMemo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SaveEmailAction } from '../../salesforce/outbox/outbox';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { createTestOutbox, type TestOutbox } from '../../testing/test-outbox';
import { SignOutConfirmDialog } from './sign-out-confirm-dialog';
import { useSignOut, type SignOutActions } from './use-sign-out';

const save: SaveEmailAction = {
  type: 'save_email',
  internetMessageId: '<m1@acme.example>',
  subject: 'Renewal',
  bodyExcerpt: '',
  activityDate: '2025-03-04',
  whoId: '0035e000000Jane01A',
  label: 'Renewal → Jane Doe',
};

function SignOutButton({ pendingWork, signOut }: SignOutActions) {
  const actions = useMemo(() => ({ pendingWork, signOut }), [pendingWork, signOut]);
  const flow = useSignOut(actions);
  const s = stringsFor('en').shell;
  return (
    <>
      <button type="button" onClick={() => void flow.request()}>
        {s.signOut}
      </button>
      <SignOutConfirmDialog open={flow.confirming} pendingCount={flow.pendingCount} strings={s} onDiscard={() => void flow.discard()} onKeep={flow.keep} />
    </>
  );
}

function renderSignOut(t: TestOutbox, pendingWork = () => t.outbox.pendingCount(t.owner)) {
  const signOut = vi.fn(async () => {
    await t.outbox.discardAll(t.owner);
  });
  const view = renderWithFluent(<SignOutButton pendingWork={pendingWork} signOut={signOut} />);
  return { ...view, signOut };
}

describe('useSignOut', () => {
  it('signs out at once when nothing is waiting', async () => {
    const t = createTestOutbox();
    const { user, signOut } = renderSignOut(t);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(signOut).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('asks first when work waits, with the count; Keep leaves the work and the seller signed in', async () => {
    const t = createTestOutbox({}, { online: false });
    await t.outbox.enqueue(t.owner, save);
    await t.outbox.enqueue(t.owner, { ...save, internetMessageId: '<m2@acme.example>' });
    const { user, signOut } = renderSignOut(t);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard unsent work?' });
    expect(dialog.textContent).toContain('2 change(s) waiting for Salesforce will be discarded');
    await user.click(screen.getByRole('button', { name: 'Keep and cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(signOut).not.toHaveBeenCalled();
    expect(await t.outbox.pendingCount(t.owner)).toBe(2);
  });

  it('discards and signs out when the seller confirms', async () => {
    const t = createTestOutbox({}, { online: false });
    await t.outbox.enqueue(t.owner, save);
    const { user, signOut } = renderSignOut(t);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(await screen.findByRole('button', { name: 'Discard and sign out' }));
    await waitFor(() => expect(signOut).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await t.outbox.pendingCount(t.owner)).toBe(0);
  });

  it('still lets the seller sign out when the unsent work cannot be counted', async () => {
    const t = createTestOutbox();
    const { user, signOut } = renderSignOut(t, () => Promise.reject(new Error('storage gone')));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(signOut).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
