import { describe, expect, it } from 'vitest';
import { SAM } from '../../testing/fake-salesforce-api';
import type { UpdateRecordAction } from './outbox';
import { outboxOwnerOf } from './outbox';
import { readOutboxEntry } from './outbox-record';
import { newOutboxEntry, succeed } from './outbox-transitions';

const owner = outboxOwnerOf(SAM);
const action: UpdateRecordAction = {
  type: 'update_record',
  clientKey: 'k1',
  sobject: 'Opportunity',
  recordId: '0065e00000Opp01AAA',
  fields: { StageName: 'Qualification', Amount: 1200, NextStep: null },
  baseline: { lastModifiedDate: '2025-01-15T09:00:00.000+0000', values: { StageName: 'Prospecting', Amount: 1000, NextStep: null } },
  addresses: ['jane.doe@acme.example'],
  label: 'Edit Acme',
};

describe('readOutboxEntry: update_record', () => {
  it('reads a stored edit back, done with an Opportunity result', () => {
    const entry = succeed(newOutboxEntry('e1', owner, action, 1), { sobject: 'Opportunity', id: action.recordId, adopted: false }, 2);
    expect(readOutboxEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
  });

  it.each([
    ['an object not offered', { sobject: 'Account' }],
    ['a value that is an object', { fields: { StageName: { evil: true } } }],
    ['no baseline date', { baseline: { values: {} } }],
    ['addresses not text', { addresses: [1] }],
    ['no record id', { recordId: undefined }],
  ])('refuses %s', (_name, change) => {
    const entry = newOutboxEntry('e1', owner, { ...action, ...change } as UpdateRecordAction, 1);
    expect(readOutboxEntry(JSON.parse(JSON.stringify(entry)))).toBeUndefined();
  });
});
