/**
 * The focus hooks, each in the smallest component that uses it the way the features do: a panel opened from a
 * button, a card that replaces a form, a form checked on submit.
 */
import { screen, waitFor } from '@testing-library/react';
import { useEffect, useLayoutEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithFluent } from '../testing/render-with-fluent';
import { useFocusOnArrival } from './use-focus-on-arrival';
import { useFocusReturn } from './use-focus-return';
import { useFormFocus } from './use-form-focus';

function Panel({ returnOnClose = true }: { returnOnClose?: boolean }) {
  const [open, setOpen] = useState(false);
  const trigger = useFocusReturn<HTMLButtonElement>(open, { returnOnClose });
  return (
    <div>
      <button type="button">Elsewhere</button>
      {open ? (
        // Keyed: React would otherwise reuse one <button> for both and the focus would never move.
        <button key="close" type="button" onClick={() => setOpen(false)}>
          Close panel
        </button>
      ) : (
        <button key="open" type="button" ref={trigger} onClick={() => setOpen(true)}>
          Open panel
        </button>
      )}
    </div>
  );
}

function Arrival({ arrived }: { arrived: boolean }) {
  const target = useFocusOnArrival<HTMLDivElement>(arrived);
  return (
    <div ref={target} tabIndex={-1} aria-label="New card">
      card
    </div>
  );
}

function CheckedForm({ focusOnOpen }: { focusOnOpen: boolean }) {
  const { formRef, focusFirstInvalid } = useFormFocus({ focusOnOpen });
  const [invalid, setInvalid] = useState<string[]>([]);
  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        setInvalid(['Last name', 'Email']);
        focusFirstInvalid();
      }}
    >
      {['First name', 'Last name', 'Email'].map((label) => (
        <input key={label} aria-label={label} aria-invalid={invalid.includes(label)} />
      ))}
      <button type="submit">Create</button>
    </form>
  );
}

/** Presses the form's submit button from inside a commit, before that commit's effects have run. */
function SubmitDuringCommit({ tick }: { tick: number }) {
  useLayoutEffect(() => {
    if (tick > 0) document.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  }, [tick]);
  return null;
}

/**
 * The form re-rendered by an update from outside React's events (the outbox's entries arriving, as in the
 * create-contact and follow-up forms), and the seller's submit landing before that render's effects ran.
 */
function CheckedFormUpdatedFromOutside({ onReady }: { onReady: (update: () => void) => void }) {
  const [tick, setTick] = useState(0);
  useEffect(() => onReady(() => setTick((n) => n + 1)), [onReady]);
  return (
    <>
      <CheckedForm focusOnOpen={false} />
      <SubmitDuringCommit tick={tick} />
    </>
  );
}

describe('useFocusReturn', () => {
  it('gives focus back to the button that opened the panel when the panel closes under the keyboard', async () => {
    const { user } = renderWithFluent(<Panel />);
    await user.click(screen.getByRole('button', { name: 'Open panel' }));
    const close = screen.getByRole('button', { name: 'Close panel' });
    close.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open panel' }));
  });

  it('keeps focus off the button when the panel closed because its work is done', async () => {
    const { user } = renderWithFluent(<Panel returnOnClose={false} />);
    await user.click(screen.getByRole('button', { name: 'Open panel' }));
    await user.click(screen.getByRole('button', { name: 'Close panel' }));
    expect(screen.getByRole('button', { name: 'Open panel' })).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
  });
});

describe('useFocusOnArrival', () => {
  it('focuses what arrived when nothing has the focus', () => {
    const { rerender } = renderWithFluent(<Arrival arrived={false} />);
    expect(document.activeElement).toBe(document.body);
    rerender(<Arrival arrived />);
    expect(document.activeElement).toBe(screen.getByLabelText('New card'));
  });

  it('never takes the focus from where the seller went', () => {
    const { rerender } = renderWithFluent(
      <>
        <input aria-label="Search" />
        <Arrival arrived={false} />
      </>,
    );
    screen.getByRole('textbox', { name: 'Search' }).focus();
    rerender(
      <>
        <input aria-label="Search" />
        <Arrival arrived />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search' }));
  });
});

describe('useFormFocus', () => {
  it('starts in the first field when asked, and moves to the first field in error on a failed check', async () => {
    const { user } = renderWithFluent(<CheckedForm focusOnOpen />);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'First name' }));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    // The effect that moves the focus runs after the render that marked the fields.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Last name' })));
  });

  it('moves the focus even when the submit lands between another render and its effects', async () => {
    let update: (() => void) | undefined;
    renderWithFluent(<CheckedFormUpdatedFromOutside onReady={(u) => (update = u)} />);
    // As in the pane: the update comes from a subscription, outside act() and outside React's event handlers.
    const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    g.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      setTimeout(() => update?.(), 0);
      await waitFor(() => expect(screen.getByRole('textbox', { name: 'Last name' }).getAttribute('aria-invalid')).toBe('true'));
      await new Promise((r) => setTimeout(r, 50));
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Last name' }));
    } finally {
      g.IS_REACT_ACT_ENVIRONMENT = true;
    }
  });

  it('leaves the focus where it is on open unless asked', () => {
    renderWithFluent(<CheckedForm focusOnOpen={false} />);
    expect(document.activeElement).toBe(document.body);
  });
});
