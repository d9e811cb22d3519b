import { describe, expect, it } from 'vitest';
import { RECORD_CHANGED } from '../../salesforce/crm/update-record';
import { createFailure } from '../../salesforce/failure-kinds';
import { outboxOwnerOf, type UpdateRecordAction } from '../../salesforce/outbox/outbox';
import { fail, newOutboxEntry } from '../../salesforce/outbox/outbox-transitions';
import { SAM } from '../../testing/fake-salesforce-api';
import { newlyConflicted } from './conflicted-edits';

const owner = outboxOwnerOf(SAM);
const action: UpdateRecordAction = {
  type: 'update_record',
  clientKey: 'k',
  sobject: 'Contact',
  recordId: '0035e000000Jane01A',
  fields: { Title: 'CPO' },
  baseline: { lastModifiedDate: '2025-01-15T09:00:00.000+0000', values: { Title: 'CFO' } },
  addresses: ['jane.doe@acme.example'],
  label: 'Edit Jane',
};

describe('newlyConflicted', () => {
  it('hears an edit once when it fails with RECORD_CHANGED, and not for other refusals', () => {
    const entry = newOutboxEntry('e1', owner, action, 1);
    const conflicted = fail(entry, createFailure('validation', { code: RECORD_CHANGED }), 2);
    const refused = fail(newOutboxEntry('e2', owner, action, 1), createFailure('validation', { code: 'STRING_TOO_LONG' }), 2);
    expect(newlyConflicted([entry], [conflicted, refused]).map((e) => e.id)).toEqual(['e1']);
    expect(newlyConflicted([conflicted], [conflicted])).toEqual([]);
    // Sent again over the new values and conflicting again: heard again.
    expect(newlyConflicted([conflicted], [{ ...conflicted, updatedAt: 5 }]).map((e) => e.id)).toEqual(['e1']);
  });
});
