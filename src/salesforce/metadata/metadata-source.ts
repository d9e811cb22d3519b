/**
 * sObject metadata through the connection wrapper: describe results are cached per org, user and object with their
 * Last-Modified, and every later describe is conditional (If-Modified-Since), answered 304 without a body while the
 * metadata has not changed. Describes go as composite subrequests (composite accepts `httpHeaders` per subrequest and
 * reports each subresponse's status and headers), so a caller can carry them inside its own composite call: an
 * opened email still costs one API request when the metadata is cached.
 */
import { classifySalesforceError } from '../classify-salesforce-error';
import { isSalesforceId } from '../crm/soql';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { CompositeSubrequest, CompositeSubresponse, SalesforceApi } from '../salesforce-api';
import { createMemoryMetadataCache, metadataCacheKey, type CachedDescribe, type MetadataCache } from './metadata-cache';
import { canReadField, parseDescribe, parseLayoutPicklists, type RecordTypePicklists, type SObjectMetadata } from './sobject-metadata';

/** A caller's share of a composite call: describe subrequests to send, and what to do with their answers. */
export interface DescribePlan {
  subrequests: CompositeSubrequest[];
  /** Reads the answers (cached copy on 304, the new body on 200) and keeps them; rejects on a refused describe. */
  settle(responses: CompositeSubresponse[]): Promise<Map<string, SObjectMetadata>>;
}

export interface MetadataSource {
  /** One object's metadata: at most one API request, none when this pane confirmed it lately (`freshForMs`). */
  describe(sobject: string): Promise<SObjectMetadata>;
  /** Several objects' metadata in one API request (a composite of conditional describes); keyed by the names given. */
  describeMany(sobjects: readonly string[]): Promise<Map<string, SObjectMetadata>>;
  /** The cached copy (memory or the persistent cache), without asking Salesforce; undefined when never described. */
  cached(sobject: string): Promise<SObjectMetadata | undefined>;
  /**
   * Conditional describe subrequests to carry in the caller's own composite call (reference ids `describe_<name>`;
   * none for objects confirmed lately). Describes are not query operations: they do not count against composite's 5.
   */
  plan(sobjects: readonly string[]): Promise<DescribePlan>;
  /**
   * Picklist values per field for one record type (describe/layouts' record type mappings: an sObject resource, so it
   * goes through composite like every call here; one request answers every record type of the object). Use
   * `defaultRecordType(metadata)` for the seller's default; a record type they do not have rejects `not_found`.
   */
  picklistValues(sobject: string, recordTypeId: string): Promise<RecordTypePicklists>;
  /**
   * The picklist values of one record's record type, for its edit form: its RecordTypeId and (unless known lately) the
   * record type picklists in one composite request. Undefined, after no request at all, where the object has no record
   * types of its own or the seller may not read RecordTypeId (never asked for then); undefined too for a record without
   * a record type (Master: the object's own values apply).
   */
  picklistsForRecord(sobject: string, recordId: string): Promise<RecordTypePicklists | undefined>;
}

export interface MetadataSourceOptions {
  /** Persistent cache (IndexedDB); memory when absent. */
  cache?: MetadataCache;
  now?: () => number;
  /**
   * How long a describe this pane confirmed (200 or 304) is used without asking again. Copies from the persistent
   * cache are always asked about once per pane (conditionally), so a change in Setup shows at the next start at the
   * latest. Default 10 minutes.
   */
  freshForMs?: number;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * Salesforce documents no Last-Modified on describe, so without one the date sent back is this pane's clock at the
 * request, minus a margin for a clock running ahead of Salesforce's: a change inside the margin costs one more full
 * describe, never a stale one (unless the clock is off by more than the margin).
 */
export const CLOCK_MARGIN_MS = 10 * 60 * 1000;
export const describeReferenceId = (sobject: string): string => `describe_${sobject}`;

/** A subresponse's body, or the classified failure of a refused one. */
function answered(response: CompositeSubresponse | undefined): unknown {
  if (!response || response.httpStatusCode < 200 || response.httpStatusCode >= 300) {
    throw new SalesforceFailureError(classifySalesforceError({ httpStatusCode: response?.httpStatusCode ?? 0, body: response?.body }, { phase: 'request' }));
  }
  return response.body;
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() === lower && typeof value === 'string') return value;
  }
  return undefined;
}

export function createMetadataSource(api: Pick<SalesforceApi, 'identity' | 'composite' | 'apiPath'>, options: MetadataSourceOptions = {}): MetadataSource {
  const cache = options.cache ?? createMemoryMetadataCache();
  const now = options.now ?? Date.now;
  // What this pane has already loaded, so repeated reads in one session do not touch IndexedDB.
  const memory = new Map<string, CachedDescribe>();
  const confirmedAt = new Map<string, number>();
  const freshForMs = options.freshForMs ?? 10 * 60 * 1000;

  const isFresh = (sobject: string): boolean => {
    const key = keyFor(sobject);
    const at = key === undefined ? undefined : confirmedAt.get(key);
    return at !== undefined && now() - at < freshForMs;
  };

  const keyFor = (sobject: string): string | undefined => {
    const who = api.identity();
    return who ? metadataCacheKey(who.orgId, who.userId, sobject) : undefined;
  };

  async function load(sobject: string): Promise<CachedDescribe | undefined> {
    const key = keyFor(sobject);
    if (!key) return undefined;
    const inMemory = memory.get(key);
    if (inMemory) return inMemory;
    // A cache that cannot be read (private mode, quota) only costs a full describe.
    const stored = await cache.get(key).catch(() => undefined);
    if (stored) memory.set(key, stored);
    return stored;
  }

  async function keep(sobject: string, entry: CachedDescribe): Promise<void> {
    const key = keyFor(sobject);
    if (!key) return;
    memory.set(key, entry);
    confirmedAt.set(key, now());
    await cache.put(key, entry).catch(() => undefined);
  }

  // Record type picklists (describe/layouts): Salesforce documents no conditional request for them, so they are kept
  // in memory only, for as long as a describe is.
  const layouts = new Map<string, { at: number; byRecordType: Map<string, RecordTypePicklists> }>();

  const layoutsRequest = (sobject: string): CompositeSubrequest => ({ method: 'GET', url: `${api.apiPath}/sobjects/${sobject}/describe/layouts`, referenceId: `layouts_${sobject}` });

  function keepLayouts(sobject: string, key: string | undefined, response: CompositeSubresponse | undefined): Map<string, RecordTypePicklists> {
    const byRecordType = parseLayoutPicklists(sobject, answered(response));
    if (key !== undefined) layouts.set(key, { at: now(), byRecordType });
    return byRecordType;
  }

  function freshLayouts(key: string | undefined): Map<string, RecordTypePicklists> | undefined {
    const known = key === undefined ? undefined : layouts.get(key);
    return known && now() - known.at < freshForMs ? known.byRecordType : undefined;
  }

  /** Layouts asked for and not answered yet, by object: a form asking for several record types at once sends one. */
  const layoutsInFlight = new Map<string, Promise<Map<string, RecordTypePicklists>>>();

  function loadLayouts(sobject: string, key: string | undefined): Promise<Map<string, RecordTypePicklists>> {
    const flightKey = key ?? sobject;
    const inFlight = layoutsInFlight.get(flightKey);
    if (inFlight) return inFlight;
    const loading = api
      .composite([layoutsRequest(sobject)])
      .then(([response]) => keepLayouts(sobject, key, response))
      .finally(() => layoutsInFlight.delete(flightKey));
    layoutsInFlight.set(flightKey, loading);
    return loading;
  }

  async function plan(sobjects: readonly string[]): Promise<DescribePlan> {
    const names = [...new Set(sobjects)];
    for (const name of names) {
      if (!NAME.test(name)) throw new SalesforceFailureError(createFailure('validation', { code: 'INVALID_TYPE', detail: `Not an sObject name: ${name.slice(0, 80)}` }));
    }
    const entries = new Map(await Promise.all(names.map(async (name) => [name, await load(name)] as const)));
    const fresh = new Map<string, SObjectMetadata>();
    for (const name of names) {
      const metadata = entries.get(name)?.metadata;
      if (metadata && isFresh(name)) fresh.set(name, metadata);
    }
    const sentAt = now();
    const subrequests = names
      .filter((name) => !fresh.has(name))
      .map((name): CompositeSubrequest => {
        const lastModified = entries.get(name)?.lastModified;
        return {
          method: 'GET',
          url: `${api.apiPath}/sobjects/${name}/describe`,
          referenceId: describeReferenceId(name),
          ...(lastModified ? { httpHeaders: { 'If-Modified-Since': lastModified } } : {}),
        };
      });
    return {
      subrequests,
      async settle(responses) {
        const out = new Map(fresh);
        for (const name of names) {
          if (fresh.has(name)) continue;
          const response = responses.find((r) => r.referenceId === describeReferenceId(name));
          if (!response) throw new SalesforceFailureError(createFailure('unknown', { detail: `composite: no answer for ${describeReferenceId(name)}` }));
          const previous = entries.get(name);
          if (response.httpStatusCode === 304 && previous) {
            await keep(name, { ...previous, checkedAt: now() });
            out.set(name, previous.metadata);
            continue;
          }
          if (response.httpStatusCode < 200 || response.httpStatusCode >= 300) {
            throw new SalesforceFailureError(classifySalesforceError({ httpStatusCode: response.httpStatusCode, body: response.body }, { phase: 'request' }));
          }
          const metadata = parseDescribe(response.body);
          if (!metadata) throw new SalesforceFailureError(createFailure('unknown', { detail: `Salesforce answered the describe of ${name} with something else.` }));
          const lastModified = header(response.httpHeaders, 'Last-Modified') ?? new Date(sentAt - CLOCK_MARGIN_MS).toUTCString();
          const etag = header(response.httpHeaders, 'ETag');
          await keep(name, { metadata, checkedAt: now(), lastModified, ...(etag ? { etag } : {}) });
          out.set(name, metadata);
        }
        return out;
      },
    };
  }

  async function describeMany(sobjects: readonly string[]): Promise<Map<string, SObjectMetadata>> {
    if (sobjects.length === 0) return new Map();
    const described = await plan(sobjects);
    return described.settle(described.subrequests.length > 0 ? await api.composite(described.subrequests) : []);
  }

  return {
    async describe(sobject) {
      const found = (await describeMany([sobject])).get(sobject);
      if (!found) throw new SalesforceFailureError(createFailure('unknown', { detail: `No describe for ${sobject}` }));
      return found;
    },
    describeMany,
    async cached(sobject) {
      return (await load(sobject))?.metadata;
    },
    plan,
    async picklistValues(sobject, recordTypeId) {
      if (!NAME.test(sobject)) throw new SalesforceFailureError(createFailure('validation', { code: 'INVALID_TYPE', detail: `Not an sObject name: ${sobject.slice(0, 80)}` }));
      const key = keyFor(sobject);
      const byRecordType = freshLayouts(key) ?? (await loadLayouts(sobject, key));
      const found = byRecordType.get(recordTypeId);
      if (!found) throw new SalesforceFailureError(createFailure('not_found', { detail: `No record type ${recordTypeId.slice(0, 18)} on ${sobject}` }));
      return found;
    },
    async picklistsForRecord(sobject, recordId) {
      const meta = (await describeMany([sobject])).get(sobject);
      if (!meta || !meta.recordTypes.some((rt) => !rt.master) || !canReadField(meta, 'RecordTypeId')) return undefined;
      if (!isSalesforceId(recordId)) throw new SalesforceFailureError(createFailure('validation', { code: 'MALFORMED_ID', detail: `Not a record id: ${String(recordId).slice(0, 20)}` }));
      const key = keyFor(sobject);
      const known = freshLayouts(key);
      const read: CompositeSubrequest = { method: 'GET', url: `${api.apiPath}/sobjects/${sobject}/${recordId}?fields=RecordTypeId`, referenceId: 'record_type' };
      const responses = await api.composite(known ? [read] : [read, layoutsRequest(sobject)]);
      const recordTypeId = (answered(responses.find((r) => r.referenceId === 'record_type')) as { RecordTypeId?: unknown } | null)?.RecordTypeId;
      const byRecordType =
        known ??
        keepLayouts(
          sobject,
          key,
          responses.find((r) => r.referenceId === `layouts_${sobject}`),
        );
      return typeof recordTypeId === 'string' ? byRecordType.get(recordTypeId) : undefined;
    },
  };
}
