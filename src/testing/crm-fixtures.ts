/**
 * The people of fake-office.ts's `readItem()` (from Jane Doe, cc Bob Lee, both at acme.example, to the seller) as a
 * small org knows them, for component tests: Jane a contact of Acme with an open opportunity, Bob a lead. Fresh
 * copies each call, since the fake org adds to its lists.
 */
import type { FakeAccount, FakeContact, FakeCrmSeed, FakeLead } from './fake-crm';

export const ACME: FakeAccount = {
  Id: '0015e000000Acme01A',
  Name: 'Acme Corporation',
  Website: 'https://acme.example',
  opportunities: [{ Id: '0065e000000Opp001A', Name: 'Acme renewal 2025', StageName: 'Proposal', Amount: 48000, CloseDate: '2025-06-30' }],
};

export const JANE: FakeContact = {
  Id: '0035e000000Jane01A',
  Name: 'Jane Doe',
  Email: 'jane.doe@acme.example',
  Title: 'CFO',
  Phone: '+1 555 0100',
  AccountId: ACME.Id,
  OwnerName: 'Sam Seller',
};

export const BOB_LEAD: FakeLead = {
  Id: '00Q5e000000Bob01AA',
  Name: 'Bob Lee',
  Email: 'bob.lee@acme.example',
  Company: 'Acme',
  Status: 'Open - Not Contacted',
  OwnerName: 'Sam Seller',
};

/** Jane a contact, Bob a lead, Acme their account. */
export function knownPeople(): FakeCrmSeed {
  return { accounts: [{ ...ACME }], contacts: [{ ...JANE }], leads: [{ ...BOB_LEAD }] };
}

/** Jane a contact, Bob unknown (Acme is found by his domain). */
export function janeKnownBobNot(): FakeCrmSeed {
  return { accounts: [{ ...ACME }], contacts: [{ ...JANE }] };
}
