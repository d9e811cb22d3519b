/**
 * POST /composite: up to 25 subrequests in one API call, at most 5 of them query or sObject Collections operations
 * (REST API Developer Guide, "Composite"), later ones referring to earlier results with
 * @{referenceId.path}. The top level answers 200; each subresponse carries its own status and body.
 * allOrNone rolls every change back when one subrequest fails.
 */
import { jsonReply, type Reply } from '../http';
import type { OrgState } from '../org-state';
import type { DataRequest, Session } from './data-api';
import { restError } from './rest-errors';

interface Subrequest {
  method?: string;
  url?: string;
  referenceId?: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

interface Subresponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const MAX_SUBREQUESTS = 25;
/** Of those, at most 5 may be query operations (Query, QueryAll, their next pages) or sObject Collections. */
const MAX_QUERY_OR_COLLECTION = 5;
const QUERY_OR_COLLECTION = /^\/services\/data\/v\d+\.\d\/(?:query|queryAll|composite\/sobjects)(?:[/?]|$)/;
const ROLLED_BACK = [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }];

class UnresolvedReference extends Error {}

export async function handleComposite(org: OrgState, _session: Session, request: DataRequest, dispatch: (sub: DataRequest) => Promise<Reply>): Promise<Reply> {
  let payload: { allOrNone?: boolean; compositeRequest?: Subrequest[] };
  try {
    payload = JSON.parse(request.body || '{}') as typeof payload;
  } catch {
    return restError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON');
  }
  const subrequests = payload.compositeRequest;
  if (!Array.isArray(subrequests) || subrequests.length === 0) {
    return restError(400, 'INVALID_INPUT', 'compositeRequest must contain at least one subrequest');
  }
  // Both limits are checked before anything runs: the whole call is refused, no subrequest is executed. The REST API
  // guide states the limits but not the wire form of the refusal; a 400 error array refusing the whole call is the
  // stricter reading (a client cannot mistake it for a partial success).
  if (subrequests.length > MAX_SUBREQUESTS) {
    return restError(400, 'LIMIT_EXCEEDED', `A composite request can contain at most ${MAX_SUBREQUESTS} subrequests; this one has ${subrequests.length}.`);
  }
  const queries = subrequests.filter((sub) => QUERY_OR_COLLECTION.test(typeof sub.url === 'string' ? sub.url : '')).length;
  if (queries > MAX_QUERY_OR_COLLECTION) {
    return restError(400, 'LIMIT_EXCEEDED', `A composite request can contain at most ${MAX_QUERY_OR_COLLECTION} query or sObject Collections subrequests; this one has ${queries}.`);
  }
  const restore = payload.allOrNone ? org.records.snapshot() : undefined;
  const results = new Map<string, { ok: boolean; body: unknown }>();
  const responses: Subresponse[] = [];
  let failedIndex = -1;

  for (const [index, sub] of subrequests.entries()) {
    const referenceId = sub.referenceId ?? `ref${index}`;
    if (failedIndex >= 0 && payload.allOrNone) {
      responses.push({ body: ROLLED_BACK, httpHeaders: {}, httpStatusCode: 400, referenceId });
      continue;
    }
    let reply: Reply;
    try {
      const url = resolveString(sub.url ?? '', results);
      const body = sub.body === undefined ? '' : JSON.stringify(resolveValue(sub.body, results));
      const match = /^\/services\/data\/v(\d+\.\d)(\/[^?]*)?(?:\?(.*))?$/.exec(url);
      if (!match) {
        reply = restError(400, 'INVALID_INPUT', `Invalid URL for subrequest ${referenceId}: ${url}`);
      } else {
        reply = await dispatch({
          method: (sub.method ?? 'GET').toUpperCase(),
          path: match[2] ?? '',
          query: new URLSearchParams(match[3] ?? ''),
          body,
          headers: Object.fromEntries(Object.entries(sub.httpHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
          apiVersion: match[1] ?? request.apiVersion,
        });
      }
    } catch (err) {
      if (!(err instanceof UnresolvedReference)) throw err;
      reply = restError(400, 'PROCESSING_HALTED', err.message);
    }
    const parsedBody: unknown = reply.body ? JSON.parse(reply.body) : null;
    const ok = reply.status < 400;
    results.set(referenceId, { ok, body: parsedBody });
    const httpHeaders: Record<string, string> = {};
    if (reply.headers.Location) httpHeaders.Location = reply.headers.Location;
    responses.push({ body: parsedBody, httpHeaders, httpStatusCode: reply.status, referenceId });
    if (!ok && failedIndex < 0) failedIndex = index;
  }

  if (restore && failedIndex >= 0) {
    restore();
    for (const [index, response] of responses.entries()) {
      if (index !== failedIndex && response.httpStatusCode < 400) {
        responses[index] = { body: ROLLED_BACK, httpHeaders: {}, httpStatusCode: 400, referenceId: response.referenceId };
      }
    }
  }
  return jsonReply(200, { compositeResponse: responses });
}

const REFERENCE = /@\{([A-Za-z0-9_]+)\.([^}]+)\}/g;

function lookup(results: Map<string, { ok: boolean; body: unknown }>, referenceId: string, path: string): unknown {
  const result = results.get(referenceId);
  if (!result || !result.ok) {
    throw new UnresolvedReference(`Invalid reference specified. No value for ${referenceId}.${path} found in ${referenceId}. Provided referenceId ${referenceId} is not valid.`);
  }
  let current: unknown = result.body;
  for (const step of path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)) {
    if (current === null || typeof current !== 'object') {
      current = undefined;
      break;
    }
    current = (current as Record<string, unknown>)[step];
  }
  if (current === undefined) {
    throw new UnresolvedReference(`Invalid reference specified. No value for ${referenceId}.${path} found in ${referenceId}.`);
  }
  return current;
}

function resolveString(value: string, results: Map<string, { ok: boolean; body: unknown }>): string {
  return value.replace(REFERENCE, (_m, ref: string, path: string) => String(lookup(results, ref, path)));
}

function resolveValue(value: unknown, results: Map<string, { ok: boolean; body: unknown }>): unknown {
  if (typeof value === 'string') {
    // A value that is exactly one reference keeps the referenced value's type (numbers stay numbers).
    const whole = /^@\{([A-Za-z0-9_]+)\.([^}]+)\}$/.exec(value);
    if (whole) return lookup(results, whole[1] ?? '', whole[2] ?? '');
    return resolveString(value, results);
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, results));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, resolveValue(v, results)]));
  }
  return value;
}
