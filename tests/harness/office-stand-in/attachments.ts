/**
 * The item's attachments as Outlook offers them (Mailbox 1.8): `item.attachments` (AttachmentDetails, with
 * contentType) in read mode, `getAttachmentsAsync` (AttachmentDetailsCompose, without contentType) in compose, and
 * `getAttachmentContentAsync` in both, answering `{content, format}`: base64 for files, eml for attached messages,
 * url for cloud attachments; an unknown id fails `InvalidAttachmentId`.
 */
import { attachmentSize, generatedBase64, type SampleAttachment } from '../sample-attachments';
import type { SampleEmail } from '../sample-emails';
import { failedResult, later, splitOptionsAndCallback, succeededResult, type AsyncCallback, type AsyncOptions } from './async-result';

export interface AttachmentDetailsStandIn {
  id: string;
  name: string;
  contentType?: string;
  size: number;
  attachmentType: string;
  isInline: boolean;
  contentId: string;
}

export interface AttachmentContentStandIn {
  content: string;
  format: 'base64' | 'eml' | 'iCalendar' | 'url';
}

type ContentAsync = (id: string, a?: AsyncOptions | AsyncCallback<AttachmentContentStandIn>, b?: AsyncCallback<AttachmentContentStandIn>) => void;
type ListAsync = (a?: AsyncOptions | AsyncCallback<AttachmentDetailsStandIn[]>, b?: AsyncCallback<AttachmentDetailsStandIn[]>) => void;

function details(attachment: SampleAttachment, mode: 'read' | 'compose'): AttachmentDetailsStandIn {
  const base = {
    id: attachment.id,
    name: attachment.name,
    size: attachmentSize(attachment),
    attachmentType: attachment.attachmentType,
    isInline: attachment.isInline,
    contentId: attachment.isInline ? attachment.name : '',
  };
  return mode === 'read' ? { ...base, contentType: attachment.contentType } : base;
}

function contentOf(attachment: SampleAttachment): AttachmentContentStandIn {
  const content = attachment.content;
  if ('base64' in content) return { content: content.base64, format: 'base64' };
  if ('generatedBytes' in content) return { content: generatedBase64(content.generatedBytes), format: 'base64' };
  if ('eml' in content) return { content: content.eml, format: 'eml' };
  return { content: content.url, format: 'url' };
}

export function readModeAttachments(email: SampleEmail): AttachmentDetailsStandIn[] {
  return (email.attachments ?? []).map((a) => details(a, 'read'));
}

export function getAttachmentsAsync(email: SampleEmail): ListAsync {
  return (a, b) => {
    const args = splitOptionsAndCallback<AttachmentDetailsStandIn[]>(a, b);
    later(() =>
      args.callback(
        succeededResult(
          (email.attachments ?? []).map((x) => details(x, 'compose')),
          args.options.asyncContext,
        ),
      ),
    );
  };
}

export function getAttachmentContentAsync(email: SampleEmail): ContentAsync {
  return (id, a, b) => {
    const args = splitOptionsAndCallback<AttachmentContentStandIn>(a, b);
    later(() => {
      const attachment = (email.attachments ?? []).find((x) => x.id === id);
      if (!attachment) {
        args.callback(failedResult(9017, 'InvalidAttachmentId', 'The attachment identifier does not exist.', args.options.asyncContext));
        return;
      }
      args.callback(succeededResult(contentOf(attachment), args.options.asyncContext));
    });
  };
}
