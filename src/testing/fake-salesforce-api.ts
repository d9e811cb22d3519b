/**
 * A scripted SalesforceApi for unit tests of pure CRM and outbox logic (integration and e2e tests use the real
 * wrapper against the emulated org). Each call is recorded; answers come from the handlers a test passes.
 */
import { untilAborted } from '../shared/abortable';
import type { ConnectionState, CreateOptions, SalesforceApi, SalesforceIdentity } from '../salesforce/salesforce-api';

export interface FakeApiCall {
  method: 'query' | 'create' | 'update' | 'upsert' | 'retrieve' | 'composite' | 'search' | 'recentItems' | 'createWithBlob';
  args: unknown[];
}

export interface FakeApiHandlers {
  query?: (soql: string) => unknown;
  create?: (sobject: string, fields: Record<string, unknown>, options?: CreateOptions) => unknown;
  upsert?: (sobject: string, externalIdField: string, key: string, fields: Record<string, unknown>, options?: CreateOptions) => unknown;
  /** External ID fields as the runtime config would name them; none by default (check-then-create). */
  externalIdFields?: Partial<Record<'Task' | 'Contact' | 'Event', string>>;
  composite?: (requests: { method: string; url: string; referenceId: string }[]) => unknown;
  update?: (sobject: string, id: string, fields: Record<string, unknown>, options?: { ifUnmodifiedSince?: string }) => unknown;
  retrieve?: (sobject: string, id: string, fields?: string[]) => unknown;
  createWithBlob?: (sobject: string, upload: Parameters<SalesforceApi['createWithBlob']>[1]) => unknown;
  /** A search or recent-items call given a signal rejects with an AbortError once it aborts, as the connection does. */
  search?: (sosl: string, signal?: AbortSignal) => unknown;
  recentItems?: (limit: number, signal?: AbortSignal) => unknown;
  /**
   * Without a `composite` handler, a composite is answered as the org would: each query through `query` (recorded
   * as a query call), each POST through `create`. The org has no Enhanced Email unless this is true: a query FROM
   * EmailMessage is then refused with INVALID_TYPE, as Salesforce refuses an object the org does not have.
   */
  enhancedEmail?: boolean;
}

export interface FakeSalesforceApi extends SalesforceApi {
  calls: FakeApiCall[];
  handlers: FakeApiHandlers;
  setIdentity(identity: SalesforceIdentity | undefined): void;
  setState(state: ConnectionState): void;
}

export const SAM: SalesforceIdentity = {
  orgId: '00D5e000000DemoAAA',
  userId: '0055e000001SamAAAS',
  username: 'seller@demo.example',
  displayName: 'Sam Seller',
  email: 'seller@demo.example',
  loginUrl: 'http://localhost:8787',
  instanceUrl: 'http://localhost:8787',
};

export const ALEX: SalesforceIdentity = {
  ...SAM,
  userId: '0055e000002AlxAAAS',
  username: 'second@demo.example',
  displayName: 'Alex Second',
  email: 'second@demo.example',
};

export function createFakeSalesforceApi(handlers: FakeApiHandlers = {}, identity: SalesforceIdentity | undefined = SAM): FakeSalesforceApi {
  let current: SalesforceIdentity | undefined = identity;
  let state: ConnectionState = identity ? { status: 'connected' } : { status: 'signed_out' };
  const listeners = new Set<(s: ConnectionState) => void>();
  const calls: FakeApiCall[] = [];
  const answer = async <T>(fn: (() => unknown) | undefined, fallback: unknown): Promise<T> => {
    await Promise.resolve();
    return (fn ? await fn() : fallback) as T;
  };
  const api: FakeSalesforceApi = {
    calls,
    handlers,
    apiPath: '/services/data/v62.0',
    identity: () => current,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setIdentity(next) {
      current = next;
    },
    setState(next) {
      state = next;
      for (const l of [...listeners]) l(next);
    },
    query(soql) {
      calls.push({ method: 'query', args: [soql] });
      return answer(handlers.query && (() => handlers.query?.(soql)), { totalSize: 0, done: true, records: [] });
    },
    create(sobject, fields, options) {
      calls.push({ method: 'create', args: options ? [sobject, fields, options] : [sobject, fields] });
      return answer(handlers.create && (() => handlers.create?.(sobject, fields, options)), { id: '00T5e0000000001AAA' });
    },
    update(sobject, id, fields, options) {
      calls.push({ method: 'update', args: options === undefined ? [sobject, id, fields] : [sobject, id, fields, options] });
      return answer(handlers.update && (() => handlers.update?.(sobject, id, fields, options)), undefined);
    },
    externalIdField: (sobject) => handlers.externalIdFields?.[sobject],
    upsert(sobject, externalIdField, key, fields, options) {
      calls.push({ method: 'upsert', args: options ? [sobject, externalIdField, key, fields, options] : [sobject, externalIdField, key, fields] });
      return answer(handlers.upsert && (() => handlers.upsert?.(sobject, externalIdField, key, fields, options)), { id: '00T5e0000000001AAA', created: true });
    },
    retrieve(sobject, id, fields) {
      calls.push({ method: 'retrieve', args: [sobject, id, fields] });
      return answer(handlers.retrieve && (() => handlers.retrieve?.(sobject, id, fields)), {});
    },
    search(sosl, signal) {
      calls.push({ method: 'search', args: [sosl] });
      return untilAborted(answer(handlers.search && (() => handlers.search?.(sosl, signal)), { searchRecords: [] }), signal);
    },
    recentItems(limit, signal) {
      calls.push({ method: 'recentItems', args: [limit] });
      return untilAborted(answer(handlers.recentItems && (() => handlers.recentItems?.(limit, signal)), []), signal);
    },
    composite(requests, options) {
      calls.push({ method: 'composite', args: [requests, options] });
      if (handlers.composite) return answer(() => handlers.composite?.(requests), []);
      return answerComposite(api, handlers, requests);
    },
    createWithBlob(sobject, upload) {
      calls.push({ method: 'createWithBlob', args: [sobject, upload] });
      return answer(handlers.createWithBlob && (() => handlers.createWithBlob?.(sobject, upload)), { id: '0685e0000000001AAA' });
    },
  };
  return api;
}

/** The default composite: subrequests one by one through the fake's own query and create, ids by reference. */
async function answerComposite(api: SalesforceApi, handlers: FakeApiHandlers, requests: Parameters<SalesforceApi['composite']>[0]) {
  const ids = new Map<string, string>();
  const out: Array<{ referenceId: string; httpStatusCode: number; body: unknown }> = [];
  for (const r of requests) {
    const soql = r.method === 'GET' && r.url.includes('/query?q=') ? decodeURIComponent(r.url.slice(r.url.indexOf('?q=') + 3)) : undefined;
    if (soql !== undefined) {
      if (/\bFROM\s+EmailMessage\b/i.test(soql) && !handlers.enhancedEmail) {
        out.push({ referenceId: r.referenceId, httpStatusCode: 400, body: [{ errorCode: 'INVALID_TYPE', message: "sObject type 'EmailMessage' is not supported." }] });
      } else out.push({ referenceId: r.referenceId, httpStatusCode: 200, body: await api.query(soql) });
      continue;
    }
    if (r.method === 'POST') {
      const sobject = r.url.split('/').pop() ?? '';
      const body = Object.fromEntries(
        Object.entries((r.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/@\{(\w+)\.id\}/g, (_, ref: string) => ids.get(ref) ?? '') : v]),
      );
      const created = await api.create(sobject, body);
      ids.set(r.referenceId, created.id);
      out.push({ referenceId: r.referenceId, httpStatusCode: 201, body: { id: created.id, success: true, errors: [] } });
      continue;
    }
    out.push({ referenceId: r.referenceId, httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] });
  }
  return out;
}
