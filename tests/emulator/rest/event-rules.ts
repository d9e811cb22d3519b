/**
 * Event and EventRelation rules beyond the generic field checks (Object Reference, "Event" and "EventRelation"):
 * - Event: a timed event needs StartDateTime and either DurationInMinutes or EndDateTime, and both must agree when
 *   both are sent; an all-day event without either lasts a day; an update that moves the start keeps the duration.
 *   ActivityDateTime, ActivityDate and AccountId follow from the others.
 * - EventRelation exists in every org. Without Shared Activities it holds invitees only; with it, also the related
 *   contacts (up to 50) or one lead (IsParent) and the account or opportunity (IsWhat, from Event.WhatId). With Shared
 *   Activities on, the event's WhoId and WhatId have their relation rows, kept by the org itself.
 * Where the Object Reference names a rule but not its wire form, the error code is the stricter, inferred one
 * (FIELD_INTEGRITY_EXCEPTION naming the field).
 */
import type { OrgState } from '../org-state';
import { formatDateTime, parseDateTime, type SfRecord } from '../record-store';
import { findSObject, sobjectForId, type SObjectDef } from '../schema';
import type { SfError } from './rest-errors';

const MINUTE = 60_000;
/** "An event's duration can't be longer than 14 days" (Object Reference, DurationInMinutes). */
export const MAX_EVENT_MINUTES = 14 * 24 * 60;
/** "An event can be related to up to 50 contacts or one lead" (Object Reference, EventRelation). */
export const MAX_EVENT_CONTACTS = 50;

type Checked = { ok: true; values: Record<string, unknown> } | { ok: false; errors: SfError[] };

const integrity = (field: string, message: string): Checked => ({ ok: false, errors: [{ message, errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: [field] }] });

/** Called after the generic checks passed; returns the values to store (with the derived fields) or the refusal. */
export function checkActivityWrite(org: OrgState, def: SObjectDef, values: Record<string, unknown>, mode: 'create' | 'update', existing?: SfRecord): Checked {
  if (def.name === 'Event') return checkEvent(org, values, mode, existing);
  if (def.name === 'EventRelation') return checkEventRelation(org, values, mode, existing);
  return { ok: true, values };
}

function checkEvent(org: OrgState, values: Record<string, unknown>, mode: 'create' | 'update', existing?: SfRecord): Checked {
  const merged: Record<string, unknown> = { ...(existing ?? {}), ...values };
  const allDay = merged.IsAllDayEvent === true;
  const startText = (values.StartDateTime ?? values.ActivityDateTime ?? existing?.StartDateTime) as string | null | undefined;
  if (typeof startText !== 'string') {
    return { ok: false, errors: [{ message: 'Required fields are missing: [StartDateTime]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['StartDateTime'] }] };
  }
  const start = parseDateTime(startText);
  const sentEnd = typeof values.EndDateTime === 'string';
  const sentDuration = typeof values.DurationInMinutes === 'number';
  let minutes: number;
  if (sentEnd) {
    minutes = (parseDateTime(values.EndDateTime as string) - start) / MINUTE;
    if (sentDuration && values.DurationInMinutes !== minutes) {
      return integrity('DurationInMinutes', 'Duration: DurationInMinutes and EndDateTime must describe the same length of time');
    }
  } else if (sentDuration) {
    minutes = values.DurationInMinutes as number;
  } else if (mode === 'update' && typeof existing?.DurationInMinutes === 'number') {
    minutes = existing.DurationInMinutes;
  } else if (allDay) {
    minutes = 24 * 60;
  } else {
    return {
      ok: false,
      errors: [{ message: 'Required fields are missing: [DurationInMinutes]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['DurationInMinutes', 'EndDateTime'] }],
    };
  }
  if (!Number.isInteger(minutes) || minutes < 0) return integrity('EndDateTime', 'End: the end of an event cannot be before its start');
  if (minutes > MAX_EVENT_MINUTES) return integrity('DurationInMinutes', 'Duration: an event cannot last longer than 14 days');
  const who = merged.WhoId;
  if (typeof who === 'string' && sobjectForId(who)?.name === 'Lead' && typeof merged.WhatId === 'string') {
    return integrity('WhatId', 'Related To ID: an event whose Name is a lead cannot be related to another record');
  }
  const derived: Record<string, unknown> = {
    StartDateTime: formatDateTime(start),
    EndDateTime: formatDateTime(start + minutes * MINUTE),
    DurationInMinutes: minutes,
    IsAllDayEvent: allDay,
    ActivityDateTime: formatDateTime(start),
    ActivityDate: formatDateTime(start).slice(0, 10),
    AccountId: accountOf(org, merged.WhatId) ?? accountOf(org, who),
  };
  return { ok: true, values: { ...values, ...derived } };
}

function accountOf(org: OrgState, id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const type = sobjectForId(id)?.name;
  if (type === 'Account') return id;
  if (type === 'Opportunity' || type === 'Contact') {
    const accountId = org.records.get(type, id)?.AccountId;
    return typeof accountId === 'string' ? accountId : null;
  }
  return null;
}

function relationsOf(org: OrgState, eventId: string): SfRecord[] {
  return org.records.all('EventRelation').filter((r) => r.EventId === eventId);
}

function checkEventRelation(org: OrgState, values: Record<string, unknown>, mode: 'create' | 'update', existing?: SfRecord): Checked {
  if (mode === 'update' && ('EventId' in values || 'RelationId' in values)) {
    return integrity('RelationId', 'Relation ID: the event and the related record of a relation cannot change');
  }
  const merged: Record<string, unknown> = { ...(existing ?? {}), ...values };
  const eventId = merged.EventId as string;
  const relationId = merged.RelationId as string;
  const type = sobjectForId(relationId)?.name ?? (org.records.get('User', relationId) ? 'User' : undefined);
  const shared = org.policy.sharedActivities;
  if (type === 'Account' || type === 'Opportunity') return integrity('RelationId', "Relation ID: an event's account or opportunity is set by its Related To field");
  const isParent = merged.IsParent === true;
  if (isParent && (!shared || type === 'User')) return integrity('IsParent', 'Is Parent: only a contact or lead can be related, and only with Shared Activities');
  const isInvitee = typeof merged.IsInvitee === 'boolean' ? merged.IsInvitee : !isParent;
  if (!isParent && !isInvitee) return integrity('IsInvitee', 'Is Invitee: a relation must be an invitee or a related person');
  const others = relationsOf(org, eventId).filter((r) => r.Id !== existing?.Id);
  const same = others.find((r) => r.RelationId === relationId);
  if (same) {
    return { ok: false, errors: [{ message: `duplicate value found: RelationId duplicates value on record with id: ${same.Id}`, errorCode: 'DUPLICATE_VALUE', fields: ['RelationId'] }] };
  }
  if (isParent) {
    const parents = others.filter((r) => r.IsParent === true);
    const parentTypes = parents.map((r) => sobjectForId(r.RelationId as string)?.name);
    if ((type === 'Lead' && parents.length > 0) || parentTypes.includes('Lead')) {
      return integrity('RelationId', 'Relation ID: an event can be related to up to 50 contacts or one lead');
    }
    if (parents.length >= MAX_EVENT_CONTACTS) return integrity('RelationId', 'Relation ID: an event can be related to up to 50 contacts or one lead');
  }
  return { ok: true, values: { ...values, IsParent: isParent, IsInvitee: isInvitee, IsWhat: false, AccountId: accountOf(org, relationId) } };
}

/**
 * After an Event is written (Shared Activities on): its WhoId has a parent relation and its WhatId the one IsWhat
 * relation, as Salesforce keeps them; a replaced WhoId or WhatId loses its row unless it is also an invitee.
 * After an Event is deleted: its relations go with it.
 */
export function afterActivityWrite(org: OrgState, def: SObjectDef, record: SfRecord | undefined, previous: SfRecord | undefined, userId: string): void {
  if (def.name !== 'Event') return;
  const eventId = record?.Id ?? previous?.Id;
  if (!eventId) return;
  const relationDef = findSObject('EventRelation');
  if (!relationDef) return;
  if (!record) {
    for (const r of relationsOf(org, eventId)) org.records.remove('EventRelation', r.Id);
    return;
  }
  if (!org.policy.sharedActivities) return;
  const now = formatDateTime(org.now());
  const audit = { CreatedById: userId, LastModifiedById: userId, CreatedDate: now, LastModifiedDate: now, SystemModstamp: now };
  for (const [field, flag] of [
    ['WhoId', 'IsParent'],
    ['WhatId', 'IsWhat'],
  ] as const) {
    const before = previous?.[field];
    const after = record[field];
    if (before === after && previous) continue;
    const old = relationsOf(org, eventId).find((r) => r.RelationId === before && r[flag] === true);
    if (old) {
      if (old.IsInvitee === true) org.records.put('EventRelation', { ...old, [flag]: false });
      else org.records.remove('EventRelation', old.Id);
    }
    if (typeof after !== 'string') continue;
    const current = relationsOf(org, eventId).find((r) => r.RelationId === after);
    if (current) org.records.put('EventRelation', { ...current, [flag]: true });
    else {
      org.records.put('EventRelation', {
        Id: org.records.nextId(relationDef),
        EventId: eventId,
        RelationId: after,
        IsParent: flag === 'IsParent',
        IsWhat: flag === 'IsWhat',
        IsInvitee: false,
        AccountId: accountOf(org, after),
        ...audit,
      });
    }
  }
}
