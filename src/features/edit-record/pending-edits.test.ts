import { describe, expect, it } from 'vitest';
import type { ContactMatch, OpportunitySummary } from '../../salesforce/crm/crm-records';
import { createFailure } from '../../salesforce/failure-kinds';
import { outboxOwnerOf, type OutboxEntry, type UpdateRecordAction } from '../../salesforce/outbox/outbox';
import { claim, fail, newOutboxEntry, succeed } from '../../salesforce/outbox/outbox-transitions';
import { SAM } from '../../testing/fake-salesforce-api';
import { latestEditOf, optimisticValues, overlayAccount, overlayPerson } from './pending-edits';

const owner = outboxOwnerOf(SAM);
const SEEN = '2025-01-15T09:00:00.000+0000';
const jane: ContactMatch = {
  kind: 'contact',
  id: '0035e000000Jane01A',
  name: 'Jane Doe',
  title: 'CFO',
  phone: '+1 555 0100',
  email: 'jane.doe@acme.example',
  accountId: null,
  accountName: null,
  ownerName: null,
  lastModifiedDate: SEEN,
};
const opp: OpportunitySummary = { id: '0065e000000Opp001A', name: 'Renewal', stageName: 'Prospecting', amount: 1000, closeDate: '2025-06-30', nextStep: null, lastModifiedDate: SEEN };

const edit = (recordId: string, sobject: UpdateRecordAction['sobject'], fields: UpdateRecordAction['fields'], lastModifiedDate = SEEN): UpdateRecordAction => ({
  type: 'update_record',
  clientKey: `k-${recordId}`,
  sobject,
  recordId,
  fields,
  baseline: { lastModifiedDate, values: {} },
  addresses: [jane.email],
  label: 'Edit',
});
const queued = (action: UpdateRecordAction, id = 'e1'): OutboxEntry => newOutboxEntry(id, owner, action, 1);

describe('optimistic display', () => {
  it('shows a queued, sending, waiting or done edit over the data it was made from', () => {
    const entry = queued(edit(jane.id, 'Contact', { Title: 'CPO' }));
    const sending = claim(entry, 2);
    expect(sending).not.toBeNull();
    for (const e of [entry, sending as OutboxEntry, succeed(sending as OutboxEntry, { sobject: 'Contact', id: jane.id, adopted: false }, 3)]) {
      expect(overlayPerson(jane, [e])).toMatchObject({ title: 'CPO', phone: '+1 555 0100' });
    }
  });

  it('rolls back the moment Salesforce refuses it', () => {
    const sending = claim(queued(edit(jane.id, 'Contact', { Title: 'CPO' })), 2) as OutboxEntry;
    const refused = fail(sending, createFailure('validation', { fields: ['Title'] }), 3);
    expect(refused.status).toBe('failed');
    expect(overlayPerson(jane, [refused])).toBe(jane);
  });

  it('is not shown over newer data (the card was looked up again), nor on another record', () => {
    expect(overlayPerson({ ...jane, lastModifiedDate: '2025-02-01T00:00:00.000+0000' }, [queued(edit(jane.id, 'Contact', { Title: 'CPO' }))]).title).toBe('CFO');
    expect(optimisticValues([queued(edit(opp.id, 'Opportunity', { StageName: 'Closed Won' }))], jane.id, SEEN)).toBeUndefined();
    expect(optimisticValues([queued(edit(jane.id, 'Contact', { Title: 'CPO' }))], jane.id, null)).toBeUndefined();
  });

  it("overlays an account's opportunity, later edits over earlier ones; the latest entry is the record's", () => {
    const first = queued(edit(opp.id, 'Opportunity', { StageName: 'Qualification', Amount: 2000 }), 'e1');
    const second = queued(edit(opp.id, 'Opportunity', { StageName: 'Needs Analysis', NextStep: 'Call' }), 'e2');
    const account = overlayAccount({ id: '0015e000000Acme01A', name: 'Acme', website: null, openOpportunities: [opp] }, [first, second]);
    expect(account.openOpportunities[0]).toMatchObject({ stageName: 'Needs Analysis', amount: 2000, nextStep: 'Call', closeDate: '2025-06-30' });
    expect(latestEditOf([first, second], opp.id)?.id).toBe('e2');
  });
});
