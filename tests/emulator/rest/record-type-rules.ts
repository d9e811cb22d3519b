/**
 * Record types on writes (objects with record types of their own: record-types.ts). A create without RecordTypeId
 * gets the user's default record type; a RecordTypeId that is not one of the object's record types, or one the user's
 * profile may not use (Master included, once the object has its own), is refused with INVALID_CROSS_REFERENCE_KEY
 * "Record Type ID: this ID value isn't valid for the user: <id>"; a restricted picklist value the record's record type
 * does not allow is refused as any bad restricted picklist value is. Records without a record type (saved before the
 * object had any: the demo seed) keep the object's full value lists.
 */
import type { OrgState } from '../org-state';
import type { SfRecord } from '../record-store';
import { MASTER_RECORD_TYPE_ID, recordTypeAccessFor, recordTypesOf } from '../record-types';
import { findField, type SObjectDef } from '../schema';
import type { SfError } from './rest-errors';

export type RecordTypeOutcome = { ok: true; values: Record<string, unknown> } | { ok: false; errors: SfError[] };

/** `values` are the write's checked values (canonical field names, sobject-rules.ts checkWrite). */
export function checkRecordType(org: OrgState, userId: string, def: SObjectDef, values: Record<string, unknown>, mode: 'create' | 'update', existing?: SfRecord): RecordTypeOutcome {
  const own = recordTypesOf(def.name);
  if (own.length === 0 || !findField(def, 'RecordTypeId')) return { ok: true, values };
  const access = recordTypeAccessFor(org.policy, org.userById(userId)?.username, def.name);
  let out = values;
  if ('RecordTypeId' in values) {
    const wanted = values.RecordTypeId;
    // Null stands for Master, which a user may not pick once the object has record types of its own.
    const id = typeof wanted === 'string' ? wanted : MASTER_RECORD_TYPE_ID;
    const known = access.available.find((rt) => rt.id === id || rt.id.slice(0, 15) === id.slice(0, 15));
    if (!known) {
      return { ok: false, errors: [{ message: `Record Type ID: this ID value isn't valid for the user: ${id}`, errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['RecordTypeId'] }] };
    }
    out = { ...values, RecordTypeId: known.id };
  } else if (mode === 'create' && access.default) {
    out = { ...values, RecordTypeId: access.default.id };
  }
  const recordTypeId = out.RecordTypeId ?? existing?.RecordTypeId;
  const recordType = own.find((rt) => rt.id === recordTypeId);
  if (!recordType) return { ok: true, values: out };
  // A changed record type must fit the values the record keeps too (inferred: the stricter reading).
  const checked = { ...(existing && 'RecordTypeId' in values ? existing : {}), ...out };
  for (const [name, allowed] of Object.entries(recordType.picklists)) {
    const value = checked[name];
    if (typeof value !== 'string' || value === '' || allowed.includes(value)) continue;
    const label = findField(def, name)?.label ?? name;
    return { ok: false, errors: [{ message: `${label}: bad value for restricted picklist field: ${value}`, errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: [name] }] };
  }
  return { ok: true, values: out };
}
