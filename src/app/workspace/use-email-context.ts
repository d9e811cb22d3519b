/**
 * The current Outlook item as an EmailContext, following a pinned pane (ItemChanged, including "no item") and the
 * recipients as the seller types them in compose mode. A late answer for an item no longer selected is dropped.
 */
import { useEffect, useState } from 'react';
import type { EmailContext, OfficeHost } from '../../host/office-host';

export type EmailContextState = { status: 'loading' } | { status: 'none' } | { status: 'ready'; context: EmailContext } | { status: 'error' };

/** Typing recipients fires many events; wait for a pause before looking people up. */
const RECIPIENTS_DEBOUNCE_MS = 400;

export function useEmailContext(host: OfficeHost): { state: EmailContextState; reload: () => void } {
  const [state, setState] = useState<EmailContextState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let latest = 0;
    let disposed = false;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const read = (showLoading: boolean) => {
      const ticket = ++latest;
      if (showLoading) setState({ status: 'loading' });
      host.getEmailContext().then(
        (context) => {
          if (disposed || ticket !== latest) return;
          setState(context ? { status: 'ready', context } : { status: 'none' });
        },
        () => {
          if (!disposed && ticket === latest) setState({ status: 'error' });
        },
      );
    };
    read(true);
    const offItem = host.onItemChanged(() => read(true));
    const offRecipients = host.onRecipientsChanged(() => {
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => read(false), RECIPIENTS_DEBOUNCE_MS);
    });
    return () => {
      disposed = true;
      if (debounce) clearTimeout(debounce);
      offItem();
      offRecipients();
    };
  }, [host, generation]);

  return { state, reload: () => setGeneration((g) => g + 1) };
}
