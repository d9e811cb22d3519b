import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SaveAttachmentAction } from '../../salesforce/outbox/outbox';
import { ACME, knownPeople } from '../../testing/crm-fixtures';
import { readItem } from '../../testing/fake-office';
import { renderWorkspace } from '../../testing/render-workspace';

const ok = (value: unknown) => ({ status: 'succeeded', value });
const CONTENT: Record<string, string> = { a1: 'JVBERi0=', a2: 'UEsDBA==' };

/** A read item with two files, an inline picture, an attached email and one file too large to save. */
const withAttachments = () =>
  readItem({
    attachments: [
      { id: 'a1', name: 'quote.pdf', contentType: 'application/pdf', size: 2_000, attachmentType: 'file', isInline: false },
      { id: 'a2', name: 'pricing.xlsx', contentType: 'application/vnd.ms-excel', size: 9_000_000, attachmentType: 'file', isInline: false },
      { id: 'a3', name: 'image001.png', contentType: 'image/png', size: 300, attachmentType: 'file', isInline: true },
      { id: 'a4', name: 'RE: old.eml', size: 40, attachmentType: 'item', isInline: false },
      { id: 'a5', name: 'video.mp4', contentType: 'video/mp4', size: 80 * 1024 * 1024, attachmentType: 'file', isInline: false },
    ],
    getAttachmentContentAsync: (id: string, cb: (r: unknown) => void) =>
      setTimeout(() => cb(CONTENT[id] ? ok({ content: CONTENT[id], format: 'base64' }) : { status: 'failed', error: { name: 'InvalidAttachmentId' } }), 0),
  });

describe('workspace: attachments saved with the email', () => {
  it('lists files with checkboxes and says why the others are not saved', async () => {
    renderWorkspace({ crm: knownPeople(), item: withAttachments() });
    const picker = await screen.findByTestId('attachment-picker');
    expect(within(picker).getByRole('checkbox', { name: 'quote.pdf (2 KB)' })).toHaveProperty('checked', true);
    expect(within(picker).getByRole('checkbox', { name: 'pricing.xlsx (8.6 MB)' })).toHaveProperty('checked', true);
    expect(within(picker).getByText(/image001\.png · Picture in the email body: not saved/)).toBeTruthy();
    expect(within(picker).getByText(/RE: old\.eml · An attached email/)).toBeTruthy();
    expect(within(picker).getByText(/video\.mp4 · Larger than 25 MB/)).toBeTruthy();
    expect(within(picker).getAllByRole('checkbox')).toHaveLength(2);
  });

  it('the config default "under a size" ticks only the small file; Save email enqueues the ticked ones after the email', async () => {
    const { user, outbox, owner } = renderWorkspace({ crm: knownPeople(), item: withAttachments(), attachmentDefaults: { mode: 'under', maxBytes: 1_000_000 } });
    const picker = await screen.findByTestId('attachment-picker');
    expect(within(picker).getByRole('checkbox', { name: /pricing\.xlsx/ })).toHaveProperty('checked', false);
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    await waitFor(async () => expect((await outbox!.list(owner)).map((e) => e.action.type)).toEqual(['save_email', 'save_attachment']));
    const [, file] = await outbox!.list(owner);
    const action = file?.action as SaveAttachmentAction;
    expect(action).toMatchObject({ fileName: 'quote.pdf', contentType: 'application/pdf', linkToId: ACME.Id, label: 'File: quote.pdf' });
    expect(action.email.internetMessageId).toBe('<msg-1@acme.example>');
    expect(await action.content.text()).toBe('%PDF-');
    expect(await within(picker).findByText('Saved')).toBeTruthy();
  });

  it('"none" ticks nothing; a ticked file Outlook will not give says so and is not enqueued', async () => {
    const item = withAttachments() as ReturnType<typeof withAttachments> & { attachments: Array<{ id: string }> };
    item.attachments[0]!.id = 'gone';
    const { user, outbox, owner } = renderWorkspace({ crm: knownPeople(), item, attachmentDefaults: { mode: 'none' } });
    const picker = await screen.findByTestId('attachment-picker');
    const quote = within(picker).getByRole('checkbox', { name: /quote\.pdf/ });
    expect(quote).toHaveProperty('checked', false);
    await user.click(quote);
    await user.click(screen.getByRole('button', { name: 'Save email' }));
    expect(await within(picker).findByText('Outlook did not give this file: not saved. Try again.')).toBeTruthy();
    expect((await outbox!.list(owner)).map((e) => e.action.type)).toEqual(['save_email']);
  });
});
