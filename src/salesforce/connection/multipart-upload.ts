/**
 * Salesforce's multipart insert of a record with a blob ("Insert or Update Blob Data", REST API Developer Guide):
 * one `multipart/form-data` body, first the record's fields as JSON, then the file's bytes. Sent with `fetch`, not
 * jsforce: jsforce's browser transport reads every request body as UTF-8 text (util/stream readAll), which would
 * mangle a binary file. What comes back is handed to the classifier as jsforce's answers are (fetch-answer.ts).
 */
import { fetchSignal, globalFetch, salesforceAnswer, type ConnectionFetch } from './fetch-answer';

export interface BlobUpload {
  /** The record's fields, without the blob field. */
  fields: Record<string, unknown>;
  /** The blob field's name, e.g. VersionData on ContentVersion. */
  blobField: string;
  fileName: string;
  contentType: string;
  data: Blob;
}

/** A boundary that cannot occur in the JSON part and is vanishingly unlikely in the file. */
export function makeBoundary(random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 24; i++) tail += Math.floor(random() * 36).toString(36);
  return `----sellers-addin-${tail}`;
}

/** Header values must stay on one line and inside their quotes. */
const headerSafe = (value: string): string => value.replace(/[\r\n"\\]/g, '_');

export function multipartBody(upload: BlobUpload, boundary: string): Blob {
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="entity_content";\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(upload.fields)}\r\n` +
    `--${boundary}\r\nContent-Type: ${headerSafe(upload.contentType || 'application/octet-stream')}\r\n` +
    `Content-Disposition: form-data; name="${headerSafe(upload.blobField)}"; filename="${headerSafe(upload.fileName)}"\r\n\r\n`;
  return new Blob([head, upload.data, `\r\n--${boundary}--\r\n`]);
}

export async function sendMultipart(
  session: { accessToken: string; instanceUrl: string },
  path: string,
  upload: BlobUpload,
  timeoutMs: number,
  fetchFn: ConnectionFetch = globalFetch,
): Promise<unknown> {
  const boundary = makeBoundary();
  // Frees the socket once the wrapper's own deadline has passed; the wrapper has answered the caller by then.
  const { signal, done } = fetchSignal(timeoutMs);
  try {
    const response = await fetchFn(`${session.instanceUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': `multipart/form-data; boundary="${boundary}"`, Accept: 'application/json' },
      body: multipartBody(upload, boundary),
      signal,
    });
    return await salesforceAnswer(response);
  } finally {
    done();
  }
}
