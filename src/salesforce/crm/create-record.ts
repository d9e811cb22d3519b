/**
 * Create a lead, account, opportunity or case through the outbox. Safe to run again after a possible landing: it
 * looks first for the record an earlier attempt made (same identifying fields, created by this user) and adopts it.
 * A duplicate rule's refusal names its matched records by id only; one query adds their names, so the seller can
 * tell them apart. `allowDuplicates` saves past an Alert rule with `Sforce-Duplicate-Rule-Header: allowSave=true`,
 * the only time the header is sent: a custom request header needs the org's CORS to let it through, so a plain
 * create never depends on it. `useExistingId` resolves the entry with a record the seller chose instead, once
 * Salesforce confirms it exists.
 */
import type { CreatableSObject, CreateRecordAction } from '../outbox/outbox';
import { SalesforceFailureError } from '../failure-kinds';
import type { DuplicateMatch } from '../duplicate-refusal';
import type { SalesforceApi } from '../salesforce-api';
import { recordsOf, str } from './record-fields';
import { isSalesforceId, soqlString } from './soql';

/** What tells an earlier attempt's record apart, per object (those of them the action carries). */
const IDENTIFYING: Record<CreatableSObject, readonly string[]> = {
  Lead: ['LastName', 'Company', 'Email'],
  Account: ['Name'],
  Opportunity: ['Name', 'AccountId', 'CloseDate'],
  Case: ['Subject', 'SuppliedEmail', 'AccountId'],
};

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

function literal(value: string | number, field: string): string {
  if (typeof value === 'number') return String(value);
  // Dates compare unquoted in SOQL; ids and text are quoted.
  if (field === 'CloseDate' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return soqlString(value);
}

/** The query for a record an earlier attempt of this action made, or undefined when nothing identifies one. */
export function recordLandedQuery(action: CreateRecordAction, userId: string | undefined): string | undefined {
  const conditions = IDENTIFYING[action.sobject]
    .filter((field) => action.fields[field] !== undefined && action.fields[field] !== '')
    .map((field) => `${field} = ${literal(action.fields[field] as string | number, field)}`);
  if (conditions.length === 0) return undefined;
  if (userId && /^[A-Za-z0-9]{15,18}$/.test(userId)) conditions.push(`CreatedById = ${soqlString(userId)}`);
  return `SELECT Id FROM ${action.sobject} WHERE ${conditions.join(' AND ')} ORDER BY CreatedDate DESC LIMIT 1`;
}

export async function executeCreateRecord(api: SalesforceApi, action: CreateRecordAction, options: { mayHaveLanded: boolean }): Promise<{ id: string; adopted: boolean }> {
  if (action.useExistingId !== undefined) {
    // Salesforce answers not_found for a record deleted since the refusal: the entry fails and says so.
    const record = await api.retrieve(action.sobject, action.useExistingId, ['Id']);
    return { id: str(record, 'Id') ?? action.useExistingId, adopted: true };
  }
  if (options.mayHaveLanded) {
    const soql = recordLandedQuery(action, api.identity()?.userId);
    if (soql) {
      const found = recordsOf(await api.query(soql))
        .map((r) => str(r, 'Id'))
        .find(isSalesforceId);
      if (found) return { id: found, adopted: true };
    }
  }
  const fields = Object.fromEntries(Object.entries(action.fields).filter(([name]) => FIELD_NAME.test(name)));
  try {
    const created = action.allowDuplicates ? await api.create(action.sobject, fields, { duplicateRule: { allowSave: true } }) : await api.create(action.sobject, fields);
    return { id: created.id, adopted: false };
  } catch (error) {
    throw await withMatchNames(api, error);
  }
}

/** What a matched record is called, per object (a Case has no Name). */
const NAME_FIELDS: Record<string, readonly string[]> = {
  Lead: ['Name', 'Email', 'Company'],
  Contact: ['Name', 'Email'],
  Account: ['Name'],
  Opportunity: ['Name'],
  Case: ['CaseNumber', 'Subject'],
};

/** The refusal with its matched records' names where one query can find them; the refusal as it was otherwise. */
export async function withMatchNames(api: SalesforceApi, error: unknown): Promise<unknown> {
  const failure = error instanceof SalesforceFailureError ? error.failure : undefined;
  const records = failure?.duplicates?.records ?? [];
  const unnamed = records.filter((r) => !r.name && NAME_FIELDS[r.sobject] && isSalesforceId(r.id));
  const sobject = unnamed[0]?.sobject;
  if (!failure?.duplicates || !sobject) return error;
  const ids = unnamed.filter((r) => r.sobject === sobject).map((r) => soqlString(r.id));
  const fields = NAME_FIELDS[sobject] ?? ['Name'];
  try {
    const found = recordsOf(await api.query(`SELECT Id, ${fields.join(', ')} FROM ${sobject} WHERE Id IN (${ids.join(', ')})`));
    const named = records.map((match): DuplicateMatch => {
      const row = found.find((r) => str(r, 'Id') === match.id);
      if (!row || match.sobject !== sobject) return match;
      const name = sobject === 'Case' ? [str(row, 'CaseNumber'), str(row, 'Subject')].filter(Boolean).join(' · ') : str(row, 'Name');
      const email = str(row, 'Email');
      const company = str(row, 'Company');
      return { ...match, ...(name ? { name: name.slice(0, 255) } : {}), ...(email ? { email: email.slice(0, 255) } : {}), ...(company ? { company: company.slice(0, 255) } : {}) };
    });
    return new SalesforceFailureError({ ...failure, duplicates: { ...failure.duplicates, records: named } });
  } catch {
    // The names are a help, not a need: the refusal goes on with the ids Salesforce gave.
    return error;
  }
}
