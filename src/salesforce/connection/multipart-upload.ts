/**
 * Salesforce's multipart insert of a record with a blob ("Insert or Update Blob Data", REST API Developer Guide):
 * one `multipart/form-data` body, first the record's fields as JSON, then the file's bytes. Sent with `fetch`, not
 * jsforce: jsforce's browser transport reads every request body as UTF-8 text (util/stream readAll), which would
 * mangle a binary file. What comes back is handed to the classifier in the shapes it reads: a non-2xx answer as
 * `{status, headers, body}`, a network failure as fetch's own error, a 2xx without JSON as NotSalesforceJsonError.
 */
import { NotSalesforceJsonError } from './jsforce-transport';

export interface BlobUpload {
  /** The record's fields, without the blob field. */
  fields: Record<string, unknown>;
  /** The blob field's name, e.g. VersionData on ContentVersion. */
  blobField: string;
  fileName: string;
  contentType: string;
  data: Blob;
}

export type UploadFetch = (url: string, init: { method: string; headers: Record<string, string>; body: Blob; signal?: AbortSignal }) => Promise<Response>;

const defaultFetch: UploadFetch = (url, init) => globalThis.fetch(url, init);

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
  fetchFn: UploadFetch = defaultFetch,
): Promise<unknown> {
  const boundary = makeBoundary();
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  // Frees the socket once the wrapper's own deadline has passed; the wrapper has answered the caller by then.
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  try {
    const response = await fetchFn(`${session.instanceUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': `multipart/form-data; boundary="${boundary}"`, Accept: 'application/json' },
      body: multipartBody(upload, boundary),
      ...(controller ? { signal: controller.signal } : {}),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status < 200 || response.status > 299) {
      throw Object.assign(new Error(`Salesforce answered HTTP ${response.status}`), { status: response.status, headers: { 'content-type': contentType }, body: text });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new NotSalesforceJsonError(response.status, { 'content-type': contentType }, text);
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
