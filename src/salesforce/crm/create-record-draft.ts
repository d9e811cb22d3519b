/**
 * The create forms for leads, accounts, opportunities and cases: which fields each shows (the standard ones a seller
 * fills in from an email), how they are prefilled from the email, what is checked before sending (what Salesforce
 * would refuse for sure), and where Salesforce's own refusals go. Lengths and picklist values are the standard
 * objects' in a new org; an org's own metadata may narrow them (`withMetadata`).
 */
import type { ClassifiedFailure } from '../failure-kinds';
import type { CreatableSObject, CreateRecordAction } from '../outbox/outbox';
import type { AccountSummary } from './crm-records';
import { domainOf, normaliseAddress, PUBLIC_MAIL_DOMAINS, splitDisplayName, type EmailPerson } from './email-addresses';
import type { SignatureDetails } from './email-signature';
import { isSalesforceId } from './soql';
import { STANDARD_OPPORTUNITY_STAGES } from './standard-picklists';

export type FieldKind = 'text' | 'email' | 'phone' | 'url' | 'textarea' | 'date' | 'currency' | 'picklist' | 'account';

export interface FieldSpec {
  name: string;
  /** The org's label in the seller's Salesforce language (from describe); absent: the add-in's own. */
  label?: string;
  kind: FieldKind;
  required?: boolean;
  maxLength?: number;
  /** Picklist values, in the org's order. */
  options?: readonly string[];
}

export const RECORD_FORMS: Record<CreatableSObject, readonly FieldSpec[]> = {
  Lead: [
    { name: 'FirstName', kind: 'text', maxLength: 40 },
    { name: 'LastName', kind: 'text', required: true, maxLength: 80 },
    { name: 'Company', kind: 'text', required: true, maxLength: 255 },
    { name: 'Email', kind: 'email', maxLength: 80 },
    { name: 'Title', kind: 'text', maxLength: 128 },
    { name: 'Phone', kind: 'phone', maxLength: 40 },
  ],
  Account: [
    { name: 'Name', kind: 'text', required: true, maxLength: 255 },
    { name: 'Website', kind: 'url', maxLength: 255 },
    { name: 'Phone', kind: 'phone', maxLength: 40 },
  ],
  Opportunity: [
    { name: 'Name', kind: 'text', required: true, maxLength: 120 },
    { name: 'AccountId', kind: 'account' },
    { name: 'StageName', kind: 'picklist', required: true, options: STANDARD_OPPORTUNITY_STAGES },
    { name: 'CloseDate', kind: 'date', required: true },
    { name: 'Amount', kind: 'currency' },
  ],
  Case: [
    { name: 'Subject', kind: 'text', maxLength: 255 },
    { name: 'AccountId', kind: 'account' },
    { name: 'SuppliedEmail', kind: 'email', maxLength: 80 },
    { name: 'Priority', kind: 'picklist', options: ['High', 'Medium', 'Low'] },
    { name: 'Description', kind: 'textarea', maxLength: 32000 },
  ],
};

export type RecordDraft = Record<string, string>;
export type RecordDraftProblem = 'required' | 'too_long' | 'invalid_email' | 'invalid_date' | 'invalid_number' | 'not_an_option';

export interface PrefillSource {
  /** Who the record is about: the sender of a read email, else the first other person. */
  person?: EmailPerson;
  signature: SignatureDetails;
  /** The accounts found for the person's domain (the people lookup's). */
  accounts: readonly AccountSummary[];
  subject: string;
  bodyExcerpt: string;
  /** yyyy-mm-dd, the seller's today. */
  today: string;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The form's starting values: the signature first, then the address and the domain's account. */
export function prefillDraft(sobject: CreatableSObject, source: PrefillSource): RecordDraft {
  const { person, signature, accounts } = source;
  const address = person ? (normaliseAddress(person.address) ?? '') : '';
  const domain = address ? domainOf(address) : '';
  const companyDomain = domain && !PUBLIC_MAIL_DOMAINS.has(domain) ? domain : '';
  // Only one account on the domain is a safe guess; several: the seller picks.
  const account = accounts.length === 1 ? accounts[0] : undefined;
  const draft: RecordDraft = Object.fromEntries(RECORD_FORMS[sobject].map((f) => [f.name, '']));
  switch (sobject) {
    case 'Lead': {
      const named = splitDisplayName(person?.name ?? '', address);
      draft.FirstName = signature.firstName ?? named.firstName;
      draft.LastName = signature.lastName ?? named.lastName;
      draft.Company = signature.company ?? account?.name ?? '';
      draft.Email = address;
      draft.Title = signature.title ?? '';
      draft.Phone = signature.phone ?? '';
      break;
    }
    case 'Account':
      draft.Name = signature.company ?? '';
      draft.Website = companyDomain;
      break;
    case 'Opportunity':
      draft.Name = [account?.name, source.subject.trim()].filter(Boolean).join(' - ').slice(0, 120);
      draft.AccountId = account?.id ?? '';
      draft.StageName = STANDARD_OPPORTUNITY_STAGES[0] ?? '';
      // A date is required; a month out is a start the seller changes.
      draft.CloseDate = addDays(source.today, 30);
      break;
    case 'Case':
      draft.Subject = source.subject.trim().slice(0, 255);
      draft.AccountId = account?.id ?? '';
      draft.SuppliedEmail = address;
      draft.Description = source.bodyExcerpt.trim().slice(0, 32000);
      break;
  }
  return draft;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkRecordDraft(fields: readonly FieldSpec[], draft: RecordDraft): Partial<Record<string, RecordDraftProblem>> {
  const problems: Partial<Record<string, RecordDraftProblem>> = {};
  for (const field of fields) {
    const value = (draft[field.name] ?? '').trim();
    if (value === '') {
      if (field.required) problems[field.name] = 'required';
      continue;
    }
    if (field.maxLength !== undefined && value.length > field.maxLength) problems[field.name] = 'too_long';
    else if (field.kind === 'email' && !EMAIL.test(value)) problems[field.name] = 'invalid_email';
    else if (field.kind === 'date' && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) problems[field.name] = 'invalid_date';
    else if (field.kind === 'currency' && !Number.isFinite(Number(value))) problems[field.name] = 'invalid_number';
    else if (field.kind === 'picklist' && field.options && !field.options.includes(value)) problems[field.name] = 'not_an_option';
  }
  return problems;
}

/** `recordTypeId`: sent as RecordTypeId (the form's record type, create-record-metadata.ts); absent: none is sent. */
export function recordActionOf(sobject: CreatableSObject, fields: readonly FieldSpec[], draft: RecordDraft, clientKey: string, label: string, recordTypeId?: string): CreateRecordAction {
  const values: CreateRecordAction['fields'] = {};
  for (const field of fields) {
    const value = (draft[field.name] ?? '').trim();
    if (value === '') continue;
    if (field.kind === 'account') {
      if (isSalesforceId(value)) values[field.name] = value;
    } else if (field.kind === 'currency') values[field.name] = Number(value);
    else if (field.kind === 'email') values[field.name] = normaliseAddress(value) ?? value;
    else values[field.name] = value;
  }
  if (recordTypeId && isSalesforceId(recordTypeId)) values.RecordTypeId = recordTypeId;
  return { type: 'create_record', sobject, clientKey, fields: values, label };
}

/**
 * Where a refusal goes: onto the form fields it names (case-insensitive; a Lead's `Name` means its name fields), the
 * rest at the top of the form. A duplicate refusal always goes at the top, with its records.
 */
export function placeRecordRefusal(fields: readonly FieldSpec[], failure: ClassifiedFailure): { fields: string[]; formLevel: boolean } {
  const named = new Set<string>();
  for (const raw of failure.fields ?? []) {
    const lower = raw.toLowerCase();
    const field = fields.find((f) => f.name.toLowerCase() === lower) ?? (lower === 'name' ? fields.find((f) => f.name === 'LastName') : undefined);
    if (field) named.add(field.name);
  }
  return { fields: [...named], formLevel: named.size === 0 || failure.code === 'DUPLICATES_DETECTED' };
}
