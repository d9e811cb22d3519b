/**
 * `If-Unmodified-Since` on sObject Rows PATCH (REST API Developer Guide, "Conditional Request Headers"): the request
 * is carried out only when the record has not been modified after the given date; otherwise 412 Precondition Failed
 * and nothing is written. An invalid header value on a PATCH is a 400. The comparison is against LastModifiedDate at
 * the header's whole-second precision (an HTTP-date has no fractions), which is what "weak validation" means there.
 *
 * The guide gives neither body. Both are Salesforce's usual error array here, with codes of the emulator's choosing;
 * a client must go by the status alone.
 */
import type { Reply } from '../http';
import { parseDateTime, type SfRecord } from '../record-store';
import { restError } from './rest-errors';

/** RFC 9110 §5.6.7 HTTP-date in its preferred form (IMF-fixdate), e.g. "Tue, 10 Aug 2015 00:00:00 GMT". */
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** The refusal when the precondition fails or cannot be read; undefined when the update may go ahead. */
export function checkUnmodifiedSince(headers: Record<string, string | undefined>, record: SfRecord): Reply | undefined {
  const raw = headerValue(headers, 'if-unmodified-since');
  if (raw === undefined) return undefined;
  const value = raw.trim();
  const since = IMF_FIXDATE.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(since)) return restError(400, 'INVALID_HEADER_VALUE', `Invalid If-Unmodified-Since header value: ${value.slice(0, 80)}`);
  const modified = typeof record.LastModifiedDate === 'string' ? parseDateTime(record.LastModifiedDate) : NaN;
  if (!Number.isNaN(modified) && Math.floor(modified / 1000) > Math.floor(since / 1000)) {
    return restError(412, 'PRECONDITION_FAILED', 'The record has been modified since the If-Unmodified-Since date.');
  }
  return undefined;
}
