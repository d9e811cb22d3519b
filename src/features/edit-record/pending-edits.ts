/**
 * Optimistic display: a card shows the seller's edit as soon as it is in the outbox, and Salesforce's values again the
 * moment Salesforce refuses it. Derived from the outbox entries, never stored: an edit is shown while it is queued,
 * sending, waiting or done, and only over the data it was made from (the card's LastModifiedDate equals the edit's
 * baseline); once the card is looked up again, Salesforce's own values show.
 */
import type { AccountSummary, OpportunitySummary, PersonMatch } from '../../salesforce/crm/crm-records';
import type { EditableValue, OutboxEntry, UpdateRecordAction } from '../../salesforce/outbox/outbox';

export type EditEntry = OutboxEntry & { action: UpdateRecordAction };

export const isEditEntry = (entry: OutboxEntry): entry is EditEntry => entry.action.type === 'update_record';

/** The record's latest edit entry (entries come oldest first). */
export function latestEditOf(entries: readonly OutboxEntry[], recordId: string): EditEntry | undefined {
  return entries
    .filter(isEditEntry)
    .filter((e) => e.action.recordId === recordId)
    .at(-1);
}

/** The edited values to show over the card's data; undefined when there are none. */
export function optimisticValues(entries: readonly OutboxEntry[], recordId: string, lastModifiedDate: string | null | undefined): Record<string, EditableValue> | undefined {
  if (!lastModifiedDate) return undefined;
  let values: Record<string, EditableValue> | undefined;
  for (const entry of entries) {
    if (!isEditEntry(entry) || entry.action.recordId !== recordId || entry.status === 'failed') continue;
    if (entry.action.baseline.lastModifiedDate !== lastModifiedDate) continue;
    values = { ...values, ...entry.action.fields };
  }
  return values;
}

const text = (value: EditableValue | undefined, fallback: string | null): string | null => (value === undefined ? fallback : value === null ? null : String(value));

export function personValues(person: PersonMatch): Record<string, EditableValue> {
  return person.kind === 'contact' ? { Title: person.title, Phone: person.phone } : { Status: person.status };
}

export function opportunityValues(o: OpportunitySummary): Record<string, EditableValue> {
  return { StageName: o.stageName, Amount: o.amount, CloseDate: o.closeDate, NextStep: o.nextStep ?? null };
}

export function overlayPerson(person: PersonMatch, entries: readonly OutboxEntry[]): PersonMatch {
  const edited = optimisticValues(entries, person.id, person.lastModifiedDate);
  if (!edited) return person;
  if (person.kind === 'contact') return { ...person, title: text(edited.Title, person.title), phone: text(edited.Phone, person.phone) };
  return { ...person, status: text(edited.Status, person.status) };
}

export function overlayOpportunity(o: OpportunitySummary, entries: readonly OutboxEntry[]): OpportunitySummary {
  const edited = optimisticValues(entries, o.id, o.lastModifiedDate);
  if (!edited) return o;
  const amount = edited.Amount === undefined ? o.amount : typeof edited.Amount === 'number' ? edited.Amount : null;
  return {
    ...o,
    stageName: text(edited.StageName, o.stageName) ?? '',
    amount,
    closeDate: text(edited.CloseDate, o.closeDate),
    nextStep: text(edited.NextStep, o.nextStep ?? null),
  };
}

export function overlayAccount(account: AccountSummary, entries: readonly OutboxEntry[]): AccountSummary {
  if (!entries.some(isEditEntry)) return account;
  return { ...account, openOpportunities: account.openOpportunities.map((o) => overlayOpportunity(o, entries)) };
}
