/**
 * The fields a create or edit form offers, from the org's metadata and the admin's configuration: editable where the
 * admin lists the field and field-level security lets the seller change it, required where Salesforce requires it or
 * the admin does (`requiredOnSave`). Labels, types, lengths and picklists are the metadata's.
 */
import type { ObjectConfig } from '../../config/crm-config';
import { findFieldMetadata, type FieldMetadata, type SObjectMetadata } from './sobject-metadata';

export interface FormField {
  field: FieldMetadata;
  /** Must be filled before the form is sent. */
  required: boolean;
}

/** Fields an edit form offers for an existing record: the admin's editable ones the seller may update. */
export function editableFormFields(meta: SObjectMetadata, config: Pick<ObjectConfig, 'editableFields' | 'requiredOnSave'>): FormField[] {
  return config.editableFields.flatMap((name) => {
    const field = findFieldMetadata(meta, name);
    if (!field?.updateable) return [];
    return [{ field, required: !field.nillable || config.requiredOnSave.some((r) => r.toLowerCase() === field.name.toLowerCase()) }];
  });
}

/**
 * Fields a create form must offer: every field Salesforce requires on create, then the admin's required and editable
 * ones the seller may set, each once.
 */
export function createFormFields(meta: SObjectMetadata, config: Pick<ObjectConfig, 'editableFields' | 'requiredOnSave'>): FormField[] {
  const required = (field: FieldMetadata): boolean => field.required || config.requiredOnSave.some((r) => r.toLowerCase() === field.name.toLowerCase());
  const names = [...meta.fields.filter((f) => f.required).map((f) => f.name), ...config.requiredOnSave, ...config.editableFields];
  const out: FormField[] = [];
  for (const name of names) {
    const field = findFieldMetadata(meta, name);
    if (!field?.createable || out.some((f) => f.field.name === field.name)) continue;
    out.push({ field, required: required(field) });
  }
  return out;
}

/** The required fields a draft leaves empty (API names), so the form can say so before anything is sent. */
export function missingRequired(fields: readonly FormField[], values: Readonly<Record<string, unknown>>): string[] {
  return fields.filter((f) => f.required && (values[f.field.name] === undefined || values[f.field.name] === null || String(values[f.field.name]).trim() === '')).map((f) => f.field.name);
}
