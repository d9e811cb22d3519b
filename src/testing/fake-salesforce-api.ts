/**
 * A scripted SalesforceApi for unit tests of pure CRM and outbox logic (integration and e2e tests use the real
 * wrapper against the emulated org). Each call is recorded; answers come from the handlers a test passes.
 */
import type { ConnectionState, CreateOptions, SalesforceApi, SalesforceIdentity } from '../salesforce/salesforce-api';

export interface FakeApiCall {
  method: 'query' | 'create' | 'update' | 'upsert' | 'retrieve' | 'composite' | 'search' | 'recentItems';
  args: unknown[];
}

export interface FakeApiHandlers {
  query?: (soql: string) => unknown;
  create?: (sobject: string, fields: Record<string, unknown>, options?: CreateOptions) => unknown;
  upsert?: (sobject: string, externalIdField: string, key: string, fields: Record<string, unknown>) => unknown;
  /** External ID fields as the runtime config would name them; none by default (check-then-create). */
  externalIdFields?: Partial<Record<'Task' | 'Contact', string>>;
  composite?: (requests: { method: string; url: string; referenceId: string }[]) => unknown;
  search?: (sosl: string) => unknown;
  recentItems?: (limit: number) => unknown;
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
    update(sobject, id, fields) {
      calls.push({ method: 'update', args: [sobject, id, fields] });
      return answer(undefined, undefined);
    },
    externalIdField: (sobject) => handlers.externalIdFields?.[sobject],
    upsert(sobject, externalIdField, key, fields) {
      calls.push({ method: 'upsert', args: [sobject, externalIdField, key, fields] });
      return answer(handlers.upsert && (() => handlers.upsert?.(sobject, externalIdField, key, fields)), { id: '00T5e0000000001AAA', created: true });
    },
    retrieve(sobject, id, fields) {
      calls.push({ method: 'retrieve', args: [sobject, id, fields] });
      return answer(undefined, {});
    },
    search(sosl) {
      calls.push({ method: 'search', args: [sosl] });
      return answer(handlers.search && (() => handlers.search?.(sosl)), { searchRecords: [] });
    },
    recentItems(limit) {
      calls.push({ method: 'recentItems', args: [limit] });
      return answer(handlers.recentItems && (() => handlers.recentItems?.(limit)), []);
    },
    composite(requests, options) {
      calls.push({ method: 'composite', args: [requests, options] });
      return answer(handlers.composite && (() => handlers.composite?.(requests)), []);
    },
  };
  return api;
}
