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
  /** The fields of the record type sent (`recordTypeId`), or the object's where it has none. */
  fields: FieldSpec[];
  /** Sent as RecordTypeId: the seller's default record type, where the object has record types they may use. */
  recordTypeId?: string;
  /** Where the seller may use several record types: each with its own fields (picklists follow the record type). */
  recordTypes?: RecordTypeChoice[];
}

export interface RecordTypeChoice {
  id: string;
  name: string;
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

/**
 * One describe (cached, conditional) and, where the object has record types the seller may use, their picklists (one
 * request answers every record type). The default record type is sent as RecordTypeId where the seller may set the
 * field; where they may not, Salesforce gives the record their default itself.
 */
export async function loadRecordForm(source: Pick<MetadataSource, 'describe' | 'picklistValues'>, sobject: CreatableSObject, requiredOnSave: readonly string[] = []): Promise<RecordForm> {
  const meta = await source.describe(sobject);
  const usable = meta.recordTypes.filter((rt) => rt.available && !rt.master);
  const fallback = defaultRecordType(meta);
  if (usable.length === 0 || !meta.createable) {
    const picklists = fallback && !fallback.master ? await source.picklistValues(sobject, fallback.recordTypeId) : undefined;
    return formFromMetadata(sobject, meta, picklists, requiredOnSave);
  }
  const chosen = usable.find((rt) => rt.recordTypeId === fallback?.recordTypeId) ?? usable[0]!;
  const choices = await Promise.all(
    usable.map(async (rt): Promise<RecordTypeChoice> => {
      const picklists = await source.picklistValues(sobject, rt.recordTypeId);
      return { id: rt.recordTypeId, name: rt.name, fields: formFromMetadata(sobject, meta, picklists, requiredOnSave).fields };
    }),
  );
  const fields = choices.find((c) => c.id === chosen.recordTypeId)?.fields ?? [];
  if (!findFieldMetadata(meta, 'RecordTypeId')?.createable) return { createable: true, fields };
  return { createable: true, fields, recordTypeId: chosen.recordTypeId, ...(choices.length > 1 ? { recordTypes: choices } : {}) };
}
