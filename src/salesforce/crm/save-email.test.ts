import { describe, expect, it } from 'vitest';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { SaveEmailAction } from '../outbox/outbox';
import { activityDateOf, emailTaskDescription, emailTaskFields, emailTaskSubject, findSavedEmailTask, savedEmailQuery } from './save-email';

const action: SaveEmailAction = {
  type: 'save_email',
  internetMessageId: '<abc123@mail.acme.example>',
  subject: 'Renewal pricing',
  bodyExcerpt: 'Hi Sam,\nhere are the numbers.',
  activityDate: '2025-03-04',
  whoId: '0035e000000Jane01A',
  whatId: '0065e000000Opp001A',
  label: 'Jane Doe',
};

describe('emailTaskFields', () => {
  it('builds a completed email Task linked to the contact and the opportunity', () => {
    expect(emailTaskFields(action)).toEqual({
      Subject: 'Email: Renewal pricing',
      Status: 'Completed',
      Priority: 'Normal',
      TaskSubtype: 'Email',
      ActivityDate: '2025-03-04',
      Description: 'Hi Sam,\nhere are the numbers.\n\nMessage-ID: <abc123@mail.acme.example>',
      WhoId: '0035e000000Jane01A',
      WhatId: '0065e000000Opp001A',
    });
  });

  it('never sets WhatId for a lead', () => {
    expect(emailTaskFields({ ...action, whoId: '00Q5e000000Tom001A' })).not.toHaveProperty('WhatId');
  });

  it('refuses a WhoId that is not an id', () => {
    expect(() => emailTaskFields({ ...action, whoId: "x' OR '" })).toThrow();
  });
});

describe('emailTaskSubject', () => {
  it.each([
    ['Hello', 'Email: Hello'],
    ['', 'Email: (no subject)'],
    ['a\r\nb', 'Email: a b'],
    ['x'.repeat(400), `Email: ${'x'.repeat(248)}`],
  ])('%s', (subject, expected) => expect(emailTaskSubject(subject)).toBe(expected));
});

describe('emailTaskDescription', () => {
  it('a Message-ID with a newline cannot forge a second footer line', () => {
    expect(emailTaskDescription('', '<a@b>\nMessage-ID: <c@d>')).toBe('Message-ID: <a@b>Message-ID: <c@d>');
  });
  it('stays within the long text limit', () => {
    expect(emailTaskDescription('x'.repeat(40_000), '<a@b>').length).toBeLessThanOrEqual(32_000);
  });
});

describe('savedEmailQuery', () => {
  it('is one valid query with the subject as a single literal', () => {
    const soql = savedEmailQuery("It's \\ done' OR Subject != '");
    const parsed = parseQuery(soql);
    expect(parsed.sObject).toBe('Task');
    expect(soql).toContain("Subject = 'Email: It\\'s \\\\ done\\' OR Subject != \\''");
  });
});

describe('findSavedEmailTask', () => {
  const result = (descriptions: (string | null)[]) => ({
    records: descriptions.map((d, i) => ({ Id: `00T5e00000000${String(i).padStart(2, '0')}AAA`, WhoId: null, WhatId: null, Description: d })),
  });
  it('matches the exact footer line only', () => {
    expect(findSavedEmailTask(result(['x\n\nMessage-ID: <abc123@mail.acme.example>']), '<abc123@mail.acme.example>')?.id).toBe('00T5e0000000000AAA');
    expect(findSavedEmailTask(result(['Message-ID: <abc123@mail.acme.example>x']), '<abc123@mail.acme.example>')).toBeNull();
    expect(findSavedEmailTask(result([null, 'Message-ID: <other@x>']), '<abc123@mail.acme.example>')).toBeNull();
  });
});

describe('activityDateOf', () => {
  it('uses the email date, and now when absent or invalid', () => {
    expect(activityDateOf('2025-03-04T10:00:00')).toBe('2025-03-04');
    expect(activityDateOf(undefined, () => new Date(2024, 0, 9))).toBe('2024-01-09');
    expect(activityDateOf('garbage', () => new Date(2024, 0, 9))).toBe('2024-01-09');
  });
});
