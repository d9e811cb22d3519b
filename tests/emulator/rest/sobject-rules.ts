/**
 * What the org checks before it saves a record, in Salesforce's order: unknown fields, value types and field-level
 * rules (length, email format, restricted picklists), read-only fields, required fields, references, the demo
 * validation rule (the duplicate rules follow, in duplicate-rules.ts).
 */
import { looksLikeId } from '../ids';
import { formatDateTime, parseDateTime, type RecordStore, type SfRecord } from '../record-store';
import { findField, sobjectForId, type FieldDef, type SObjectDef } from '../schema';
import { demoValidationRule } from './demo-validation-rules';
import { deriveEmailRelation, refuseEmailMessageUpdate } from './email-message-rules';
import type { SfError } from './rest-errors';

export type RuleOutcome = { ok: true; values: Record<string, unknown> } | { ok: false; status: number; errors: SfError[] };

const fail = (status: number, errors: SfError[]): RuleOutcome => ({ ok: false, status, errors });

export function checkWrite(store: RecordStore, def: SObjectDef, body: Record<string, unknown>, mode: 'create' | 'update', existing?: SfRecord): RuleOutcome {
  const values: Record<string, unknown> = {};
  const readOnly: string[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const field = findField(def, key);
    if (!field) return fail(400, [{ message: `No such column '${key}' on sobject of type ${def.name}`, errorCode: 'INVALID_FIELD' }]);
    if (field.readOnly) {
      readOnly.push(field.name);
      continue;
    }
    const coerced = coerce(field, raw);
    if (!coerced.ok) {
      return fail(400, [
        {
          message: `Cannot deserialize instance of ${field.type} from VALUE_STRING value ${String(raw)} or request may be missing a required field`,
          errorCode: 'JSON_PARSER_ERROR',
        },
      ]);
    }
    const refused = refuseValue(field, coerced.value);
    if (refused) return fail(400, [refused]);
    values[field.name] = coerced.value;
  }
  if (readOnly.length > 0) {
    return fail(400, [
      {
        message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your role or layout.`,
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        fields: readOnly,
      },
    ]);
  }
  const missing = def.fields
    .filter((f) => f.required)
    .filter((f) => {
      const value = f.name in values ? values[f.name] : mode === 'create' ? undefined : existing?.[f.name];
      return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    })
    .map((f) => f.name);
  if (missing.length > 0) {
    return fail(400, [{ message: `Required fields are missing: [${missing.join(', ')}]`, errorCode: 'REQUIRED_FIELD_MISSING', fields: missing }]);
  }
  for (const field of def.fields) {
    // RecordTypeId is checked against the user's record types (record-type-rules.ts), not as a record reference.
    if (field.type !== 'reference' || !(field.name in values) || field.name === 'RecordTypeId') continue;
    const error = checkReference(store, field, values[field.name]);
    if (error) return fail(400, [error]);
  }
  const draftOnly = mode === 'update' ? refuseEmailMessageUpdate(def, values, existing) : undefined;
  if (draftOnly) return fail(400, [draftOnly]);
  const merged = { ...(existing ?? {}), ...values };
  if (def.name === 'Contact') {
    const phone = merged.Phone;
    if (typeof phone === 'string' && phone.trim() !== '' && phone.replace(/\D/g, '').length < 7) {
      return fail(400, [{ message: 'Phone must contain at least 7 digits.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Phone'] }]);
    }
  }
  const ruleError = demoValidationRule(def, merged);
  if (ruleError) return fail(400, [ruleError]);
  return { ok: true, values: deriveEmailRelation(store, def, values) };
}

function checkReference(store: RecordStore, field: FieldDef, value: unknown): SfError | undefined {
  if (value === null) return undefined;
  const label = field.name.replace(/Id$/, ' ID');
  const targetDef = typeof value === 'string' && looksLikeId(value) ? sobjectForId(value) : undefined;
  if (typeof value !== 'string' || !targetDef || !(field.referenceTo ?? []).includes(targetDef.name)) {
    // The seeded users' ids are 17 chars (team contract), so users are matched by lookup, not by id shape.
    if (typeof value === 'string' && (field.referenceTo ?? []).includes('User') && store.get('User', value)) return undefined;
    return { message: `${label}: id value of incorrect type: ${String(value)}`, errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: [field.name] };
  }
  if (!store.get(targetDef.name, value)) return { message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] };
  return undefined;
}

/**
 * Salesforce's address rule is unpublished; this is the stricter reading of what it refuses: a dot-atom local part
 * (no leading, trailing or doubled dot) and a host of dotted labels ending in an alphabetic top-level domain.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/**
 * The field-level refusals, worded as Salesforce words them: "<label>: data value too large: <value> (max length=N)",
 * "<label>: invalid email address: <value>", "<label>: bad value for restricted picklist field: <value>", each
 * naming the field in `fields`. Length counts UTF-16 code units, never fewer than the characters a seller typed.
 */
function refuseValue(field: FieldDef, value: unknown): SfError | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const label = field.label ?? field.name;
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    return { message: `${label}: data value too large: ${value} (max length=${field.maxLength})`, errorCode: 'STRING_TOO_LONG', fields: [field.name] };
  }
  if (field.type === 'email' && !EMAIL.test(value)) {
    return { message: `${label}: invalid email address: ${value}`, errorCode: 'INVALID_EMAIL_ADDRESS', fields: [field.name] };
  }
  if (field.restrictedValues && !field.restrictedValues.includes(value)) {
    return {
      message: `${label}: bad value for restricted picklist field: ${value}`,
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      fields: [field.name],
    };
  }
  return undefined;
}

type Coerced = { ok: true; value: unknown } | { ok: false };

function coerce(field: FieldDef, raw: unknown): Coerced {
  if (raw === null) return { ok: true, value: null };
  switch (field.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
      return { ok: false };
    case 'currency':
    case 'double':
    case 'int': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case 'date':
      if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw))) return { ok: true, value: raw };
      return { ok: false };
    case 'datetime': {
      const ms = typeof raw === 'string' ? parseDateTime(raw) : NaN;
      return Number.isNaN(ms) ? { ok: false } : { ok: true, value: formatDateTime(ms) };
    }
    default:
      if (typeof raw === 'string') return { ok: true, value: raw };
      if (typeof raw === 'number' || typeof raw === 'boolean') return { ok: true, value: String(raw) };
      return { ok: false };
  }
}
