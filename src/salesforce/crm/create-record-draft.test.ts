import { describe, expect, it } from 'vitest';
import { createFailure } from '../failure-kinds';
import type { AccountSummary } from './crm-records';
import { checkRecordDraft, placeRecordRefusal, prefillDraft, RECORD_FORMS, recordActionOf, type PrefillSource } from './create-record-draft';

const INITECH: AccountSummary = { id: '0015e0000000003AAA', name: 'Initech', website: 'initech.example', openOpportunities: [] };
const OTHER: AccountSummary = { id: '0015e0000000004AAA', name: 'Initech EMEA', website: 'initech.example', openOpportunities: [] };

const source = (over: Partial<PrefillSource> = {}): PrefillSource => ({
  person: { address: 'Maria.Lopez@Initech.example', name: 'Lopez, Maria', role: 'from' },
  signature: {},
  accounts: [INITECH],
  subject: ' Pricing for 2026 ',
  bodyExcerpt: 'Hello,\nthe widget broke.',
  today: '2026-11-30',
  ...over,
});

describe('prefillDraft', () => {
  it('a lead: the signature first, then the display name, the address and the domain’s one account', () => {
    expect(prefillDraft('Lead', source())).toEqual({ FirstName: 'Maria', LastName: 'Lopez', Company: 'Initech', Email: 'maria.lopez@initech.example', Title: '', Phone: '' });
    expect(prefillDraft('Lead', source({ signature: { firstName: 'María', lastName: 'López', company: 'Initech Labs', title: 'CTO', phone: '+1 555 0100 200' } }))).toEqual({
      FirstName: 'María',
      LastName: 'López',
      Company: 'Initech Labs',
      Email: 'maria.lopez@initech.example',
      Title: 'CTO',
      Phone: '+1 555 0100 200',
    });
    // Several accounts on the domain: no guess.
    expect(prefillDraft('Lead', source({ accounts: [INITECH, OTHER] })).Company).toBe('');
  });

  it('an account: the signature’s company and the domain as website, never a public mail domain', () => {
    expect(prefillDraft('Account', source({ signature: { company: 'Initech Labs' } }))).toEqual({ Name: 'Initech Labs', Website: 'initech.example', Phone: '' });
    expect(prefillDraft('Account', source({ person: { address: 'maria@gmail.com', name: '', role: 'from' } })).Website).toBe('');
  });

  it('an opportunity on the account, a stage and a close date a month out; a case from the email', () => {
    expect(prefillDraft('Opportunity', source())).toEqual({ Name: 'Initech - Pricing for 2026', AccountId: INITECH.id, StageName: 'Prospecting', CloseDate: '2026-12-30', Amount: '' });
    expect(prefillDraft('Case', source())).toEqual({
      Subject: 'Pricing for 2026',
      AccountId: INITECH.id,
      SuppliedEmail: 'maria.lopez@initech.example',
      Priority: '',
      Description: 'Hello,\nthe widget broke.',
    });
  });
});

describe('checkRecordDraft', () => {
  it.each([
    ['Lead', { LastName: ' ', Company: 'x' }, { LastName: 'required' }],
    ['Lead', { LastName: 'x'.repeat(81), Company: 'x', Email: 'not-an-address' }, { LastName: 'too_long', Email: 'invalid_email' }],
    ['Opportunity', { Name: 'n', StageName: 'Won', CloseDate: '30/12/2026', Amount: '12k' }, { StageName: 'not_an_option', CloseDate: 'invalid_date', Amount: 'invalid_number' }],
    ['Opportunity', { Name: 'n', StageName: 'Prospecting', CloseDate: '2026-12-30', Amount: '1200.50' }, {}],
    ['Case', {}, {}],
  ] as const)('%s %j', (sobject, draft, expected) => {
    expect(checkRecordDraft(RECORD_FORMS[sobject], draft)).toEqual(expected);
  });
});

describe('recordActionOf', () => {
  it('trims, drops blanks, turns amounts into numbers and keeps only real ids', () => {
    const draft = { Name: ' Deal ', AccountId: 'not-an-id', StageName: 'Prospecting', CloseDate: '2026-12-30', Amount: '1200.5' };
    expect(recordActionOf('Opportunity', RECORD_FORMS.Opportunity, draft, 'k', 'Create opportunity: Deal')).toEqual({
      type: 'create_record',
      sobject: 'Opportunity',
      clientKey: 'k',
      fields: { Name: 'Deal', StageName: 'Prospecting', CloseDate: '2026-12-30', Amount: 1200.5 },
      label: 'Create opportunity: Deal',
    });
  });
});

describe('placeRecordRefusal', () => {
  it.each([
    [
      { code: 'REQUIRED_FIELD_MISSING', fields: ['Company'] },
      { fields: ['Company'], formLevel: false },
    ],
    [
      { code: 'STRING_TOO_LONG', fields: ['name'] },
      { fields: ['LastName'], formLevel: false },
    ],
    [
      { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] },
      { fields: [], formLevel: true },
    ],
    [
      { code: 'DUPLICATES_DETECTED', fields: ['Email'] },
      { fields: ['Email'], formLevel: true },
    ],
  ])('%j', (extras, expected) => {
    expect(placeRecordRefusal(RECORD_FORMS.Lead, createFailure('validation', extras))).toEqual(expected);
  });
});

describe('recordActionOf and record types', () => {
  it('sends the record type given as RecordTypeId, and nothing that is not an id', () => {
    const fields = RECORD_FORMS.Account;
    expect(recordActionOf('Account', fields, { Name: 'Initech' }, 'k', 'Create', '0125e0000000002AAA').fields).toEqual({ Name: 'Initech', RecordTypeId: '0125e0000000002AAA' });
    expect(recordActionOf('Account', fields, { Name: 'Initech' }, 'k', 'Create', 'Renewal').fields).toEqual({ Name: 'Initech' });
    expect(recordActionOf('Account', fields, { Name: 'Initech' }, 'k', 'Create').fields).toEqual({ Name: 'Initech' });
  });
});
