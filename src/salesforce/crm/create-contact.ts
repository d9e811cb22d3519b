/**
 * Create a contact from an address of the email. Checked on the client before sending (what Salesforce would refuse
 * for sure); Salesforce's own refusals are mapped back onto the fields they name.
 */
import type { ClassifiedFailure } from '../failure-kinds';
import type { CreateContactAction } from '../outbox/outbox';
import type { SalesforceApi } from '../salesforce-api';
import type { AccountSummary } from './crm-records';
import { normaliseAddress } from './email-addresses';
import { withMatchNames } from './create-record';
import { recordsOf, str } from './record-fields';
import { isSalesforceId, soqlString } from './soql';

export type ContactFieldName = 'FirstName' | 'LastName' | 'Email' | 'Title' | 'Phone' | 'AccountId';

export interface ContactDraft {
  FirstName: string;
  LastName: string;
  Email: string;
  Title: string;
  Phone: string;
  AccountId: string;
}

/** Field lengths of the standard Contact object. */
const MAX_LENGTH: Partial<Record<ContactFieldName, number>> = { FirstName: 40, LastName: 80, Email: 80, Title: 128, Phone: 40 };

export type DraftProblem = 'required' | 'too_long' | 'invalid_email';

export function checkContactDraft(draft: ContactDraft): Partial<Record<ContactFieldName, DraftProblem>> {
  const problems: Partial<Record<ContactFieldName, DraftProblem>> = {};
  if (!draft.LastName.trim()) problems.LastName = 'required';
  if (!draft.Email.trim() || !normaliseAddress(draft.Email)) problems.Email = 'invalid_email';
  for (const [field, max] of Object.entries(MAX_LENGTH) as [ContactFieldName, number][]) {
    if (!problems[field] && draft[field].trim().length > max) problems[field] = 'too_long';
  }
  return problems;
}

export function contactActionOf(draft: ContactDraft, clientKey: string, label: string): CreateContactAction {
  const fields: CreateContactAction['fields'] = { LastName: draft.LastName.trim(), Email: normaliseAddress(draft.Email) ?? draft.Email.trim() };
  if (draft.FirstName.trim()) fields.FirstName = draft.FirstName.trim();
  if (draft.Title.trim()) fields.Title = draft.Title.trim();
  if (draft.Phone.trim()) fields.Phone = draft.Phone.trim();
  if (isSalesforceId(draft.AccountId)) fields.AccountId = draft.AccountId;
  return { type: 'create_contact', clientKey, fields, label };
}

/** The account to preselect: the only account on the domain, or none when there are several (the seller picks). */
export function preselectAccount(accounts: readonly AccountSummary[]): string {
  return accounts.length === 1 ? (accounts[0]?.id ?? '') : '';
}

const CONTACT_FIELDS: readonly ContactFieldName[] = ['FirstName', 'LastName', 'Email', 'Title', 'Phone', 'AccountId'];

/**
 * Where a Salesforce refusal goes: onto the form fields it names (case-insensitive; `Name` means the name fields),
 * the rest at the top of the form.
 */
export function placeRefusal(failure: ClassifiedFailure): { fields: ContactFieldName[]; formLevel: boolean } {
  const named = new Set<ContactFieldName>();
  for (const raw of failure.fields ?? []) {
    const lower = raw.toLowerCase();
    if (lower === 'name') named.add('LastName');
    const field = CONTACT_FIELDS.find((f) => f.toLowerCase() === lower);
    if (field) named.add(field);
  }
  return { fields: [...named], formLevel: named.size === 0 };
}

export function contactLandedQuery(action: CreateContactAction, userId?: string): string {
  // Saved past a duplicate rule, a contact with the same email and name is there already: only the seller's own is
  // the earlier attempt.
  const mine = action.allowDuplicates && userId && isSalesforceId(userId) ? ` AND CreatedById = ${soqlString(userId)}` : '';
  return `SELECT Id FROM Contact WHERE Email = ${soqlString(action.fields.Email)} AND LastName = ${soqlString(action.fields.LastName)}${mine} ` + 'ORDER BY CreatedDate DESC LIMIT 1';
}

/**
 * Creates the contact. Where the org has an External ID field on Contact: one upsert on the entry's key, which finds
 * an earlier attempt by that key whenever it landed. Otherwise, when an earlier attempt may have landed (a timeout
 * after sending, a pane closed mid-send), looks for it first (same email and last name) and adopts it instead of
 * creating a second one.
 *
 * A duplicate rule's refusal comes back with its matched contacts named (one query, as for a record). The seller may
 * then use one of them (`useExistingId`: done with it once Salesforce confirms it exists, nothing created) or, where
 * the rule only alerts, save anyway (`allowDuplicates`: the duplicate-rule header, sent only then).
 */
export async function executeCreateContact(api: SalesforceApi, action: CreateContactAction, options: { mayHaveLanded: boolean; key?: string }): Promise<{ id: string; adopted: boolean }> {
  if (action.useExistingId !== undefined) {
    // Salesforce answers not_found for a contact deleted since the refusal: the entry fails and says so.
    const record = await api.retrieve('Contact', action.useExistingId, ['Id']);
    return { id: str(record, 'Id') ?? action.useExistingId, adopted: true };
  }
  const duplicates = action.allowDuplicates ? { duplicateRule: { allowSave: true } } : undefined;
  try {
    const externalIdField = api.externalIdField('Contact');
    if (externalIdField && options.key) {
      const fields = { ...action.fields };
      const upserted = duplicates ? await api.upsert('Contact', externalIdField, options.key, fields, duplicates) : await api.upsert('Contact', externalIdField, options.key, fields);
      return { id: upserted.id, adopted: !upserted.created };
    }
    if (options.mayHaveLanded) {
      const found = recordsOf(await api.query(contactLandedQuery(action, api.identity()?.userId)))
        .map((r) => str(r, 'Id'))
        .find(isSalesforceId);
      if (found) return { id: found, adopted: true };
    }
    const created = duplicates ? await api.create('Contact', { ...action.fields }, duplicates) : await api.create('Contact', { ...action.fields });
    return { id: created.id, adopted: false };
  } catch (error) {
    throw await withMatchNames(api, error);
  }
}
