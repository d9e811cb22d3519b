import { describe, expect, it } from 'vitest';
import {
  canReadField,
  defaultRecordType,
  findFieldMetadata,
  isMultiCurrency,
  parseDescribe,
  parseLayoutPicklists,
  parseRecordTypePicklists,
  picklistOptions,
  readableFields,
} from './sobject-metadata';

const body = {
  name: 'Opportunity',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  keyPrefix: '006',
  createable: true,
  updateable: true,
  queryable: true,
  fields: [
    { name: 'Id', type: 'id', nillable: false, createable: false, updateable: false, defaultedOnCreate: true },
    { name: 'Name', label: 'Name', type: 'string', length: 120, nillable: false, createable: true, updateable: true },
    {
      name: 'StageName',
      label: 'Stage',
      type: 'picklist',
      nillable: false,
      createable: true,
      updateable: true,
      restrictedPicklist: true,
      picklistValues: [
        { value: 'Prospecting', label: 'Prospecting', active: true, defaultValue: false },
        { value: 'Old', label: 'Old', active: false, defaultValue: false },
      ],
    },
    { name: 'IsPrivate', type: 'boolean', nillable: false, createable: true, updateable: true, defaultedOnCreate: true },
    { name: 'OwnerId', type: 'reference', nillable: false, createable: true, updateable: true, defaultedOnCreate: true, referenceTo: ['User'], relationshipName: 'Owner' },
    { name: 'Amount', type: 'currency', nillable: true, createable: true, updateable: false, precision: 18, scale: 2 },
    { name: 'CurrencyIsoCode', type: 'picklist', nillable: false, createable: true, updateable: true, defaultedOnCreate: true },
    { label: 'no name' },
  ],
  recordTypeInfos: [
    { recordTypeId: '0125e0000000001AAA', name: 'New Business', developerName: 'New_Business', available: true, defaultRecordTypeMapping: true, master: false },
    { recordTypeId: '012000000000000AAA', name: 'Master', developerName: 'Master', available: false, defaultRecordTypeMapping: false, master: true },
  ],
};

describe('parseDescribe', () => {
  const meta = parseDescribe(body);

  it('reads fields as Salesforce describes them, leaving out malformed entries', () => {
    expect(meta?.fields.map((f) => f.name)).toEqual(['Id', 'Name', 'StageName', 'IsPrivate', 'OwnerId', 'Amount', 'CurrencyIsoCode']);
    expect(meta && findFieldMetadata(meta, 'name')).toMatchObject({ label: 'Name', length: 120, required: true });
    expect(meta && findFieldMetadata(meta, 'Amount')).toMatchObject({ required: false, updateable: false, precision: 18, scale: 2 });
  });

  it('counts neither defaulted fields nor checkboxes nor system fields as required', () => {
    expect(meta?.fields.filter((f) => f.required).map((f) => f.name)).toEqual(['Name', 'StageName']);
  });

  it('offers active picklist values only, or the record type values where known', () => {
    const stage = meta && findFieldMetadata(meta, 'StageName');
    expect(stage && picklistOptions(stage).map((v) => v.value)).toEqual(['Prospecting']);
    const perType = parseRecordTypePicklists('Opportunity', '0125e0000000001AAA', {
      picklistFieldValues: { StageName: { defaultValue: { value: 'Qualification' }, values: [{ value: 'Qualification', label: 'Qualification' }] } },
    });
    expect(perType?.fields.StageName?.defaultValue).toBe('Qualification');
    expect(stage && picklistOptions(stage, perType).map((v) => v.value)).toEqual(['Qualification']);
  });

  it('names only readable fields, spelled as Salesforce spells them', () => {
    expect(meta && readableFields(meta, ['name', 'Phone', 'NAME', 'amount'])).toEqual(['Name', 'Amount']);
    expect(meta && canReadField(meta, 'Phone')).toBe(false);
    expect(meta && isMultiCurrency(meta)).toBe(true);
  });

  it('picks the default record type, else Master', () => {
    expect(meta && defaultRecordType(meta)?.name).toBe('New Business');
    expect(defaultRecordType({ ...meta!, recordTypes: meta!.recordTypes.slice(1) })?.name).toBe('Master');
  });

  it.each([null, 'text', [], { name: 'X' }, { fields: [] }])('refuses %j', (value) => {
    expect(parseDescribe(value)).toBeUndefined();
  });
});

describe('parseLayoutPicklists', () => {
  it('reads each record type mapping, active values only, and skips malformed entries', () => {
    const byType = parseLayoutPicklists('Opportunity', {
      recordTypeMappings: [
        {
          recordTypeId: 'A',
          picklistsForRecordType: [
            {
              picklistName: 'StageName',
              picklistValues: [
                { value: 'X', label: 'Ex', active: true, defaultValue: true },
                { value: 'Y', active: false },
              ],
            },
            { picklistValues: [] },
          ],
        },
        { name: 'no id' },
      ],
    });
    expect([...byType.keys()]).toEqual(['A']);
    expect(byType.get('A')?.fields).toEqual({ StageName: { values: [{ value: 'X', label: 'Ex', active: true, defaultValue: true }], defaultValue: 'X' } });
    expect(parseLayoutPicklists('Opportunity', 'nonsense').size).toBe(0);
  });
});
