/**
 * Sample emails with attachments, in the shape Outlook gives them (Office.AttachmentDetails in read mode,
 * AttachmentDetailsCompose from getAttachmentsAsync in compose): files, an inline image (isInline, referenced by
 * `cid:` in the body), an attached message (attachmentType item) and a cloud attachment (attachmentType cloud).
 * Large contents are generated in the stand-in from a byte count, so boot data stays small.
 */
import type { SampleAddress } from './sample-emails';

export interface SampleAttachment {
  /** Exchange attachment ids are opaque base64 strings. */
  id: string;
  name: string;
  contentType: string;
  attachmentType: 'file' | 'item' | 'cloud';
  isInline: boolean;
  /** What getAttachmentContentAsync answers: a file's bytes (given or generated), an .eml string, a URL. */
  content: { base64: string } | { generatedBytes: number } | { eml: string } | { url: string };
}

/** Deterministic bytes covering all 256 values, so a test sees any byte a transfer mangles. */
export function generatedByte(index: number): number {
  return (index * 31 + 7) % 256;
}

export function generatedBase64(length: number): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = generatedByte(i);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The size Outlook reports: the file's bytes (an .eml's or a link's length for the others). */
export function attachmentSize(attachment: SampleAttachment): number {
  const content = attachment.content;
  if ('generatedBytes' in content) return content.generatedBytes;
  if ('base64' in content) return Math.floor((content.base64.length * 3) / 4) - (content.base64.endsWith('==') ? 2 : content.base64.endsWith('=') ? 1 : 0);
  if ('eml' in content) return content.eml.length;
  return 0;
}

const PDF = 'JVBERi0xLjQKJcfsj6IKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZz4+ZW5kb2JqCnRyYWlsZXI8PC9Sb290IDEgMCBSPj4KJSVFT0YK';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A file above the add-in's JSON upload size (src/salesforce/crm/attachment-limits.ts), so it goes multipart. */
export const LARGE_WORKBOOK_BYTES = 3_500_000;

export const QUOTE_ATTACHMENTS: SampleAttachment[] = [
  { id: 'AAMkADAttachQuotePdf=', name: 'Acme quote Q3.pdf', contentType: 'application/pdf', attachmentType: 'file', isInline: false, content: { base64: PDF } },
  {
    id: 'AAMkADAttachPricingXlsx=',
    name: 'Pricing workbook.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    attachmentType: 'file',
    isInline: false,
    content: { generatedBytes: LARGE_WORKBOOK_BYTES },
  },
  { id: 'AAMkADAttachLogoPng=', name: 'image001.png', contentType: 'image/png', attachmentType: 'file', isInline: true, content: { base64: PNG } },
  {
    id: 'AAMkADAttachEarlierMsg=',
    name: 'RE: Pricing.eml',
    contentType: 'message/rfc822',
    attachmentType: 'item',
    isInline: false,
    content: { eml: 'Subject: RE: Pricing\r\n\r\nSee below.\r\n' },
  },
  {
    id: 'AAMkADAttachCloudLink=',
    name: 'Contract draft.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    attachmentType: 'cloud',
    isInline: false,
    content: { url: 'https://contoso-my.sharepoint.com/personal/jane/Documents/Contract%20draft.docx' },
  },
];

const JANE: SampleAddress = { name: 'Jane Doe', address: 'jane.doe@acme.example' };
const SELLER: SampleAddress = { name: 'Sam Seller', address: 'seller@demo.example' };

/** Appended to SAMPLE_EMAILS (sample-emails.ts). */
export const ATTACHMENT_SAMPLE_EMAILS = [
  {
    id: 'acme-quote-files',
    label: 'Acme quote with attachments',
    mode: 'read' as const,
    subject: 'Signed quote and pricing',
    from: JANE,
    to: [SELLER],
    cc: [],
    date: '2025-05-15T10:00:00.000Z',
    itemId: 'AAMkADHarnessItem0006=',
    internetMessageId: '<acme-quote-0006@acme.example>',
    conversationId: 'AAQkADHarnessConv0006=',
    body: 'Hi Sam,\n\nAttached are the signed quote and our pricing workbook.\n\n[cid:image001.png]\nJane',
    attachments: QUOTE_ATTACHMENTS,
  },
];
