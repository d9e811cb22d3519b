/**
 * Gives focus back to the control that opened a panel (a form inside a card) when the panel closes. Without it,
 * Cancel or Close unmounts the focused button and a keyboard or screen-reader user is dropped at the top of the pane.
 * Focus is only moved when the panel took it away (nothing else has it), never stolen from where the user went.
 */
import { useEffect, useRef } from 'react';

export function useFocusReturn<T extends HTMLElement>(open: boolean, { returnOnClose = true }: { returnOnClose?: boolean } = {}) {
  const trigger = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    // returnOnClose false: the panel closed because its work is done and something else takes the focus.
    if (wasOpen.current && !open && returnOnClose) {
      const active = document.activeElement;
      if (!active || active === document.body) trigger.current?.focus();
    }
    wasOpen.current = open;
  }, [open, returnOnClose]);
  return trigger;
}
