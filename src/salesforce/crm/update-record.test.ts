import { describe, expect, it } from 'vitest';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { UpdateRecordAction } from '../outbox/outbox';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { executeUpdateRecord, httpDateOf, RECORD_CHANGED, sameValue } from './update-record';

const SEEN = '2025-01-15T09:00:00.000+0000';
const LATER = '2026-03-02T10:11:12.345+0000';

const action: UpdateRecordAction = {
  type: 'update_record',
  clientKey: 'k1',
  sobject: 'Opportunity',
  recordId: '0065e00000Opp01AAA',
  fields: { StageName: 'Proposal/Price Quote', NextStep: 'Send the quote' },
  baseline: { lastModifiedDate: SEEN, values: { StageName: 'Prospecting', NextStep: null } },
  addresses: ['jane.doe@acme.example'],
  label: 'Edit Acme - 500 Widgets',
};

async function rejection(promise: Promise<unknown>): Promise<SalesforceFailureError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SalesforceFailureError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('httpDateOf and sameValue', () => {
  it('turns LastModifiedDate into an IMF-fixdate at whole seconds', () => {
    expect(httpDateOf(SEEN)).toBe('Wed, 15 Jan 2025 09:00:00 GMT');
    expect(httpDateOf('2025-01-15T10:00:00.999+0100')).toBe('Wed, 15 Jan 2025 09:00:00 GMT');
    expect(httpDateOf('yesterday')).toBeUndefined();
  });
  it.each([
    ['', null, true],
    ['  a ', 'a', true],
    [50000, 50000, true],
    [50000, 5000, false],
    [null, 'x', false],
  ] as const)('%j vs %j → %s', (a, b, same) => {
    expect(sameValue(a, b)).toBe(same);
  });
});

describe('executeUpdateRecord', () => {
  it('reads, then PATCHes only the edited fields with If-Unmodified-Since at what the seller saw', async () => {
    const api = createFakeSalesforceApi({ retrieve: () => ({ StageName: 'Prospecting', NextStep: null, LastModifiedDate: SEEN }) });
    await expect(executeUpdateRecord(api, action)).resolves.toEqual({ id: action.recordId, adopted: false });
    expect(api.calls.map((c) => c.method)).toEqual(['retrieve', 'update']);
    expect(api.calls[0]?.args).toEqual(['Opportunity', action.recordId, ['StageName', 'NextStep', 'LastModifiedDate']]);
    expect(api.calls[1]?.args).toEqual(['Opportunity', action.recordId, action.fields, { ifUnmodifiedSince: 'Wed, 15 Jan 2025 09:00:00 GMT' }]);
  });

  it('an attempt that already landed (its answer lost) is done without writing again', async () => {
    const api = createFakeSalesforceApi({ retrieve: () => ({ StageName: 'Proposal/Price Quote', NextStep: 'Send the quote', LastModifiedDate: LATER }) });
    await expect(executeUpdateRecord(api, action)).resolves.toEqual({ id: action.recordId, adopted: true });
    expect(api.calls.map((c) => c.method)).toEqual(['retrieve']);
  });

  it('a record changed since the card was loaded: RECORD_CHANGED with the current values, nothing written', async () => {
    const api = createFakeSalesforceApi({ retrieve: () => ({ StageName: 'Needs Analysis', NextStep: null, LastModifiedDate: LATER }) });
    const error = await rejection(executeUpdateRecord(api, action));
    expect(error.failure).toMatchObject({ kind: 'validation', code: RECORD_CHANGED, status: 412, fields: ['StageName'], retryable: false, connectionLost: false });
    expect(error.failure.current).toEqual({ StageName: 'Needs Analysis', NextStep: null, LastModifiedDate: LATER });
    expect(api.calls.map((c) => c.method)).toEqual(['retrieve']);
  });

  it('a 412 from Salesforce (changed between the read and the write) reads again and reports the conflict', async () => {
    let reads = 0;
    const api = createFakeSalesforceApi({
      retrieve: () => (++reads === 1 ? { StageName: 'Prospecting', NextStep: null, LastModifiedDate: SEEN } : { StageName: 'Closed Lost', NextStep: null, LastModifiedDate: LATER }),
      update: () => {
        throw new SalesforceFailureError(createFailure('unknown', { code: 'PRECONDITION_FAILED', status: 412 }));
      },
    });
    const error = await rejection(executeUpdateRecord(api, action));
    expect(error.failure.code).toBe(RECORD_CHANGED);
    expect(error.failure.current?.StageName).toBe('Closed Lost');
    expect(api.calls.map((c) => c.method)).toEqual(['retrieve', 'update', 'retrieve']);
  });

  it('a 412 met by a retry of a PATCH that had landed is done', async () => {
    let reads = 0;
    const api = createFakeSalesforceApi({
      retrieve: () =>
        ++reads === 1 ? { StageName: 'Prospecting', NextStep: null, LastModifiedDate: SEEN } : { StageName: 'Proposal/Price Quote', NextStep: 'Send the quote', LastModifiedDate: LATER },
      update: () => {
        throw new SalesforceFailureError(createFailure('unknown', { status: 412 }));
      },
    });
    await expect(executeUpdateRecord(api, action)).resolves.toEqual({ id: action.recordId, adopted: true });
  });

  it("Salesforce's refusals pass through untouched (the outbox marks them failed on their fields)", async () => {
    const refusal = createFailure('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', status: 400, fields: ['NextStep'] });
    const api = createFakeSalesforceApi({
      retrieve: () => ({ StageName: 'Prospecting', NextStep: null, LastModifiedDate: SEEN }),
      update: () => {
        throw new SalesforceFailureError(refusal);
      },
    });
    expect((await rejection(executeUpdateRecord(api, action))).failure).toEqual(refusal);
  });

  it.each([
    [{ fields: { Name: 'Renamed' } }],
    [{ fields: {} }],
    [{ recordId: "006' OR 1=1" }],
    [{ sobject: 'Account' as never, fields: { Name: 'x' } }],
    [{ baseline: { lastModifiedDate: 'never', values: {} } }],
  ])('refuses %j before any call', async (change) => {
    const api = createFakeSalesforceApi();
    const error = await rejection(executeUpdateRecord(api, { ...action, ...change }));
    expect(error.failure.kind).toBe('validation');
    expect(api.calls).toEqual([]);
  });
});
