import { describe, expect, it } from 'vitest';
import type { ClassifiedFailure } from '../failure-kinds';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { checkContactDraft, contactActionOf, executeCreateContact, placeRefusal, preselectAccount, type ContactDraft } from './create-contact';

const draft: ContactDraft = { FirstName: 'Carol', LastName: 'King', Email: 'Carol@Acme.example', Title: '', Phone: '', AccountId: '0015e000000Acme01A' };

describe('checkContactDraft', () => {
  it.each([
    [{}, {}],
    [{ LastName: '  ' }, { LastName: 'required' }],
    [{ Email: 'not an address' }, { Email: 'invalid_email' }],
    [{ FirstName: 'x'.repeat(41) }, { FirstName: 'too_long' }],
  ])('%j → %j', (change, expected) => {
    expect(checkContactDraft({ ...draft, ...change })).toEqual(expected);
  });
});

describe('contactActionOf', () => {
  it('trims, lower-cases the email and leaves blank fields out', () => {
    expect(contactActionOf({ ...draft, Title: ' ', AccountId: "x' OR '" }, 'k1', 'Carol King')).toEqual({
      type: 'create_contact',
      clientKey: 'k1',
      label: 'Carol King',
      fields: { FirstName: 'Carol', LastName: 'King', Email: 'carol@acme.example' },
    });
  });
});

describe('placeRefusal', () => {
  const cases: [Partial<ClassifiedFailure>, ReturnType<typeof placeRefusal>][] = [
    [{ fields: ['LastName'] }, { fields: ['LastName'], formLevel: false }],
    [{ fields: ['phone'] }, { fields: ['Phone'], formLevel: false }],
    [{ fields: ['Name'] }, { fields: ['LastName'], formLevel: false }],
    [{ fields: ['Custom__c'] }, { fields: [], formLevel: true }],
    [{ code: 'DUPLICATES_DETECTED' }, { fields: [], formLevel: true }],
  ];
  it.each(cases)('%j', (failure, expected) => {
    expect(placeRefusal({ kind: 'validation', connectionLost: false, retryable: false, ...failure })).toEqual(expected);
  });
});

describe('preselectAccount', () => {
  it('only when there is exactly one', () => {
    const a = { id: '0015e000000Acme01A', name: 'Acme', website: null, openOpportunities: [] };
    expect(preselectAccount([a])).toBe(a.id);
    expect(preselectAccount([a, { ...a, id: '0015e000000Acme02A' }])).toBe('');
    expect(preselectAccount([])).toBe('');
  });
});

describe('executeCreateContact', () => {
  const action = contactActionOf(draft, 'k1', 'Carol King');
  it('creates without looking when no attempt may have landed', async () => {
    const api = createFakeSalesforceApi({ create: () => ({ id: '0035e000000New0AAA' }) });
    expect(await executeCreateContact(api, action, { mayHaveLanded: false })).toEqual({ id: '0035e000000New0AAA', adopted: false });
    expect(api.calls.map((c) => c.method)).toEqual(['create']);
  });
  it('adopts the contact an earlier attempt created', async () => {
    const api = createFakeSalesforceApi({ query: () => ({ totalSize: 1, done: true, records: [{ Id: '0035e000000Old0AAA' }] }) });
    expect(await executeCreateContact(api, action, { mayHaveLanded: true })).toEqual({ id: '0035e000000Old0AAA', adopted: true });
    expect(api.calls.map((c) => c.method)).toEqual(['query']);
  });
  it('creates after looking when nothing landed', async () => {
    const api = createFakeSalesforceApi();
    expect((await executeCreateContact(api, action, { mayHaveLanded: true })).adopted).toBe(false);
    expect(api.calls.map((c) => c.method)).toEqual(['query', 'create']);
  });
});
