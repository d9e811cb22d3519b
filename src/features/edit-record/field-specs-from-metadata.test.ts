import { describe, expect, it } from 'vitest';
import { editRecordStrings } from '../../i18n/edit-record-strings';
import type { FieldMetadata, RecordTypePicklists } from '../../salesforce/metadata/sobject-metadata';
import { fieldMetadata, opportunityMetadata } from '../../testing/metadata-fixtures';
import { fieldSpecsFromMetadata } from './field-specs-from-metadata';

const s = editRecordStrings('en');

const field = fieldMetadata;
const opportunity = (fields: FieldMetadata[]) => opportunityMetadata(fields);

describe('fieldSpecsFromMetadata', () => {
  it("takes the org's labels, lengths and active picklist values", () => {
    const specs = fieldSpecsFromMetadata(
      'Opportunity',
      opportunity([
        field('StageName', {
          label: 'Phase',
          type: 'picklist',
          nillable: false,
          picklistValues: [
            { value: 'Discovery', label: 'Discovery', active: true, defaultValue: false },
            { value: 'Old', label: 'Old', active: false, defaultValue: false },
          ],
        }),
        field('Amount', { type: 'currency', label: 'Amount' }),
        field('CloseDate', { type: 'date', label: 'Close Date', nillable: false }),
        field('NextStep', { label: 'Next Step', length: 100 }),
      ]),
      s,
    );
    expect(specs.map((x) => [x.name, x.label, x.required === true])).toEqual([
      ['StageName', 'Phase', true],
      ['Amount', 'Amount', false],
      ['CloseDate', 'Close Date', true],
      ['NextStep', 'Next Step', false],
    ]);
    expect(specs[0]?.options).toEqual([{ value: 'Discovery', label: 'Discovery' }]);
    expect(specs[3]?.maxLength).toBe(100);
  });

  it('leaves out a field the seller cannot see (absent from describe) or may not edit', () => {
    const specs = fieldSpecsFromMetadata('Opportunity', opportunity([field('StageName', { type: 'picklist' }), field('Amount', { updateable: false })]), s);
    expect(specs.map((x) => x.name)).toEqual(['StageName']);
  });

  it("without metadata, Salesforce's standard fields stand in", () => {
    expect(fieldSpecsFromMetadata('Contact', undefined, s).map((x) => x.name)).toEqual(['Title', 'Phone']);
  });
});

describe('fieldSpecsFromMetadata with a record type and the admin config', () => {
  const stage = field('StageName', {
    type: 'picklist',
    nillable: false,
    picklistValues: ['Prospecting', 'Qualification', 'Closed Won'].map((value) => ({ value, label: value, active: true, defaultValue: false })),
  });
  const renewal: RecordTypePicklists = {
    sobject: 'Opportunity',
    recordTypeId: '0125e0000000002AAA',
    fields: { StageName: { values: [{ value: 'Qualification', label: 'Qualification', active: true, defaultValue: false }], defaultValue: null } },
  };

  it("offers the record type's picklist values, not the object's", () => {
    const specs = fieldSpecsFromMetadata('Opportunity', opportunity([stage]), s, { picklists: renewal });
    expect(specs[0]?.options).toEqual([{ value: 'Qualification', label: 'Qualification' }]);
    expect(fieldSpecsFromMetadata('Opportunity', opportunity([stage]), s)[0]?.options?.map((o) => o.value)).toEqual(['Prospecting', 'Qualification', 'Closed Won']);
  });

  it('makes the admin requiredOnSave fields required, with or without metadata, case-insensitively', () => {
    const specs = fieldSpecsFromMetadata('Opportunity', opportunity([stage, field('NextStep'), field('Amount', { type: 'currency' })]), s, { requiredOnSave: ['nextstep'] });
    expect(specs.map((x) => [x.name, x.required === true])).toEqual([
      ['StageName', true],
      ['Amount', false],
      ['NextStep', true],
    ]);
    expect(fieldSpecsFromMetadata('Contact', undefined, s, { requiredOnSave: ['Phone'] }).map((x) => [x.name, x.required === true])).toEqual([
      ['Title', false],
      ['Phone', true],
    ]);
  });
});
