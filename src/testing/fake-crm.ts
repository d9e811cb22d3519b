/**
 * A small Salesforce org in memory behind the fake SalesforceApi, for component tests: contacts, leads, accounts and
 * Tasks that the workspace's one composite lookup reads (each subrequest answered by its reference id, the SOQL's
 * address and domain lists read back from the URL), and that the outbox's writes add to. Not a SOQL engine: the
 * emulated org (tests/emulator) is, for integration and e2e tests.
 *
 * Over 300 lines on purpose: one in-memory org, its seed types and the answers to every request the workspace sends, kept together so a component test reads one file.
 */
import { SalesforceFailureError, type ClassifiedFailure } from '../salesforce/failure-kinds';
import type { FakeApiHandlers } from './fake-salesforce-api';

export interface FakeOpportunity {
  Id: string;
  Name: string;
  StageName: string;
  Amount?: number | null;
  CloseDate?: string;
}

export interface FakeAccount {
  Id: string;
  Name: string;
  Website?: string;
  opportunities?: FakeOpportunity[];
}

export interface FakeContact {
  Id: string;
  Name: string;
  Email: string;
  Title?: string;
  Phone?: string;
  AccountId?: string;
  OwnerName?: string;
}

export interface FakeLead {
  Id: string;
  Name: string;
  Email: string;
  Company?: string;
  Status?: string;
  Title?: string;
  OwnerName?: string;
}

export interface FakeTask {
  Id: string;
  Subject: string;
  Description: string;
  WhoId: string | null;
  WhatId: string | null;
  TaskSubtype?: string;
}

/** A meeting's Event (crm/save-meeting.ts): the fields the saved check reads. */
export interface FakeEvent {
  Id: string;
  Subject: string;
  StartDateTime: string;
  EndDateTime: string;
  Location: string;
  Description: string;
  WhoId: string | null;
  WhatId: string | null;
  CreatedBy?: { Name: string };
  CreatedDate?: string;
}

export interface FakeCrmSeed {
  contacts?: FakeContact[];
  leads?: FakeLead[];
  accounts?: FakeAccount[];
  tasks?: FakeTask[];
  events?: FakeEvent[];
}

export interface FakeCrm {
  contacts: FakeContact[];
  leads: FakeLead[];
  accounts: FakeAccount[];
  tasks: FakeTask[];
  events: FakeEvent[];
  /** Handlers for createFakeSalesforceApi: the composite lookup, queries and creates. */
  handlers: FakeApiHandlers;
  /** How many people lookups (composite calls) Salesforce answered or refused. */
  readonly lookups: number;
  /** Every later lookup is refused with this failure (as the connection wrapper would throw it); undefined: answered. */
  failLookups(failure: ClassifiedFailure | undefined): void;
  /** Lookups wait (the pane shows it is looking) until `releaseLookups`. */
  holdLookups(): void;
  releaseLookups(): void;
}

/** An 18-character record id with the object's key prefix: 003 Contact, 00Q Lead, 001 Account, 00T Task, 006 Opportunity. */
export function fakeRecordId(prefix: string, n: number): string {
  return `${prefix}5e${String(n).padStart(10, '0')}AAA`;
}

/** The composite subrequests of the people lookup (salesforce/crm/people-lookup.ts). */
type ReferenceId = 'contacts' | 'leads' | 'contactAccounts' | 'accounts' | 'saved' | 'savedEmailMessage' | 'savedMeeting';
const LOOKUP_REFERENCE_IDS: ReadonlySet<string> = new Set<ReferenceId>(['contacts', 'leads', 'contactAccounts', 'accounts', 'saved', 'savedEmailMessage', 'savedMeeting']);

/** The MessageIdentifier a query filters on (`MessageIdentifier = '<…>'`). */
function messageIdentifierIn(soql: string): string | undefined {
  return /MessageIdentifier = '((?:[^'\\]|\\.)*)'/.exec(soql)?.[1]?.replace(/\\(.)/g, '$1');
}

function soqlOf(url: string): string {
  return decodeURIComponent(url.slice(url.indexOf('?q=') + 3));
}

/** The addresses of `Email IN ('a', 'b')`. */
function addressesIn(soql: string): string[] {
  const list = /Email IN \(([^)]*)\)/.exec(soql)?.[1] ?? '';
  return [...list.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] ?? '').toLowerCase());
}

/** The domains of `Website LIKE '%acme.example%' OR …`. */
function domainsIn(soql: string): string[] {
  return [...soql.matchAll(/Website LIKE '%((?:[^'\\%]|\\.)*)%'/g)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1').toLowerCase());
}

const page = (records: unknown[]) => ({ totalSize: records.length, done: true, records });

/** The fields of the fake org: every one readable and editable by the seller (no field-level security here). */
const DESCRIBED_FIELDS: Record<string, string[]> = {
  Contact: ['Id', 'Name', 'Title', 'Phone', 'Email', 'AccountId', 'OwnerId'],
  Lead: ['Id', 'Name', 'Title', 'Phone', 'Email', 'Company', 'Status', 'OwnerId'],
  Account: ['Id', 'Name', 'Website'],
  Opportunity: ['Id', 'Name', 'StageName', 'Amount', 'CloseDate'],
};

function describedObject(url: string): string | undefined {
  return /\/sobjects\/(\w+)\/describe$/.exec(url)?.[1];
}

function describeOf(sobject: string): unknown {
  const fields = (DESCRIBED_FIELDS[sobject] ?? ['Id', 'Name']).map((name) => ({ name, label: name, type: 'string', createable: true, updateable: true, nillable: name !== 'Id' }));
  return { name: sobject, label: sobject, labelPlural: sobject, fields, recordTypeInfos: [] };
}

export function createFakeCrm(seed: FakeCrmSeed = {}): FakeCrm {
  const contacts = [...(seed.contacts ?? [])];
  const leads = [...(seed.leads ?? [])];
  const accounts = [...(seed.accounts ?? [])];
  const tasks = [...(seed.tasks ?? [])];
  const events = [...(seed.events ?? [])];
  let created = 0;
  let lookups = 0;
  let failure: ClassifiedFailure | undefined;
  let held: Promise<void> | undefined;
  let release: (() => void) | undefined;

  const accountRecord = (a: FakeAccount) => ({
    Id: a.Id,
    Name: a.Name,
    Website: a.Website ?? null,
    Opportunities: a.opportunities?.length ? page(a.opportunities.map((o) => ({ Amount: null, CloseDate: null, ...o }))) : null,
  });
  const contactRecord = (c: FakeContact) => ({
    Id: c.Id,
    Name: c.Name,
    Title: c.Title ?? null,
    Phone: c.Phone ?? null,
    Email: c.Email,
    AccountId: c.AccountId ?? null,
    Account: c.AccountId ? { Name: accounts.find((a) => a.Id === c.AccountId)?.Name ?? null } : null,
    Owner: c.OwnerName ? { Name: c.OwnerName } : null,
  });
  const leadRecord = (l: FakeLead) => ({
    Id: l.Id,
    Name: l.Name,
    Title: l.Title ?? null,
    Phone: null,
    Email: l.Email,
    Company: l.Company ?? null,
    Status: l.Status ?? null,
    Owner: l.OwnerName ? { Name: l.OwnerName } : null,
  });

  function answer(referenceId: ReferenceId, soql: string): unknown {
    const addresses = addressesIn(soql);
    const contactsOf = () => contacts.filter((c) => addresses.includes(c.Email.toLowerCase()));
    switch (referenceId) {
      case 'contacts':
        return page(contactsOf().map(contactRecord));
      case 'leads':
        return page(leads.filter((l) => addresses.includes(l.Email.toLowerCase())).map(leadRecord));
      case 'contactAccounts': {
        const ids = new Set(contactsOf().map((c) => c.AccountId));
        return page(accounts.filter((a) => ids.has(a.Id)).map(accountRecord));
      }
      case 'accounts': {
        const domains = domainsIn(soql);
        return page(accounts.filter((a) => domains.some((d) => (a.Website ?? '').toLowerCase().includes(d))).map(accountRecord));
      }
      case 'saved':
        return page(tasks.filter((t) => t.TaskSubtype === 'Email'));
      case 'savedEmailMessage':
        return page(emailMessagesIn(soql));
      case 'savedMeeting':
        return page(events);
    }
  }

  const emailMessages: Array<Record<string, unknown>> = [];
  const emailMessagesIn = (soql: string) => {
    const id = messageIdentifierIn(soql);
    return emailMessages.filter((m) => id === undefined || m.MessageIdentifier === id);
  };
  function createEmailRecord(r: { url: string; referenceId: string; body?: unknown }) {
    created++;
    const fields = (r.body ?? {}) as Record<string, unknown>;
    if (r.url.endsWith('/EmailMessage')) {
      const Id = fakeRecordId('02s', created);
      emailMessages.push({
        Id,
        MessageIdentifier: fields.MessageIdentifier ?? null,
        RelatedToId: fields.RelatedToId ?? null,
        CreatedDate: '2026-11-30T12:00:00.000+0000',
        CreatedBy: { Name: 'Sam Seller' },
        EmailMessageRelations: null,
      });
      return { referenceId: r.referenceId, httpStatusCode: 201, body: { id: Id, success: true, errors: [] } };
    }
    return { referenceId: r.referenceId, httpStatusCode: 201, body: { id: fakeRecordId('0AA', created), success: true, errors: [] } };
  }

  /**
   * Any other subrequest, as the org would answer it: the fake org has Enhanced Email (as the emulated org by default),
   * so an email's save is an EmailMessage kept in `emailMessages`; other queries go through `query`, a POST through
   * `create` (an EmailMessage and its relations by `createEmailRecord`), a describe answers.
   */
  function answerOther(r: { method: string; url: string; referenceId: string; body?: unknown }): { referenceId: string; httpStatusCode: number; body: unknown } {
    const described = describedObject(r.url);
    if (described !== undefined) return { referenceId: r.referenceId, httpStatusCode: 200, body: describeOf(described) };
    if (r.method === 'GET' && r.url.includes('/query?q=')) {
      const soql = soqlOf(r.url);
      if (/\bFROM\s+EmailMessage\b/i.test(soql)) return { referenceId: r.referenceId, httpStatusCode: 200, body: page(emailMessagesIn(soql)) };
      return { referenceId: r.referenceId, httpStatusCode: 200, body: handlers.query!(soql) };
    }
    if (r.method === 'POST' && /\/sobjects\/EmailMessage(Relation)?$/.test(r.url)) return createEmailRecord(r);
    if (r.method === 'POST') {
      const created = handlers.create!(r.url.split('/').pop() ?? '', (r.body ?? {}) as Record<string, unknown>) as { id: string };
      return { referenceId: r.referenceId, httpStatusCode: 201, body: { id: created.id, success: true, errors: [] } };
    }
    return { referenceId: r.referenceId, httpStatusCode: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
  }

  const handlers: FakeApiHandlers = {
    async composite(requests) {
      // The lookup's describes (salesforce/metadata) alone are no people lookup: a seller's first email sends them first.
      // Nor is a save's own composite (crm/save-email-message.ts): only the lookup's queries count, wait and fail.
      const describesOnly = requests.every((r) => describedObject(r.url) !== undefined);
      if (!describesOnly && !requests.some((r) => LOOKUP_REFERENCE_IDS.has(r.referenceId))) return requests.map((r) => answerOther(r));
      if (!describesOnly) lookups++;
      if (held) await held;
      if (failure) throw new SalesforceFailureError(failure);
      return requests.map((r) => {
        const described = describedObject(r.url);
        if (described !== undefined) return { referenceId: r.referenceId, httpStatusCode: 200, body: describeOf(described) };
        if (!LOOKUP_REFERENCE_IDS.has(r.referenceId)) return answerOther(r);
        return { referenceId: r.referenceId, httpStatusCode: 200, body: answer(r.referenceId as ReferenceId, soqlOf(r.url)) };
      });
    },
    query(soql) {
      if (/\bFROM Task\b/.test(soql)) return page(tasks);
      if (/\bFROM Event\b/.test(soql)) return page(events);
      return page([]);
    },
    create(sobject, fields) {
      created++;
      if (sobject === 'Contact') {
        const Id = fakeRecordId('003', created);
        const name = [fields.FirstName, fields.LastName].filter(Boolean).join(' ');
        contacts.push({ Id, Name: name, Email: String(fields.Email), ...(fields.AccountId ? { AccountId: String(fields.AccountId) } : {}) });
        return { id: Id, success: true, errors: [] };
      }
      if (sobject === 'Event') {
        const Id = fakeRecordId('00U', created);
        const text = (name: string) => (typeof fields[name] === 'string' ? fields[name] : '');
        events.push({
          Id,
          Subject: text('Subject'),
          StartDateTime: text('StartDateTime'),
          EndDateTime: text('EndDateTime'),
          Location: text('Location'),
          Description: text('Description'),
          WhoId: (fields.WhoId as string | null | undefined) ?? null,
          WhatId: (fields.WhatId as string | null | undefined) ?? null,
          CreatedBy: { Name: 'Sam Seller' },
          CreatedDate: '2026-11-30T12:00:00.000+0000',
        });
        return { id: Id, success: true, errors: [] };
      }
      const Id = fakeRecordId('00T', created);
      tasks.push({
        Id,
        Subject: String(fields.Subject ?? ''),
        Description: String(fields.Description ?? ''),
        WhoId: (fields.WhoId as string | undefined) ?? null,
        WhatId: (fields.WhatId as string | undefined) ?? null,
        ...(typeof fields.TaskSubtype === 'string' ? { TaskSubtype: fields.TaskSubtype } : {}),
      });
      return { id: Id, success: true, errors: [] };
    },
  };

  return {
    contacts,
    leads,
    accounts,
    tasks,
    events,
    handlers,
    get lookups() {
      return lookups;
    },
    failLookups(next) {
      failure = next;
    },
    holdLookups() {
      held ??= new Promise((resolve) => (release = resolve));
    },
    releaseLookups() {
      release?.();
      held = undefined;
      release = undefined;
    },
  };
}
