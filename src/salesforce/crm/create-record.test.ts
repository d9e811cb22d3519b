import { describe, expect, it } from 'vitest';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { createFailure, SalesforceFailureError } from '../failure-kinds';
import type { CreateRecordAction } from '../outbox/outbox';
import { readOutboxEntry } from '../outbox/outbox-record';
import { executeCreateRecord, recordLandedQuery } from './create-record';

const ACCOUNT = '0015e0000000002AAA';
const LEAD = '00Q5e0000000009AAA';
const USER = '0055e000001SamAAAS';

const action = (over: Partial<CreateRecordAction> = {}): CreateRecordAction => ({
  type: 'create_record',
  sobject: 'Lead',
  clientKey: 'k',
  fields: { LastName: "O'Brien", Company: 'Initech', Email: 'ob@initech.example' },
  label: 'Create lead',
  ...over,
});

describe('recordLandedQuery', () => {
  it.each([
    [
      action(),
      USER,
      `SELECT Id FROM Lead WHERE LastName = 'O\\'Brien' AND Company = 'Initech' AND Email = 'ob@initech.example' AND CreatedById = '${USER}' ORDER BY CreatedDate DESC LIMIT 1`,
    ],
    [
      action({ sobject: 'Opportunity', fields: { Name: 'Big', StageName: 'Prospecting', CloseDate: '2026-09-30', AccountId: ACCOUNT, Amount: 5 } }),
      undefined,
      `SELECT Id FROM Opportunity WHERE Name = 'Big' AND AccountId = '${ACCOUNT}' AND CloseDate = 2026-09-30 ORDER BY CreatedDate DESC LIMIT 1`,
    ],
    [action({ sobject: 'Case', fields: { Description: 'only a description' } }), USER, undefined],
    // A user id that is not an id never reaches the query.
    [action({ sobject: 'Account', fields: { Name: 'Acme' } }), "x' OR Name != '", `SELECT Id FROM Account WHERE Name = 'Acme' ORDER BY CreatedDate DESC LIMIT 1`],
  ])('%#', (input, userId, expected) => {
    expect(recordLandedQuery(input, userId)).toBe(expected);
  });
});

describe('executeCreateRecord', () => {
  it('sends the duplicate-rule header only when the seller chose Save anyway', async () => {
    const api = createFakeSalesforceApi({ create: () => ({ id: LEAD }) });
    expect(await executeCreateRecord(api, action(), { mayHaveLanded: false })).toEqual({ id: LEAD, adopted: false });
    await executeCreateRecord(api, action({ allowDuplicates: true }), { mayHaveLanded: false });
    expect(api.calls.map((c) => c.args)).toEqual([
      ['Lead', action().fields],
      ['Lead', action().fields, { duplicateRule: { allowSave: true } }],
    ]);
  });

  it('a duplicate refusal gets its matched records’ names from one query; without them it goes on as it came', async () => {
    const duplicate = () =>
      new SalesforceFailureError(createFailure('validation', { code: 'DUPLICATES_DETECTED', duplicates: { allowSave: false, records: [{ sobject: 'Lead', id: LEAD }] } }));
    const api = createFakeSalesforceApi({
      create: () => {
        throw duplicate();
      },
      query: () => ({ totalSize: 1, done: true, records: [{ Id: LEAD, Name: 'Tom Nguyen', Email: 'tom@initech.example', Company: 'Initech' }] }),
    });
    const failure = ((await executeCreateRecord(api, action(), { mayHaveLanded: false }).catch((e: unknown) => e)) as SalesforceFailureError).failure;
    expect(failure.duplicates?.records).toEqual([{ sobject: 'Lead', id: LEAD, name: 'Tom Nguyen', email: 'tom@initech.example', company: 'Initech' }]);
    expect(api.calls[1]?.args[0]).toBe(`SELECT Id, Name, Email, Company FROM Lead WHERE Id IN ('${LEAD}')`);

    const hidden = createFakeSalesforceApi({
      create: () => {
        throw duplicate();
      },
      query: () => {
        throw new SalesforceFailureError(createFailure('validation', { code: 'INVALID_FIELD' }));
      },
    });
    const plain = ((await executeCreateRecord(hidden, action(), { mayHaveLanded: false }).catch((e: unknown) => e)) as SalesforceFailureError).failure;
    expect(plain).toMatchObject({ code: 'DUPLICATES_DETECTED', duplicates: { records: [{ sobject: 'Lead', id: LEAD }] } });
  });

  it('after a possible landing, adopts the record found; creates when none is', async () => {
    const found = createFakeSalesforceApi({ query: () => ({ totalSize: 1, done: true, records: [{ Id: LEAD }] }) });
    expect(await executeCreateRecord(found, action(), { mayHaveLanded: true })).toEqual({ id: LEAD, adopted: true });
    expect(found.calls.map((c) => c.method)).toEqual(['query']);
    const none = createFakeSalesforceApi({ create: () => ({ id: LEAD }) });
    expect(await executeCreateRecord(none, action(), { mayHaveLanded: true })).toEqual({ id: LEAD, adopted: false });
    expect(none.calls.map((c) => c.method)).toEqual(['query', 'create']);
  });

  it('"Use this one": checks the record exists and creates nothing', async () => {
    const api = createFakeSalesforceApi();
    expect(await executeCreateRecord(api, action({ useExistingId: LEAD }), { mayHaveLanded: false })).toEqual({ id: LEAD, adopted: true });
    expect(api.calls.map((c) => [c.method, ...c.args])).toEqual([['retrieve', 'Lead', LEAD, ['Id']]]);
  });
});

describe('a stored create_record entry', () => {
  const entry = (act: unknown) => ({
    id: 'e1',
    ownerKey: JSON.stringify(['00D', USER, '', '']),
    owner: { orgId: '00D', userId: USER },
    action: act,
    status: 'failed',
    attempts: 1,
    mayHaveLanded: false,
    createdAt: 1,
    updatedAt: 1,
  });
  it('is read back', () => {
    expect(readOutboxEntry(entry(action({ allowDuplicates: true, useExistingId: LEAD })))).toBeDefined();
  });
  it.each([
    ['another object', { ...action(), sobject: 'User' }],
    ['a field name that is not one', { ...action(), fields: { 'Name; DROP': 'x' } }],
    ['a field value that is an object', { ...action(), fields: { Name: { x: 1 } } }],
    ['allowDuplicates that is not a boolean', { ...action(), allowDuplicates: 'yes' }],
  ])('%s: refused', (_name, act) => {
    expect(readOutboxEntry(entry(act))).toBeUndefined();
  });
});
