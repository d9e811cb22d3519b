/**
 * Create a lead, account, opportunity or case through the outbox. Safe to run again after a possible landing: it
 * looks first for the record an earlier attempt made (same identifying fields, created by this user) and adopts it.
 * Every create asks Salesforce for the matched records' details (`includeRecordDetails`), so a duplicate rule's
 * refusal can show them by name without another request; `allowDuplicates` saves past an Alert rule; `useExistingId`
 * resolves the entry with a record the seller chose instead, once Salesforce confirms it exists.
 */
import type { CreatableSObject, CreateRecordAction } from '../outbox/outbox';
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
  const created = await api.create(action.sobject, fields, { duplicateRule: { allowSave: action.allowDuplicates === true, includeRecordDetails: true } });
  return { id: created.id, adopted: false };
}
