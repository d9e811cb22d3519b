/**
 * The emulator's handlers return a plain `Reply` instead of writing to the socket, so composite subrequests, the
 * request log and injected failures can all treat an answer as a value.
 */
import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function textReply(status: number, body: string, contentType = 'text/plain;charset=UTF-8'): Reply {
  return { status, headers: { 'Content-Type': contentType }, body };
}

export function htmlReply(status: number, html: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html;charset=UTF-8', 'Cache-Control': 'no-store', ...headers }, body: html };
}

export function emptyReply(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: '' };
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' }, body: '' };
}

/** OAuth errors at the token endpoint: always 400, JSON, never cached (salesforce-failures TR-*). */
export function oauthError(error: string, description: string, status = 400): Reply {
  return jsonReply(status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

/** `latin1` keeps every byte of a binary body (multipart file uploads) as one char each. */
export async function readBody(req: IncomingMessage, limitBytes = 5_000_000, encoding: BufferEncoding = 'utf8'): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString(encoding);
}

export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) out[key] = value;
  return out;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
