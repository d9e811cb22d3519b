/** The CRM records the workspace shows, as plain data (no Salesforce response shapes past the parsers). */
export interface OpportunitySummary {
  id: string;
  name: string;
  stageName: string;
  amount: number | null;
  closeDate: string | null;
  /** Absent in data from before edits existed (fixtures, caches); the lookup always fills them. */
  nextStep?: string | null;
  /** What an edit compares against to tell a change made meanwhile (crm/update-record.ts). */
  lastModifiedDate?: string | null;
  /** Multi-currency orgs: the ISO code of the amount's currency (absent in single-currency orgs). */
  currencyIsoCode?: string;
}

/** A field the admin added to a card (config.json `cardFields`), with its label from the org's metadata. */
export interface CardDetail {
  name: string;
  label: string;
  /** Salesforce's field type (string, email, phone, currency, date, boolean, picklist, ...). */
  type: string;
  value: string | number | boolean | null;
}

export interface AccountSummary {
  id: string;
  name: string;
  website: string | null;
  openOpportunities: OpportunitySummary[];
}

export interface ContactMatch {
  kind: 'contact';
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string;
  accountId: string | null;
  accountName: string | null;
  ownerName: string | null;
  lastModifiedDate?: string | null;
  /** The admin's extra card fields the seller may read, in configured order. */
  details?: CardDetail[];
}

export interface LeadMatch {
  kind: 'lead';
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string;
  company: string | null;
  status: string | null;
  ownerName: string | null;
  lastModifiedDate?: string | null;
  details?: CardDetail[];
}

export type PersonMatch = ContactMatch | LeadMatch;

/** What Salesforce knows about one address. */
export interface AddressLookup {
  address: string;
  contacts: ContactMatch[];
  leads: LeadMatch[];
}

/** A meeting's Event as saved (crm/save-meeting.ts): what the pane shows and compares with Outlook's meeting. */
export interface SavedMeetingEvent {
  id: string;
  subject: string;
  start: string | null;
  end: string | null;
  location: string;
  whoId: string | null;
  whatId: string | null;
  createdByName: string | null;
  createdDate: string | null;
}

/** An earlier save of an email: a Task, or an EmailMessage where the org has Enhanced Email. */
export interface SavedEmailTask {
  id: string;
  whoId: string | null;
  whatId: string | null;
  /** Absent: a Task (how older code described it). */
  sobject?: 'Task' | 'EmailMessage';
  /** Who saved it and when (CreatedBy.Name, CreatedDate), when Salesforce said. */
  savedByName?: string | null;
  savedAt?: string | null;
  /** The people it is linked to (WhoId, or the EmailMessage's relations). */
  personIds?: string[];
}
