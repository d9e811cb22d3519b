/** The CRM records the workspace shows, as plain data (no Salesforce response shapes past the parsers). */
export interface OpportunitySummary {
  id: string;
  name: string;
  stageName: string;
  amount: number | null;
  closeDate: string | null;
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

export interface SavedEmailTask {
  id: string;
  whoId: string | null;
  whatId: string | null;
}
