import { OfficeUnavailableError } from './office-errors';

export interface WaitForOfficeOptions {
  /** How long to wait for office.js to arrive and call onReady. */
  timeoutMs?: number;
  /** Where office.js puts its namespace; a seam for unit tests. */
  getOffice?: () => typeof Office | undefined;
}

function defaultGetOffice(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/**
 * Resolves once Office.onReady has fired inside an Outlook host. Rejects with OfficeUnavailableError when office.js
 * never arrives (the CDN is unreachable, or the page was opened in a plain browser tab) or Office reports no host,
 * so the entry can say "Open this add-in from Outlook" instead of spinning forever.
 */
export function waitForOffice(options: WaitForOfficeOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const getOffice = options.getOffice ?? defaultGetOffice;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (poll !== undefined) clearInterval(poll);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => {
      finish(new OfficeUnavailableError(getOffice() ? 'timeout' : 'office-js-missing', getOffice() ? 'Office did not become ready' : 'office.js did not load'));
    }, timeoutMs);

    const attach = (office: typeof Office) => {
      try {
        void office.onReady((info) => {
          // office.js loaded in a plain browser tab reports host null: the add-in cannot work there.
          if (info && info.host === null) finish(new OfficeUnavailableError('no-host', 'no Office host'));
          else finish();
        });
      } catch (error) {
        finish(new OfficeUnavailableError('no-host', error instanceof Error ? error.message : String(error)));
      }
    };

    const office = getOffice();
    if (office) {
      attach(office);
      return;
    }
    // office.js is a classic script before the module entry, so it is normally already here; poll briefly in case a
    // host injects it late.
    poll = setInterval(() => {
      const late = getOffice();
      if (late) {
        clearInterval(poll);
        poll = undefined;
        attach(late);
      }
    }, 50);
  });
}
