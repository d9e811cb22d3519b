import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInFluent } from '../../testing/render-workspace';
import { FollowUpToggle } from './follow-up-toggle';

/** The toggle as a card uses it: it opens a form that takes the focus, and closes it. */
function CardWithForm() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <FollowUpToggle open={open} label="Log a follow-up" accessibleLabel="Log a follow-up for Jane Doe" onToggle={() => setOpen(!open)} />
      {open ? (
        <button type="button" autoFocus onClick={() => setOpen(false)}>
          Cancel
        </button>
      ) : null}
    </>
  );
}

describe('FollowUpToggle', () => {
  it('is named for the person, says whether its form is open, and works from the keyboard', async () => {
    const { user } = renderInFluent(<CardWithForm />);
    const toggle = screen.getByRole('button', { name: 'Log a follow-up for Jane Doe' });
    expect(toggle.textContent).toBe('Log a follow-up');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard(' ');

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('takes the focus back when its form closes, instead of letting it fall to the top of the pane', async () => {
    const { user } = renderInFluent(<CardWithForm />);
    await user.click(screen.getByRole('button', { name: 'Log a follow-up for Jane Doe' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));

    await user.keyboard('{Enter}');

    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log a follow-up for Jane Doe' }));
  });
});
