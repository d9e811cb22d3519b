/** Describe results for tests: a field or an object as the metadata module parses them, with what a test names. */
import type { FieldMetadata, SObjectMetadata } from '../salesforce/metadata/sobject-metadata';

export const fieldMetadata = (name: string, extra: Partial<FieldMetadata> = {}): FieldMetadata => ({
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

export const opportunityMetadata = (fields: FieldMetadata[], extra: Partial<SObjectMetadata> = {}): SObjectMetadata => ({
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
  ...extra,
});

export const picklistValue = (value: string) => ({ value, label: value, active: true, defaultValue: false });
