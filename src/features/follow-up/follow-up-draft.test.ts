import { describe, expect, it } from 'vitest';
import { followUpFields } from '../../salesforce/crm/log-follow-up';
import { addBusinessDays, checkFollowUpDraft, defaultDueDate, defaultSubject, draftOfFollowUp, followUpActionOf, isIsoDate, localIsoDate, placeFollowUpRefusal } from './follow-up-draft';

// Months are 0-based in Date: 4 is May. 2025-05-12 is a Monday.
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h);

describe('the default due date: three business days on', () => {
  it.each([
    ['Monday', at(2025, 5, 12), '2025-05-15'],
    ['Wednesday', at(2025, 5, 14), '2025-05-19'],
    ['Thursday', at(2025, 5, 15), '2025-05-20'],
    ['Friday', at(2025, 5, 16), '2025-05-21'],
    ['Saturday', at(2025, 5, 17), '2025-05-21'],
    ['Sunday', at(2025, 5, 18), '2025-05-21'],
    ['Friday late evening (local day, not UTC)', at(2025, 5, 16, 23), '2025-05-21'],
    ['over a month end', at(2025, 1, 30), '2025-02-04'],
    ['over a year end', at(2025, 12, 31), '2026-01-05'],
  ])('%s', (_, now, expected) => {
    expect(defaultDueDate(now)).toBe(expected);
  });
  it('never lands on a weekend', () => {
    for (let day = 1; day <= 31; day++) {
      const due = addBusinessDays(at(2025, 3, day), 3).getDay();
      expect([0, 6]).not.toContain(due);
    }
    expect(localIsoDate(at(2025, 3, 9))).toBe('2025-03-09');
  });
});

describe('the default subject', () => {
  it('is the template with the email subject, on one line', () => {
    expect(defaultSubject('Follow up: {subject}', 'Renewal\r\nquote ')).toBe('Follow up: Renewal quote');
    expect(defaultSubject('Relance : {subject}', 'Devis')).toBe('Relance : Devis');
    expect(defaultSubject('Follow up: {subject}', '')).toBe('Follow up:');
  });
  it('fits Task.Subject whatever the email subject', () => {
    const long = defaultSubject('Follow up: {subject}', 'x'.repeat(1000));
    expect(long.length).toBe(255);
    expect(checkFollowUpDraft({ subject: long, dueDate: '2025-05-15', note: '' })).toEqual({});
  });
});

describe('checks before sending', () => {
  it.each([
    [{ subject: 'Call Jane', dueDate: '2025-05-15', note: '' }, {}],
    [{ subject: '  ', dueDate: '2025-05-15', note: '' }, { subject: 'required' }],
    [{ subject: 'x'.repeat(256), dueDate: '2025-05-15', note: '' }, { subject: 'too_long' }],
    [{ subject: 'Call', dueDate: '', note: '' }, { dueDate: 'required' }],
    [{ subject: 'Call', dueDate: '2025-02-30', note: '' }, { dueDate: 'invalid_date' }],
    [{ subject: 'Call', dueDate: '15/05/2025', note: '' }, { dueDate: 'invalid_date' }],
    [{ subject: 'Call', dueDate: '2025-05-15', note: 'n'.repeat(31_001) }, { note: 'too_long' }],
    [
      { subject: '', dueDate: '', note: '' },
      { subject: 'required', dueDate: 'required' },
    ],
  ])('%j → %j', (draft, expected) => {
    expect(checkFollowUpDraft(draft)).toEqual(expected);
  });
  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });
});

describe('the outbox action', () => {
  const target = { whoId: '0035e000000Jane01A', name: 'Jane Doe' };
  it('carries the trimmed draft and makes the Task the crm layer sends', () => {
    const action = followUpActionOf({ subject: ' Call Jane ', dueDate: '2025-05-15', note: ' Pricing ' }, target, 'k-1');
    expect(action).toEqual({
      type: 'log_follow_up',
      clientKey: 'k-1',
      subject: 'Call Jane',
      activityDate: '2025-05-15',
      whoId: target.whoId,
      label: 'Call Jane → Jane Doe',
      note: 'Pricing',
    });
    expect(followUpFields(action)).toMatchObject({ Status: 'Not Started', ActivityDate: '2025-05-15', WhoId: target.whoId, Subject: 'Call Jane' });
    expect(draftOfFollowUp(action)).toEqual({ subject: 'Call Jane', dueDate: '2025-05-15', note: 'Pricing' });
  });
  it('leaves out an empty note and a missing WhatId', () => {
    const action = followUpActionOf({ subject: 'Call', dueDate: '2025-05-15', note: '  ' }, target, 'k-2');
    expect(action).not.toHaveProperty('note');
    expect(action).not.toHaveProperty('whatId');
    expect(followUpActionOf({ subject: 'Call', dueDate: '2025-05-15', note: '' }, { ...target, whatId: '0015e000000Acme01A' }, 'k').whatId).toBe('0015e000000Acme01A');
  });
});

describe("Salesforce's refusals on the form", () => {
  it.each([
    [['ActivityDate'], { fields: ['dueDate'], formLevel: false }],
    [['Subject', 'description'], { fields: ['subject', 'note'], formLevel: false }],
    [['WhoId'], { fields: [], formLevel: true }],
    [undefined, { fields: [], formLevel: true }],
  ])('%j → %j', (fields, expected) => {
    expect(placeFollowUpRefusal({ kind: 'validation', connectionLost: false, retryable: false, ...(fields ? { fields } : {}) })).toEqual(expected);
  });
});
