// The production host adapter (src/host) in a real browser against the office.js stand-in: the tests call
// window.__hostProbe to prove the adapter and the stand-in agree on the real API's shape.
import { createOfficeHost, waitForOffice } from '../../../../src/host';

const events: string[] = [];

void waitForOffice({ timeoutMs: 5000 }).then(
  () => {
    const host = createOfficeHost();
    host.onItemChanged(() => events.push('itemChanged'));
    host.onRecipientsChanged(() => events.push('recipientsChanged'));
    host.onThemeChanged(() => events.push('themeChanged'));
    (window as unknown as { __hostProbe: unknown }).__hostProbe = { host, events };
    document.getElementById('out')!.textContent = 'ready';
  },
  (error: Error) => {
    (window as unknown as { __hostProbeError: string }).__hostProbeError = error.message;
    document.getElementById('out')!.textContent = error.message;
  },
);
