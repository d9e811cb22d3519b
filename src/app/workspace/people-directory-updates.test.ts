import { describe, expect, it } from 'vitest';
import { createPeopleDirectory } from '../../salesforce/crm/people-directory';
import type { OutboxAction } from '../../salesforce/outbox/outbox';
import { outboxOwnerKey, outboxOwnerOf } from '../../salesforce/outbox/outbox';
import { newOutboxEntry, succeed } from '../../salesforce/outbox/outbox-transitions';
import { SAM, createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import type { FinishedEntry } from './finished-entries';
import { applyFinishedEntry } from './people-directory-updates';

const owner = outboxOwnerOf(SAM);
const ownerKey = outboxOwnerKey(owner);
const MOUNTED_AT = 10_000;

function finished(action: OutboxAction, at: number, id = '0035e000000New001A'): FinishedEntry {
  const sobject = action.type === 'create_contact' ? 'Contact' : 'Task';
  return succeed(newOutboxEntry('e1', owner, action, at - 1), { sobject, id, adopted: false }, at) as FinishedEntry;
}

const saveEmail: OutboxAction = {
  type: 'save_email',
  internetMessageId: '<m@x>',
  subject: 'Renewal',
  bodyExcerpt: '',
  activityDate: '2025-01-01',
  whoId: '0035e000000Jane01A',
  whatId: '0015e000000Acme01A',
  label: 'Jane',
};
const createContact: OutboxAction = {
  type: 'create_contact',
  clientKey: 'k1',
  fields: { LastName: 'New', Email: 'new@acme.example' },
  label: 'New',
};
const followUp: OutboxAction = { type: 'log_follow_up', clientKey: 'k2', subject: 'Call', activityDate: '2025-01-08', whoId: '0035e000000Jane01A', label: 'Jane' };

function directoryWithApi() {
  const api = createFakeSalesforceApi({
    composite: (requests) => requests.map((r) => ({ referenceId: r.referenceId, httpStatusCode: 200, body: { totalSize: 0, done: true, records: [] } })),
  });
  return { api, directory: createPeopleDirectory(api) };
}
const lookupInput = { addresses: ['new@acme.example'], savedEmail: { subject: 'Renewal', internetMessageId: '<m@x>' } };

describe('applyFinishedEntry', () => {
  it('a saved email: the directory shows it saved without asking again, and the people need no new lookup', async () => {
    const { api, directory } = directoryWithApi();
    expect((await directory.lookup(ownerKey, lookupInput)).savedEmail).toBeNull();

    expect(applyFinishedEntry(directory, ownerKey, finished(saveEmail, MOUNTED_AT + 1, '00T5e000000Task01A'), MOUNTED_AT, 'Sam Seller')).toBe(false);

    const again = await directory.lookup(ownerKey, lookupInput);
    expect(again.savedEmail).toEqual({
      id: '00T5e000000Task01A',
      whoId: '0035e000000Jane01A',
      whatId: '0015e000000Acme01A',
      sobject: 'Task',
      savedByName: 'Sam Seller',
      savedAt: new Date(MOUNTED_AT + 1).toISOString(),
      personIds: ['0035e000000Jane01A'],
    });
    expect(api.calls).toHaveLength(1);
  });

  it('a save that found an earlier one: the next lookup asks Salesforce who saved it and when', async () => {
    const { api, directory } = directoryWithApi();
    await directory.lookup(ownerKey, lookupInput);
    const adopted = { ...finished(saveEmail, MOUNTED_AT + 1, '00T5e000000Task01A'), result: { sobject: 'Task' as const, id: '00T5e000000Task01A', adopted: true } };
    expect(applyFinishedEntry(directory, ownerKey, adopted, MOUNTED_AT, 'Sam Seller')).toBe(true);
    await directory.lookup(ownerKey, lookupInput);
    expect(api.calls).toHaveLength(2);
  });

  it('a contact created since the workspace mounted: its address is asked again, and the people looked up again', async () => {
    const { api, directory } = directoryWithApi();
    await directory.lookup(ownerKey, lookupInput);

    expect(applyFinishedEntry(directory, ownerKey, finished(createContact, MOUNTED_AT), MOUNTED_AT)).toBe(true);

    expect((await directory.lookup(ownerKey, lookupInput)).requests).toBe(1);
    expect(api.calls).toHaveLength(2);
  });

  it('a contact created before the workspace mounted is in the first answer already: nothing to ask', async () => {
    const { api, directory } = directoryWithApi();
    await directory.lookup(ownerKey, lookupInput);

    expect(applyFinishedEntry(directory, ownerKey, finished(createContact, MOUNTED_AT - 1), MOUNTED_AT)).toBe(false);

    expect((await directory.lookup(ownerKey, lookupInput)).requests).toBe(0);
    expect(api.calls).toHaveLength(1);
  });

  it('a follow-up changes nothing the people section shows', async () => {
    const { api, directory } = directoryWithApi();
    await directory.lookup(ownerKey, lookupInput);
    expect(applyFinishedEntry(directory, ownerKey, finished(followUp, MOUNTED_AT + 1, '00T5e000000Task02A'), MOUNTED_AT)).toBe(false);
    expect((await directory.lookup(ownerKey, lookupInput)).requests).toBe(0);
    expect(api.calls).toHaveLength(1);
  });

  it('an edit landed: the addresses showing the record are looked up again (new values, new LastModifiedDate); one from before the mount is not', async () => {
    const { api, directory } = directoryWithApi();
    await directory.lookup(ownerKey, lookupInput);
    const edit: OutboxAction = {
      type: 'update_record',
      clientKey: 'k3',
      sobject: 'Contact',
      recordId: '0035e000000Jane01A',
      fields: { Title: 'CPO' },
      baseline: { lastModifiedDate: '2025-01-15T09:00:00.000+0000', values: { Title: 'VP' } },
      addresses: ['new@acme.example'],
      label: 'Edit Jane',
    };
    const done = (at: number) => succeed(newOutboxEntry('e9', owner, edit, at - 1), { sobject: 'Contact', id: '0035e000000Jane01A', adopted: false }, at) as FinishedEntry;
    expect(applyFinishedEntry(directory, ownerKey, done(MOUNTED_AT - 5), MOUNTED_AT)).toBe(false);
    await directory.lookup(ownerKey, lookupInput);
    const before = api.calls.length;
    expect(applyFinishedEntry(directory, ownerKey, done(MOUNTED_AT + 5), MOUNTED_AT)).toBe(true);
    await directory.lookup(ownerKey, lookupInput);
    expect(api.calls.length).toBe(before + 1);
  });
});
