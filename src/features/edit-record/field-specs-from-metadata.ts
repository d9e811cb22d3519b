/**
 * The edit form's fields from the org's own describe (H4's metadata module): a field the seller cannot see is absent
 * from describe and is not offered; one they may not edit (field-level security, or never updateable) is not offered
 * either; labels, lengths and active picklist values are the org's. Without metadata (not loaded yet, or describe
 * refused), Salesforce's standard definitions stand in.
 */
import { useEffect, useState } from 'react';
import type { EditRecordStrings } from '../../i18n/edit-record-strings';
import type { EditableSObject } from '../../salesforce/crm/update-record';
import type { MetadataSource } from '../../salesforce/metadata/metadata-source';
import type { SObjectMetadata } from '../../salesforce/metadata/sobject-metadata';
import { createLogger } from '../../shared/logger';
import { standardFieldSpecs, type EditFieldSpec } from './edit-record-draft';

const log = createLogger('features.edit-record');

export function fieldSpecsFromMetadata(sobject: EditableSObject, metadata: SObjectMetadata | undefined, s: EditRecordStrings): EditFieldSpec[] {
  const standard = standardFieldSpecs(sobject, s);
  if (!metadata || metadata.name.toLowerCase() !== sobject.toLowerCase()) return standard;
  const specs: EditFieldSpec[] = [];
  for (const spec of standard) {
    const field = metadata.fields.find((f) => f.name.toLowerCase() === spec.name.toLowerCase());
    if (!field || !field.updateable) continue;
    const next: EditFieldSpec = { ...spec, label: field.label || spec.label, required: spec.required === true || (!field.nillable && field.type !== 'boolean') };
    if (spec.kind === 'picklist') {
      const active = field.picklistValues.filter((v) => v.active).map((v) => ({ value: v.value, label: v.label || v.value }));
      if (active.length > 0) next.options = active;
    }
    if (field.length > 0 && spec.kind !== 'picklist' && spec.kind !== 'date' && spec.kind !== 'currency') next.maxLength = field.length;
    specs.push(next);
  }
  return specs;
}

/** The specs for one object, from the cached or described metadata once it is there; standard ones meanwhile. */
export function useEditFieldSpecs(source: MetadataSource | undefined, sobject: EditableSObject | undefined, s: EditRecordStrings): EditFieldSpec[] | undefined {
  const [loaded, setLoaded] = useState<{ sobject: string; metadata: SObjectMetadata | undefined } | undefined>();
  useEffect(() => {
    if (!source || !sobject) return undefined;
    let current = true;
    source.describe(sobject).then(
      (metadata) => current && setLoaded({ sobject, metadata }),
      (error: unknown) => {
        log.debug('describe for the edit form failed; standard fields stand in', error);
        if (current) setLoaded({ sobject, metadata: undefined });
      },
    );
    return () => {
      current = false;
    };
  }, [source, sobject]);
  if (!sobject) return undefined;
  if (!source) return standardFieldSpecs(sobject, s);
  // Until describe answers, nothing is offered that the seller might not be allowed to see.
  if (loaded?.sobject !== sobject) return undefined;
  return fieldSpecsFromMetadata(sobject, loaded.metadata, s);
}
