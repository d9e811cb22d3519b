/**
 * The follow-up form's pure parts: the defaults (subject from the email, due in three business days), the checks made
 * before anything is sent, the outbox action, and where Salesforce's refusals go on the form.
 */
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import { FOLLOW_UP_NOTE_MAX } from '../../salesforce/crm/log-follow-up';
import type { LogFollowUpAction } from '../../salesforce/outbox/outbox';

export type FollowUpFieldName = 'subject' | 'dueDate' | 'note';

export interface FollowUpDraft {
  subject: string;
  /** yyyy-mm-dd, as an <input type="date"> gives it. */
  dueDate: string;
  note: string;
}

export type FollowUpProblem = 'required' | 'too_long' | 'invalid_date';

/** Task.Subject is 255 characters. */
export const FOLLOW_UP_SUBJECT_MAX = 255;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The seller's local calendar day, not UTC: a follow-up set at 23:00 is for the seller's tomorrow, not the day after. */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `days` working days after `from` (Saturday and Sunday skipped; public holidays are not known here). */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  let left = days;
  while (left > 0) {
    date.setDate(date.getDate() + 1);
    const weekday = date.getDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}

export function defaultDueDate(now: Date): string {
  return localIsoDate(addBusinessDays(now, 3));
}

/** "Follow up: <subject>" in the seller's language; the subject is cut so the whole fits Task.Subject. */
export function defaultSubject(template: string, emailSubject: string): string {
  const subject = emailSubject.replace(/[\r\n]+/g, ' ').trim();
  const empty = template.replace('{subject}', '');
  return template.replace('{subject}', subject.slice(0, FOLLOW_UP_SUBJECT_MAX - empty.length)).trim();
}

/** A real calendar date in yyyy-mm-dd (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function checkFollowUpDraft(draft: FollowUpDraft): Partial<Record<FollowUpFieldName, FollowUpProblem>> {
  const problems: Partial<Record<FollowUpFieldName, FollowUpProblem>> = {};
  const subject = draft.subject.trim();
  if (!subject) problems.subject = 'required';
  else if (subject.length > FOLLOW_UP_SUBJECT_MAX) problems.subject = 'too_long';
  if (!draft.dueDate.trim()) problems.dueDate = 'required';
  else if (!isIsoDate(draft.dueDate.trim())) problems.dueDate = 'invalid_date';
  if (draft.note.trim().length > FOLLOW_UP_NOTE_MAX) problems.note = 'too_long';
  return problems;
}

export function followUpActionOf(draft: FollowUpDraft, target: { whoId: string; whatId?: string; name: string }, clientKey: string): LogFollowUpAction {
  const subject = draft.subject.trim();
  const action: LogFollowUpAction = {
    type: 'log_follow_up',
    clientKey,
    subject,
    activityDate: draft.dueDate.trim(),
    whoId: target.whoId,
    label: `${subject.slice(0, 60)} → ${target.name.slice(0, 60)}`,
  };
  if (target.whatId) action.whatId = target.whatId;
  const note = draft.note.trim();
  if (note) action.note = note;
  return action;
}

export function draftOfFollowUp(action: LogFollowUpAction): FollowUpDraft {
  return { subject: action.subject, dueDate: action.activityDate, note: action.note ?? '' };
}

const FIELD_OF_TASK_FIELD: Record<string, FollowUpFieldName> = { subject: 'subject', activitydate: 'dueDate', description: 'note' };

/** Salesforce names Task fields; the form has three. What names none of them goes at the top of the form. */
export function placeFollowUpRefusal(failure: ClassifiedFailure): { fields: FollowUpFieldName[]; formLevel: boolean } {
  const named = new Set<FollowUpFieldName>();
  for (const raw of failure.fields ?? []) {
    const field = FIELD_OF_TASK_FIELD[raw.toLowerCase()];
    if (field) named.add(field);
  }
  return { fields: [...named], formLevel: named.size === 0 };
}
