/**
 * Where focus goes in a form a keyboard or screen-reader user fills in: into its first field when it opens (the
 * button that opened it may be gone), and onto the first field in error when a check or the server refuses it, so
 * the message is read out at once instead of sitting unseen above the submit button. Focus is moved only from inside
 * the form or from nowhere, never taken from where the user went meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const FIELD = 'input, select, textarea';

export function useFormFocus({ focusOnOpen = false }: { focusOnOpen?: boolean } = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  // A request is state, not a flag: it commits in the same render as the messages it is about, and the effect runs
  // for that render. A flag was used up by whatever effect ran first, and when the submit landed between another
  // render (the outbox's entries arriving) and its effects, that was the earlier render's: no field was in error yet,
  // and the focus never moved.
  const [request, setRequest] = useState(0);

  const focusFirstInvalidNow = useCallback(() => {
    const form = formRef.current;
    const active = document.activeElement;
    if (!form || (active && active !== document.body && !form.contains(active))) return;
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, []);

  useEffect(() => {
    if (focusOnOpen) formRef.current?.querySelector<HTMLElement>(FIELD)?.focus();
  }, [focusOnOpen]);

  // Served after the render that carries the request, which is the one that put the messages on the fields.
  useEffect(() => {
    if (request > 0) focusFirstInvalidNow();
  }, [request, focusFirstInvalidNow]);

  /** The form was just found in error (a check on submit): focus moves once the messages are rendered. */
  const focusFirstInvalid = useCallback(() => setRequest((n) => n + 1), []);

  return { formRef, focusFirstInvalid, focusFirstInvalidNow };
}
