import { describe, expect, it } from 'vitest';
import { createFormFields, editableFormFields, missingRequired } from './form-fields';
import { parseDescribe } from './sobject-metadata';

const meta = parseDescribe({
  name: 'Contact',
  fields: [
    { name: 'LastName', label: 'Last Name', type: 'string', createable: true, updateable: true, nillable: false },
    { name: 'Title', label: 'Title', type: 'string', createable: true, updateable: true, nillable: true },
    { name: 'Phone', label: 'Business Phone', type: 'phone', createable: true, updateable: false, nillable: true },
    { name: 'OwnerId', type: 'reference', createable: true, updateable: true, nillable: false, defaultedOnCreate: true },
  ],
})!;

describe('form fields from metadata and the admin configuration', () => {
  it('edit: the admin editable fields the seller may update, required where Salesforce or the admin says', () => {
    const fields = editableFormFields(meta, { editableFields: ['Title', 'Phone', 'Missing__c', 'LastName'], requiredOnSave: ['title'] });
    expect(fields.map((f) => [f.field.name, f.required])).toEqual([
      ['Title', true],
      ['LastName', true],
    ]);
  });

  it('create: Salesforce required fields first, then the admin ones, each once; defaulted ones are not required', () => {
    const fields = createFormFields(meta, { editableFields: ['Title', 'Phone', 'LastName'], requiredOnSave: ['Phone'] });
    expect(fields.map((f) => [f.field.name, f.required])).toEqual([
      ['LastName', true],
      ['Phone', true],
      ['Title', false],
    ]);
    expect(missingRequired(fields, { LastName: ' ', Title: '' })).toEqual(['LastName', 'Phone']);
  });
});
