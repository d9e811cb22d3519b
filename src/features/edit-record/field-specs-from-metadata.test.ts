import { describe, expect, it } from 'vitest';
import { editRecordStrings } from '../../i18n/edit-record-strings';
import type { FieldMetadata, SObjectMetadata } from '../../salesforce/metadata/sobject-metadata';
import { fieldSpecsFromMetadata } from './field-specs-from-metadata';

const s = editRecordStrings('en');

const field = (name: string, extra: Partial<FieldMetadata> = {}): FieldMetadata => ({
  name,
  label: name,
  type: 'string',
  createable: true,
  updateable: true,
  nillable: true,
  defaultedOnCreate: false,
  required: false,
  length: 0,
  picklistValues: [],
  restrictedPicklist: false,
  referenceTo: [],
  custom: false,
  externalId: false,
  precision: 0,
  scale: 0,
  ...extra,
});

const opportunity = (fields: FieldMetadata[]): SObjectMetadata => ({
  name: 'Opportunity',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  keyPrefix: '006',
  custom: false,
  createable: true,
  updateable: true,
  deletable: true,
  queryable: true,
  fields,
  recordTypes: [],
});

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
