/**
 * /services/data/vNN.0/... for one authenticated session: query, sObject CRUD, composite, limits, describe.
 * `dispatchData` is also what composite calls for each subrequest, so both paths answer identically.
 *
 * Over 300 lines on purpose: one handler per REST verb of the sObject API, sharing the parsing and error shapes that make each answer like Salesforce's.
 */
import { emptyReply, jsonReply, type Reply } from '../http';
import { looksLikeId } from '../ids';
import type { OrgState } from '../org-state';
import { formatDateTime, type SfRecord } from '../record-store';
import { findField, findSObject, SCHEMA, sobjectForId, type SObjectDef } from '../schema';
import { runSoql, SoqlError } from '../soql/soql-engine';
import { handleComposite } from './composite';
import { checkUnmodifiedSince } from './conditional-update';
import { describeLayoutsReply, describeReply, describeSummary } from './describe';
import { canReadField, refuseUnwritableFields } from '../field-security';
import { methodNotAllowed, notFound, restError } from './rest-errors';
import { duplicateRefusal, duplicatesError, parseDuplicateHeader } from './duplicate-rules';
import { afterActivityWrite, checkActivityWrite } from './event-rules';
import { recentItems } from './recent';
import { checkWrite } from './sobject-rules';
import { checkRecordType } from './record-type-rules';
import { contentDocumentLinkQueryError, duplicateLinkError, insertContentVersion } from './content-files';
import { search } from './sosl';

export interface Session {
  userId: string;
  username?: string;
}

export interface DataRequest {
  method: string;
  /** Path after /services/data/vNN.0, e.g. /sobjects/Contact/003... or '' for the version root. */
  path: string;
  query: URLSearchParams;
  body: string;
  headers: Record<string, string | undefined>;
  apiVersion: string;
}

export async function dispatchData(org: OrgState, session: Session, request: DataRequest): Promise<Reply> {
  const { method, path } = request;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, ...rest] = parts;
  if (head === undefined) return method === 'GET' ? jsonReply(200, resources(org, session, request.apiVersion)) : methodNotAllowed(method, ['GET', 'HEAD']);
  switch (head) {
    case 'limits':
      return method === 'GET' && rest.length === 0 ? jsonReply(200, limits(org)) : notFound();
    case 'query':
    case 'queryAll':
      if (rest.length > 0) return notFound();
      if (method !== 'GET') return methodNotAllowed(method, ['GET', 'HEAD']);
      return query(org, session, request);
    case 'sobjects':
      return sobjects(org, session, request, rest);
    case 'composite':
      if (rest.length > 0) return notFound();
      if (method !== 'POST') return methodNotAllowed(method, ['POST']);
      return handleComposite(org, session, request, (sub) => dispatchData(org, session, sub));
    case 'search':
      if (rest.length > 0) return notFound();
      if (method !== 'GET') return methodNotAllowed(method, ['GET', 'HEAD']);
      return search(org, request.query, request.apiVersion);
    case 'recent':
      if (rest.length > 0) return notFound();
      if (method !== 'GET') return methodNotAllowed(method, ['GET', 'HEAD']);
      return recentItems(org, session.userId, request.query, request.apiVersion);
    default:
      return notFound();
  }
}

function resources(org: OrgState, session: Session, version: string): Record<string, string> {
  const base = `/services/data/v${version}`;
  return {
    limits: `${base}/limits`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    sobjects: `${base}/sobjects`,
    composite: `${base}/composite`,
    recent: `${base}/recent`,
    search: `${base}/search`,
    identity: org.identityUrl(session.userId),
  };
}

function limits(org: OrgState): Record<string, { Max: number; Remaining: number }> {
  const max = org.policy.dailyApiLimit;
  return {
    DailyApiRequests: { Max: max, Remaining: Math.max(0, max - org.apiUsed) },
    DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 },
    DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
    DataStorageMB: { Max: 5, Remaining: 5 },
    FileStorageMB: { Max: 20, Remaining: 20 },
    HourlyTimeBasedWorkflow: { Max: 50, Remaining: 50 },
  };
}

function query(org: OrgState, session: Session, request: DataRequest): Reply {
  const soql = request.query.get('q') ?? '';
  // An object the org's features leave out (Enhanced Email, Shared Activities off) is not in the org at all.
  const absent = [...soql.matchAll(/\bFROM\s+(\w+)/gi)].map((m) => m[1] ?? '').find((name) => !org.hasSObject(name));
  if (absent) return restError(400, 'INVALID_TYPE', `sObject type '${absent}' is not supported.`);
  const restricted = contentDocumentLinkQueryError(soql);
  if (restricted) return restricted;
  try {
    const canRead = (sobject: string, field: string): boolean => canReadField(org, session.userId, sobject, field);
    return jsonReply(200, runSoql(soql, { store: org.records, apiVersion: request.apiVersion, now: org.now(), canRead }));
  } catch (err) {
    if (err instanceof SoqlError) return restError(400, err.errorCode, err.message);
    throw err;
  }
}

function parseJsonBody(body: string): { ok: true; value: Record<string, unknown> } | { ok: false; reply: Reply } {
  try {
    const value: unknown = JSON.parse(body || 'null');
    if (value && typeof value === 'object' && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
    return { ok: false, reply: restError(400, 'JSON_PARSER_ERROR', 'The request body must be a JSON object') };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, reply: restError(400, 'JSON_PARSER_ERROR', `Unexpected character in request body: ${detail}`) };
  }
}

function sobjectUrl(version: string, def: SObjectDef, id: string): string {
  return `/services/data/v${version}/sobjects/${def.name}/${id}`;
}

function sobjects(org: OrgState, session: Session, request: DataRequest, parts: string[]): Reply {
  const { method, apiVersion } = request;
  if (parts.length === 0) {
    if (method !== 'GET') return methodNotAllowed(method, ['GET', 'HEAD']);
    return jsonReply(200, {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: SCHEMA.filter((def) => org.hasSObject(def.name)).map((def) => describeSummary(def, apiVersion)),
    });
  }
  const def = findSObject(parts[0] ?? '');
  if (!def || !org.hasSObject(def.name)) return notFound();
  if (parts.length === 1) {
    if (method === 'GET') return jsonReply(200, { objectDescribe: describeSummary(def, apiVersion), recentItems: [] });
    if (method === 'POST') return create(org, session, request, def);
    return methodNotAllowed(method, ['HEAD', 'GET', 'POST']);
  }
  if (parts.length === 2 && parts[1] === 'describe') {
    if (method !== 'GET') return methodNotAllowed(method, ['HEAD', 'GET']);
    return describeReply(org, session, def, request);
  }
  if (parts.length === 3 && parts[1] === 'describe' && parts[2] === 'layouts') {
    if (method !== 'GET') return methodNotAllowed(method, ['HEAD', 'GET']);
    return describeLayoutsReply(org, session, def, apiVersion);
  }
  if (parts.length === 3) {
    // sObject Rows by External ID. Only the upsert (PATCH) is offered; GET, DELETE and POST by external id are not.
    if (method !== 'PATCH') return methodNotAllowed(method, ['PATCH']);
    return upsert(org, session, request, def, parts[1] ?? '', parts[2] ?? '');
  }
  if (parts.length !== 2) return notFound();
  const id = parts[1] ?? '';
  switch (method) {
    case 'GET':
      return read(org, session, request, def, id);
    case 'PATCH':
      return update(org, session, request, def, id);
    case 'DELETE':
      return remove(org, def, id);
    default:
      return methodNotAllowed(method, ['HEAD', 'GET', 'PATCH', 'DELETE']);
  }
}

function findRecord(org: OrgState, def: SObjectDef, id: string): { record: SfRecord } | { reply: Reply } {
  const record = org.records.get(def.name, id);
  if (record) return { record };
  if (!looksLikeId(id) || sobjectForId(id)?.name !== def.name) {
    return { reply: jsonReply(404, [{ errorCode: 'NOT_FOUND', message: `Provided external ID field does not exist or is not accessible: ${id}` }]) };
  }
  return { reply: notFound() };
}

const readOnlyObject = (): Reply => restError(403, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');

function read(org: OrgState, session: Session, request: DataRequest, def: SObjectDef, id: string): Reply {
  const readable = (name: string): boolean => canReadField(org, session.userId, def.name, name);
  const lookup = findRecord(org, def, id);
  if ('reply' in lookup) return lookup.reply;
  const found = lookup.record;
  const wanted = request.query.get('fields');
  const out: Record<string, unknown> = { attributes: { type: def.name, url: sobjectUrl(request.apiVersion, def, found.Id) } };
  if (wanted) {
    for (const name of wanted
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)) {
      const field = findField(def, name);
      if (!field || !readable(field.name)) {
        return restError(
          400,
          'INVALID_FIELD',
          `No such column '${name}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      out[field.name] = found[field.name] ?? null;
    }
  } else {
    for (const field of def.fields) if (readable(field.name)) out[field.name] = found[field.name] ?? null;
  }
  return jsonReply(200, out);
}

function create(org: OrgState, session: Session, request: DataRequest, def: SObjectDef): Reply {
  if (def.readOnly) return readOnlyObject();
  // Files: JSON with base64 VersionData or a multipart body; the platform makes the document and its links.
  if (def.name === 'ContentVersion') return insertContentVersion(org, session, request);
  const parsed = parseJsonBody(request.body);
  if (!parsed.ok) return parsed.reply;
  const refused = refuseUnwritableFields(org, session.userId, def.name, parsed.value);
  if (refused) return refused;
  return insert(org, session, request, def, parsed.value, (id) => ({ id, success: true, errors: [] }));
}

/** Creates a record from a checked body; `answer` is the 201 body (create and upsert say it differently). */
function insert(org: OrgState, session: Session, request: DataRequest, def: SObjectDef, body: Record<string, unknown>, answer: (id: string) => unknown): Reply {
  const generic = checkWrite(org.records, def, body, 'create');
  if (!generic.ok) return jsonReply(generic.status, generic.errors);
  const typed = checkRecordType(org, session.userId, def, generic.values, 'create');
  if (!typed.ok) return jsonReply(400, typed.errors);
  const activity = checkActivityWrite(org, def, typed.values, 'create');
  if (!activity.ok) return jsonReply(400, activity.errors);
  const checked = { ...generic, values: activity.values };
  const duplicateLink = def.name === 'ContentDocumentLink' ? duplicateLinkError(org, checked.values) : undefined;
  if (duplicateLink) return duplicateLink;
  const header = parseDuplicateHeader(request.headers['sforce-duplicate-rule-header']);
  const refusal = duplicateRefusal(org.records, def, checked.values, header);
  if (refusal) return jsonReply(400, [duplicatesError(request.apiVersion, refusal, header)]);
  const now = formatDateTime(org.now());
  const id = org.records.nextId(def);
  org.records.put(def.name, {
    ...checked.values,
    Id: id,
    ...(findField(def, 'OwnerId') ? { OwnerId: checked.values.OwnerId ?? session.userId } : {}),
    CreatedById: session.userId,
    LastModifiedById: session.userId,
    CreatedDate: now,
    LastModifiedDate: now,
    SystemModstamp: now,
  });
  afterActivityWrite(org, def, org.records.get(def.name, id), undefined, session.userId);
  return jsonReply(201, answer(id), { Location: sobjectUrl(request.apiVersion, def, id) });
}

/**
 * PATCH /sobjects/<T>/<externalIdField>/<value> (REST API Developer Guide, "Insert or Update (Upsert) a Record Using
 * an External ID"): no record carries the value → created, 201 `{id, success, errors, created: true}`; one → updated,
 * 200 `{id, success, errors, created: false}` (API 46.0 and later; the emulator serves 50.0+); several → 300 with the
 * matching records' URLs, nothing written. A field that is not an External ID → 404 NOT_FOUND. The body must not
 * carry Id or the External ID field (the guide: "an error is generated"; its wire form is not given).
 */
function upsert(org: OrgState, session: Session, request: DataRequest, def: SObjectDef, fieldName: string, value: string): Reply {
  if (def.readOnly) return readOnlyObject();
  const field = findField(def, fieldName);
  if (!field?.externalId) return jsonReply(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
  const parsed = parseJsonBody(request.body);
  if (!parsed.ok) return parsed.reply;
  const refused = refuseUnwritableFields(org, session.userId, def.name, parsed.value);
  if (refused) return refused;
  const named = Object.keys(parsed.value).filter((k) => k.toLowerCase() === 'id' || k.toLowerCase() === field.name.toLowerCase());
  if (named.length > 0) {
    return restError(400, 'INVALID_FIELD', `Upsert by ${field.name}: the request body must not carry ${named.join(', ')}`, named);
  }
  const wanted = value.toLowerCase();
  const matches = org.records.all(def.name).filter((r) => typeof r[field.name] === 'string' && (r[field.name] as string).toLowerCase() === wanted);
  if (matches.length > 1)
    return jsonReply(
      300,
      matches.map((r) => sobjectUrl(request.apiVersion, def, r.Id)),
    );
  const existing = matches[0];
  if (!existing) {
    return insert(org, session, request, def, { ...parsed.value, [field.name]: value }, (id) => ({ id, success: true, errors: [], created: true }));
  }
  const checked = checkWrite(org.records, def, parsed.value, 'update', existing);
  if (!checked.ok) return jsonReply(checked.status, checked.errors);
  const typed = checkRecordType(org, session.userId, def, checked.values, 'update', existing);
  if (!typed.ok) return jsonReply(400, typed.errors);
  const activity = checkActivityWrite(org, def, typed.values, 'update', existing);
  if (!activity.ok) return jsonReply(400, activity.errors);
  const now = formatDateTime(org.now());
  org.records.put(def.name, { ...existing, ...activity.values, Id: existing.Id, LastModifiedById: session.userId, LastModifiedDate: now, SystemModstamp: now });
  afterActivityWrite(org, def, org.records.get(def.name, existing.Id), existing, session.userId);
  return jsonReply(200, { id: existing.Id, success: true, errors: [], created: false });
}

function update(org: OrgState, session: Session, request: DataRequest, def: SObjectDef, id: string): Reply {
  if (def.readOnly) return readOnlyObject();
  const lookup = findRecord(org, def, id);
  if ('reply' in lookup) return lookup.reply;
  const found = lookup.record;
  // The precondition comes first: a record changed since the caller read it is not touched, whatever the body.
  const precondition = checkUnmodifiedSince(request.headers, found);
  if (precondition) return precondition;
  const parsed = parseJsonBody(request.body);
  if (!parsed.ok) return parsed.reply;
  const refused = refuseUnwritableFields(org, session.userId, def.name, parsed.value);
  if (refused) return refused;
  const checked = checkWrite(org.records, def, parsed.value, 'update', found);
  if (!checked.ok) return jsonReply(checked.status, checked.errors);
  const typed = checkRecordType(org, session.userId, def, checked.values, 'update', found);
  if (!typed.ok) return jsonReply(400, typed.errors);
  const activity = checkActivityWrite(org, def, typed.values, 'update', found);
  if (!activity.ok) return jsonReply(400, activity.errors);
  const now = formatDateTime(org.now());
  org.records.put(def.name, { ...found, ...activity.values, Id: found.Id, LastModifiedById: session.userId, LastModifiedDate: now, SystemModstamp: now });
  afterActivityWrite(org, def, org.records.get(def.name, found.Id), found, session.userId);
  return emptyReply(204);
}

function remove(org: OrgState, def: SObjectDef, id: string): Reply {
  if (def.readOnly) return readOnlyObject();
  const lookup = findRecord(org, def, id);
  if ('reply' in lookup) return lookup.reply;
  const found = lookup.record;
  org.records.remove(def.name, found.Id);
  afterActivityWrite(org, def, undefined, found, '');
  return emptyReply(204);
}
