/**
 * What a meeting can be related to, as the "Related to" list offers it: a record linked by search first (any object
 * that is not a person), then the record the saved Event is related to now (when the meeting is being updated), then
 * the main contact's account and its open opportunities. Updating keeps the Event's link unless the seller picks
 * another, so "none" is not offered then: the link is kept or replaced, never dropped by a move.
 */
import type { RecordSelectOption } from '../../components/record-select';
import type { SaveMeetingStrings } from '../../i18n/save-meeting-strings';
import { format } from '../../i18n/strings';
import type { AccountSummary, PersonMatch } from '../../salesforce/crm/crm-records';
import { canBeWhatId, type FoundRecord } from '../../salesforce/crm/record-search';
import { isSalesforceId } from '../../salesforce/crm/soql';
import type { MeetingLinkedRecord, SaveMeetingAction } from '../../salesforce/outbox/outbox';

export type LinkedFound = FoundRecord & { typeLabel: string };

export interface MeetingWhatChoices {
  options: RecordSelectOption[];
  /** Chosen until the seller picks: the linked record, else the Event's current link, else the account. */
  defaultId: string;
  /** Whether "none" is offered (not when an update would otherwise seem to drop the Event's link). */
  allowNone: boolean;
}

export function meetingWhatChoices(input: {
  primary: PersonMatch | undefined;
  accountsById: Map<string, AccountSummary>;
  linked: LinkedFound | undefined;
  /** The saved Event's WhatId, when the meeting is being updated. */
  keptWhatId: string | null | undefined;
  strings: SaveMeetingStrings;
}): MeetingWhatChoices {
  const { primary, accountsById, linked, strings: s } = input;
  const own: RecordSelectOption[] = [];
  if (primary?.kind === 'contact' && primary.accountId) {
    const account = accountsById.get(primary.accountId);
    own.push({ id: primary.accountId, label: format(s.relatedAccount, { name: (account?.name ?? primary.accountName ?? '').slice(0, 80) }) });
    for (const o of account?.openOpportunities ?? []) own.push({ id: o.id, label: format(s.relatedOpportunity, { name: o.name.slice(0, 80) }) });
  }
  const kept = input.keptWhatId && isSalesforceId(input.keptWhatId) ? input.keptWhatId : undefined;
  const linkedWhat = linked && canBeWhatId(linked) ? { id: linked.id, label: `${linked.name.slice(0, 80)} (${linked.typeLabel})` } : undefined;
  const first: RecordSelectOption[] = linkedWhat ? [linkedWhat] : [];
  if (kept && kept !== linkedWhat?.id && !own.some((o) => o.id === kept)) first.push({ id: kept, label: s.relatedKept });
  const options = [...first, ...own.filter((o) => !first.some((f) => f.id === o.id))];
  return { options, defaultId: linkedWhat?.id ?? kept ?? options[0]?.id ?? '', allowNone: !kept };
}

/**
 * How the picks go into the action: a linked record travels as `linked` (its object decides WhoId or WhatId in the
 * executor) when it is what the seller kept; another pick is a plain `whatId`.
 */
export function withMeetingLinks(action: SaveMeetingAction, picks: { primary: PersonMatch; whatId: string; linked: LinkedFound | undefined }): SaveMeetingAction {
  const { primary, whatId, linked } = picks;
  const link: MeetingLinkedRecord | undefined = linked ? { sobject: linked.sobject, id: linked.id } : undefined;
  const next: SaveMeetingAction = { ...action };
  if (link && !canBeWhatId(link) && next.peopleIds.includes(link.id)) next.linked = link;
  if (primary.kind === 'contact' && whatId) {
    if (link && canBeWhatId(link) && whatId === link.id) next.linked = link;
    else next.whatId = whatId;
  }
  return next;
}
