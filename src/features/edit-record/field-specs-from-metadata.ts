/**
 * The edit form's fields from the org's own describe (H4's metadata module): a field the seller cannot see is absent
 * from describe and is not offered; one they may not edit (field-level security, or never updateable) is not offered
 * either; labels and lengths are the org's, picklist values those of the record's record type (the object's active
 * ones for a record without one). The admin's `requiredOnSave` fields are required, as on create. Without metadata
 * (not loaded yet, or describe refused), Salesforce's standard definitions stand in.
 */
import { useEffect, useState } from 'react';
import type { EditRecordStrings } from '../../i18n/edit-record-strings';
import type { EditableSObject } from '../../salesforce/crm/update-record';
import type { MetadataSource } from '../../salesforce/metadata/metadata-source';
import { picklistOptions, type RecordTypePicklists, type SObjectMetadata } from '../../salesforce/metadata/sobject-metadata';
import { createLogger } from '../../shared/logger';
import { standardFieldSpecs, type EditFieldSpec } from './edit-record-draft';

const log = createLogger('features.edit-record');

export interface EditSpecOptions {
  /** The record's record type's picklist values (`MetadataSource.picklistsForRecord`). */
  picklists?: RecordTypePicklists;
  /** The admin's required fields (config.json `salesforce.objects.<X>.requiredOnSave`). */
  requiredOnSave?: readonly string[];
}

const withAdminRequired = (specs: EditFieldSpec[], requiredOnSave: readonly string[] = []): EditFieldSpec[] => {
  const required = new Set(requiredOnSave.map((name) => name.toLowerCase()));
  return specs.map((spec) => (required.has(spec.name.toLowerCase()) ? { ...spec, required: true } : spec));
};

export function fieldSpecsFromMetadata(sobject: EditableSObject, metadata: SObjectMetadata | undefined, s: EditRecordStrings, options: EditSpecOptions = {}): EditFieldSpec[] {
  const standard = standardFieldSpecs(sobject, s);
  if (!metadata || metadata.name.toLowerCase() !== sobject.toLowerCase()) return withAdminRequired(standard, options.requiredOnSave);
  const specs: EditFieldSpec[] = [];
  for (const spec of standard) {
    const field = metadata.fields.find((f) => f.name.toLowerCase() === spec.name.toLowerCase());
    if (!field || !field.updateable) continue;
    const next: EditFieldSpec = { ...spec, label: field.label || spec.label, required: spec.required === true || (!field.nillable && field.type !== 'boolean') };
    if (spec.kind === 'picklist') {
      const offered = picklistOptions(field, options.picklists).map((v) => ({ value: v.value, label: v.label || v.value }));
      if (offered.length > 0) next.options = offered;
    }
    if (field.length > 0 && spec.kind !== 'picklist' && spec.kind !== 'date' && spec.kind !== 'currency') next.maxLength = field.length;
    specs.push(next);
  }
  return withAdminRequired(specs, options.requiredOnSave);
}

interface Loaded {
  key: string;
  metadata: SObjectMetadata | undefined;
  picklists: RecordTypePicklists | undefined;
}

/**
 * The specs for one record, from the cached or described metadata and its record type's picklists once they are there
 * (asked only now, when the form opens); nothing meanwhile.
 */
export function useEditFieldSpecs(
  source: MetadataSource | undefined,
  sobject: EditableSObject | undefined,
  s: EditRecordStrings,
  record: { recordId?: string; requiredOnSave?: readonly string[] } = {},
): EditFieldSpec[] | undefined {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const { recordId, requiredOnSave } = record;
  const key = `${sobject ?? ''}/${recordId ?? ''}`;
  useEffect(() => {
    if (!source || !sobject) return undefined;
    let current = true;
    const picklistsOf = async (): Promise<RecordTypePicklists | undefined> => {
      if (!recordId) return undefined;
      // Without them the object's values stand in: Salesforce still refuses a value the record type does not allow.
      return source.picklistsForRecord(sobject, recordId).catch((error: unknown) => {
        log.debug('record type picklists for the edit form failed; the object values stand in', error);
        return undefined;
      });
    };
    source.describe(sobject).then(
      async (metadata) => {
        const picklists = await picklistsOf();
        if (current) setLoaded({ key, metadata, picklists });
      },
      (error: unknown) => {
        log.debug('describe for the edit form failed; standard fields stand in', error);
        if (current) setLoaded({ key, metadata: undefined, picklists: undefined });
      },
    );
    return () => {
      current = false;
    };
  }, [source, sobject, recordId, key]);
  if (!sobject) return undefined;
  const options = { ...(requiredOnSave ? { requiredOnSave } : {}) };
  if (!source) return fieldSpecsFromMetadata(sobject, undefined, s, options);
  // Until describe answers, nothing is offered that the seller might not be allowed to see.
  if (loaded?.key !== key) return undefined;
  return fieldSpecsFromMetadata(sobject, loaded.metadata, s, { ...options, ...(loaded.picklists ? { picklists: loaded.picklists } : {}) });
}
