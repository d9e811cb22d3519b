import { describe, expect, it } from 'vitest';
import type { SaveMeetingAction } from '../outbox/outbox';
import { findSavedMeeting, meetingChangedSince, meetingDescription, meetingEventFields, meetingPeopleIds, meetingWhatId, MEETING_EXCERPT_MAX, savedMeetingQuery } from './save-meeting';

const contact = '003000000000001AAA';
const lead = '00Q000000000001AAA';
const account = '001000000000001AAA';

const action: SaveMeetingAction = {
  type: 'save_meeting',
  meetingKey: 'olk-mtg1-k',
  subject: 'Review\r\nline two',
  start: '2026-12-01T15:00:00.000Z',
  end: '2026-12-01T15:45:00.000Z',
  location: 'x'.repeat(300),
  descriptionExcerpt: 'y'.repeat(5000),
  peopleIds: [contact],
  whatId: account,
  label: 'Review',
};

describe('save meeting: fields', () => {
  it('keeps subject on one line, location within 255, a short excerpt and the key footer last', () => {
    const fields = meetingEventFields(action);
    expect(fields).toMatchObject({ Subject: 'Review line two', WhoId: contact, WhatId: account, IsAllDayEvent: false });
    expect(String(fields.Location)).toHaveLength(255);
    const description = String(fields.Description);
    expect(description.endsWith('\n\nOutlook meeting: olk-mtg1-k')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(MEETING_EXCERPT_MAX + 40);
    expect(meetingDescription('', 'olk-mtg1-k')).toBe('Outlook meeting: olk-mtg1-k');
  });

  it('drops the WhatId beside a lead, and names no one when no one is known', () => {
    expect(meetingEventFields({ ...action, peopleIds: [lead] })).toMatchObject({ WhoId: lead, WhatId: null });
    expect(meetingEventFields({ ...action, peopleIds: [] })).toMatchObject({ WhoId: null });
  });
});

describe('save meeting: a record linked by search', () => {
  const caseId = '500000000000001AAA';
  const project = 'a01000000000001AAA';
  const other = '003000000000002AAA';

  it('relates the Event to any record that is not a person, in place of the pick: a case, a custom object', () => {
    expect(meetingEventFields({ ...action, linked: { sobject: 'Case', id: caseId } })).toMatchObject({ WhoId: contact, WhatId: caseId });
    expect(meetingEventFields({ ...action, whatId: undefined, linked: { sobject: 'Project__c', id: project } })).toMatchObject({ WhatId: project });
  });

  it('puts a linked contact or lead where Salesforce puts people: first, unless the seller placed it among the others', () => {
    expect(meetingPeopleIds({ ...action, linked: { sobject: 'Contact', id: other } })).toEqual([other, contact]);
    expect(meetingPeopleIds({ ...action, peopleIds: [contact, other], linked: { sobject: 'Contact', id: other } })).toEqual([contact, other]);
    expect(meetingEventFields({ ...action, linked: { sobject: 'Contact', id: other } })).toMatchObject({ WhoId: other, WhatId: account });
    expect(meetingEventFields({ ...action, peopleIds: [], linked: { sobject: 'Lead', id: lead } })).toMatchObject({ WhoId: lead, WhatId: null });
    expect(meetingWhatId({ ...action, linked: { sobject: 'Contact', id: other } })).toBe(account);
  });

  it('sends no WhatId when nothing is picked, so an update keeps what the Event is related to', () => {
    expect(meetingEventFields({ ...action, whatId: undefined })).not.toHaveProperty('WhatId');
    expect(meetingEventFields({ ...action, whatId: 'not an id', linked: { sobject: 'Case', id: 'nor this' } })).not.toHaveProperty('WhatId');
  });
});

describe('save meeting: finding the saved Event', () => {
  it("queries the user's own Events and matches the footer line exactly", () => {
    expect(savedMeetingQuery("005'x")).toContain("CreatedById = '005\\'x'");
    const result = {
      records: [
        { Id: '00U000000000001AAA', Description: 'Outlook meeting: olk-mtg1-k2' },
        {
          Id: '00U000000000002AAA',
          Subject: 'Review',
          StartDateTime: '2026-12-01T15:00:00.000+0000',
          EndDateTime: '2026-12-01T15:45:00.000+0000',
          Location: 'Room',
          Description: 'a\n\nOutlook meeting: olk-mtg1-k',
          CreatedBy: { Name: 'Sam' },
        },
      ],
    };
    const found = findSavedMeeting(result, 'olk-mtg1-k');
    expect(found).toMatchObject({ id: '00U000000000002AAA', createdByName: 'Sam' });
    expect(findSavedMeeting(result, 'olk-mtg1-other')).toBeNull();
    expect(meetingChangedSince(found!, { subject: 'Review', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T15:45:00.000Z', location: 'Room' })).toBe(false);
    expect(meetingChangedSince(found!, { subject: 'Review', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T16:00:00.000Z', location: 'Room' })).toBe(true);
    expect(meetingChangedSince(found!, { subject: 'Renamed', start: '2026-12-01T15:00:00.000Z', end: '2026-12-01T15:45:00.000Z', location: 'Room' })).toBe(true);
  });
});
