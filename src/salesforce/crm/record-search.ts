/**
 * Search and link anything: one SOSL request across accounts, contacts, leads, opportunities, cases and the objects
 * the admin adds (config `search.objects`), and the seller's recently viewed records for an empty box.
 *
 * The seller's words go into SOSL's braces. Every reserved character is escaped with a backslash (SOQL and SOSL
 * Reference, FIND: an unescaped one is an error), and each word gets a trailing `*`: SOSL matches whole words, and a
 * seller typing "acm" means Acme. A term with fewer than two letters is never sent (Salesforce refuses it).
 */
import type { SearchObjectConfig } from '../../config/runtime-config';
import type { RecentItem, SalesforceApi, SearchResult } from '../salesforce-api';
import type { PersonMatch } from './crm-records';
import { obj, str } from './record-fields';
import { isSalesforceId } from './soql';

export interface SearchObject {
  name: string;
  nameField: string;
  /** A second line: a parent's name (Account.Name) or a field. */
  detailField?: string;
  /** Built-in objects are labelled by the strings; an admin's object by its configured label. */
  label?: string;
}

export interface FoundRecord {
  sobject: string;
  id: string;
  name: string;
  detail: string | null;
}

export const BUILT_IN_SEARCH_OBJECTS: readonly SearchObject[] = [
  { name: 'Account', nameField: 'Name', detailField: 'BillingCity' },
  { name: 'Contact', nameField: 'Name', detailField: 'Account.Name' },
  { name: 'Lead', nameField: 'Name', detailField: 'Company' },
  { name: 'Opportunity', nameField: 'Name', detailField: 'Account.Name' },
  { name: 'Case', nameField: 'CaseNumber', detailField: 'Subject' },
];

export function searchObjectsOf(extra: readonly SearchObjectConfig[] | undefined): SearchObject[] {
  return [...BUILT_IN_SEARCH_OBJECTS, ...(extra ?? []).map((o) => ({ name: o.name, nameField: o.nameField, label: o.label, ...(o.detailField ? { detailField: o.detailField } : {}) }))];
}

/** Per object; Salesforce's own search box shows about as many. */
export const RESULTS_PER_OBJECT = 5;
const RESERVED = /[?&|!{}[\]()^~*:\\"'+-]/g;
const MAX_WORDS = 6;

/** The SOSL term for what the seller typed, or undefined when there is too little to search for. */
export function soslTerm(text: string): string | undefined {
  const words = text
    .normalize('NFC')
    .split(/\s+/)
    // SOSL's boolean operators typed as words would change the search: taken as words here, in lower case.
    .map((w) => (/^(AND|OR|NOT)$/.test(w) ? w.toLowerCase() : w))
    .filter((w) => w.replace(RESERVED, '').length > 0)
    .slice(0, MAX_WORDS);
  if (words.join('').replace(RESERVED, '').length < 2) return undefined;
  return words.map((w) => `${w.replace(RESERVED, (ch) => `\\${ch}`)}*`).join(' ');
}

function fieldsOf(o: SearchObject): string {
  return ['Id', o.nameField, ...(o.detailField ? [o.detailField] : [])].join(', ');
}

export function buildSearchSosl(term: string, objects: readonly SearchObject[]): string {
  const returning = objects.map((o) => `${o.name}(${fieldsOf(o)} LIMIT ${RESULTS_PER_OBJECT})`).join(', ');
  return `FIND {${term}} IN ALL FIELDS RETURNING ${returning}`;
}

function read(record: unknown, path: string): string | null {
  const parts = path.split('.');
  let current: unknown = record;
  for (const part of parts.slice(0, -1)) current = obj(current, part);
  const last = parts[parts.length - 1] ?? '';
  const value = obj(current, last);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : str(current, last);
}

export function parseSearchRecords(result: SearchResult, objects: readonly SearchObject[]): FoundRecord[] {
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  const found: FoundRecord[] = [];
  for (const record of result.searchRecords) {
    const type = str(obj(record, 'attributes'), 'type');
    const id = str(record, 'Id');
    const def = type ? byName.get(type.toLowerCase()) : undefined;
    if (!def || !isSalesforceId(id)) continue;
    found.push({ sobject: def.name, id, name: read(record, def.nameField) ?? id, detail: def.detailField ? read(record, def.detailField) : null });
  }
  return found;
}

export function parseRecentItems(items: readonly RecentItem[], objects: readonly SearchObject[]): FoundRecord[] {
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  return items.flatMap((item) => {
    const def = byName.get(String(item.attributes?.type ?? '').toLowerCase());
    if (!def || !isSalesforceId(item.Id)) return [];
    return [{ sobject: def.name, id: item.Id, name: typeof item.Name === 'string' && item.Name ? item.Name : item.Id, detail: null }];
  });
}

/**
 * One API request. Rejections are the wrapper's SalesforceFailureError, or an AbortError once `signal` aborts (the
 * request is cancelled: the seller typed again or closed the box).
 */
export async function searchRecords(api: Pick<SalesforceApi, 'search'>, text: string, objects: readonly SearchObject[], signal?: AbortSignal): Promise<FoundRecord[]> {
  const term = soslTerm(text);
  if (!term) return [];
  const sosl = buildSearchSosl(term, objects);
  return parseSearchRecords(await (signal ? api.search(sosl, signal) : api.search(sosl)), objects);
}

export const RECENT_LIMIT = 10;

/** One API request: the seller's recently viewed records among the searchable objects. `signal` as for a search. */
export async function recentRecords(api: Pick<SalesforceApi, 'recentItems'>, objects: readonly SearchObject[], signal?: AbortSignal): Promise<FoundRecord[]> {
  const limit = RECENT_LIMIT * 2;
  return parseRecentItems(await (signal ? api.recentItems(limit, signal) : api.recentItems(limit)), objects).slice(0, RECENT_LIMIT);
}

/** Salesforce refuses a WhatId with a lead, and a lead or contact is a WhoId, not a WhatId. */
export function canBeWhatId(record: Pick<FoundRecord, 'sobject'>): boolean {
  return record.sobject !== 'Contact' && record.sobject !== 'Lead';
}

/** A contact or lead found by search, as a match the save panels list (only its id, name and kind are used to save). */
export function personOfFound(record: FoundRecord): PersonMatch {
  const common = { id: record.id, name: record.name, title: null, phone: null, email: '', ownerName: null };
  return record.sobject === 'Lead' ? { ...common, kind: 'lead', company: record.detail, status: null } : { ...common, kind: 'contact', accountId: null, accountName: record.detail };
}
