/**
 * Salesforce Files in the emulated org: inserting a ContentVersion (JSON with base64 VersionData, or the documented
 * multipart/form-data body for large files), the ContentDocument and ContentDocumentLinks the platform makes with it,
 * and the rules on ContentDocumentLink (duplicates, the query filter restriction).
 *
 * Sources: REST API Developer Guide "Insert or Update Blob Data" (multipart: first part the record's fields as JSON,
 * second part the binary; 2 GB for ContentVersion; a non-multipart body carries at most 37.5 MB of base64-encoded
 * data); Object Reference ContentVersion / ContentDocumentLink. See FIDELITY.md, "Salesforce Files".
 */
import { jsonReply, type Reply } from '../http';
import type { OrgState } from '../org-state';
import { formatDateTime, type SfRecord } from '../record-store';
import { findSObject, type SObjectDef } from '../schema';
import { restError } from './rest-errors';
import { checkWrite } from './sobject-rules';

/** A non-multipart request carries at most 37.5 MB of base64-encoded data ("Insert or Update Blob Data"). */
export const JSON_BLOB_MAX_BYTES = 37.5 * 1024 * 1024;
/** "the maximum file size for uploads is 2 GB for ContentVersion objects". */
export const CONTENT_VERSION_MAX_BYTES = 2 * 1024 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

interface ContentSession {
  userId: string;
}

/** The multipart body's parts, each with its lower-cased headers and raw bytes (the body arrives as latin1). */
interface Part {
  headers: Record<string, string>;
  name: string | undefined;
  bytes: Buffer;
}

function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function parseMultipart(body: Buffer, boundary: string): Part[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString('latin1') === '--') return parts;
    const next = body.indexOf(delimiter, at);
    if (next < 0) return undefined; // no closing delimiter: a cut-off or malformed body
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const chunk = body.subarray(at, next);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd < 0) return undefined;
    const headers: Record<string, string> = {};
    for (const line of chunk.subarray(0, headerEnd).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let content = chunk.subarray(headerEnd + 4);
    if (content.subarray(content.length - 2).toString('latin1') === '\r\n') content = content.subarray(0, content.length - 2);
    const name = /\bname="([^"]*)"/i.exec(headers['content-disposition'] ?? '')?.[1];
    parts.push({ headers, name, bytes: content });
    at = next;
  }
}

const malformed = (detail: string): Reply => restError(400, 'JSON_PARSER_ERROR', detail);

/** The fields and bytes of a ContentVersion insert, from either body form, or the refusal. */
export function readContentVersionBody(
  request: { body: string; headers: Record<string, string | undefined> },
  jsonMaxBytes: number = JSON_BLOB_MAX_BYTES,
): { fields: Record<string, unknown>; bytes: Buffer } | { reply: Reply } {
  const contentType = request.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(contentType)) {
    const boundary = boundaryOf(contentType);
    if (!boundary) return { reply: malformed('Multipart message must have a boundary') };
    const parts = parseMultipart(Buffer.from(request.body, 'latin1'), boundary);
    if (!parts) return { reply: malformed('Multipart message is malformed') };
    const entity = parts.find((p) => (p.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'));
    const blob = parts.find((p) => p.name === 'VersionData');
    if (!entity || !blob) return { reply: malformed('Multipart message must contain a JSON part with the record and a VersionData part with the binary') };
    let fields: unknown;
    try {
      fields = JSON.parse(entity.bytes.toString('utf8'));
    } catch (err) {
      return { reply: malformed(`Unexpected character in the JSON part: ${err instanceof Error ? err.message : String(err)}`) };
    }
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return { reply: malformed('The JSON part must be a JSON object') };
    if ('VersionData' in fields) return { reply: malformed('VersionData belongs in the binary part, not in the JSON part') };
    return { fields: fields as Record<string, unknown>, bytes: blob.bytes };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body || 'null');
  } catch (err) {
    return { reply: malformed(`Unexpected character in request body: ${err instanceof Error ? err.message : String(err)}`) };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { reply: malformed('The request body must be a JSON object') };
  const fields = { ...(parsed as Record<string, unknown>) };
  const data = fields.VersionData;
  delete fields.VersionData;
  if (data === undefined || data === null || data === '') return { fields, bytes: Buffer.alloc(0) };
  if (typeof data !== 'string' || !BASE64.test(data.replace(/\s+/g, '')) || data.replace(/\s+/g, '').length % 4 !== 0) {
    return { reply: malformed('VersionData: the value is not valid base64') };
  }
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length > jsonMaxBytes) {
    // The documented limit; the wire form of the refusal is not documented (inferred, FIDELITY.md).
    return {
      reply: restError(400, 'STRING_TOO_LONG', `VersionData: a non-multipart request carries at most ${jsonMaxBytes} bytes of base64-encoded data; send the file as multipart/form-data`, [
        'VersionData',
      ]),
    };
  }
  return { fields, bytes };
}

function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

const FILE_TYPES: Record<string, string> = {
  pdf: 'PDF',
  png: 'PNG',
  jpg: 'JPG',
  jpeg: 'JPEG',
  gif: 'GIF',
  txt: 'TEXT',
  csv: 'CSV',
  docx: 'WORD_X',
  xlsx: 'EXCEL_X',
  pptx: 'POWER_POINT_X',
  zip: 'ZIP',
};

/**
 * Inserts a ContentVersion. Without ContentDocumentId the platform makes a new ContentDocument (owned by the
 * caller) and links it to the owner (ShareType I) and, when FirstPublishLocationId names a record, to that record
 * (ShareType V). With ContentDocumentId it adds a new latest version to that document.
 */
export function insertContentVersion(org: OrgState, session: ContentSession, request: { body: string; headers: Record<string, string | undefined>; apiVersion: string }): Reply {
  const read = readContentVersionBody(request);
  if ('reply' in read) return read.reply;
  const def = findSObject('ContentVersion') as SObjectDef;
  const checked = checkWrite(org.records, def, read.fields, 'create');
  if (!checked.ok) return jsonReply(checked.status, checked.errors);
  const values = checked.values;
  const missing = ['PathOnClient'].filter((f) => typeof values[f] !== 'string' || values[f].trim() === '');
  if (read.bytes.length === 0) missing.push('VersionData');
  if (missing.length > 0) return restError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  if (read.bytes.length > CONTENT_VERSION_MAX_BYTES) return restError(400, 'STORAGE_LIMIT_EXCEEDED', 'The file is larger than 2 GB', ['VersionData']);
  const existingDocumentId = typeof values.ContentDocumentId === 'string' ? values.ContentDocumentId : undefined;
  if (existingDocumentId && values.FirstPublishLocationId) {
    return restError(400, 'FIELD_INTEGRITY_EXCEPTION', 'FirstPublishLocationId applies to the first version only; a new version of a document cannot set it', ['FirstPublishLocationId']);
  }
  const path = values.PathOnClient as string;
  const extension = extensionOf(path);
  const title = typeof values.Title === 'string' && values.Title.trim() !== '' ? values.Title : (path.split(/[\\/]/).pop() ?? path).replace(/\.[^.]*$/, '');
  const now = formatDateTime(org.now());
  const audit = { CreatedById: session.userId, LastModifiedById: session.userId, CreatedDate: now, LastModifiedDate: now, SystemModstamp: now };
  const derived = { ContentSize: read.bytes.length, FileExtension: extension, FileType: FILE_TYPES[extension] ?? 'UNKNOWN', Title: title };
  const versionId = org.records.nextId(def);
  let documentId = existingDocumentId;
  let versionNumber = 1;
  if (documentId) {
    const earlier = org.records.all('ContentVersion').filter((v) => v.ContentDocumentId === documentId);
    versionNumber = earlier.length + 1;
    for (const v of earlier) org.records.put('ContentVersion', { ...v, IsLatest: false });
  } else {
    documentId = org.records.nextId(findSObject('ContentDocument') as SObjectDef);
  }
  const document = org.records.get('ContentDocument', documentId);
  org.records.put('ContentDocument', {
    ...(document ?? { OwnerId: session.userId, CreatedById: session.userId, CreatedDate: now }),
    ...derived,
    Id: documentId,
    LatestPublishedVersionId: versionId,
    LastModifiedById: session.userId,
    LastModifiedDate: now,
    SystemModstamp: now,
  });
  org.records.put('ContentVersion', {
    ...values,
    ...audit,
    ...derived,
    Id: versionId,
    ContentDocumentId: documentId,
    ContentLocation: values.ContentLocation ?? 'S',
    VersionData: read.bytes.toString('base64'),
    IsLatest: true,
    VersionNumber: String(versionNumber),
    OwnerId: values.OwnerId ?? session.userId,
  });
  if (!existingDocumentId) {
    putLink(org, documentId, session.userId, 'I', now);
    const location = values.FirstPublishLocationId;
    if (typeof location === 'string' && org.records.get('User', location) === undefined) putLink(org, documentId, location, 'V', now);
  }
  return jsonReply(201, { id: versionId, success: true, errors: [] }, { Location: `/services/data/v${request.apiVersion}/sobjects/ContentVersion/${versionId}` });
}

function putLink(org: OrgState, documentId: string, entityId: string, shareType: string, now: string): SfRecord {
  const def = findSObject('ContentDocumentLink') as SObjectDef;
  return org.records.put('ContentDocumentLink', {
    Id: org.records.nextId(def),
    ContentDocumentId: documentId,
    LinkedEntityId: entityId,
    ShareType: shareType,
    Visibility: 'AllUsers',
    SystemModstamp: now,
  });
}

/** A second link between one document and one entity is refused: DUPLICATE_VALUE on LinkedEntityId. */
export function duplicateLinkError(org: OrgState, values: Record<string, unknown>): Reply | undefined {
  const documentId = values.ContentDocumentId;
  const entityId = values.LinkedEntityId;
  if (typeof documentId !== 'string' || typeof entityId !== 'string') return undefined;
  const same = (a: unknown, b: string) => typeof a === 'string' && a.slice(0, 15) === b.slice(0, 15);
  const exists = org.records.all('ContentDocumentLink').some((l) => same(l.ContentDocumentId, documentId) && same(l.LinkedEntityId, entityId));
  if (!exists) return undefined;
  return restError(400, 'DUPLICATE_VALUE', `Document with ID: ${documentId} is already linked with the entity with ID: ${entityId}`, ['LinkedEntityId']);
}

/**
 * "Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or
 * LinkedEntityId using the equals operator or multiple Id's using the IN operator." Checked on the query text.
 */
export function contentDocumentLinkQueryError(soql: string): Reply | undefined {
  if (!/\bFROM\s+ContentDocumentLink\b/i.test(soql)) return undefined;
  const where = /\bWHERE\b([\s\S]*)$/i.exec(soql)?.[1] ?? '';
  if (/\b(ContentDocumentId|LinkedEntityId)\s*(=|IN\b)/i.test(where)) return undefined;
  return restError(
    400,
    'MALFORMED_QUERY',
    "Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the IN operator.",
  );
}
