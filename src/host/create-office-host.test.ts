import { describe, expect, it, vi } from 'vitest';
import { createOfficeHost } from './create-office-host';
import { composeItem, createFakeOffice, failed, readItem } from '../testing/fake-office';

describe('createOfficeHost: email context', () => {
  it('reads a read-mode item from plain properties', async () => {
    const fake = createFakeOffice({ item: readItem() });
    const context = await createOfficeHost(fake.office).getEmailContext();
    expect(context).toEqual({
      mode: 'read',
      itemId: 'AAMkAD-item-1',
      internetMessageId: '<msg-1@acme.example>',
      subject: 'Renewal for Q3',
      from: { name: 'Jane Doe', address: 'jane.doe@acme.example' },
      to: [{ name: 'Sam Seller', address: 'seller@demo.example' }],
      cc: [{ name: 'Bob Lee', address: 'bob.lee@acme.example' }],
      bodyExcerpt: 'Hello Sam,\nLet us talk.',
      date: '2025-03-04T10:00:00.000Z',
      htmlBody: 'Hello Sam,\nLet us talk.',
      textBody: 'Hello Sam,\nLet us talk.',
      mailboxUser: 'seller@demo.example',
    });
  });

  it('reads the whole body as HTML and text, and the owner of a shared mailbox, in read mode', async () => {
    const item = readItem({
      body: { getAsync: (type: string, cb: (r: unknown) => void) => setTimeout(() => cb({ status: 'succeeded', value: type === 'html' ? `<p>${'h'.repeat(200_000)}</p>` : 'plain' }), 0) },
      getSharedPropertiesAsync: (cb: (r: unknown) => void) => setTimeout(() => cb({ status: 'succeeded', value: { owner: 'sales-team@demo.example', delegatePermissions: 3 } }), 0),
    });
    const context = await createOfficeHost(createFakeOffice({ item }).office).getEmailContext();
    expect(context?.htmlBody).toHaveLength(131_072);
    expect(context?.textBody).toBe('plain');
    expect(context?.bodyExcerpt).toBe('plain');
    expect(context?.shared).toEqual({ owner: 'sales-team@demo.example' });
  });

  it('reads an item outside a shared folder (no getSharedPropertiesAsync) as not shared', async () => {
    const context = await createOfficeHost(createFakeOffice({ item: readItem() }).office).getEmailContext();
    expect(context?.shared).toBeUndefined();
  });

  it('reads a compose-mode item through getAsync and leaves out the message id', async () => {
    const fake = createFakeOffice({ item: composeItem({ internetMessageId: '<should-not-leak>' }) });
    const context = await createOfficeHost(fake.office).getEmailContext();
    expect(context).toEqual({
      mode: 'compose',
      subject: 'Draft: intro',
      from: { name: 'Sam Seller', address: 'seller@demo.example' },
      to: [{ name: 'Priya', address: 'priya@globex.example' }],
      cc: [],
      bodyExcerpt: 'draft body',
      mailboxUser: 'seller@demo.example',
    });
  });

  it('returns null when no item is selected', async () => {
    expect(await createOfficeHost(createFakeOffice().office).getEmailContext()).toBeNull();
  });

  it('keeps the item when one field fails to read, and bounds the body excerpt', async () => {
    const item = composeItem({
      to: { getAsync: (cb: (r: unknown) => void) => cb(failed(9000)) },
      body: { getAsync: (_t: string, cb: (r: unknown) => void) => cb({ status: 'succeeded', value: 'x'.repeat(5000) }) },
    });
    const context = await createOfficeHost(createFakeOffice({ item }).office).getEmailContext();
    expect(context?.to).toEqual([]);
    expect(context?.bodyExcerpt).toHaveLength(2000);
  });

  it('uses the address when a display name is empty and drops entries without an address', async () => {
    const item = readItem({
      to: [
        { displayName: '', emailAddress: 'x@y.example' },
        { displayName: 'Nobody', emailAddress: '' },
      ],
    });
    const context = await createOfficeHost(createFakeOffice({ item }).office).getEmailContext();
    expect(context?.to).toEqual([{ name: 'x@y.example', address: 'x@y.example' }]);
  });
});

describe('createOfficeHost: events', () => {
  it('tells item listeners about ItemChanged and stops after unsubscribe', () => {
    const fake = createFakeOffice({ item: readItem() });
    const host = createOfficeHost(fake.office);
    const listener = vi.fn();
    const off = host.onItemChanged(listener);
    fake.fireMailbox('olkItemSelectedChanged');
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    fake.fireMailbox('olkItemSelectedChanged');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('re-attaches RecipientsChanged to the new item after ItemChanged', () => {
    const fake = createFakeOffice({ item: composeItem() });
    const host = createOfficeHost(fake.office);
    const listener = vi.fn();
    const off = host.onRecipientsChanged(listener);
    fake.itemHandlers.get('olkRecipientsChanged')?.();
    expect(listener).toHaveBeenCalledTimes(1);

    fake.setItem(composeItem());
    expect(fake.itemHandlers.has('olkRecipientsChanged')).toBe(false);
    fake.fireMailbox('olkItemSelectedChanged');
    fake.itemHandlers.get('olkRecipientsChanged')?.();
    expect(listener).toHaveBeenCalledTimes(2);

    off();
    expect(fake.itemHandlers.has('olkRecipientsChanged')).toBe(false);
  });

  it('one failing listener does not stop the others', () => {
    const fake = createFakeOffice({ item: readItem() });
    const host = createOfficeHost(fake.office);
    const second = vi.fn();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    host.onItemChanged(() => {
      throw new Error('bug');
    });
    host.onItemChanged(second);
    fake.fireMailbox('olkItemSelectedChanged');
    expect(second).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});

describe('createOfficeHost: theme, locale, partition key', () => {
  it('derives dark and high contrast from the body colours and follows OfficeThemeChanged', () => {
    const fake = createFakeOffice({ officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#262626' } });
    const host = createOfficeHost(fake.office);
    expect(host.theme()).toEqual({ bodyBackgroundColor: '#FFFFFF', isDarkTheme: false, isHighContrast: false });

    const listener = vi.fn();
    host.onThemeChanged(listener);
    fake.fireMailbox('officeThemeChanged', { officeTheme: { bodyBackgroundColor: '#292929', bodyForegroundColor: '#FFFFFF' } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(host.theme()).toEqual({ bodyBackgroundColor: '#292929', isDarkTheme: true, isHighContrast: false });

    fake.fireMailbox('officeThemeChanged', { officeTheme: { bodyBackgroundColor: '#000000', bodyForegroundColor: '#FFFFFF' } });
    expect(host.theme()).toMatchObject({ isDarkTheme: true, isHighContrast: true });
  });

  it('returns an empty theme where Outlook has none', () => {
    expect(createOfficeHost(createFakeOffice().office).theme()).toEqual({});
  });

  it('exposes partitionKey (undefined when empty) and displayLanguage', () => {
    expect(createOfficeHost(createFakeOffice({ partitionKey: 'pk-1', displayLanguage: 'de-DE' }).office)).toMatchObject({
      partitionKey: 'pk-1',
      displayLanguage: 'de-DE',
    });
    expect(createOfficeHost(createFakeOffice({ partitionKey: '' }).office).partitionKey).toBeUndefined();
  });

  it('isSetSupported asks Office.context.requirements, and says no where the host cannot answer', () => {
    const fake = createFakeOffice();
    const asked: Array<[string, string]> = [];
    const context = fake.office.context as unknown as { requirements?: unknown };
    context.requirements = {
      isSetSupported: (name: string, version: string) => {
        asked.push([name, version]);
        return name === 'NestedAppAuth' && version === '1.1';
      },
    };
    const host = createOfficeHost(fake.office);
    expect(host.isSetSupported('NestedAppAuth', '1.1')).toBe(true);
    expect(host.isSetSupported('NestedAppAuth', '1.2')).toBe(false);
    expect(asked).toEqual([
      ['NestedAppAuth', '1.1'],
      ['NestedAppAuth', '1.2'],
    ]);

    context.requirements = {
      isSetSupported: () => {
        throw new Error('not in this host');
      },
    };
    expect(host.isSetSupported('NestedAppAuth', '1.1')).toBe(false);
    delete context.requirements;
    expect(host.isSetSupported('NestedAppAuth', '1.1')).toBe(false);
  });
});
