/**
 * The attachments of the item on show, and one attachment's bytes (Mailbox 1.8): `item.attachments` in read mode,
 * `item.getAttachmentsAsync` in compose, `item.getAttachmentContentAsync` in both. Every call is bounded: a callback
 * that never comes must not leave a save waiting for good.
 */
import { deadlineError, realTimers, withDeadline, type Timers } from '../shared/deadline';
import { succeeded } from './async-result';

/** What the app knows of one attachment. `kind`: a file, an attached Outlook item, or a link to a cloud file. */
export interface EmailAttachment {
  id: string;
  name: string;
  /** MIME type; compose mode does not give one (guessed from the name later). */
  contentType?: string;
  /** Bytes, as Outlook reports them. */
  size: number;
  kind: 'file' | 'item' | 'cloud';
  /** An image shown in the body (a signature logo, a pasted picture): not saved. */
  isInline: boolean;
}

export type AttachmentContentResult =
  | { ok: true; base64: string }
  /** `not_a_file`: an item or cloud attachment (eml, iCalendar, url). `unavailable`: Outlook refused or did not answer. */
  | { ok: false; reason: 'not_a_file' | 'unavailable'; code?: string };

export const ATTACHMENT_LIST_DEADLINE_MS = 5_000;
/** Outlook reads a file's content from the server: a large file takes a while. */
export const ATTACHMENT_CONTENT_DEADLINE_MS = 60_000;

interface AttachmentItemLike {
  attachments?: unknown;
  getAttachmentsAsync?: (callback: (result: Office.AsyncResult<unknown>) => void) => void;
  getAttachmentContentAsync?: (id: string, callback: (result: Office.AsyncResult<unknown>) => void) => void;
}

function toAttachment(raw: unknown): EmailAttachment | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') return undefined;
  const type = String(r.attachmentType ?? 'file').toLowerCase();
  const attachment: EmailAttachment = {
    id: r.id,
    name: typeof r.name === 'string' && r.name.trim() !== '' ? r.name : 'attachment',
    size: typeof r.size === 'number' && Number.isFinite(r.size) && r.size >= 0 ? r.size : 0,
    kind: type === 'item' ? 'item' : type === 'cloud' ? 'cloud' : 'file',
    isInline: r.isInline === true,
  };
  if (typeof r.contentType === 'string' && r.contentType !== '') attachment.contentType = r.contentType;
  return attachment;
}

function toAttachments(raw: unknown): EmailAttachment[] {
  return Array.isArray(raw) ? raw.map(toAttachment).filter((a): a is EmailAttachment => a !== undefined) : [];
}

/** The item's attachments; none when the host cannot say (Mailbox < 1.8 in compose, a failed or late answer). */
export async function readAttachmentList(item: unknown, timers: Timers = realTimers): Promise<EmailAttachment[]> {
  const it = item as AttachmentItemLike | null | undefined;
  if (!it) return [];
  if (Array.isArray(it.attachments)) return toAttachments(it.attachments);
  const getAll = it.getAttachmentsAsync;
  if (typeof getAll !== 'function') return [];
  const answer = new Promise<EmailAttachment[]>((resolve) => {
    try {
      getAll.call(it, (result) => resolve(succeeded(result) ? toAttachments(result.value) : []));
    } catch {
      resolve([]);
    }
  });
  return withDeadline(answer, ATTACHMENT_LIST_DEADLINE_MS, () => deadlineError('Outlook did not list the attachments in time.'), timers).catch(() => []);
}

/** One file's content as base64. Item and cloud attachments are not files: refused without asking for bytes. */
export async function readAttachmentContent(item: unknown, id: string, timers: Timers = realTimers): Promise<AttachmentContentResult> {
  const it = item as AttachmentItemLike | null | undefined;
  const getContent = it?.getAttachmentContentAsync;
  if (!it || typeof getContent !== 'function') return { ok: false, reason: 'unavailable', code: 'NotSupported' };
  const answer = new Promise<AttachmentContentResult>((resolve) => {
    try {
      getContent.call(it, id, (result) => {
        if (!succeeded(result)) {
          const code = (result.error as { name?: unknown } | undefined)?.name;
          resolve({ ok: false, reason: code === 'AttachmentTypeNotSupported' ? 'not_a_file' : 'unavailable', ...(typeof code === 'string' ? { code } : {}) });
          return;
        }
        const value = result.value as { content?: unknown; format?: unknown } | undefined;
        if (String(value?.format ?? '').toLowerCase() !== 'base64' || typeof value?.content !== 'string') {
          resolve({ ok: false, reason: 'not_a_file', code: String(value?.format ?? '') });
          return;
        }
        resolve({ ok: true, base64: value.content });
      });
    } catch {
      resolve({ ok: false, reason: 'unavailable' });
    }
  });
  return withDeadline(answer, ATTACHMENT_CONTENT_DEADLINE_MS, () => deadlineError('Outlook did not give the attachment in time.'), timers).catch((): AttachmentContentResult => ({
    ok: false,
    reason: 'unavailable',
    code: 'Timeout',
  }));
}
