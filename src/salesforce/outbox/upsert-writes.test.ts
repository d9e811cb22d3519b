/**
 * Writes by upsert where the org has an External ID field (runtime config `salesforce.externalIdFields`), on the key
 * the outbox generates per entry; check-then-create, as before, where it has none.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig } from '../../config/runtime-config';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import type { CreateContactAction, LogFollowUpAction, SaveEmailAction } from './outbox';
import { executeOutboxAction } from './outbox-executors';

const saveEmail: SaveEmailAction = {
  type: 'save_email',
  internetMessageId: '<m1@x>',
  subject: 'Hello',
  bodyExcerpt: 'Body',
  activityDate: '2025-01-01',
  whoId: '0035e000000Jane01A',
  label: 'Jane',
};
const createContact: CreateContactAction = { type: 'create_contact', clientKey: 'ck-1', fields: { LastName: 'Doe', Email: 'jo@acme.example' }, label: 'Jo' };
const followUp: LogFollowUpAction = { type: 'log_follow_up', clientKey: 'ck-2', subject: 'Call', activityDate: '2025-01-08', whoId: '0035e000000Jane01A', label: 'Jane' };
const KEY = '6f1c2a7e-0b1d-4c1e-9a55-2f7c1d9b0e11';
const FIELDS = { Task: 'Outlook_Key__c', Contact: 'Outlook_Key__c' } as const;

describe('outbox writes with an External ID field', () => {
  it('create contact: one upsert on the entry key, no query, even when an attempt may have landed', async () => {
    const api = createFakeSalesforceApi({ externalIdFields: FIELDS, upsert: () => ({ id: '0035e000000New01A', created: false }) });
    const result = await executeOutboxAction(api, createContact, { mayHaveLanded: true, key: KEY });
    expect(api.calls.map((c) => c.method)).toEqual(['upsert']);
    expect(api.calls[0]?.args).toEqual(['Contact', 'Outlook_Key__c', KEY, { LastName: 'Doe', Email: 'jo@acme.example' }]);
    // Updated, not created: the record an earlier attempt made, adopted.
    expect(result).toEqual({ sobject: 'Contact', id: '0035e000000New01A', adopted: true });
  });

  it('log follow-up: one upsert on the entry key; created means not adopted', async () => {
    const api = createFakeSalesforceApi({ externalIdFields: FIELDS, upsert: () => ({ id: '00T5e0000000009AAA', created: true }) });
    const result = await executeOutboxAction(api, followUp, { mayHaveLanded: true, key: KEY });
    expect(api.calls.map((c) => c.method)).toEqual(['upsert']);
    expect(api.calls[0]?.args.slice(0, 3)).toEqual(['Task', 'Outlook_Key__c', KEY]);
    expect(result).toEqual({ sobject: 'Task', id: '00T5e0000000009AAA', adopted: false });
  });

  it('save email: still looks for the same email saved by another entry first, then upserts on this entry key', async () => {
    const api = createFakeSalesforceApi({ externalIdFields: FIELDS });
    await executeOutboxAction(api, saveEmail, { mayHaveLanded: false, key: KEY });
    expect(api.calls.map((c) => c.method)).toEqual(['query', 'upsert']);
    expect(api.calls[1]?.args.slice(0, 3)).toEqual(['Task', 'Outlook_Key__c', KEY]);
  });

  it('only the objects named: a Task field alone leaves contacts to check-then-create', async () => {
    const api = createFakeSalesforceApi({ externalIdFields: { Task: 'Outlook_Key__c' } });
    await executeOutboxAction(api, createContact, { mayHaveLanded: true, key: KEY });
    expect(api.calls.map((c) => c.method)).toEqual(['query', 'create']);
  });

  it('without External ID fields: check-then-create as before, never an upsert', async () => {
    const api = createFakeSalesforceApi();
    await executeOutboxAction(api, createContact, { mayHaveLanded: true, key: KEY });
    await executeOutboxAction(api, followUp, { mayHaveLanded: false, key: KEY });
    await executeOutboxAction(api, saveEmail, { mayHaveLanded: false, key: KEY });
    expect(api.calls.map((c) => c.method)).toEqual(['query', 'create', 'create', 'query', 'create']);
  });
});

describe('runtime config: salesforce.externalIdFields', () => {
  const raw = (externalIdFields: unknown) => ({
    salesforce: { loginUrl: 'https://acme.my.salesforce.com', clientId: 'c', redirectUri: 'https://addin.example/auth-callback.html', externalIdFields },
  });

  it('is optional, and kept per object when named', () => {
    expect(parseRuntimeConfig(raw(undefined)).salesforce.externalIdFields).toBeUndefined();
    expect(parseRuntimeConfig(raw({ Task: ' Outlook_Key__c ', Contact: 'ns__Outlook_Key__c' })).salesforce.externalIdFields).toEqual({
      Task: 'Outlook_Key__c',
      Contact: 'ns__Outlook_Key__c',
    });
  });

  it('refuses other objects, standard or malformed field names, and non-objects', () => {
    for (const bad of [{ Account: 'Key__c' }, { Task: 'Subject' }, { Task: 'Key__c/../x' }, { Task: 42 }, ['Key__c'], 'Key__c']) {
      expect(() => parseRuntimeConfig(raw(bad))).toThrow(ConfigError);
    }
  });
});
