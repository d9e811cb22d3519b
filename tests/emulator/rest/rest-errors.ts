/** Salesforce REST error bodies: a JSON array of {message, errorCode, fields?}. */
import { jsonReply, type Reply } from '../http';

export interface SfError {
  message: string;
  errorCode: string;
  fields?: string[];
  [extra: string]: unknown;
}

export function restError(status: number, errorCode: string, message: string, fields?: string[], headers: Record<string, string> = {}): Reply {
  const error: SfError = fields === undefined ? { message, errorCode } : { message, errorCode, fields };
  return jsonReply(status, [error], headers);
}

export const notFound = (): Reply => jsonReply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);

export const invalidSession = (message = 'Session expired or invalid'): Reply => restError(401, 'INVALID_SESSION_ID', message, undefined, { 'WWW-Authenticate': 'Token' });

export const requestLimitExceeded = (): Reply => restError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

export function methodNotAllowed(method: string, allowed: string[]): Reply {
  return jsonReply(405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}` }], {
    Allow: allowed.join(', '),
  });
}
