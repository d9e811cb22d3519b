import { describe, expect, it } from 'vitest';
import { OfficeUnavailableError } from './office-errors';
import { waitForOffice } from './wait-for-office';

function officeWith(onReady: (cb: (info: { host: string | null; platform: string | null }) => void) => void) {
  return { onReady } as unknown as typeof Office;
}

describe('waitForOffice', () => {
  it('resolves when onReady reports an Outlook host', async () => {
    const office = officeWith((cb) => setTimeout(() => cb({ host: 'Outlook', platform: 'OfficeOnline' }), 5));
    await expect(waitForOffice({ getOffice: () => office, timeoutMs: 500 })).resolves.toBeUndefined();
  });

  it('rejects with "Open this add-in from Outlook" when office.js never arrives', async () => {
    const error = await waitForOffice({ getOffice: () => undefined, timeoutMs: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeUnavailableError);
    expect((error as OfficeUnavailableError).reason).toBe('office-js-missing');
    expect((error as Error).message).toMatch(/^Open this add-in from Outlook/);
  });

  it('rejects when office.js reports no host (a plain browser tab)', async () => {
    const office = officeWith((cb) => cb({ host: null, platform: null }));
    await expect(waitForOffice({ getOffice: () => office, timeoutMs: 500 })).rejects.toMatchObject({ reason: 'no-host' });
  });

  it('rejects on timeout when onReady never fires', async () => {
    const office = officeWith(() => {});
    await expect(waitForOffice({ getOffice: () => office, timeoutMs: 60 })).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('picks up office.js that arrives late', async () => {
    let office: typeof Office | undefined;
    setTimeout(() => {
      office = officeWith((cb) => cb({ host: 'Outlook', platform: 'PC' }));
    }, 80);
    await expect(waitForOffice({ getOffice: () => office, timeoutMs: 1000 })).resolves.toBeUndefined();
  });
});
