/**
 * Gives focus to an element that replaces the one the seller was working in (a new contact's card replacing the
 * create-contact form). The form's button is unmounted under the keyboard, so focus falls to the page; this puts it
 * on what came instead. Focus is moved only from nowhere, never taken from where the user went meanwhile.
 */
import { useEffect, useRef } from 'react';

export function useFocusOnArrival<T extends HTMLElement>(arrived: boolean) {
  const target = useRef<T>(null);
  useEffect(() => {
    if (!arrived) return;
    const active = document.activeElement;
    if (!active || active === document.body) target.current?.focus();
  }, [arrived]);
  return target;
}
