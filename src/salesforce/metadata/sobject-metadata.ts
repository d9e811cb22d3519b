/**
 * What the add-in knows of an sObject's shape, from Salesforce's sObject Describe (REST API Developer Guide, "sObject
 * Describe"; field properties as in the SOAP API's DescribeSObjectResult / Field). Describe answers for the signed-in
 * user: a field their profile and permission sets do not let them read is absent from `fields`, so every field here
 * may be named in a query. Forms take labels, types, picklists and required flags from here, never from constants.
 */

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldMetadata {
  /** API name, e.g. `Email`, `Personal_Email__c`. */
  name: string;
  /** Label in the seller's language. */
  label: string;
  /** Salesforce's field type: string, email, phone, picklist, currency, reference, date, boolean, textarea, ... */
  type: string;
  /** The seller may set it on create / change it on update (field-level security "Edit" and not system-computed). */
  createable: boolean;
  updateable: boolean;
  /** May be empty. */
  nillable: boolean;
  /** Salesforce fills it when a create leaves it out (OwnerId, checkboxes, defaulted picklists). */
  defaultedOnCreate: boolean;
  /** Must be given on create: createable, not nillable and not defaulted (Salesforce answers REQUIRED_FIELD_MISSING). */
  required: boolean;
  /** Maximum text length; 0 where it does not apply. */
  length: number;
  /** Every value of the picklist across record types; per record type: `RecordTypePicklists`. */
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  /** For references: the objects an id may point to. */
  referenceTo: string[];
  relationshipName?: string;
  custom: boolean;
  externalId: boolean;
  /** Numbers: digits in all and after the point (currency, double, percent). */
  precision: number;
  scale: number;
}

export interface RecordTypeMetadata {
  recordTypeId: string;
  name: string;
  developerName: string;
  /** The seller may create records of this type. */
  available: boolean;
  /** The seller's default record type for new records. */
  defaultRecordTypeMapping: boolean;
  /** The Master record type (an object with no record types of its own has only this one). */
  master: boolean;
}

export interface SObjectMetadata {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string | null;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: FieldMetadata[];
  recordTypes: RecordTypeMetadata[];
}

/** Picklist values a record type allows, per field (UI API "Get Values for All Picklist Fields of a Record Type"). */
export interface RecordTypePicklists {
  sobject: string;
  recordTypeId: string;
  fields: Record<string, { values: PicklistValue[]; defaultValue: string | null }>;
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const flag = (value: unknown): boolean => value === true;
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function parsePicklistValue(raw: unknown): PicklistValue | undefined {
  const v = record(raw);
  if (typeof v.value !== 'string') return undefined;
  return { value: v.value, label: text(v.label, v.value), active: v.active !== false, defaultValue: flag(v.defaultValue) };
}

function parseField(raw: unknown): FieldMetadata | undefined {
  const f = record(raw);
  if (typeof f.name !== 'string' || !f.name) return undefined;
  const createable = flag(f.createable);
  const nillable = flag(f.nillable);
  const defaultedOnCreate = flag(f.defaultedOnCreate);
  const relationshipName = typeof f.relationshipName === 'string' ? f.relationshipName : undefined;
  return {
    name: f.name,
    label: text(f.label, f.name),
    type: text(f.type, 'string'),
    createable,
    updateable: flag(f.updateable),
    nillable,
    defaultedOnCreate,
    // A boolean is never nillable yet never required: it defaults to false (the SOAP API's Field.nillable note).
    required: createable && !nillable && !defaultedOnCreate && f.type !== 'boolean',
    length: count(f.length),
    picklistValues: list(f.picklistValues)
      .map(parsePicklistValue)
      .filter((v): v is PicklistValue => v !== undefined),
    restrictedPicklist: flag(f.restrictedPicklist),
    referenceTo: list(f.referenceTo).filter((r): r is string => typeof r === 'string'),
    ...(relationshipName ? { relationshipName } : {}),
    custom: flag(f.custom),
    externalId: flag(f.externalId),
    precision: count(f.precision),
    scale: count(f.scale),
  };
}

function parseRecordType(raw: unknown): RecordTypeMetadata | undefined {
  const r = record(raw);
  if (typeof r.recordTypeId !== 'string') return undefined;
  return {
    recordTypeId: r.recordTypeId,
    name: text(r.name),
    developerName: text(r.developerName, text(r.name)),
    available: flag(r.available),
    defaultRecordTypeMapping: flag(r.defaultRecordTypeMapping),
    master: flag(r.master),
  };
}

/** Reads an sObject Describe body; undefined when it is not one. */
export function parseDescribe(body: unknown): SObjectMetadata | undefined {
  const d = record(body);
  if (typeof d.name !== 'string' || !Array.isArray(d.fields)) return undefined;
  return {
    name: d.name,
    label: text(d.label, d.name),
    labelPlural: text(d.labelPlural, text(d.label, d.name)),
    keyPrefix: typeof d.keyPrefix === 'string' ? d.keyPrefix : null,
    custom: flag(d.custom),
    createable: flag(d.createable),
    updateable: flag(d.updateable),
    deletable: flag(d.deletable),
    queryable: flag(d.queryable),
    fields: d.fields.map(parseField).filter((f): f is FieldMetadata => f !== undefined),
    recordTypes: list(d.recordTypeInfos)
      .map(parseRecordType)
      .filter((r): r is RecordTypeMetadata => r !== undefined),
  };
}

/** Reads a UI API picklist-values/{recordTypeId} body; undefined when it is not one. */
export function parseRecordTypePicklists(sobject: string, recordTypeId: string, body: unknown): RecordTypePicklists | undefined {
  const all = record(body).picklistFieldValues;
  if (!all || typeof all !== 'object') return undefined;
  const fields: RecordTypePicklists['fields'] = {};
  for (const [name, raw] of Object.entries(record(all))) {
    const entry = record(raw);
    const values = list(entry.values)
      .map((v) => parsePicklistValue({ ...record(v), active: true }))
      .filter((v): v is PicklistValue => v !== undefined);
    const defaultValue = record(entry.defaultValue).value;
    fields[name] = { values, defaultValue: typeof defaultValue === 'string' ? defaultValue : null };
  }
  return { sobject, recordTypeId, fields };
}

/**
 * Reads the record type mappings of a describe/layouts body (`recordTypeMappings[].picklistsForRecordType`, as the
 * SOAP API's DescribeLayoutResult): each record type's picklist values, by record type id.
 */
export function parseLayoutPicklists(sobject: string, body: unknown): Map<string, RecordTypePicklists> {
  const out = new Map<string, RecordTypePicklists>();
  for (const raw of list(record(body).recordTypeMappings)) {
    const mapping = record(raw);
    if (typeof mapping.recordTypeId !== 'string') continue;
    const fields: RecordTypePicklists['fields'] = {};
    for (const entry of list(mapping.picklistsForRecordType)) {
      const picklist = record(entry);
      if (typeof picklist.picklistName !== 'string') continue;
      const values = list(picklist.picklistValues)
        .map(parsePicklistValue)
        .filter((v): v is PicklistValue => v !== undefined && v.active);
      fields[picklist.picklistName] = { values, defaultValue: values.find((v) => v.defaultValue)?.value ?? null };
    }
    out.set(mapping.recordTypeId, { sobject, recordTypeId: mapping.recordTypeId, fields });
  }
  return out;
}

/** The field, matched case-insensitively like SOQL; undefined when absent or hidden from the seller. */
export function findFieldMetadata(meta: SObjectMetadata, name: string): FieldMetadata | undefined {
  const lower = name.toLowerCase();
  return meta.fields.find((f) => f.name.toLowerCase() === lower);
}

/** Whether the seller may read the field (describe leaves out what field-level security hides). */
export function canReadField(meta: SObjectMetadata, name: string): boolean {
  return findFieldMetadata(meta, name) !== undefined;
}

/** The names among `wanted` the seller may read, in the order given, spelled as Salesforce spells them. */
export function readableFields(meta: SObjectMetadata, wanted: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of wanted) {
    const field = findFieldMetadata(meta, name);
    if (field && !out.includes(field.name)) out.push(field.name);
  }
  return out;
}

/** The record type new records get when the seller picks none: their default mapping, else Master. */
export function defaultRecordType(meta: SObjectMetadata): RecordTypeMetadata | undefined {
  return meta.recordTypes.find((r) => r.defaultRecordTypeMapping && r.available) ?? meta.recordTypes.find((r) => r.master);
}

/** The picklist values a form offers: the record type's where known, else the field's active values. */
export function picklistOptions(field: FieldMetadata, recordType?: RecordTypePicklists): PicklistValue[] {
  const perType = recordType?.fields[field.name]?.values;
  return perType ?? field.picklistValues.filter((v) => v.active);
}

/** Whether the org has multi-currency on: every currency field's record then carries CurrencyIsoCode. */
export function isMultiCurrency(meta: SObjectMetadata): boolean {
  return canReadField(meta, 'CurrencyIsoCode');
}
