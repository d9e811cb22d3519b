import { describe, expect, it } from 'vitest';
import { SAVE_MEETING_STRINGS } from '../../i18n/save-meeting-strings';
import type { AccountSummary, PersonMatch } from '../../salesforce/crm/crm-records';
import type { SaveMeetingAction } from '../../salesforce/outbox/outbox';
import { meetingWhatChoices, withMeetingLinks, type LinkedFound } from './meeting-links';

const s = SAVE_MEETING_STRINGS.en;
const ACCOUNT = '0015e000000Acme01A';
const OPP = '0065e000000Opp001A';
const CASE = '5005e000000Case01A';
const PROJECT = 'a015e000000Proj01A';
const jane: PersonMatch = {
  kind: 'contact',
  id: '0035e000000Jane01A',
  name: 'Jane',
  title: null,
  phone: null,
  email: 'j@a.example',
  accountId: ACCOUNT,
  accountName: 'Acme',
  ownerName: null,
};
const tom: PersonMatch = { kind: 'lead', id: '00Q5e000000Tom001A', name: 'Tom', title: null, phone: null, email: 't@i.example', company: 'Initech', status: null, ownerName: null };
const accounts = new Map<string, AccountSummary>([[ACCOUNT, { id: ACCOUNT, name: 'Acme', openOpportunities: [{ id: OPP, name: 'Widgets' }] } as AccountSummary]]);
const found = (sobject: string, id: string, name: string): LinkedFound => ({ sobject, id, name, detail: null, typeLabel: sobject });

describe('meetingWhatChoices', () => {
  it.each([
    ['the account first, "none" offered', { primary: jane }, [ACCOUNT, OPP], ACCOUNT, true],
    ['a linked case first and chosen', { primary: jane, linked: found('Case', CASE, '00001001') }, [CASE, ACCOUNT, OPP], CASE, true],
    ['a linked custom record for a contact with no account', { primary: { ...jane, accountId: null }, linked: found('Project__c', PROJECT, 'Rollout') }, [PROJECT], PROJECT, true],
    ['a linked contact adds no option', { primary: jane, linked: found('Contact', jane.id, 'Jane') }, [ACCOUNT, OPP], ACCOUNT, true],
    ["an update: the Event's link kept, no 'none'", { primary: jane, keptWhatId: CASE }, [CASE, ACCOUNT, OPP], CASE, false],
    ['an update linked to the account: it stays chosen', { primary: jane, keptWhatId: OPP }, [ACCOUNT, OPP], OPP, false],
    [
      'an update, then a record linked by search: the search wins',
      { primary: jane, keptWhatId: CASE, linked: found('Project__c', PROJECT, 'Rollout') },
      [PROJECT, CASE, ACCOUNT, OPP],
      PROJECT,
      false,
    ],
    ['a lead: nothing of its own', { primary: tom }, [], '', true],
  ])('%s', (_name, input, ids, defaultId, allowNone) => {
    const choices = meetingWhatChoices({ accountsById: accounts, linked: undefined, keptWhatId: undefined, strings: s, ...input });
    expect(choices.options.map((o) => o.id)).toEqual(ids);
    expect(choices.defaultId).toBe(defaultId);
    expect(choices.allowNone).toBe(allowNone);
  });
});

describe('withMeetingLinks', () => {
  const base: SaveMeetingAction = { type: 'save_meeting', meetingKey: 'k', subject: 's', start: 'a', end: 'b', location: '', descriptionExcerpt: '', peopleIds: [jane.id], label: 's' };

  it('a linked record the seller kept travels as `linked`; another pick as `whatId`', () => {
    const linked = found('Case', CASE, '00001001');
    expect(withMeetingLinks(base, { primary: jane, whatId: CASE, linked })).toEqual({ ...base, linked: { sobject: 'Case', id: CASE } });
    expect(withMeetingLinks(base, { primary: jane, whatId: ACCOUNT, linked })).toEqual({ ...base, whatId: ACCOUNT });
    expect(withMeetingLinks(base, { primary: jane, whatId: '', linked })).toEqual(base);
  });

  it('a linked person travels when it is among the people; nothing is related beside a lead', () => {
    expect(withMeetingLinks(base, { primary: jane, whatId: ACCOUNT, linked: found('Contact', jane.id, 'Jane') })).toEqual({
      ...base,
      whatId: ACCOUNT,
      linked: { sobject: 'Contact', id: jane.id },
    });
    expect(withMeetingLinks(base, { primary: jane, whatId: '', linked: found('Lead', tom.id, 'Tom') })).toEqual(base);
    expect(withMeetingLinks({ ...base, peopleIds: [tom.id] }, { primary: tom, whatId: CASE, linked: found('Case', CASE, 'x') })).toEqual({ ...base, peopleIds: [tom.id] });
  });
});
