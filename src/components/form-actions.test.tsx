import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithFluent } from '../testing/render-with-fluent';
import { FormActions } from './form-actions';

function renderInForm(busy: boolean) {
  const onCancel = vi.fn();
  const onSubmit = vi.fn((e: React.FormEvent) => e.preventDefault());
  const view = renderWithFluent(
    <form onSubmit={onSubmit}>
      <input aria-label="Last name" />
      <FormActions submitLabel="Create contact" cancelLabel="Cancel" busy={busy} onCancel={onCancel} submitTestId="submit" />
    </form>,
  );
  return { ...view, onCancel, onSubmit };
}

describe('FormActions', () => {
  it('submits the form it is in and cancels without submitting', async () => {
    const { user, onCancel, onSubmit } = renderInForm(false);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('submit')).toBe(screen.getByRole('button', { name: 'Create contact' }));
  });

  it('is reached by Tab, submit first, and pressed from the keyboard', async () => {
    const { user, onCancel, onSubmit } = renderInForm(false);
    await user.click(screen.getByRole('textbox', { name: 'Last name' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create contact' }));
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard(' ');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('holds both buttons while the form is being sent', async () => {
    const { user, onCancel, onSubmit } = renderInForm(true);
    const submit = screen.getByRole('button', { name: 'Create contact' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(submit).toHaveProperty('disabled', true);
    expect(cancel).toHaveProperty('disabled', true);
    await user.click(submit);
    await user.click(cancel);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });
});
