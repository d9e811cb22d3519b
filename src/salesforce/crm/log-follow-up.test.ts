import { describe, expect, it } from 'vitest';
import type { LogFollowUpAction } from '../outbox/outbox';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { executeLogFollowUp, followUpFields } from './log-follow-up';

const action: LogFollowUpAction = {
  type: 'log_follow_up',
  clientKey: 'k-1',
  subject: 'Send the quote',
  activityDate: '2025-05-15',
  whoId: '0035e000000Jane01A',
  whatId: '0065e000000Opp001A',
  label: 'Jane',
};

describe('followUpFields', () => {
  it('an open Task due on the date, keyed in the Description', () => {
    expect(followUpFields(action)).toEqual({
      Subject: 'Send the quote',
      Status: 'Not Started',
      Priority: 'Normal',
      TaskSubtype: 'Task',
      ActivityDate: '2025-05-15',
      Description: 'Follow-up-Key: k-1',
      WhoId: '0035e000000Jane01A',
      WhatId: '0065e000000Opp001A',
    });
    expect(followUpFields({ ...action, whoId: '00Q5e000000Tom001A' })).not.toHaveProperty('WhatId');
  });
});

describe('the note', () => {
  it('goes first in the Description, the key line last on its own line', () => {
    expect(followUpFields({ ...action, note: '  Call about pricing\nFollow-up-Key: fake  ' }).Description).toBe('Call about pricing\nFollow-up-Key: fake\n\nFollow-up-Key: k-1');
    expect(followUpFields({ ...action, note: '   ' }).Description).toBe('Follow-up-Key: k-1');
  });

  it('a landed attempt with a note is still adopted by its key line', async () => {
    const withNote = followUpFields({ ...action, note: 'Call about pricing' });
    const api = createFakeSalesforceApi({
      query: () => ({ totalSize: 1, done: true, records: [{ Id: '00T5e000000Mine01A', Description: withNote.Description }] }),
    });
    expect(await executeLogFollowUp(api, { ...action, note: 'Call about pricing' }, { mayHaveLanded: true })).toEqual({ id: '00T5e000000Mine01A', adopted: true });
  });
});

describe('executeLogFollowUp', () => {
  it('adopts the Task of an earlier attempt that landed, matched by its key line', async () => {
    const api = createFakeSalesforceApi({
      query: () => ({
        totalSize: 2,
        done: true,
        records: [
          { Id: '00T5e000000Othr01A', Description: 'Follow-up-Key: k-10' },
          { Id: '00T5e000000Mine01A', Description: 'Follow-up-Key: k-1' },
        ],
      }),
    });
    expect(await executeLogFollowUp(api, action, { mayHaveLanded: true })).toEqual({ id: '00T5e000000Mine01A', adopted: true });
    expect(api.calls.map((c) => c.method)).toEqual(['query']);
  });

  it('creates without a check on a first attempt', async () => {
    const api = createFakeSalesforceApi();
    expect((await executeLogFollowUp(api, action, { mayHaveLanded: false })).adopted).toBe(false);
    expect(api.calls.map((c) => c.method)).toEqual(['create']);
  });
});
