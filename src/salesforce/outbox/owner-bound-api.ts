/**
 * The SalesforceApi as one outbox entry's attempt sees it: every call is made only while the entry's owner is the
 * user signed in. The runner checks the owner before it claims an entry, but an attempt is several calls with waits
 * between them (the store, the check before the create); if another user signs in in the pane meanwhile, the next
 * call would be made for them and the write would land under their name. Checked synchronously at each call, where
 * the connection also takes the user the call is for.
 */
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { SalesforceApi } from '../salesforce-api';
import type { OutboxOwner } from './outbox';

/** Thrown instead of a call when the signed-in user is no longer the entry's owner. Nothing was sent. */
export class OwnerChangedError extends SalesforceFailureError {
  constructor() {
    super(createFailure('reauth_required', { code: 'OTHER_USER', detail: 'Another user signed in before this work was sent.' }));
  }
}

export function ownerBoundApi(api: SalesforceApi, owner: OutboxOwner): SalesforceApi {
  const check = (): void => {
    const identity = api.identity();
    if (!identity || identity.orgId !== owner.orgId || identity.userId !== owner.userId) throw new OwnerChangedError();
  };
  // Each method checks and calls in the same synchronous run, so no sign-in can come between the two.
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      try {
        check();
      } catch (error) {
        return Promise.reject(error);
      }
      return call(...args);
    };
  return {
    get apiPath() {
      return api.apiPath;
    },
    identity: () => api.identity(),
    state: () => api.state(),
    subscribe: (listener) => api.subscribe(listener),
    externalIdField: (sobject) => api.externalIdField(sobject),
    // The casts give back the generic signatures (query<T>, retrieve<T>) that guarded's inference drops.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    query: guarded((soql: string) => api.query(soql)) as SalesforceApi['query'],
    create: guarded((sobject: string, fields: Record<string, unknown>, options?: Parameters<SalesforceApi['create']>[2]) =>
      options ? api.create(sobject, fields, options) : api.create(sobject, fields),
    ),
    update: guarded((sobject: string, id: string, fields: Record<string, unknown>, options?: Parameters<SalesforceApi['update']>[3]) =>
      options === undefined ? api.update(sobject, id, fields) : api.update(sobject, id, fields, options),
    ),
    upsert: guarded((sobject: string, field: string, key: string, fields: Record<string, unknown>, options?: Parameters<SalesforceApi['upsert']>[4]) =>
      options ? api.upsert(sobject, field, key, fields, options) : api.upsert(sobject, field, key, fields),
    ),
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    retrieve: guarded((sobject: string, id: string, fields?: string[]) => api.retrieve(sobject, id, fields)) as SalesforceApi['retrieve'],
    createWithBlob: guarded((sobject: string, upload: Parameters<SalesforceApi['createWithBlob']>[1]) => api.createWithBlob(sobject, upload)),
    search: guarded((sosl: string, signal?: AbortSignal) => (signal ? api.search(sosl, signal) : api.search(sosl))),
    recentItems: guarded((limit: number, signal?: AbortSignal) => (signal ? api.recentItems(limit, signal) : api.recentItems(limit))),
    composite: guarded((requests: Parameters<SalesforceApi['composite']>[0], options?: Parameters<SalesforceApi['composite']>[1]) => api.composite(requests, options)),
  };
}
