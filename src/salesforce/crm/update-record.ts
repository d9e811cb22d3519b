/**
 * Edit key fields of a record on a card (opportunity stage, amount, close date, next step; contact title and phone;
 * lead status), never overwriting a change made in Salesforce since the card was loaded.
 *
 * One attempt: read the record's edited fields and LastModifiedDate, then PATCH with `If-Unmodified-Since` set to the
 * LastModifiedDate the seller saw (REST API "Conditional Request Headers"). Why both:
 * - the read tells "already done" apart from "changed by someone else": an attempt that landed but whose answer was
 *   lost (or a second pane's copy) finds the values in place and is done, without writing again;
 * - a LastModifiedDate newer than the seller's is a conflict, caught to the millisecond before any write;
 * - the header closes the gap between the read and the write (at the header's whole-second precision): a change that
 *   lands in between gets 412 from Salesforce, and nothing is written.
 * A conflict is a `validation` failure with code RECORD_CHANGED and the record's current values, so the outbox marks
 * the entry failed (sending again changes nothing) and the seller decides.
 */
import { createFailure, SalesforceFailureError, type ClassifiedFailure } from '../failure-kinds';
import type { EditableValue, UpdateRecordAction } from '../outbox/outbox';
import type { SalesforceApi } from '../salesforce-api';
import { isSalesforceId } from './soql';

export type EditableSObject = UpdateRecordAction['sobject'];

/** The fields a card may edit, per object. Anything else never leaves the pane. */
export const EDITABLE_FIELDS: Readonly<Record<EditableSObject, readonly string[]>> = {
  Opportunity: ['StageName', 'Amount', 'CloseDate', 'NextStep'],
  Contact: ['Title', 'Phone'],
  Lead: ['Status'],
};

export const RECORD_CHANGED = 'RECORD_CHANGED';

/** Salesforce's LastModifiedDate (2025-01-15T09:00:00.000+0000) as the HTTP-date If-Unmodified-Since wants. */
export function httpDateOf(lastModifiedDate: string): string | undefined {
  const ms = Date.parse(lastModifiedDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toUTCString();
}

function sameInstant(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const parse = (v: string) => Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return a === b || (!Number.isNaN(parse(a)) && parse(a) === parse(b));
}

/** Blank text and null are one value to Salesforce (a cleared field reads back as null). */
export function sameValue(a: unknown, b: EditableValue): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim() : v);
  return norm(a) === norm(b);
}

function currentValues(record: Record<string, unknown>, names: readonly string[]): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const name of [...names, 'LastModifiedDate']) {
    const v = record[name];
    out[name] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }
  return out;
}

export function recordChangedFailure(record: Record<string, unknown>, action: UpdateRecordAction): ClassifiedFailure {
  const names = Object.keys(action.fields);
  // The fields someone else changed, so the form can mark them; all edited fields when none of ours moved.
  const moved = names.filter((name) => name in action.baseline.values && !sameValue(record[name], action.baseline.values[name] ?? null));
  return createFailure('validation', {
    code: RECORD_CHANGED,
    status: 412,
    detail: 'The record changed in Salesforce after it was loaded.',
    fields: moved.length > 0 ? moved : names,
    current: currentValues(record, names),
  });
}

export function checkUpdateAction(action: UpdateRecordAction): void {
  const allowed = EDITABLE_FIELDS[action.sobject];
  const names = Object.keys(action.fields);
  if (!allowed || names.length === 0 || names.some((n) => !allowed.includes(n)) || !isSalesforceId(action.recordId) || !httpDateOf(action.baseline.lastModifiedDate)) {
    throw new SalesforceFailureError(createFailure('validation', { code: 'INVALID_FIELD', detail: `update_record: not an editable change of ${action.sobject}` }));
  }
}

export async function executeUpdateRecord(api: SalesforceApi, action: UpdateRecordAction): Promise<{ id: string; adopted: boolean }> {
  checkUpdateAction(action);
  const names = Object.keys(action.fields);
  const read = () => api.retrieve<Record<string, unknown>>(action.sobject, action.recordId, [...names, 'LastModifiedDate']);
  const landed = (record: Record<string, unknown>) => names.every((name) => sameValue(record[name], action.fields[name] ?? null));

  const before = await read();
  if (landed(before)) return { id: action.recordId, adopted: true };
  if (!sameInstant(before.LastModifiedDate, action.baseline.lastModifiedDate)) throw new SalesforceFailureError(recordChangedFailure(before, action));
  try {
    await api.update(action.sobject, action.recordId, { ...action.fields }, { ifUnmodifiedSince: httpDateOf(action.baseline.lastModifiedDate) ?? '' });
  } catch (error) {
    if (!(error instanceof SalesforceFailureError) || error.failure.status !== 412) throw error;
    // Changed between the read and the write, or this very PATCH landed once and its retry met itself.
    const after = await read();
    if (landed(after)) return { id: action.recordId, adopted: true };
    throw new SalesforceFailureError(recordChangedFailure(after, action));
  }
  return { id: action.recordId, adopted: false };
}
