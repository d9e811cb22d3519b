/**
 * The workspace's read side: what Salesforce knows about the people of an email, at most one API request per email
 * shown, none when shown again within the cache's lifetime (5 minutes). The cache is in memory and namespaced by the
 * owner key (org + user + partition), so another signed-in user never sees the first one's data.
 */
import type { SalesforceApi } from '../salesforce-api';
import type { AccountSummary, AddressLookup, SavedEmailTask } from './crm-records';
import { companyDomains, domainOf } from './email-addresses';
import { buildPeopleLookup, parsePeopleLookup, type PeopleLookupRequest } from './people-lookup';
import { TtlCache } from './ttl-cache';
import type { CrmConfig } from '../../config/crm-config';
import type { CompositeSubresponse } from '../salesforce-api';
import type { DescribePlan, MetadataSource } from '../metadata/metadata-source';
import type { SObjectMetadata } from '../metadata/sobject-metadata';
import { configuredLookupFields, LOOKUP_OBJECTS, lookupFieldsFrom, relabelled, type LookupFields } from './lookup-fields';

interface PlannedFields {
  /** Undefined: no metadata; the default cards' fields. */
  fields?: LookupFields;
  /** Conditional describes to carry in the lookup's call. */
  plan?: DescribePlan;
  /** Reads the describes' answers; the new fields when the metadata changed, else undefined. */
  settleChanged(responses: CompositeSubresponse[]): Promise<LookupFields | undefined>;
  /** Requests spent before the lookup's own (a first describe). */
  requests: number;
}

/**
 * The fields the next lookup names, from the cached metadata; its conditional describes ride in the lookup's call.
 * A seller with no copy yet is described first (one request more, once: the copy persists), so field-level security
 * never breaks a query, not even the first.
 */
function metadataFields(metadata: MetadataSource | undefined, crm: CrmConfig | undefined): () => Promise<PlannedFields> {
  const none: PlannedFields = { settleChanged: () => Promise.resolve(undefined), requests: 0 };
  if (!metadata) return () => Promise.resolve(none);
  return async () => {
    const cached = await Promise.all(LOOKUP_OBJECTS.map((name) => metadata.cached(name)));
    if (cached.some((m) => m === undefined)) {
      // A describe that fails leaves the configured fields: the people still show where the seller may read them.
      const described = await metadata.describeMany(LOOKUP_OBJECTS).catch(() => undefined);
      return { ...none, fields: described ? lookupFieldsFrom(described, crm) : configuredLookupFields(crm), requests: 1 };
    }
    const known = new Map(LOOKUP_OBJECTS.map((name, i) => [name, cached[i] as SObjectMetadata]));
    const plan = await metadata.plan(LOOKUP_OBJECTS);
    return {
      fields: lookupFieldsFrom(known, crm),
      plan,
      requests: 0,
      async settleChanged(responses) {
        // A refused describe keeps what the lookup was built from: the people still show.
        const fresh = await plan.settle(responses).catch(() => undefined);
        if (!fresh || LOOKUP_OBJECTS.every((name) => fresh.get(name) === known.get(name))) return undefined;
        return lookupFieldsFrom(new Map([...known, ...fresh]), crm);
      },
    };
  };
}

export const PEOPLE_CACHE_TTL_MS = 5 * 60_000;

export interface PeopleView {
  byAddress: Map<string, AddressLookup>;
  accountsByDomain: Map<string, AccountSummary[]>;
  /** Every account known for this email (the contacts' accounts and the domains' accounts), by id. */
  accountsById: Map<string, AccountSummary>;
  savedEmail?: SavedEmailTask | null;
  /** Of the leads asked to follow, the converted ones: lead id → the contact it became. */
  convertedLeads?: Map<string, string>;
  /** How many Salesforce requests this lookup cost (0 or 1). */
  requests: number;
}

type Cached =
  | { type: 'converted'; value: string }
  | { type: 'address'; value: AddressLookup }
  | { type: 'domain'; value: AccountSummary[] }
  | { type: 'account'; value: AccountSummary }
  | { type: 'saved'; value: SavedEmailTask | null };

export interface PeopleDirectory {
  lookup(ownerKey: string, input: { addresses: string[]; savedEmail?: { subject: string; internetMessageId: string }; followLeads?: string[] }): Promise<PeopleView>;
  /** After a create: the next lookup of this address asks Salesforce again. */
  forgetAddress(ownerKey: string, address: string): void;
  /** After a save: the pane shows "Saved" at once, without asking again. */
  rememberSaved(ownerKey: string, internetMessageId: string, task: SavedEmailTask): void;
  /** Sign-out or another user: drop one owner's data. */
  clearOwner(ownerKey: string): void;
  /** Sign-out: drop everything. */
  clearAll(): void;
}

export interface PeopleDirectoryOptions {
  ttlMs?: number;
  now?: () => number;
  /**
   * The org's metadata: the lookup then names only fields the seller may read, and the admin's card and email fields
   * (`crm`). Its conditional describes ride in the lookup's own composite call, so an email still costs one request
   * when the metadata is cached; the very first lookup of a seller describes first (one request more).
   */
  metadata?: MetadataSource;
  crm?: CrmConfig;
}

export function createPeopleDirectory(api: SalesforceApi, options: PeopleDirectoryOptions = {}): PeopleDirectory {
  const cache = new TtlCache<Cached>(options.ttlMs ?? PEOPLE_CACHE_TTL_MS, options.now);
  const fieldsFor = metadataFields(options.metadata, options.crm);
  const inFlight = new Map<string, Promise<PeopleView>>();

  function assemble(ownerKey: string, addresses: string[], domains: string[], messageId: string | undefined, requests: number, followLeads: readonly string[] = []): PeopleView {
    const byAddress = new Map<string, AddressLookup>();
    for (const a of addresses) {
      const hit = cache.get(ownerKey, `a:${a}`);
      byAddress.set(a, hit?.type === 'address' ? hit.value : { address: a, contacts: [], leads: [] });
    }
    const accountsByDomain = new Map<string, AccountSummary[]>();
    for (const d of domains) {
      const hit = cache.get(ownerKey, `d:${d}`);
      accountsByDomain.set(d, hit?.type === 'domain' ? hit.value : []);
    }
    const accountsById = new Map<string, AccountSummary>();
    for (const accounts of accountsByDomain.values()) for (const a of accounts) accountsById.set(a.id, a);
    for (const lookup of byAddress.values()) {
      for (const contact of lookup.contacts) {
        if (!contact.accountId) continue;
        const hit = cache.get(ownerKey, `acc:${contact.accountId}`);
        if (hit?.type === 'account') accountsById.set(hit.value.id, hit.value);
      }
    }
    const convertedLeads = new Map<string, string>();
    for (const leadId of followLeads) {
      const hit = cache.get(ownerKey, `cl:${leadId}`);
      if (hit?.type === 'converted') convertedLeads.set(leadId, hit.value);
    }
    const view: PeopleView = { byAddress, accountsByDomain, accountsById, convertedLeads, requests };
    if (messageId !== undefined) {
      const hit = cache.get(ownerKey, `m:${messageId}`);
      view.savedEmail = hit?.type === 'saved' ? hit.value : null;
    }
    return view;
  }

  async function run(ownerKey: string, input: Parameters<PeopleDirectory['lookup']>[1]): Promise<PeopleView> {
    const addresses = [...new Set(input.addresses)];
    const domains = companyDomains(addresses);
    const request: PeopleLookupRequest = {
      addresses: addresses.filter((a) => !cache.has(ownerKey, `a:${a}`)),
      domains: domains.filter((d) => !cache.has(ownerKey, `d:${d}`)),
    };
    const messageId = input.savedEmail?.internetMessageId;
    if (input.savedEmail && !cache.has(ownerKey, `m:${input.savedEmail.internetMessageId}`)) request.savedEmail = input.savedEmail;
    const followLeads = [...new Set(input.followLeads ?? [])];
    // Followed with the addresses they were chosen for: only when those are asked again (the cache has the rest).
    if (request.addresses.length > 0 && followLeads.length > 0) request.followLeads = followLeads;
    if (buildPeopleLookup(api.apiPath, request).length === 0) return assemble(ownerKey, addresses, domains, messageId, 0, followLeads);

    const { result, requests } = await lookupWithFields(request, await fieldsFor());
    for (const [address, lookup] of result.byAddress) cache.set(ownerKey, `a:${address}`, { type: 'address', value: lookup });
    for (const [domain, accounts] of result.accountsByDomain) cache.set(ownerKey, `d:${domain}`, { type: 'domain', value: accounts });
    for (const [id, account] of result.contactAccounts) cache.set(ownerKey, `acc:${id}`, { type: 'account', value: account });
    for (const [leadId, contactId] of result.convertedLeads) cache.set(ownerKey, `cl:${leadId}`, { type: 'converted', value: contactId });
    if (request.savedEmail && result.savedEmail !== undefined) {
      cache.set(ownerKey, `m:${request.savedEmail.internetMessageId}`, { type: 'saved', value: result.savedEmail });
    }
    return assemble(ownerKey, addresses, domains, messageId, requests, followLeads);
  }

  /**
   * The lookup's composite call, with the conditional describes of the objects it names. When Salesforce says the
   * metadata changed (a field hidden since) and a query was refused for it, the lookup runs once more with the new
   * metadata: field-level security never ends in an error for the seller.
   */
  async function lookupWithFields(request: PeopleLookupRequest, planned: PlannedFields): Promise<{ result: ReturnType<typeof parsePeopleLookup>; requests: number }> {
    const withFields: PeopleLookupRequest = { ...request, ...(planned.fields ? { fields: planned.fields } : {}) };
    const describes = planned.plan?.subrequests ?? [];
    const responses = await api.composite([...describes, ...buildPeopleLookup(api.apiPath, withFields)], { allOrNone: false });
    const requests = planned.requests + 1;
    const changed = planned.plan ? await planned.settleChanged(responses) : undefined;
    try {
      // Labels come from the metadata that arrived with the answers, where it did.
      const parseWith = changed && withFields.fields ? { ...withFields, fields: relabelled(withFields.fields, changed) } : withFields;
      return { result: parsePeopleLookup(parseWith, responses), requests };
    } catch (error) {
      if (!changed) throw error;
      const retry: PeopleLookupRequest = { ...request, fields: changed };
      return { result: parsePeopleLookup(retry, await api.composite(buildPeopleLookup(api.apiPath, retry), { allOrNone: false })), requests: requests + 1 };
    }
  }

  return {
    lookup(ownerKey, input) {
      // The same email asked twice at once (a re-render, a second listener) shares one request.
      const key = JSON.stringify([ownerKey, [...input.addresses].sort(), input.savedEmail?.internetMessageId ?? null]);
      const running = inFlight.get(key);
      if (running) return running;
      const promise = run(ownerKey, input).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    forgetAddress(ownerKey, address) {
      cache.delete(ownerKey, `a:${address}`);
      cache.delete(ownerKey, `d:${domainOf(address)}`);
    },
    rememberSaved(ownerKey, internetMessageId, task) {
      cache.set(ownerKey, `m:${internetMessageId}`, { type: 'saved', value: task });
    },
    clearOwner(ownerKey) {
      cache.clearNamespace(ownerKey);
    },
    clearAll() {
      cache.clear();
      inFlight.clear();
    },
  };
}
