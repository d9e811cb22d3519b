/**
 * Where focus goes in a form a keyboard or screen-reader user fills in: into its first field when it opens (the
 * button that opened it may be gone), and onto the first field in error when a check or the server refuses it, so
 * the message is read out at once instead of sitting unseen above the submit button. Focus is moved only from inside
 * the form or from nowhere, never taken from where the user went meanwhile.
 */
import { useCallback, useEffect, useRef } from 'react';

const FIELD = 'input, select, textarea';

export function useFormFocus({ focusOnOpen = false }: { focusOnOpen?: boolean } = {}) {
  const formRef = useRef<HTMLFormElement>(null);
  const pending = useRef(false);

  const focusFirstInvalidNow = useCallback(() => {
    const form = formRef.current;
    const active = document.activeElement;
    if (!form || (active && active !== document.body && !form.contains(active))) return;
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, []);

  useEffect(() => {
    if (focusOnOpen) formRef.current?.querySelector<HTMLElement>(FIELD)?.focus();
  }, [focusOnOpen]);

  // After every render: a request made while handling submit is served once the messages are on the fields.
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    focusFirstInvalidNow();
  });

  /** The form was just found in error (a check on submit): focus moves after the next render. */
  const focusFirstInvalid = useCallback(() => {
    pending.current = true;
  }, []);

  return { formRef, focusFirstInvalid, focusFirstInvalidNow };
}
