/** A contact refused by a duplicate rule: its matches named, "Use this one" and "Save anyway" (crm/create-contact.ts). */
import { describe, expect, it } from 'vitest';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import { createFakeSalesforceApi, SAM } from '../../testing/fake-salesforce-api';
import { contactActionOf, contactLandedQuery, executeCreateContact, type ContactDraft } from './create-contact';

const draft: ContactDraft = { FirstName: 'Jane', LastName: 'Doe', Email: 'jane.doe@acme.example', Title: '', Phone: '', AccountId: '' };
const JANE = '0035e00000Jane0AAA';
const action = contactActionOf(draft, 'k1', 'Jane Doe');
const refusal = () => new SalesforceFailureError(createFailure('validation', { code: 'DUPLICATES_DETECTED', duplicates: { allowSave: true, records: [{ sobject: 'Contact', id: JANE }] } }));

describe('executeCreateContact and duplicate rules', () => {
  it("a refusal comes back with its matched contacts' names, from one query", async () => {
    const api = createFakeSalesforceApi({
      create: () => {
        throw refusal();
      },
      query: () => ({ totalSize: 1, done: true, records: [{ Id: JANE, Name: 'Jane Doe', Email: 'jane.doe@acme.example' }] }),
    });
    const failure = ((await executeCreateContact(api, action, { mayHaveLanded: false }).catch((e: unknown) => e)) as SalesforceFailureError).failure;
    expect(failure).toMatchObject({
      code: 'DUPLICATES_DETECTED',
      duplicates: { allowSave: true, records: [{ sobject: 'Contact', id: JANE, name: 'Jane Doe', email: 'jane.doe@acme.example' }] },
    });
    expect(api.calls.map((c) => c.method)).toEqual(['create', 'query']);
  });

  it('"Use this one": checks the contact exists and creates nothing', async () => {
    const api = createFakeSalesforceApi({ externalIdFields: { Contact: 'Addin_Key__c' } });
    expect(await executeCreateContact(api, { ...action, useExistingId: JANE }, { mayHaveLanded: true, key: 'k1' })).toEqual({ id: JANE, adopted: true });
    expect(api.calls.map((c) => [c.method, ...c.args])).toEqual([['retrieve', 'Contact', JANE, ['Id']]]);
  });

  it('"Use this one" on a contact deleted since: the entry fails (not found), nothing created', async () => {
    const api = createFakeSalesforceApi({
      retrieve: () => {
        throw new SalesforceFailureError(createFailure('not_found', { status: 404 }));
      },
    });
    await expect(executeCreateContact(api, { ...action, useExistingId: JANE }, { mayHaveLanded: false })).rejects.toMatchObject({ failure: { kind: 'not_found' } });
    expect(api.calls.map((c) => c.method)).toEqual(['retrieve']);
  });

  it('"Save anyway": the create carries the duplicate-rule header; an upsert too', async () => {
    const api = createFakeSalesforceApi({ create: () => ({ id: JANE }) });
    await executeCreateContact(api, { ...action, allowDuplicates: true }, { mayHaveLanded: false });
    expect(api.calls[0]?.args[2]).toEqual({ duplicateRule: { allowSave: true } });

    const keyed = createFakeSalesforceApi({ externalIdFields: { Contact: 'Addin_Key__c' } });
    await executeCreateContact(keyed, { ...action, allowDuplicates: true }, { mayHaveLanded: false, key: 'k1' });
    expect(keyed.calls.map((c) => [c.method, c.args[4]])).toEqual([['upsert', { duplicateRule: { allowSave: true } }]]);
    // Without it, no header: a plain create never depends on the org's CORS letting it through.
    const plain = createFakeSalesforceApi();
    await executeCreateContact(plain, action, { mayHaveLanded: false });
    expect(plain.calls[0]?.args).toHaveLength(2);
  });

  it('saved anyway after a possible landing: only a contact this seller created counts as the earlier attempt', () => {
    expect(contactLandedQuery({ ...action, allowDuplicates: true }, SAM.userId)).toContain(`AND CreatedById = '${SAM.userId}'`);
    expect(contactLandedQuery(action, SAM.userId)).not.toContain('CreatedById');
  });
});
