/**
 * Save an Outlook meeting to Salesforce as an Event, one Event per meeting key (src/host/meeting-key.ts): the
 * occurrence in view, in the seller's mailbox. Saving again after the meeting moved or was renamed UPDATES that Event.
 *
 * Where the key lives: Event has no filterable text field free for it (Description is a long text area, which SOQL
 * cannot filter; Subject and the times change with the meeting). So Description ends with one exact footer line
 * `Outlook meeting: <key>`, and the check reads the seller's own Events (CreatedById = the signed-in user, newest
 * changes first, at most 200) and matches that line on the client. The key is per mailbox, so the seller's own Events
 * are where an earlier save of it can be. A meeting whose Event fell out of the seller's 200 most recently changed
 * Events is saved again: the accepted edge. The excerpt is kept short so that read stays small.
 * Where the org has an External ID text field on Event and config.json names it (`externalIdFields.Event`), the key
 * goes there too: the check is an exact filter on it and the save an upsert by it, with no such edge.
 *
 * Linked by search: a contact or lead is one of the people (the primary unless placed among the others); any other
 * record (a case, the admin's custom object) is the WhatId. Without a pick, an update leaves the WhatId as it is.
 *
 * People: WhoId is the primary person (the first contact, else the first lead). With Shared Activities on, Salesforce
 * keeps a relation row for the WhoId (IsParent); its presence after the write is how the executor knows the org has
 * Shared Activities, and then it relates the other contacts (up to 50; a lead cannot share an Event with others).
 * Without Shared Activities, the Event names the primary person only.
 */
import type { SaveMeetingAction } from '../outbox/outbox';
import type { SalesforceApi } from '../salesforce-api';
import { SalesforceFailureError } from '../failure-kinds';
import type { SavedMeetingEvent } from './crm-records';
import { obj, recordsOf, str } from './record-fields';
import { isSalesforceId, soqlString } from './soql';

const SUBJECT_MAX = 255;
const LOCATION_MAX = 255;
/** Short on purpose: the saved check reads up to 200 Descriptions. */
export const MEETING_EXCERPT_MAX = 1_000;
const FOOTER_PREFIX = 'Outlook meeting: ';
/** "An event can be related to up to 50 contacts" (Object Reference, EventRelation). */
const MAX_RELATED_CONTACTS = 50;

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

export function meetingFooter(meetingKey: string): string {
  return `${FOOTER_PREFIX}${oneLine(meetingKey)}`;
}

export function meetingDescription(excerpt: string, meetingKey: string): string {
  const clean = excerpt.trim().slice(0, MEETING_EXCERPT_MAX);
  return clean ? `${clean}\n\n${meetingFooter(meetingKey)}` : meetingFooter(meetingKey);
}

const isLead = (id: string) => id.startsWith('00Q');
const isContact = (id: string) => id.startsWith('003');

const isPersonObject = (sobject: string) => sobject === 'Contact' || sobject === 'Lead';

/**
 * The meeting's people, the primary first. A contact or lead linked by search goes where Salesforce puts people
 * (WhoId, or an EventRelation with Shared Activities): first, unless the seller placed it among the others.
 */
export function meetingPeopleIds(action: SaveMeetingAction): string[] {
  const ids = action.peopleIds.filter(isSalesforceId);
  const linked = action.linked;
  if (linked && isPersonObject(linked.sobject) && isSalesforceId(linked.id) && !ids.includes(linked.id)) ids.unshift(linked.id);
  return ids;
}

/** What the Event is related to (WhatId takes any record that is not a person): the one linked by search, else the pick. */
export function meetingWhatId(action: SaveMeetingAction): string | undefined {
  const linked = action.linked;
  const what = linked && !isPersonObject(linked.sobject) ? linked.id : action.whatId;
  return what && isSalesforceId(what) ? what : undefined;
}

/** The Event's own fields for this save (people beyond the primary go in EventRelation rows). */
export function meetingEventFields(action: SaveMeetingAction): Record<string, unknown> {
  const primary = meetingPeopleIds(action)[0];
  const what = meetingWhatId(action);
  const fields: Record<string, unknown> = {
    Subject: (oneLine(action.subject) || '(no subject)').slice(0, SUBJECT_MAX),
    StartDateTime: action.start,
    EndDateTime: action.end,
    IsAllDayEvent: action.isAllDay === true,
    Location: oneLine(action.location).slice(0, LOCATION_MAX),
    Description: meetingDescription(action.descriptionExcerpt, action.meetingKey),
    WhoId: primary ?? null,
  };
  // Salesforce refuses a WhatId beside a lead. With nothing picked, WhatId is not sent: updating a moved meeting keeps
  // the record it is related to (one linked by search on an earlier save, which the pane may not offer any more).
  if (primary && isLead(primary)) fields.WhatId = null;
  else if (what) fields.WhatId = what;
  return fields;
}

const EVENT_FIELDS = 'Id, Subject, StartDateTime, EndDateTime, Location, WhoId, WhatId, Description, CreatedDate, CreatedBy.Name, LastModifiedDate';

/**
 * The seller's Events, newest changes first: where an earlier save of this mailbox's meeting can be. With an External
 * ID field, the Event that carries the key (the footer still decides, so both forms are read the same way).
 */
export function savedMeetingQuery(userId: string, byKey?: { externalIdField: string; meetingKey: string }): string {
  if (byKey && /^[A-Za-z][A-Za-z0-9_]*$/.test(byKey.externalIdField)) {
    return `SELECT ${EVENT_FIELDS} FROM Event WHERE ${byKey.externalIdField} = ${soqlString(byKey.meetingKey)} LIMIT 10`;
  }
  return `SELECT ${EVENT_FIELDS} FROM Event WHERE CreatedById = ${soqlString(userId)} ORDER BY LastModifiedDate DESC LIMIT 200`;
}

export function findSavedMeeting(queryResult: unknown, meetingKey: string): SavedMeetingEvent | null {
  const footer = meetingFooter(meetingKey);
  for (const record of recordsOf(queryResult)) {
    const id = str(record, 'Id');
    if (!isSalesforceId(id)) continue;
    if (!(str(record, 'Description') ?? '').split(/\r?\n/).some((line) => line.trim() === footer)) continue;
    return {
      id,
      subject: str(record, 'Subject') ?? '',
      start: str(record, 'StartDateTime'),
      end: str(record, 'EndDateTime'),
      location: str(record, 'Location') ?? '',
      whoId: str(record, 'WhoId'),
      whatId: str(record, 'WhatId'),
      createdByName: str(obj(record, 'CreatedBy'), 'Name'),
      createdDate: str(record, 'CreatedDate'),
    };
  }
  return null;
}

const sameInstant = (a: string | null, b: string) => a !== null && Date.parse(a.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) === Date.parse(b);

/** Whether Outlook's meeting now differs from the saved Event in what a save writes (moved, renamed, relocated). */
export function meetingChangedSince(saved: SavedMeetingEvent, meeting: { subject: string; start: string; end: string; location: string }): boolean {
  const subject = (oneLine(meeting.subject) || '(no subject)').slice(0, SUBJECT_MAX);
  return saved.subject !== subject || !sameInstant(saved.start, meeting.start) || !sameInstant(saved.end, meeting.end) || saved.location !== oneLine(meeting.location).slice(0, LOCATION_MAX);
}

/** Relates the other contacts when the org keeps a parent relation for the WhoId (Shared Activities on). */
async function relateOthers(api: SalesforceApi, eventId: string, action: SaveMeetingAction): Promise<void> {
  const [primary, ...rest] = meetingPeopleIds(action);
  if (!primary || isLead(primary)) return;
  const others = rest.filter((id) => isContact(id) && id !== primary);
  if (others.length === 0) return;
  const rows = recordsOf(await api.query(`SELECT Id, RelationId, IsParent FROM EventRelation WHERE EventId = ${soqlString(eventId)}`));
  const related = new Set(rows.map((r) => str(r, 'RelationId')).filter((id): id is string => id !== null));
  const sharedActivities = rows.some((r) => str(r, 'RelationId') === primary && obj(r, 'IsParent') === true);
  if (!sharedActivities) return;
  const parents = rows.filter((r) => obj(r, 'IsParent') === true).length;
  const room = Math.max(0, MAX_RELATED_CONTACTS - parents);
  for (const id of others.filter((o) => !related.has(o)).slice(0, room)) {
    try {
      await api.create('EventRelation', { EventId: eventId, RelationId: id, IsParent: true, IsInvitee: false });
    } catch (error) {
      // Another attempt related this person meanwhile: the row is there, which is what this wanted.
      if (error instanceof SalesforceFailureError && error.failure.code === 'DUPLICATE_VALUE') continue;
      throw error;
    }
  }
}

/**
 * Runs one save: looks for the meeting's Event first (another device, an earlier save, an attempt that may have
 * landed), updates it when found, else creates it; then relates the people. Every step is safe to run again.
 */
export async function executeSaveMeeting(api: SalesforceApi, action: SaveMeetingAction): Promise<{ id: string; adopted: boolean }> {
  const userId = api.identity()?.userId;
  if (!userId) throw new Error('save_meeting: no signed-in Salesforce user');
  const fields = meetingEventFields(action);
  const externalIdField = api.externalIdField('Event');
  if (externalIdField) {
    // One call that creates or updates by the key: safe to send again, whatever landed before.
    const upserted = await api.upsert('Event', externalIdField, action.meetingKey, fields);
    await relateOthers(api, upserted.id, action);
    return { id: upserted.id, adopted: !upserted.created };
  }
  const existing = findSavedMeeting(await api.query(savedMeetingQuery(userId)), action.meetingKey);
  let id: string;
  if (existing) {
    await api.update('Event', existing.id, fields);
    id = existing.id;
  } else {
    id = (await api.create('Event', fields)).id;
  }
  await relateOthers(api, id, action);
  return { id, adopted: existing !== null };
}
