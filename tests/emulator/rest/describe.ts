/**
 * sObject Describe (REST API Developer Guide, "sObject Describe"; field properties as in the SOAP API's Field and
 * RecordTypeInfo). Answers for the calling user: fields their field-level security hides are left out, read-only ones
 * are neither createable nor updateable. Honours If-Modified-Since ("Get Object Metadata Changes"): 304 with no body
 * when this user's describe has not changed since the date. The guide documents no Last-Modified or ETag header on
 * describe, so none is sent (a client must keep its own date).
 */
import { createHash } from 'node:crypto';
import { emptyReply, jsonReply, type Reply } from '../http';
import { fieldAccess } from '../field-security';
import type { OrgState } from '../org-state';
import { MASTER_RECORD_TYPE_ID, recordTypeAccessFor, recordTypesOf } from '../record-types';
import type { FieldDef, SObjectDef } from '../schema';
import type { DataRequest, Session } from './data-api';

/** When the demo org's metadata was last changed in Setup, before any control changes it. */
const SEEDED_METADATA_AT = Date.parse('2025-01-15T09:00:00Z');
const AUDIT = new Set(['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp', 'IsDeleted']);

export function describeSummary(def: SObjectDef, version: string): Record<string, unknown> {
  const base = `/services/data/v${version}/sobjects/${def.name}`;
  return {
    name: def.name,
    label: def.label,
    labelPlural: def.labelPlural,
    keyPrefix: def.keyPrefix,
    createable: !def.readOnly,
    updateable: !def.readOnly,
    deletable: !def.readOnly,
    queryable: true,
    retrieveable: true,
    custom: def.name.endsWith('__c'),
    urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
  };
}

function numberShape(field: FieldDef): { precision: number; scale: number; digits: number } {
  if (field.type === 'currency') return { precision: 18, scale: 2, digits: 0 };
  if (field.type === 'double') return { precision: 18, scale: 0, digits: 0 };
  if (field.type === 'int') return { precision: 0, scale: 0, digits: 9 };
  return { precision: 0, scale: 0, digits: 0 };
}

function describeField(def: SObjectDef, field: FieldDef, access: 'edit' | 'read'): Record<string, unknown> {
  const systemField = field.type === 'id' || AUDIT.has(field.name);
  const writable = !field.readOnly && !def.readOnly && access === 'edit';
  // Owner and checkboxes are filled by Salesforce when a create leaves them out; system fields always are.
  const defaultedOnCreate = systemField || field.name === 'OwnerId' || field.type === 'boolean';
  return {
    name: field.name,
    label: field.label ?? field.name,
    type: field.type,
    soapType: field.type === 'id' || field.type === 'reference' ? 'tns:ID' : `xsd:${field.type === 'currency' || field.type === 'double' ? 'double' : 'string'}`,
    length: field.maxLength ?? 0,
    ...numberShape(field),
    nillable: !(field.required || systemField || field.type === 'boolean'),
    createable: writable,
    updateable: writable,
    defaultedOnCreate,
    custom: field.name.endsWith('__c'),
    calculated: false,
    autoNumber: false,
    unique: false,
    caseSensitive: false,
    nameField: field.name === 'Name',
    filterable: field.type !== 'textarea',
    sortable: field.type !== 'textarea',
    groupable: field.type !== 'textarea' && field.type !== 'currency' && field.type !== 'double',
    restrictedPicklist: field.restrictedValues !== undefined,
    picklistValues: (field.restrictedValues ?? []).map((value, index) => ({ active: true, defaultValue: index === 0 && field.name === 'Status', label: value, validFor: null, value })),
    dependentPicklist: false,
    controllerName: null,
    defaultValue: null,
    inlineHelpText: null,
    referenceTo: field.referenceTo ?? [],
    relationshipName: field.relationshipName ?? null,
    externalId: field.externalId === true,
    idLookup: field.externalId === true || field.type === 'id',
  };
}

/** As the calling user sees them: `available` and `defaultRecordTypeMapping` follow their profile (policy recordTypeAccess). */
function recordTypeInfos(org: OrgState, session: Session, def: SObjectDef, version: string): Array<Record<string, unknown>> {
  const own = recordTypesOf(def.name);
  const access = recordTypeAccessFor(org.policy, org.userById(session.userId)?.username, def.name);
  const layoutUrl = (id: string): Record<string, string> => ({ layout: `/services/data/v${version}/sobjects/${def.name}/describe/layouts/${id}` });
  const infos = own.map((rt) => ({
    active: true,
    available: access.available.includes(rt),
    defaultRecordTypeMapping: access.default === rt,
    developerName: rt.developerName,
    master: false,
    name: rt.name,
    recordTypeId: rt.id,
    urls: layoutUrl(rt.id),
  }));
  // With record types of its own, Master stays listed but is not available for new records.
  infos.push({
    active: true,
    available: own.length === 0,
    defaultRecordTypeMapping: own.length === 0,
    developerName: 'Master',
    master: true,
    name: 'Master',
    recordTypeId: MASTER_RECORD_TYPE_ID,
    urls: layoutUrl(MASTER_RECORD_TYPE_ID),
  });
  return infos;
}

/** The describe body as this user sees it. */
export function describeBody(org: OrgState, session: Session, def: SObjectDef, version: string): Record<string, unknown> {
  const fields: Array<Record<string, unknown>> = [];
  for (const field of def.fields) {
    const access = fieldAccess(org, session.userId, def.name, field.name);
    if (access !== 'none') fields.push(describeField(def, field, access));
  }
  return {
    ...describeSummary(def, version),
    fields,
    recordTypeInfos: recordTypeInfos(org, session, def, version),
    childRelationships: def.childRelationships.map((c) => ({ childSObject: c.childSObject, field: c.field, relationshipName: c.relationshipName, cascadeDelete: false })),
  };
}

// Per org: each user's describe of each object, its hash, and when it last changed (rounded up to the second, as
// HTTP dates have no finer grain: a change is never hidden inside the second a client's date names).
const changes = new WeakMap<OrgState, Map<string, { hash: string; at: number }>>();

function lastChanged(org: OrgState, key: string, body: unknown): number {
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  let perOrg = changes.get(org);
  if (!perOrg) changes.set(org, (perOrg = new Map()));
  const known = perOrg.get(key);
  if (known?.hash === hash) return known.at;
  const at = known ? Math.ceil((org.now() + 1) / 1000) * 1000 : SEEDED_METADATA_AT;
  perOrg.set(key, { hash, at });
  return at;
}

export function describeReply(org: OrgState, session: Session, def: SObjectDef, request: DataRequest): Reply {
  const body = describeBody(org, session, def, request.apiVersion);
  const changedAt = lastChanged(org, `${session.userId}/${def.name}`, body);
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  if (Number.isFinite(since) && changedAt <= since) return emptyReply(304);
  return jsonReply(200, body);
}

/**
 * GET /sobjects/<T>/describe/layouts: the record type mappings with each record type's picklist values
 * (`recordTypeMappings[].picklistsForRecordType`, as the SOAP API's DescribeLayoutResult). Layouts themselves are
 * left empty: nothing in the add-in reads them.
 */
export function describeLayoutsReply(org: OrgState, session: Session, def: SObjectDef, version: string): Reply {
  const picklistFields = def.fields.filter((f) => f.restrictedValues !== undefined && fieldAccess(org, session.userId, def.name, f.name) !== 'none');
  const infos = recordTypeInfos(org, session, def, version);
  const own = recordTypesOf(def.name);
  const recordTypeMappings = infos.map((info) => {
    const allowed = own.find((rt) => rt.id === info.recordTypeId)?.picklists ?? {};
    return {
      ...info,
      layoutId: null,
      picklistsForRecordType: picklistFields.map((field) => {
        const values = (field.restrictedValues ?? []).filter((value) => allowed[field.name]?.includes(value) ?? true);
        return { picklistName: field.name, picklistValues: values.map((value) => ({ active: true, defaultValue: false, label: value, validFor: null, value })) };
      }),
    };
  });
  return jsonReply(200, { layouts: [], recordTypeMappings, recordTypeSelectorRequired: [own.length > 1] });
}
