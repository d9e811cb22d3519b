/**
 * Save one email attachment as a Salesforce File: a ContentVersion first published on the saved email's record
 * (Salesforce then links the file to it), and a ContentDocumentLink to the record the seller chose.
 *
 * Never twice: before uploading, look for a version of this file on that email record (FirstPublishLocationId, the
 * same PathOnClient and ContentSize). The email record is found (or made) the way saving the email does it, by its
 * Message-ID, so a second pane, another device or an attempt that landed unanswered all find the first upload.
 * The link is checked the same way before it is made, and Salesforce's DUPLICATE_VALUE on a link made meanwhile
 * counts as linked.
 */
import { SalesforceFailureError } from '../failure-kinds';
import type { SaveAttachmentAction } from '../outbox/outbox';
import type { SalesforceApi } from '../salesforce-api';
import { JSON_UPLOAD_MAX_BYTES } from './attachment-limits';
import { recordsOf, str } from './record-fields';
import { executeSaveEmailAction } from './save-email-message';
import { isSalesforceId, soqlString } from './soql';

/** The name as Salesforce keeps it: one line, at most 255 characters (PathOnClient allows 500, Title 255). */
export function fileNameOf(name: string): string {
  const clean = name.replace(/[\r\n\\/]+/g, ' ').trim() || 'attachment';
  return clean.slice(0, 255);
}

export function savedVersionQuery(emailRecordId: string, fileName: string, size: number): string {
  return (
    `SELECT Id, ContentDocumentId FROM ContentVersion WHERE FirstPublishLocationId = ${soqlString(emailRecordId)} ` +
    `AND PathOnClient = ${soqlString(fileName)} AND ContentSize = ${Math.floor(size)} AND IsLatest = true LIMIT 1`
  );
}

export async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function findSavedVersion(api: SalesforceApi, emailRecordId: string, fileName: string, size: number): Promise<{ id: string; documentId: string } | null> {
  const [record] = recordsOf(await api.query(savedVersionQuery(emailRecordId, fileName, size)));
  const id = str(record, 'Id');
  const documentId = str(record, 'ContentDocumentId');
  return id && documentId ? { id, documentId } : null;
}

async function upload(api: SalesforceApi, action: SaveAttachmentAction, emailRecordId: string, fileName: string): Promise<string> {
  const fields = { Title: fileName.replace(/\.[^.]*$/, '') || fileName, PathOnClient: fileName, FirstPublishLocationId: emailRecordId };
  if (action.content.size <= JSON_UPLOAD_MAX_BYTES) {
    return (await api.create('ContentVersion', { ...fields, VersionData: await blobToBase64(action.content) })).id;
  }
  return (await api.createWithBlob('ContentVersion', { fields, blobField: 'VersionData', fileName, contentType: action.contentType, data: action.content })).id;
}

async function linkTo(api: SalesforceApi, documentId: string, recordId: string): Promise<void> {
  const existing = await api.query(`SELECT Id FROM ContentDocumentLink WHERE ContentDocumentId = ${soqlString(documentId)} AND LinkedEntityId = ${soqlString(recordId)}`);
  if (recordsOf(existing).length > 0) return;
  try {
    await api.create('ContentDocumentLink', { ContentDocumentId: documentId, LinkedEntityId: recordId, ShareType: 'V', Visibility: 'AllUsers' });
  } catch (error) {
    // Linked meanwhile (another pane, or this create landed before a lost answer): the link is there.
    if (error instanceof SalesforceFailureError && error.failure.code === 'DUPLICATE_VALUE') return;
    throw error;
  }
}

export async function executeSaveAttachment(api: SalesforceApi, action: SaveAttachmentAction): Promise<{ id: string; adopted: boolean }> {
  // The same record the email's own save makes or finds: an EmailMessage where the org has Enhanced Email, else a Task.
  const email = await executeSaveEmailAction(api, action.email);
  const fileName = fileNameOf(action.fileName);
  const found = await findSavedVersion(api, email.id, fileName, action.content.size);
  let versionId: string;
  let documentId: string | null;
  if (found) {
    versionId = found.id;
    documentId = found.documentId;
  } else {
    versionId = await upload(api, action, email.id, fileName);
    documentId = str(await api.retrieve('ContentVersion', versionId, ['ContentDocumentId']), 'ContentDocumentId');
  }
  const chosen = action.linkToId;
  if (documentId && chosen && isSalesforceId(chosen) && chosen !== email.id) await linkTo(api, documentId, chosen);
  return { id: versionId, adopted: found !== null };
}
