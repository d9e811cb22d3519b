/**
 * The demo org, seeded in memory at start and on reset(). Addresses match the harness's sample emails.
 * Tests and the harness import these constants instead of repeating ids and passwords.
 */
import { makeId } from './ids';

export const DEMO_ORG = { id: '00D5e000000DemoAAA', name: 'Demo Seller Org' } as const;

export interface SeedUser {
  id: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  alias: string;
}

// The user ids are the shared contract from the team brief (17 characters, so not real 15/18-char ids).
export const DEMO_USERS = {
  seller: {
    id: '0055e000001SamAAAS',
    username: 'seller@demo.example',
    password: 'Demo-Pass-1',
    firstName: 'Sam',
    lastName: 'Seller',
    email: 'seller@demo.example',
    alias: 'sseller',
  },
  second: {
    id: '0055e000002AlxAAAS',
    username: 'second@demo.example',
    password: 'Demo-Pass-2',
    firstName: 'Alex',
    lastName: 'Second',
    email: 'second@demo.example',
    alias: 'asecond',
  },
} as const satisfies Record<string, SeedUser>;

export const DEMO_ACCOUNTS = {
  acme: { Id: makeId('001', 1), Name: 'Acme Corporation', Website: 'acme.example', Industry: 'Manufacturing', Phone: '+1 415 555 0100' },
  globex: { Id: makeId('001', 2), Name: 'Globex', Website: 'globex.example', Industry: 'Technology', Phone: '+1 212 555 0142' },
  initech: { Id: makeId('001', 3), Name: 'Initech', Website: 'initech.example', Industry: 'Software', Phone: null },
} as const;

export const DEMO_CONTACTS = {
  jane: {
    Id: makeId('003', 1),
    FirstName: 'Jane',
    LastName: 'Doe',
    Email: 'jane.doe@acme.example',
    Title: 'VP Procurement',
    Phone: '+1 415 555 0101',
    AccountId: DEMO_ACCOUNTS.acme.Id,
  },
  bob: {
    Id: makeId('003', 2),
    FirstName: 'Bob',
    LastName: 'Lee',
    Email: 'bob.lee@acme.example',
    Title: 'CTO',
    Phone: null,
    AccountId: DEMO_ACCOUNTS.acme.Id,
  },
  priya: {
    Id: makeId('003', 3),
    FirstName: 'Priya',
    LastName: 'Raman',
    Email: 'priya@globex.example',
    Title: 'Head of IT',
    Phone: null,
    AccountId: DEMO_ACCOUNTS.globex.Id,
    // Matched only when the admin configures Personal_Email__c as an email field to match on.
    Personal_Email__c: 'priya.raman@home.example',
  },
} as const;

/**
 * One address, several people (issue 13): two contacts at Globex and an unconverted lead share alex.kim@globex.example,
 * so the pane offers a chooser for it.
 */
export const DEMO_SHARED_ADDRESS = 'alex.kim@globex.example';

export const DEMO_SHARED_CONTACTS = {
  alexBuyer: {
    Id: makeId('003', 4),
    FirstName: 'Alex',
    LastName: 'Kim',
    Email: DEMO_SHARED_ADDRESS,
    Title: 'Buyer',
    Phone: null,
    AccountId: DEMO_ACCOUNTS.globex.Id,
  },
  alexFinance: {
    Id: makeId('003', 5),
    FirstName: 'Alexandra',
    LastName: 'Kim',
    Email: DEMO_SHARED_ADDRESS,
    Title: 'Finance Director',
    Phone: null,
    AccountId: DEMO_ACCOUNTS.globex.Id,
  },
} as const;

export const DEMO_LEADS = {
  tom: {
    Id: makeId('00Q', 1),
    FirstName: 'Tom',
    LastName: 'Nguyen',
    Email: 'tom.nguyen@initech.example',
    Company: 'Initech',
    Title: 'Operations Manager',
    Status: 'Open - Not Contacted',
  },
  alexLead: {
    Id: makeId('00Q', 2),
    FirstName: 'Alex',
    LastName: 'Kim',
    Email: DEMO_SHARED_ADDRESS,
    Company: 'Globex',
    Title: 'Buyer',
    Status: 'Working - Contacted',
  },
  /** Converted into Jane's contact: a seller who had picked this lead is followed to her. */
  janeConverted: {
    Id: makeId('00Q', 3),
    FirstName: 'Jane',
    LastName: 'Doe',
    Email: 'jane.doe@acme.example',
    Company: 'Acme Corporation',
    Title: 'VP Procurement',
    Status: 'Closed - Converted',
    IsConverted: true,
    ConvertedContactId: makeId('003', 1),
    ConvertedAccountId: makeId('001', 1),
    ConvertedDate: '2025-02-01',
  },
} as const;

export const DEMO_CASES = {
  acmeOutage: {
    Id: makeId('500', 1),
    CaseNumber: '00001001',
    Subject: 'Widget line outage',
    Status: 'Working',
    Priority: 'High',
    Origin: 'Email',
    AccountId: DEMO_ACCOUNTS.acme.Id,
    ContactId: DEMO_CONTACTS.jane.Id,
  },
  globexInvoice: {
    Id: makeId('500', 2),
    CaseNumber: '00001002',
    Subject: 'Invoice question',
    Status: 'New',
    Priority: 'Medium',
    Origin: 'Web',
    AccountId: DEMO_ACCOUNTS.globex.Id,
    ContactId: DEMO_CONTACTS.priya.Id,
  },
} as const;

/**
 * What each user viewed last in Salesforce (newest first), as /recent and RecentlyViewed report it. Views happen in
 * Salesforce's own UI, which the emulator has none of, so the list is seeded; an API read does not add to it.
 */
export const DEMO_RECENTLY_VIEWED: Record<string, ReadonlyArray<{ type: string; id: string; at: string }>> = {
  '0055e000001SamAAAS': [
    { type: 'Opportunity', id: makeId('006', 1), at: '2025-05-12T08:00:00.000+0000' },
    { type: 'Account', id: makeId('001', 1), at: '2025-05-11T16:30:00.000+0000' },
    { type: 'Case', id: makeId('500', 1), at: '2025-05-10T10:00:00.000+0000' },
    { type: 'Contact', id: makeId('003', 3), at: '2025-05-09T12:00:00.000+0000' },
  ],
  '0055e000002AlxAAAS': [{ type: 'Account', id: makeId('001', 2), at: '2025-05-08T09:00:00.000+0000' }],
};

export const DEMO_OPPORTUNITIES = {
  acmeWidgets: {
    Id: makeId('006', 1),
    Name: 'Acme - 500 Widgets',
    StageName: 'Prospecting',
    Amount: 50000,
    CloseDate: '2026-06-30',
    AccountId: DEMO_ACCOUNTS.acme.Id,
  },
  acmeRenewal: {
    Id: makeId('006', 2),
    Name: 'Acme - Support Renewal',
    StageName: 'Negotiation/Review',
    Amount: 12000,
    // Shown in euros when the org has multi-currency on (policy multiCurrency).
    CurrencyIsoCode: 'EUR',
    CloseDate: '2026-04-15',
    AccountId: DEMO_ACCOUNTS.acme.Id,
  },
  globexPilot: {
    Id: makeId('006', 3),
    Name: 'Globex - Platform Pilot',
    StageName: 'Qualification',
    Amount: 30000,
    CloseDate: '2026-05-31',
    AccountId: DEMO_ACCOUNTS.globex.Id,
  },
  acmeOrder2025: {
    Id: makeId('006', 4),
    Name: 'Acme - 2025 Order',
    StageName: 'Closed Won',
    Amount: 42000,
    CloseDate: '2025-11-20',
    AccountId: DEMO_ACCOUNTS.acme.Id,
  },
} as const;

export interface EmulatorSeed {
  users: SeedUser[];
  /** Records by sObject name; platform fields (Name, IsClosed, audit fields, OwnerId) are filled in on load. */
  records: Record<string, Array<Record<string, unknown>>>;
  /** The user that owns and created seeded records. */
  ownerId: string;
  /** CreatedDate/LastModifiedDate of seeded records. */
  createdAt: string;
}

export const DEMO_SEED: EmulatorSeed = {
  users: [DEMO_USERS.seller, DEMO_USERS.second],
  records: {
    Account: Object.values(DEMO_ACCOUNTS).map((r) => ({ ...r })),
    Contact: [...Object.values(DEMO_CONTACTS), ...Object.values(DEMO_SHARED_CONTACTS)].map((r) => ({ ...r })),
    Lead: Object.values(DEMO_LEADS).map((r) => ({ ...r })),
    Opportunity: Object.values(DEMO_OPPORTUNITIES).map((r) => ({ ...r })),
    Case: Object.values(DEMO_CASES).map((r) => ({ ...r })),
  },
  ownerId: DEMO_USERS.seller.id,
  createdAt: '2025-01-15T09:00:00.000+0000',
};
