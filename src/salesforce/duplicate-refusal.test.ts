import { describe, expect, it } from 'vitest';
import { classifySalesforceError } from './classify-salesforce-error';
import { duplicateRefusalOf, readDuplicateResult } from './duplicate-refusal';

const LEAD = '00Q5e0000000001AAA';
const LEAD2 = '00Q5e0000000002AAA';

const item = (allowSave: boolean, records: unknown[]) => ({
  errorCode: 'DUPLICATES_DETECTED',
  message: 'Use one of these records?',
  duplicateResult: {
    allowSave,
    duplicateRule: 'Standard_Lead_Duplicate_Rule',
    duplicateRuleEntityType: 'Lead',
    errorMessage: 'Use one of these records?',
    matchResults: [{ entityType: 'Lead', errors: [], matchEngine: 'ExactMatchEngine', matchRecords: records, rule: 'Standard_Lead_Match_Rule_v1_0', size: records.length, success: true }],
  },
});
const withDetails = { matchConfidence: 100, record: { attributes: { type: 'Lead', url: `/x/${LEAD}` }, Id: LEAD, Name: 'Tom Nguyen', Email: 'tom@initech.example', Company: 'Initech' } };
const idOnly = { matchConfidence: 100, record: { attributes: { type: 'Lead', url: `/x/${LEAD2}` }, Id: LEAD2 } };

/** What jsforce rejects with for a REST error item (HttpApiError: name and errorCode the code, data the item). */
function jsforceError(data: unknown): Error {
  return Object.assign(new Error('Use one of these records?'), { name: 'DUPLICATES_DETECTED', errorCode: 'DUPLICATES_DETECTED', data });
}

describe('readDuplicateResult', () => {
  it('reads allowSave, the rule and each matched record, with its fields when Salesforce sent them', () => {
    expect(readDuplicateResult(item(true, [withDetails, idOnly]))).toEqual({
      allowSave: true,
      rule: 'Standard_Lead_Duplicate_Rule',
      records: [
        { sobject: 'Lead', id: LEAD, name: 'Tom Nguyen', email: 'tom@initech.example', company: 'Initech' },
        { sobject: 'Lead', id: LEAD2 },
      ],
    });
  });

  it.each([
    ['no duplicateResult', { errorCode: 'X' }],
    ['a null duplicateResult', { duplicateResult: null }],
  ])('%s: undefined', (_name, value) => {
    expect(readDuplicateResult(value)).toBeUndefined();
  });

  it('a Block rule (allowSave false or absent) and records without a readable id', () => {
    const refusal = readDuplicateResult(item(false, [{ record: { Id: 'not an id' } }, { record: null }, 'x', idOnly, idOnly]));
    expect(refusal).toEqual({ allowSave: false, rule: 'Standard_Lead_Duplicate_Rule', records: [{ sobject: 'Lead', id: LEAD2 }] });
  });
});

describe('the classifier keeps the refusal', () => {
  it('from a jsforce error', () => {
    const failure = classifySalesforceError(jsforceError(item(false, [idOnly])), { phase: 'request' });
    expect(failure).toMatchObject({ kind: 'validation', code: 'DUPLICATES_DETECTED', duplicates: { allowSave: false, records: [{ id: LEAD2 }] } });
  });

  it('from a raw REST error array', () => {
    const failure = classifySalesforceError({ status: 400, body: [item(true, [withDetails])] }, { phase: 'request' });
    expect(failure.duplicates).toMatchObject({ allowSave: true, records: [{ id: LEAD, name: 'Tom Nguyen' }] });
  });

  it('another refusal carries none', () => {
    const failure = classifySalesforceError(jsforceError({ errorCode: 'REQUIRED_FIELD_MISSING', message: 'x', fields: ['Company'] }), { phase: 'request' });
    expect(failure.duplicates).toBeUndefined();
  });
});

describe('duplicateRefusalOf (a stored failure)', () => {
  it('reads back what the classifier stored', () => {
    const failure = JSON.parse(JSON.stringify(classifySalesforceError(jsforceError(item(true, [withDetails])), { phase: 'request' }))) as unknown;
    expect(duplicateRefusalOf(failure)).toEqual(readDuplicateResult(item(true, [withDetails])));
  });

  it('another code, or a hand-edited record: nothing usable', () => {
    expect(duplicateRefusalOf({ kind: 'validation', code: 'REQUIRED_FIELD_MISSING', duplicates: { allowSave: true, records: [] } })).toBeUndefined();
    expect(duplicateRefusalOf({ code: 'DUPLICATES_DETECTED', duplicates: { allowSave: 'yes', records: [{ sobject: 'Lead', id: '<script>' }] } })).toEqual({ allowSave: false, records: [] });
  });
});
