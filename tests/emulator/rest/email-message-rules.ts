/**
 * Enhanced Email's own rules on top of the field-level ones (Object Reference, EmailMessage and EmailMessageRelation):
 * - an EmailMessage whose Status is not Draft ('5') takes no update but IsExternallyVisible and custom fields; the
 *   guide gives no wire form for the refusal, so the emulator answers as for a read-only field (inferred);
 * - EmailMessageRelation.RelationObjectType is the API name of RelationId's object, and RelationAddress is filled from
 *   the related contact, lead or user's email when the client leaves it out.
 */
import type { RecordStore, SfRecord } from '../record-store';
import { sobjectForId, type SObjectDef } from '../schema';
import type { SfError } from './rest-errors';

const DRAFT = '5';

export function refuseEmailMessageUpdate(def: SObjectDef, values: Record<string, unknown>, existing: SfRecord | undefined): SfError | undefined {
  if (def.name !== 'EmailMessage' || !existing || existing.Status === DRAFT) return undefined;
  const fields = Object.keys(values).filter((name) => name !== 'IsExternallyVisible' && !name.endsWith('__c'));
  if (fields.length === 0) return undefined;
  return {
    message: `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your role or layout.`,
    errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    fields,
  };
}

export function deriveEmailRelation(store: RecordStore, def: SObjectDef, values: Record<string, unknown>): Record<string, unknown> {
  if (def.name !== 'EmailMessageRelation') return values;
  const relationId = values.RelationId;
  if (typeof relationId !== 'string') return values;
  // The seeded users' ids are 17 characters (team contract): match them by lookup before the key prefix.
  const user = store.get('User', relationId);
  const type = user ? 'User' : sobjectForId(relationId)?.name;
  const related = type ? store.get(type, relationId) : undefined;
  const derived: Record<string, unknown> = { ...values, RelationObjectType: type ?? null };
  if ((values.RelationAddress === undefined || values.RelationAddress === null) && typeof related?.Email === 'string') derived.RelationAddress = related.Email;
  return derived;
}
