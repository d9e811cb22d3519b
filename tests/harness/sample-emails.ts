/**
 * The sample emails the harness shows. Addresses match the emulator's seed (tests/emulator/seed.ts): three known
 * people (contacts Jane Doe and Bob Lee at Acme, Priya Raman at Globex), one lead (Tom Nguyen at Initech) and
 * addresses nobody in the org knows.
 */
export interface SampleAddress {
  name: string;
  address: string;
}

export interface SampleEmail {
  id: string;
  /** Shown in the picker. */
  label: string;
  mode: 'read' | 'compose';
  subject: string;
  from?: SampleAddress;
  to: SampleAddress[];
  cc: SampleAddress[];
  body: string;
  /** ISO date; read mode only. */
  date?: string;
  itemId?: string;
  internetMessageId?: string;
  conversationId?: string;
}

export const SELLER: SampleAddress = { name: 'Sam Seller', address: 'seller@demo.example' };
export const JANE: SampleAddress = { name: 'Jane Doe', address: 'jane.doe@acme.example' };
export const BOB: SampleAddress = { name: 'Bob Lee', address: 'bob.lee@acme.example' };
export const PRIYA: SampleAddress = { name: 'Priya Raman', address: 'priya@globex.example' };
export const TOM: SampleAddress = { name: 'Tom Nguyen', address: 'tom.nguyen@initech.example' };
export const NEW_PERSON: SampleAddress = { name: 'Nora Newperson', address: 'newperson@acme.example' };
export const STRANGER: SampleAddress = { name: 'Casey Stranger', address: 'casey@umbrella.example' };
/** Two contacts and a lead share this address in the org (DEMO_SHARED_ADDRESS): the pane offers a chooser. */
export const ALEX_KIM: SampleAddress = { name: 'Alex Kim', address: 'alex.kim@globex.example' };

export const SAMPLE_EMAILS: SampleEmail[] = [
  {
    id: 'acme-renewal',
    label: 'Acme renewal (3 known people + 1 new)',
    mode: 'read',
    subject: 'Acme renewal: next steps',
    from: JANE,
    to: [SELLER, BOB],
    cc: [PRIYA, NEW_PERSON],
    date: '2025-05-12T09:30:00.000Z',
    itemId: 'AAMkADHarnessItem0001=',
    internetMessageId: '<acme-renewal-0001@acme.example>',
    conversationId: 'AAQkADHarnessConv0001=',
    body:
      'Hi Sam,\n\nThanks for the call on Friday. Bob and I went through the renewal terms; we would like to add the ' +
      'support upgrade. Priya from Globex is copied because they are evaluating the same package, and Nora joins our ' +
      'procurement team next week.\n\nCould you send the updated quote by Thursday?\n\nBest,\nJane',
  },
  {
    id: 'initech-lead',
    label: 'Lead from Initech',
    mode: 'read',
    subject: 'Question about your pricing',
    from: TOM,
    to: [SELLER],
    cc: [],
    date: '2025-05-13T14:05:00.000Z',
    itemId: 'AAMkADHarnessItem0002=',
    internetMessageId: '<pricing-question-0002@initech.example>',
    conversationId: 'AAQkADHarnessConv0002=',
    body: 'Hello,\n\nWe are looking at tools for our operations team (about 40 people). Do you offer volume pricing?\n\nTom Nguyen\nInitech',
  },
  {
    id: 'unknown-sender',
    label: 'Unknown sender',
    mode: 'read',
    subject: 'Introduction',
    from: STRANGER,
    to: [SELLER],
    cc: [],
    date: '2025-05-14T08:00:00.000Z',
    itemId: 'AAMkADHarnessItem0003=',
    internetMessageId: '<intro-0003@umbrella.example>',
    conversationId: 'AAQkADHarnessConv0003=',
    body: 'Hi Sam,\n\nA colleague gave me your name. Do you have 20 minutes next week?\n\nCasey',
  },
  {
    id: 'globex-draft',
    label: 'Draft to Globex (compose)',
    mode: 'compose',
    subject: 'Globex rollout plan',
    from: SELLER,
    to: [PRIYA],
    cc: [],
    body: 'Hi Priya,\n\nAs promised, here is the rollout plan we discussed.\n\nSam',
  },
  {
    id: 'globex-shared-address',
    label: 'Globex: one address, several people',
    mode: 'read',
    subject: 'Purchase order for the pilot',
    from: ALEX_KIM,
    to: [SELLER],
    cc: [],
    date: '2025-05-15T11:20:00.000Z',
    itemId: 'AAMkADHarnessItem0005=',
    internetMessageId: '<po-pilot-0005@globex.example>',
    conversationId: 'AAQkADHarnessConv0005=',
    body: 'Hi Sam,\n\nAttached is the purchase order for the pilot. Finance signs it off this week.\n\nAlex',
  },
];

/** The picker's "no item selected" entry: a pinned pane between items. */
export const NO_ITEM_ID = 'none';
