/** The CRM records the workspace shows, as plain data (no Salesforce response shapes past the parsers). */
export interface OpportunitySummary {
  id: string;
  name: string;
  stageName: string;
  amount: number | null;
  closeDate: string | null;
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
  details?: CardDetail[];
}

export type PersonMatch = ContactMatch | LeadMatch;

/** What Salesforce knows about one address. */
export interface AddressLookup {
  address: string;
  contacts: ContactMatch[];
  leads: LeadMatch[];
}

export interface SavedEmailTask {
  id: string;
  whoId: string | null;
  whatId: string | null;
}
