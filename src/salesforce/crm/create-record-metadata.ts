/**
 * The create forms shaped by the org's metadata (sObject describe, as the signed-in seller sees it): only fields the
 * seller may set, the org's labels, lengths and required flags, picklist values of the seller's default record type,
 * and any other field the org requires on create. An object the seller may not create is not offered a form.
 */
import type { MetadataSource } from '../metadata/metadata-source';
import { defaultRecordType, findFieldMetadata, picklistOptions, type FieldMetadata, type RecordTypePicklists, type SObjectMetadata } from '../metadata/sobject-metadata';
import type { CreatableSObject } from '../outbox/outbox';
import { RECORD_FORMS, type FieldKind, type FieldSpec } from './create-record-draft';

export interface RecordForm {
  /** The seller may create records of this object. */
  createable: boolean;
  fields: FieldSpec[];
}

/** How a field of this describe type is entered; undefined: not one the pane can offer. */
function kindOf(field: FieldMetadata): FieldKind | undefined {
  switch (field.type) {
    case 'string':
      return 'text';
    case 'email':
    case 'phone':
    case 'url':
    case 'textarea':
    case 'date':
    case 'picklist':
      return field.type;
    case 'currency':
    case 'double':
    case 'percent':
    case 'int':
      return 'currency';
    case 'reference':
      return field.referenceTo.includes('Account') ? 'account' : undefined;
    default:
      return undefined;
  }
}

function specOf(field: FieldMetadata, kind: FieldKind, base: FieldSpec | undefined, recordType: RecordTypePicklists | undefined): FieldSpec {
  const spec: FieldSpec = { name: field.name, kind, label: field.label };
  // Either side requiring it is enough: Salesforce refuses what describe requires, the form's own list is stricter.
  if (field.required || base?.required) spec.required = true;
  const maxLength = field.length > 0 ? field.length : base?.maxLength;
  if (maxLength !== undefined && kind !== 'picklist' && kind !== 'account' && kind !== 'date' && kind !== 'currency') spec.maxLength = maxLength;
  if (kind === 'picklist') spec.options = picklistOptions(field, recordType).map((v) => v.value);
  return spec;
}

/**
 * `requiredOnSave`: the admin's own required fields (config.json `salesforce.objects.<X>.requiredOnSave`), on top of
 * Salesforce's; one the form does not show is added when the seller may set it.
 */
export function formFromMetadata(sobject: CreatableSObject, meta: SObjectMetadata, recordType?: RecordTypePicklists, requiredOnSave: readonly string[] = []): RecordForm {
  if (!meta.createable) return { createable: false, fields: [] };
  const base = RECORD_FORMS[sobject];
  const fields: FieldSpec[] = [];
  for (const spec of base) {
    const field = findFieldMetadata(meta, spec.name);
    // Hidden or read-only for this seller (field-level security): never offered, never sent.
    if (!field?.createable) continue;
    fields.push(specOf(field, spec.kind, spec, recordType));
  }
  const adminRequired = new Set(requiredOnSave.map((n) => n.toLowerCase()));
  for (const spec of fields) if (adminRequired.has(spec.name.toLowerCase())) spec.required = true;
  for (const field of meta.fields) {
    const required = field.required || adminRequired.has(field.name.toLowerCase());
    if (!required || !field.createable || fields.some((f) => f.name === field.name)) continue;
    const kind = kindOf(field);
    if (kind) fields.push({ ...specOf(field, kind, undefined, recordType), required: true });
  }
  return { createable: true, fields };
}

/** One describe (cached, conditional) and, where the seller's default record type is not Master, its picklists. */
export async function loadRecordForm(source: Pick<MetadataSource, 'describe' | 'picklistValues'>, sobject: CreatableSObject, requiredOnSave: readonly string[] = []): Promise<RecordForm> {
  const meta = await source.describe(sobject);
  const recordType = defaultRecordType(meta);
  const picklists = recordType && !recordType.master ? await source.picklistValues(sobject, recordType.recordTypeId) : undefined;
  return formFromMetadata(sobject, meta, picklists, requiredOnSave);
}
