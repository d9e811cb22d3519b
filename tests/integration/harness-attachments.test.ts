/**
 * The Outlook harness's attachments (tests/harness/office-stand-in/attachments.ts) read by the production host code
 * (src/host/read-attachments.ts): the shapes of Office.AttachmentDetails, AttachmentDetailsCompose and
 * AttachmentContent, and getAttachmentContentAsync's formats and errors.
 */
import { describe, expect, it } from 'vitest';
import { readAttachmentContent, readAttachmentList } from '../../src/host/read-attachments';
import { buildItem } from '../harness/office-stand-in/mailbox-item';
import { generatedByte, LARGE_WORKBOOK_BYTES, QUOTE_ATTACHMENTS } from '../harness/sample-attachments';
import { SAMPLE_EMAILS } from '../harness/sample-emails';

const quoteEmail = SAMPLE_EMAILS.find((e) => e.id === 'acme-quote-files')!;

describe('harness attachments through the host code', () => {
  it('lists item.attachments in read mode with contentType, size, isInline and attachmentType', async () => {
    const item = buildItem(structuredClone(quoteEmail), () => undefined)!.item;
    const list = await readAttachmentList(item);
    expect(list.map((a) => [a.name, a.kind, a.isInline])).toEqual([
      ['Acme quote Q3.pdf', 'file', false],
      ['Pricing workbook.xlsx', 'file', false],
      ['image001.png', 'file', true],
      ['RE: Pricing.eml', 'item', false],
      ['Contract draft.docx', 'cloud', false],
    ]);
    expect(list[0]).toMatchObject({ contentType: 'application/pdf' });
    expect(list[1]?.size).toBe(LARGE_WORKBOOK_BYTES);
  });

  it('lists getAttachmentsAsync in compose mode, without contentType (AttachmentDetailsCompose has none)', async () => {
    const draft = { ...structuredClone(quoteEmail), mode: 'compose' as const };
    const list = await readAttachmentList(buildItem(draft, () => undefined)!.item);
    expect(list).toHaveLength(QUOTE_ATTACHMENTS.length);
    expect(list.every((a) => a.contentType === undefined)).toBe(true);
  });

  it('gives file content as base64 (every byte), eml and url as not files, an unknown id as InvalidAttachmentId', async () => {
    const item = buildItem(structuredClone(quoteEmail), () => undefined)!.item;
    const workbook = await readAttachmentContent(item, 'AAMkADAttachPricingXlsx=');
    if (!workbook.ok) throw new Error('no content');
    const bytes = Buffer.from(workbook.base64, 'base64');
    expect(bytes.length).toBe(LARGE_WORKBOOK_BYTES);
    expect([bytes[0], bytes[1], bytes[300_000]]).toEqual([generatedByte(0), generatedByte(1), generatedByte(300_000)]);
    expect(await readAttachmentContent(item, 'AAMkADAttachEarlierMsg=')).toMatchObject({ ok: false, reason: 'not_a_file', code: 'eml' });
    expect(await readAttachmentContent(item, 'AAMkADAttachCloudLink=')).toMatchObject({ ok: false, reason: 'not_a_file', code: 'url' });
    expect(await readAttachmentContent(item, 'nope')).toEqual({ ok: false, reason: 'unavailable', code: 'InvalidAttachmentId' });
  });
});
