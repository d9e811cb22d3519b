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
} as const;

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
    Contact: Object.values(DEMO_CONTACTS).map((r) => ({ ...r })),
    Lead: Object.values(DEMO_LEADS).map((r) => ({ ...r })),
    Opportunity: Object.values(DEMO_OPPORTUNITIES).map((r) => ({ ...r })),
  },
  ownerId: DEMO_USERS.seller.id,
  createdAt: '2025-01-15T09:00:00.000+0000',
};
