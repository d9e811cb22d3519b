/**
 * People behind an email in ONE Salesforce API request: a composite call whose subrequests are
 * - contacts by email (with Account.Name, Owner.Name),
 * - leads by email (unconverted),
 * - the accounts of those contacts, each with its open opportunities (parent-to-child subquery), by a semi-join
 *   (`Id IN (SELECT AccountId FROM Contact WHERE Email IN …)`): a composite reference could only chain one record
 *   (`records[0]`), the semi-join takes them all in the same request;
 * - accounts by the company domains of the addresses, with their open opportunities: they give "Create contact" its
 *   account for an address Salesforce does not know yet. The client keeps only websites whose host is the domain;
 * - and, when the email has a Message-ID, the earlier saves of this email (so the pane can show "Saved" at once).
 */
import type { CompositeSubrequest, CompositeSubresponse } from '../salesforce-api';
import { classifySalesforceError } from '../classify-salesforce-error';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { AccountSummary, AddressLookup, CardDetail, ContactMatch, LeadMatch, OpportunitySummary, SavedEmailTask } from './crm-records';
import { DEFAULT_LOOKUP_FIELDS, type CardFieldSpec, type LookupFields } from './lookup-fields';
import { websiteMatchesDomain } from './email-addresses';
import { num, obj, recordsOf, str } from './record-fields';
import { findSavedEmailTask, savedEmailQuery } from './save-email';
import { isSalesforceId, queryUrl, soqlContains, soqlInList } from './soql';

export interface PeopleLookupRequest {
  /** Normalised (lower-case, valid) addresses. */
  addresses: string[];
  /** Company domains to match accounts by. */
  domains: string[];
  savedEmail?: { subject: string; internetMessageId: string };
  /** The fields to name, from metadata and the admin's configuration (lookup-fields.ts); the default cards' without. */
  fields?: LookupFields;
  /**
   * Leads the seller chose for an address earlier (record-chooser): if one was converted since, its contact is
   * followed. Asked in the leads subrequest itself, so the lookup stays one request with at most five queries.
   */
  followLeads?: string[];
}

export interface PeopleLookupResult {
  byAddress: Map<string, AddressLookup>;
  /** Accounts of the contacts found (with open opportunities), by id. */
  contactAccounts: Map<string, AccountSummary>;
  accountsByDomain: Map<string, AccountSummary[]>;
  /** undefined: not asked; null: not saved yet. */
  savedEmail?: SavedEmailTask | null;
  /** Of `followLeads`, the converted ones: lead id → the contact it became. */
  convertedLeads: Map<string, string>;
}

const MAX_ACCOUNTS_PER_DOMAIN = 5;

export function contactsQuery(addresses: string[], fields: LookupFields = DEFAULT_LOOKUP_FIELDS): string {
  return `SELECT ${['Id', 'Name', ...fields.contact].join(', ')} FROM Contact ` + `WHERE ${matchWhere(fields.contactMatch, addresses)} ORDER BY LastModifiedDate DESC LIMIT 200`;
}

export function leadsQuery(addresses: string[], fields: LookupFields = DEFAULT_LOOKUP_FIELDS, followLeads: readonly string[] = []): string {
  const match = fields.leadMatch.length > 1 ? `(${matchWhere(fields.leadMatch, addresses)})` : matchWhere(fields.leadMatch, addresses);
  const select = ['Id', 'Name', ...fields.lead];
  const follow = followLeads.filter(isSalesforceId);
  if (follow.length === 0) return `SELECT ${select.join(', ')} FROM Lead WHERE ${match} AND IsConverted = false ORDER BY LastModifiedDate DESC LIMIT 200`;
  return (
    `SELECT ${[...select, 'IsConverted', 'ConvertedContactId'].join(', ')} FROM Lead ` +
    `WHERE (${match} AND IsConverted = false) OR (Id IN ${soqlInList(follow)} AND IsConverted = true) ORDER BY LastModifiedDate DESC LIMIT 200`
  );
}

/** `Email IN (…)`, or each email field the admin added OR-ed: a person matches on any of them. */
function matchWhere(matchFields: readonly string[], addresses: string[]): string {
  return matchFields.map((field) => `${field} IN ${soqlInList(addresses)}`).join(' OR ');
}

function accountFields(fields: LookupFields): string {
  const opportunities = fields.opportunitiesVisible
    ? [`(SELECT ${['Id', 'Name', ...fields.opportunity].join(', ')} FROM Opportunities WHERE IsClosed = false ORDER BY ${fields.opportunityOrderBy} ASC LIMIT 10)`]
    : [];
  return ['Id', 'Name', ...fields.account, ...opportunities].join(', ');
}

export function contactAccountsQuery(addresses: string[], fields: LookupFields = DEFAULT_LOOKUP_FIELDS): string {
  return `SELECT ${accountFields(fields)} FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE ${matchWhere(fields.contactMatch, addresses)}) LIMIT 100`;
}

export function accountsQuery(domains: string[], fields: LookupFields = DEFAULT_LOOKUP_FIELDS): string {
  const where = domains.map((d) => `Website LIKE ${soqlContains(d)}`).join(' OR ');
  return `SELECT ${accountFields(fields)} FROM Account WHERE ${where} ORDER BY Name ASC LIMIT 50`;
}

export function buildPeopleLookup(apiPath: string, request: PeopleLookupRequest): CompositeSubrequest[] {
  const fields = request.fields ?? DEFAULT_LOOKUP_FIELDS;
  const subrequests: CompositeSubrequest[] = [];
  if (request.addresses.length > 0) {
    // A seller who may read no email field of an object gets no query on it: nothing of it can be matched.
    if (fields.contactMatch.length > 0) {
      subrequests.push({ method: 'GET', referenceId: 'contacts', url: queryUrl(apiPath, contactsQuery(request.addresses, fields)) });
    }
    if (fields.leadsVisible && fields.leadMatch.length > 0) {
      subrequests.push({ method: 'GET', referenceId: 'leads', url: queryUrl(apiPath, leadsQuery(request.addresses, fields, request.followLeads)) });
    }
    if (fields.contactMatch.length > 0) {
      subrequests.push({ method: 'GET', referenceId: 'contactAccounts', url: queryUrl(apiPath, contactAccountsQuery(request.addresses, fields)) });
    }
  }
  if (request.domains.length > 0 && fields.accountByWebsite) {
    subrequests.push({ method: 'GET', referenceId: 'accounts', url: queryUrl(apiPath, accountsQuery(request.domains, fields)) });
  }
  if (request.savedEmail) {
    subrequests.push({ method: 'GET', referenceId: 'saved', url: queryUrl(apiPath, savedEmailQuery(request.savedEmail.subject)) });
  }
  return subrequests;
}

/** A subrequest the plan left out (no readable email field, leads hidden) answers as no records. */
function optionalBodyOf(responses: CompositeSubresponse[], referenceId: string): unknown {
  return responses.some((r) => r.referenceId === referenceId) ? bodyOf(responses, referenceId) : { records: [] };
}

function bodyOf(responses: CompositeSubresponse[], referenceId: string): unknown {
  const response = responses.find((r) => r.referenceId === referenceId);
  if (!response) {
    throw new SalesforceFailureError(createFailure('unknown', { detail: `composite: no answer for ${referenceId}` }));
  }
  if (response.httpStatusCode < 200 || response.httpStatusCode >= 300) {
    throw new SalesforceFailureError(classifySalesforceError({ httpStatusCode: response.httpStatusCode, body: response.body }, { phase: 'request' }));
  }
  return response.body;
}

/** The requested address the record carries in one of its email fields (Email first, then the admin's). */
function matchedAddress(record: unknown, matchFields: readonly string[], wanted: ReadonlySet<string>): string | null {
  for (const field of matchFields) {
    const value = str(record, field)?.toLowerCase();
    if (value && wanted.has(value)) return value;
  }
  return null;
}

function cardDetails(record: unknown, specs: readonly CardFieldSpec[]): CardDetail[] {
  return specs.map((spec) => {
    const raw = obj(record, spec.name);
    const value = typeof raw === 'string' || typeof raw === 'boolean' || (typeof raw === 'number' && Number.isFinite(raw)) ? raw : null;
    return { name: spec.name, label: spec.label, type: spec.type, value };
  });
}

function parseContact(record: unknown, fields: LookupFields = DEFAULT_LOOKUP_FIELDS, wanted?: ReadonlySet<string>): ContactMatch | null {
  const id = str(record, 'Id');
  const email = wanted ? matchedAddress(record, fields.contactMatch, wanted) : str(record, 'Email');
  if (!isSalesforceId(id) || !email) return null;
  const accountId = str(record, 'AccountId');
  const contact: ContactMatch = {
    kind: 'contact',
    id,
    name: str(record, 'Name') ?? email,
    title: str(record, 'Title'),
    phone: str(record, 'Phone'),
    email: email.toLowerCase(),
    accountId: isSalesforceId(accountId) ? accountId : null,
    accountName: str(obj(record, 'Account'), 'Name'),
    ownerName: str(obj(record, 'Owner'), 'Name'),
  };
  if (fields.contactCard.length > 0) contact.details = cardDetails(record, fields.contactCard);
  return contact;
}

function parseLead(record: unknown, fields: LookupFields = DEFAULT_LOOKUP_FIELDS, wanted?: ReadonlySet<string>): LeadMatch | null {
  const id = str(record, 'Id');
  const email = wanted ? matchedAddress(record, fields.leadMatch, wanted) : str(record, 'Email');
  if (!isSalesforceId(id) || !email) return null;
  const lead: LeadMatch = {
    kind: 'lead',
    id,
    name: str(record, 'Name') ?? email,
    title: str(record, 'Title'),
    phone: str(record, 'Phone'),
    email: email.toLowerCase(),
    company: str(record, 'Company'),
    status: str(record, 'Status'),
    ownerName: str(obj(record, 'Owner'), 'Name'),
  };
  if (fields.leadCard.length > 0) lead.details = cardDetails(record, fields.leadCard);
  return lead;
}

function parseOpportunity(record: unknown): OpportunitySummary | null {
  const id = str(record, 'Id');
  if (!isSalesforceId(id)) return null;
  return {
    id,
    name: str(record, 'Name') ?? '',
    stageName: str(record, 'StageName') ?? '',
    amount: num(record, 'Amount'),
    closeDate: str(record, 'CloseDate'),
    // Multi-currency orgs: the amount is in the record's own currency.
    ...(str(record, 'CurrencyIsoCode') ? { currencyIsoCode: str(record, 'CurrencyIsoCode') ?? '' } : {}),
  };
}

export function parseAccount(record: unknown): AccountSummary | null {
  const id = str(record, 'Id');
  if (!isSalesforceId(id)) return null;
  return {
    id,
    name: str(record, 'Name') ?? '',
    website: str(record, 'Website'),
    openOpportunities: recordsOf(obj(record, 'Opportunities'))
      .map(parseOpportunity)
      .filter((o): o is OpportunitySummary => o !== null),
  };
}

export function parsePeopleLookup(request: PeopleLookupRequest, responses: CompositeSubresponse[]): PeopleLookupResult {
  const fields = request.fields ?? DEFAULT_LOOKUP_FIELDS;
  const wanted = new Set(request.addresses);
  const byAddress = new Map<string, AddressLookup>(request.addresses.map((a) => [a, { address: a, contacts: [], leads: [] }]));
  const contactAccounts = new Map<string, AccountSummary>();
  const convertedLeads = new Map<string, string>();
  if (request.addresses.length > 0) {
    for (const record of recordsOf(optionalBodyOf(responses, 'contacts'))) {
      const contact = parseContact(record, fields, wanted);
      if (contact) byAddress.get(contact.email)?.contacts.push(contact);
    }
    for (const record of recordsOf(optionalBodyOf(responses, 'leads'))) {
      if (obj(record, 'IsConverted') === true) {
        const id = str(record, 'Id');
        const contactId = str(record, 'ConvertedContactId');
        if (isSalesforceId(id) && isSalesforceId(contactId)) convertedLeads.set(id, contactId);
        continue;
      }
      const lead = parseLead(record, fields, wanted);
      if (lead) byAddress.get(lead.email)?.leads.push(lead);
    }
    for (const record of recordsOf(optionalBodyOf(responses, 'contactAccounts'))) {
      const account = parseAccount(record);
      if (account) contactAccounts.set(account.id, account);
    }
  }
  const accountsByDomain = new Map<string, AccountSummary[]>(request.domains.map((d) => [d, []]));
  if (request.domains.length > 0) {
    const accounts = recordsOf(optionalBodyOf(responses, 'accounts'))
      .map(parseAccount)
      .filter((a): a is AccountSummary => a !== null);
    for (const domain of request.domains) {
      accountsByDomain.set(domain, accounts.filter((a) => websiteMatchesDomain(a.website, domain)).slice(0, MAX_ACCOUNTS_PER_DOMAIN));
    }
  }
  const result: PeopleLookupResult = { byAddress, contactAccounts, accountsByDomain, convertedLeads };
  if (request.savedEmail) result.savedEmail = findSavedEmailTask(bodyOf(responses, 'saved'), request.savedEmail.internetMessageId);
  return result;
}
