/**
 * Which attachments can become Salesforce Files, and how each is sent.
 *
 * - Inline images (a signature logo, a pasted picture) belong to the body, not the deal: never saved.
 * - Attached Outlook items (.eml / .ics) and cloud links are not files Outlook hands over as bytes: not saved.
 * - ATTACHMENT_MAX_BYTES: the bytes wait in the outbox (IndexedDB) until Salesforce has them, so a reload or a lost
 *   connection loses nothing; 25 MB each keeps that store within what a browser grants a pane without asking, and is
 *   Exchange Online's default message size limit, so nearly every real attachment fits.
 * - JSON_UPLOAD_MAX_BYTES: up to this size the file goes as base64 in a JSON create (Salesforce takes up to 37.5 MB
 *   so); above it as Salesforce's multipart upload, which sends the bytes as they are instead of a JSON string a
 *   third larger built in the pane's memory.
 */
import type { AttachmentDefaultSelection } from '../../config/runtime-config';

export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
export const JSON_UPLOAD_MAX_BYTES = 3 * 1024 * 1024;

export type AttachmentRefusal = 'inline' | 'not_a_file' | 'too_large' | 'empty';

export interface AttachmentFacts {
  kind: 'file' | 'item' | 'cloud';
  isInline: boolean;
  size: number;
}

/** Why this attachment cannot be saved; undefined when it can. */
export function attachmentRefusal(attachment: AttachmentFacts): AttachmentRefusal | undefined {
  if (attachment.isInline) return 'inline';
  if (attachment.kind !== 'file') return 'not_a_file';
  if (attachment.size > ATTACHMENT_MAX_BYTES) return 'too_large';
  if (attachment.size <= 0) return 'empty';
  return undefined;
}

/** The default selection from config.json (runtime-config.ts): every savable file, none, or those up to a size. */
export type { AttachmentDefaultSelection };

export function selectedByDefault(attachment: AttachmentFacts, selection: AttachmentDefaultSelection): boolean {
  if (attachmentRefusal(attachment)) return false;
  if (selection.mode === 'none') return false;
  if (selection.mode === 'under') return attachment.size <= selection.maxBytes;
  return true;
}

/** Salesforce needs a content type for the multipart part; compose mode gives none, so it is guessed from the name. */
export function contentTypeFor(name: string, given: string | undefined): string {
  if (given) return given;
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    txt: 'text/plain',
    csv: 'text/csv',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    zip: 'application/zip',
  };
  // Own keys only: a file named `x.constructor` must not find Object.prototype's member.
  return Object.hasOwn(known, ext) ? (known[ext] as string) : 'application/octet-stream';
}
