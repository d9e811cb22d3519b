/**
 * The REST methods of `SalesforceApi` (query, create, update, upsert, retrieve, composite) over one call runner:
 * paths and bodies built and checked here, every call's life (deadline, refresh, retry) in request-runner.ts.
 */
import type { RuntimeConfig } from '../../config/runtime-config';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { CompositeSubrequest, CompositeSubresponse, CreateOptions, QueryResult, RecentItem, SalesforceApi, SearchResult } from '../salesforce-api';
import type { JsforceRequest } from './jsforce-transport';
import type { ConnectionFetch } from './fetch-answer';
import { sendMultipart } from './multipart-upload';
import type { CallSalesforce } from './request-runner';
import { sendRestGet } from './rest-get';

export type RestMethods = Pick<SalesforceApi, 'query' | 'create' | 'update' | 'externalIdField' | 'upsert' | 'retrieve' | 'composite' | 'search' | 'recentItems' | 'createWithBlob'>;

/** An upload is given the connection's deadline plus a second per this many bytes (an 8 Mbit/s uplink). */
const UPLOAD_BYTES_PER_SECOND = 1_000_000;

function sobjectPath(apiPath: string, sobject: string, id?: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(sobject)) {
    throw new SalesforceFailureError(createFailure('validation', { code: 'INVALID_TYPE', detail: `Not an sObject name: ${sobject.slice(0, 80)}` }));
  }
  if (id !== undefined && !/^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/.test(id)) {
    throw new SalesforceFailureError(createFailure('validation', { code: 'MALFORMED_ID', detail: `Not a Salesforce id: ${id.slice(0, 40)}` }));
  }
  return `${apiPath}/sobjects/${sobject}${id === undefined ? '' : `/${id}`}`;
}

/** A subresponse's headers, string values only; undefined when there are none. */
function stringHeaders(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const entries = Object.entries(raw as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The request with `Sforce-Duplicate-Rule-Header` when the caller asked for one: only then (CORS must let it through). */
function withDuplicateRule(request: JsforceRequest, rule: CreateOptions['duplicateRule']): JsforceRequest {
  if (!rule) return request;
  const value = `allowSave=${String(rule.allowSave)}; includeRecordDetails=${String(rule.includeRecordDetails === true)}`;
  return { ...request, headers: { ...request.headers, 'Sforce-Duplicate-Rule-Header': value } };
}

/** A JSON request: the body serialized, with its content type. */
export const json = (method: JsforceRequest['method'], url: string, body?: unknown): JsforceRequest =>
  body === undefined ? { method, url } : { method, url, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };

export function createRestMethods(call: CallSalesforce, apiPath: string, config: Pick<RuntimeConfig['salesforce'], 'externalIdFields'>, fetchFn?: ConnectionFetch): RestMethods {
  /** A GET its caller may stop (search, recent items): sent with fetch, which can be cancelled, not jsforce. */
  const stoppableGet = (url: string, signal: AbortSignal | undefined): Promise<unknown> =>
    call(() => json('GET', url), {
      idempotent: true,
      send: (session, timeoutMs) => sendRestGet(session, url, timeoutMs, signal, fetchFn),
      ...(signal ? { signal } : {}),
    });

  return {
    async query<T = Record<string, unknown>>(soql: string) {
      const result = await call(() => json('GET', `${apiPath}/query?q=${encodeURIComponent(soql)}`), { idempotent: true });
      return result as QueryResult<T>;
    },

    async create(sobject, fields, options) {
      const url = sobjectPath(apiPath, sobject);
      const result = (await call(() => withDuplicateRule(json('POST', url, fields), options?.duplicateRule), { idempotent: false })) as { id?: unknown } | undefined;
      if (typeof result?.id !== 'string') {
        throw new SalesforceFailureError(createFailure('unknown', { detail: 'Salesforce answered the create without an id.' }));
      }
      return { id: result.id };
    },

    async update(sobject, id, fields, options) {
      const url = sobjectPath(apiPath, sobject, id);
      const since = options?.ifUnmodifiedSince;
      if (since !== undefined && !/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(since)) {
        throw new SalesforceFailureError(createFailure('validation', { code: 'INVALID_HEADER_VALUE', detail: 'If-Unmodified-Since is not an HTTP-date.' }));
      }
      // Setting the same fields twice leaves the same record: safe to retry. A conditional one retried after it
      // landed meets its own change (412): the caller (crm/update-record.ts) reads the record to tell the two apart.
      await call(
        () => {
          const request = json('PATCH', url, fields);
          return since === undefined ? request : { ...request, headers: { ...request.headers, 'If-Unmodified-Since': since } };
        },
        { idempotent: true },
      );
    },

    externalIdField: (sobject) => config.externalIdFields?.[sobject],

    async upsert(sobject, externalIdField, key, fields, options) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(externalIdField) || !/^[A-Za-z0-9_-]{1,255}$/.test(key)) {
        throw new SalesforceFailureError(createFailure('validation', { code: 'INVALID_FIELD', detail: 'Not an External ID field name or key.' }));
      }
      const url = `${sobjectPath(apiPath, sobject)}/${externalIdField}/${key}`;
      // The key makes it safe to send twice: a second PATCH finds the record the first one made.
      const result = (await call(() => withDuplicateRule(json('PATCH', url, fields), options?.duplicateRule), { idempotent: true })) as { id?: unknown; created?: unknown } | undefined;
      if (typeof result?.id !== 'string') {
        throw new SalesforceFailureError(createFailure('unknown', { detail: 'Salesforce answered the upsert without an id.' }));
      }
      return { id: result.id, created: result.created === true };
    },

    async retrieve<T = Record<string, unknown>>(sobject: string, id: string, fields?: string[]) {
      const base = sobjectPath(apiPath, sobject, id);
      const url = fields?.length ? `${base}?fields=${encodeURIComponent(fields.join(','))}` : base;
      return (await call(() => json('GET', url), { idempotent: true })) as T;
    },

    async createWithBlob(sobject, upload) {
      const url = sobjectPath(apiPath, sobject);
      const result = (await call(() => json('POST', url), {
        idempotent: false,
        send: (session, timeoutMs) => sendMultipart(session, url, upload, timeoutMs),
        extraDeadlineMs: Math.ceil(upload.data.size / UPLOAD_BYTES_PER_SECOND) * 1000,
      })) as { id?: unknown } | undefined;
      if (typeof result?.id !== 'string') {
        throw new SalesforceFailureError(createFailure('unknown', { detail: 'Salesforce answered the upload without an id.' }));
      }
      return { id: result.id };
    },

    async search(sosl: string, signal?: AbortSignal) {
      const result = (await stoppableGet(`${apiPath}/search?q=${encodeURIComponent(sosl)}`, signal)) as Partial<SearchResult> | undefined;
      return { searchRecords: Array.isArray(result?.searchRecords) ? result.searchRecords : [] };
    },

    async recentItems(limit: number, signal?: AbortSignal) {
      const result = await stoppableGet(`${apiPath}/recent?limit=${Math.max(1, Math.min(200, Math.floor(limit)))}`, signal);
      return Array.isArray(result) ? (result as RecentItem[]) : [];
    },

    async composite(requests: CompositeSubrequest[], options?: { allOrNone?: boolean }) {
      const body = {
        allOrNone: options?.allOrNone ?? false,
        compositeRequest: requests.map((r) => ({
          method: r.method,
          url: r.url,
          referenceId: r.referenceId,
          ...(r.body === undefined ? {} : { body: r.body }),
          ...(r.httpHeaders ? { httpHeaders: r.httpHeaders } : {}),
        })),
      };
      const result = (await call(() => json('POST', `${apiPath}/composite`, body), {
        idempotent: requests.every((r) => r.method === 'GET'),
      })) as { compositeResponse?: Array<{ referenceId?: unknown; httpStatusCode?: unknown; body?: unknown; httpHeaders?: unknown }> } | undefined;
      return (result?.compositeResponse ?? []).map((r): CompositeSubresponse => {
        const headers = stringHeaders(r.httpHeaders);
        return { referenceId: String(r.referenceId ?? ''), httpStatusCode: Number(r.httpStatusCode ?? 0), body: r.body, ...(headers ? { httpHeaders: headers } : {}) };
      });
    },
  };
}
