import { describe, expect, it } from 'vitest';
import { parseDescribe, type RecordTypePicklists } from '../metadata/sobject-metadata';
import { formFromMetadata, loadRecordForm } from './create-record-metadata';

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  label: `${name} label`,
  type,
  createable: true,
  updateable: true,
  nillable: true,
  defaultedOnCreate: false,
  length: type === 'string' ? 100 : 0,
  picklistValues: [],
  referenceTo: [],
  ...extra,
});

const opportunity = parseDescribe({
  name: 'Opportunity',
  createable: true,
  fields: [
    field('Name', 'string', { nillable: false, length: 120 }),
    field('AccountId', 'reference', { referenceTo: ['Account'] }),
    field('StageName', 'picklist', {
      nillable: false,
      picklistValues: [
        { value: 'Prospecting', label: 'Prospecting', active: true },
        { value: 'Old', label: 'Old', active: false },
        { value: 'Closed Won', label: 'Closed Won', active: true },
      ],
    }),
    field('CloseDate', 'date', { nillable: false }),
    // Amount is left out: field-level security hides it from this seller.
    field('Region__c', 'picklist', { nillable: false, label: 'Region', picklistValues: [{ value: 'EMEA', label: 'EMEA', active: true }] }),
    field('Legacy_Id__c', 'string', { nillable: false, createable: false }),
    field('IsPrivate', 'boolean', { nillable: false }),
  ],
  recordTypeInfos: [
    { recordTypeId: '012000000000000AAA', name: 'Master', master: true, available: true, defaultRecordTypeMapping: false },
    { recordTypeId: '0125e0000000002AAA', name: 'Renewal', developerName: 'Renewal', available: true, defaultRecordTypeMapping: true },
  ],
});

describe('formFromMetadata', () => {
  it('offers only what the seller may set, with the org’s labels and required flags, and the fields the org requires', () => {
    if (!opportunity) throw new Error('no describe');
    const form = formFromMetadata('Opportunity', opportunity);
    expect(form.createable).toBe(true);
    expect(form.fields).toEqual([
      { name: 'Name', kind: 'text', label: 'Name label', required: true, maxLength: 120 },
      { name: 'AccountId', kind: 'account', label: 'AccountId label' },
      { name: 'StageName', kind: 'picklist', label: 'StageName label', required: true, options: ['Prospecting', 'Closed Won'] },
      { name: 'CloseDate', kind: 'date', label: 'CloseDate label', required: true },
      { name: 'Region__c', kind: 'picklist', label: 'Region', required: true, options: ['EMEA'] },
    ]);
  });

  it('takes the picklist values of the record type', () => {
    if (!opportunity) throw new Error('no describe');
    const renewal: RecordTypePicklists = {
      sobject: 'Opportunity',
      recordTypeId: '0125e0000000002AAA',
      fields: { StageName: { values: [{ value: 'Qualification', label: 'Qualification', active: true, defaultValue: false }], defaultValue: null } },
    };
    expect(formFromMetadata('Opportunity', opportunity, renewal).fields.find((f) => f.name === 'StageName')?.options).toEqual(['Qualification']);
  });

  it('the admin’s required fields: marked on the form, added when the form lacks one the seller may set', () => {
    if (!opportunity) throw new Error('no describe');
    const lead = parseDescribe({
      name: 'Lead',
      createable: true,
      fields: [field('LastName', 'string'), field('Phone', 'phone'), field('Rating', 'picklist'), field('Legacy__c', 'string', { createable: false })],
    });
    if (!lead) throw new Error('no describe');
    const form = formFromMetadata('Lead', lead, undefined, ['phone', 'Rating', 'Legacy__c', 'Nowhere__c']);
    expect(form.fields.map((f) => [f.name, f.required === true])).toEqual([
      ['LastName', true],
      ['Phone', true],
      ['Rating', true],
    ]);
  });

  it('an object the seller may not create: no form', () => {
    const lead = parseDescribe({ name: 'Lead', createable: false, fields: [field('LastName', 'string')] });
    if (!lead) throw new Error('no describe');
    expect(formFromMetadata('Lead', lead)).toEqual({ createable: false, fields: [] });
  });
});

describe('loadRecordForm', () => {
  it('asks for the default record type’s picklists only when it is not Master', async () => {
    if (!opportunity) throw new Error('no describe');
    const asked: string[] = [];
    const source = {
      describe: (sobject: string) => (asked.push(`describe ${sobject}`), Promise.resolve(opportunity)),
      picklistValues: (sobject: string, recordTypeId: string) => (asked.push(`picklists ${sobject} ${recordTypeId}`), Promise.resolve({ sobject, recordTypeId, fields: {} })),
    };
    await loadRecordForm(source, 'Opportunity');
    expect(asked).toEqual(['describe Opportunity', 'picklists Opportunity 0125e0000000002AAA']);
  });
});

describe('loadRecordForm and record types', () => {
  const stage = (values: string[]) => ({ values: values.map((value) => ({ value, label: value, active: true, defaultValue: false })), defaultValue: null });
  const PICKLISTS: Record<string, RecordTypePicklists['fields']> = {
    '0125e0000000001AAA': { StageName: stage(['Prospecting', 'Qualification']) },
    '0125e0000000002AAA': { StageName: stage(['Qualification']) },
  };
  const source = (describe: ReturnType<typeof parseDescribe>) => ({
    describe: () => Promise.resolve(describe!),
    picklistValues: (sobject: string, recordTypeId: string) => Promise.resolve({ sobject, recordTypeId, fields: PICKLISTS[recordTypeId] ?? {} }),
  });
  const typed = (recordTypeField: Record<string, unknown> | undefined, available: [boolean, boolean]) =>
    parseDescribe({
      name: 'Opportunity',
      createable: true,
      fields: [field('Name', 'string', { nillable: false }), field('StageName', 'picklist', { nillable: false }), ...(recordTypeField ? [recordTypeField] : [])],
      recordTypeInfos: [
        { recordTypeId: '0125e0000000001AAA', name: 'New Business', available: available[0], defaultRecordTypeMapping: false },
        { recordTypeId: '0125e0000000002AAA', name: 'Renewal', available: available[1], defaultRecordTypeMapping: true },
        { recordTypeId: '012000000000000AAA', name: 'Master', master: true, available: false, defaultRecordTypeMapping: false },
      ],
    });
  const options = (fields: readonly { name: string; options?: readonly string[] }[] | undefined) => fields?.find((f) => f.name === 'StageName')?.options;

  it('several record types: the default is sent, each choice has its own stages', async () => {
    const form = await loadRecordForm(source(typed(field('RecordTypeId', 'reference'), [true, true])), 'Opportunity');
    expect(form.recordTypeId).toBe('0125e0000000002AAA');
    expect(options(form.fields)).toEqual(['Qualification']);
    expect(form.recordTypes?.map((rt) => [rt.name, options(rt.fields)])).toEqual([
      ['New Business', ['Prospecting', 'Qualification']],
      ['Renewal', ['Qualification']],
    ]);
  });

  it('one record type the seller may use: sent without a choice, even where it is not the org default', async () => {
    const form = await loadRecordForm(source(typed(field('RecordTypeId', 'reference'), [true, false])), 'Opportunity');
    expect(form.recordTypeId).toBe('0125e0000000001AAA');
    expect(form.recordTypes).toBeUndefined();
    expect(options(form.fields)).toEqual(['Prospecting', 'Qualification']);
  });

  it('RecordTypeId the seller may not set (or not see): never sent, the default record type picklists still apply', async () => {
    for (const recordTypeField of [field('RecordTypeId', 'reference', { createable: false }), undefined]) {
      const form = await loadRecordForm(source(typed(recordTypeField, [true, true])), 'Opportunity');
      expect(form.recordTypeId).toBeUndefined();
      expect(form.recordTypes).toBeUndefined();
      expect(options(form.fields)).toEqual(['Qualification']);
    }
  });
});
