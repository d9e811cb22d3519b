/**
 * The edit form's data, as pure functions: which fields a record offers (from the org's metadata where the workspace
 * has it, else Salesforce's standard fields and values), what the seller typed, what is wrong with it before sending,
 * what changed, and where Salesforce's refusal goes.
 */
import { EDITABLE_FIELDS, type EditableSObject } from '../../salesforce/crm/update-record';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import type { EditableValue, UpdateRecordAction } from '../../salesforce/outbox/outbox';
import type { EditRecordStrings } from '../../i18n/edit-record-strings';
import { STANDARD_LEAD_STATUSES, STANDARD_OPPORTUNITY_STAGES } from '../../salesforce/crm/standard-picklists';

export type EditFieldKind = 'picklist' | 'currency' | 'date' | 'text' | 'phone';

export interface EditFieldSpec {
  name: string;
  label: string;
  kind: EditFieldKind;
  /** Picklist values, in Salesforce's order. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  maxLength?: number;
  required?: boolean;
}

/** A record the card shows, as the seller saw it. */
export interface EditTarget {
  sobject: EditableSObject;
  recordId: string;
  name: string;
  /** Null where the lookup did not give it: the record cannot be edited safely then. */
  lastModifiedDate: string | null;
  values: Record<string, EditableValue>;
  /** Addresses whose cards show the record (looked up again once the edit lands). */
  addresses: string[];
}

const asOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** Salesforce's standard definitions of the editable fields (Object Reference: lengths, types, required). */
export function standardFieldSpecs(sobject: EditableSObject, s: EditRecordStrings): EditFieldSpec[] {
  const all: Record<string, EditFieldSpec> = {
    'Opportunity.StageName': { name: 'StageName', label: s.StageName, kind: 'picklist', options: asOptions(STANDARD_OPPORTUNITY_STAGES), required: true },
    'Opportunity.Amount': { name: 'Amount', label: s.Amount, kind: 'currency' },
    'Opportunity.CloseDate': { name: 'CloseDate', label: s.CloseDate, kind: 'date', required: true },
    'Opportunity.NextStep': { name: 'NextStep', label: s.NextStep, kind: 'text', maxLength: 255 },
    'Contact.Title': { name: 'Title', label: s.Title, kind: 'text', maxLength: 128 },
    'Contact.Phone': { name: 'Phone', label: s.Phone, kind: 'phone', maxLength: 40 },
    'Lead.Status': { name: 'Status', label: s.Status, kind: 'picklist', options: asOptions(STANDARD_LEAD_STATUSES), required: true },
  };
  return EDITABLE_FIELDS[sobject].map((name) => all[`${sobject}.${name}`]).filter((spec): spec is EditFieldSpec => spec !== undefined);
}

export type EditDraft = Record<string, string>;
export type EditProblem = 'required' | 'too_long' | 'invalid_number' | 'invalid_date';

export function draftOf(specs: readonly EditFieldSpec[], values: Record<string, EditableValue>): EditDraft {
  const draft: EditDraft = {};
  for (const spec of specs) {
    const value = values[spec.name];
    draft[spec.name] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

/** The value as Salesforce takes it, or what is wrong with the text. */
export function parseValue(spec: EditFieldSpec, text: string): { value: EditableValue } | { problem: EditProblem } {
  const trimmed = text.trim();
  if (trimmed === '') return spec.required ? { problem: 'required' } : { value: null };
  if (spec.kind === 'currency') {
    // Digits with an optional decimal point or comma; grouping separators are refused rather than guessed at.
    const plain = trimmed.replace(/[\s\u00a0\u202f]/g, '');
    if (!/^-?\d{1,16}(?:[.,]\d{1,2})?$/.test(plain)) return { problem: 'invalid_number' };
    return { value: Number(plain.replace(',', '.')) };
  }
  if (spec.kind === 'date') {
    const [y, m, d] = trimmed.split('-').map(Number);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) && y !== undefined && m !== undefined && d !== undefined;
    const date = valid ? new Date(Date.UTC(y, m - 1, d)) : undefined;
    if (!date || date.getUTCMonth() !== (m ?? 0) - 1 || date.getUTCDate() !== d) return { problem: 'invalid_date' };
    return { value: trimmed };
  }
  if (spec.maxLength !== undefined && trimmed.length > spec.maxLength) return { problem: 'too_long' };
  return { value: trimmed };
}

export function checkEditDraft(specs: readonly EditFieldSpec[], draft: EditDraft): Partial<Record<string, EditProblem>> {
  const problems: Partial<Record<string, EditProblem>> = {};
  for (const spec of specs) {
    const parsed = parseValue(spec, draft[spec.name] ?? '');
    if ('problem' in parsed) problems[spec.name] = parsed.problem;
  }
  return problems;
}

const same = (a: EditableValue | undefined, b: EditableValue) => (a ?? null) === b;

/** Only the fields whose value differs from what the card showed (a checked draft). */
export function changedFields(specs: readonly EditFieldSpec[], shown: Record<string, EditableValue>, draft: EditDraft): Record<string, EditableValue> {
  const changes: Record<string, EditableValue> = {};
  for (const spec of specs) {
    const parsed = parseValue(spec, draft[spec.name] ?? '');
    if ('value' in parsed && !same(shown[spec.name], parsed.value)) changes[spec.name] = parsed.value;
  }
  return changes;
}

export function editActionOf(target: EditTarget & { lastModifiedDate: string }, changes: Record<string, EditableValue>, clientKey: string, label: string): UpdateRecordAction {
  const baseline: Record<string, EditableValue> = {};
  for (const name of Object.keys(changes)) baseline[name] = target.values[name] ?? null;
  return {
    type: 'update_record',
    clientKey,
    sobject: target.sobject,
    recordId: target.recordId,
    fields: changes,
    baseline: { lastModifiedDate: target.lastModifiedDate, values: baseline },
    addresses: [...target.addresses],
    label,
  };
}

/** Where a refusal goes: onto the form's fields it names (case-insensitive), the rest at the top. */
export function placeEditRefusal(failure: ClassifiedFailure, specs: readonly EditFieldSpec[]): { fields: string[]; formLevel: boolean } {
  const named = new Set<string>();
  for (const raw of failure.fields ?? []) {
    const spec = specs.find((s) => s.name.toLowerCase() === raw.toLowerCase());
    if (spec) named.add(spec.name);
  }
  return { fields: [...named], formLevel: named.size === 0 };
}
