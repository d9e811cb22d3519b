import { useEffect, useState } from 'react';
import type { RuntimeConfig } from '../config/runtime-config';
import type { EmailContext, OfficeHost } from '../host/office-host';

/**
 * PLACEHOLDER written by the host/harness engineer so the entry and the harness can be proven end to end. The auth
 * and app engineers replace it; keep the props ({ host, config }) or change src/main.tsx with it.
 */
export interface AppProps {
  host: OfficeHost;
  config: RuntimeConfig;
}

export function App({ host }: AppProps) {
  const [email, setEmail] = useState<EmailContext | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const read = () => {
      void host.getEmailContext().then((context) => {
        if (current) setEmail(context);
      });
    };
    read();
    const offItem = host.onItemChanged(read);
    const offRecipients = host.onRecipientsChanged(read);
    return () => {
      current = false;
      offItem();
      offRecipients();
    };
  }, [host]);

  return (
    <main style={{ fontFamily: 'Segoe UI, system-ui, sans-serif', padding: 16 }}>
      <p data-testid="email-subject">{email === undefined ? 'Loading…' : email === null ? 'No email selected' : email.subject}</p>
      <button type="button">Sign in to Salesforce</button>
    </main>
  );
}
