/**
 * Log a follow-up on a contact or lead: an open Task due on a date, with an optional note. Checked before sending
 * (subject, due date); the write goes through the outbox like every other write, so it waits through a lost
 * connection or offline and is never done twice. Salesforce's refusals come back onto the fields they name.
 */
import { Button, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { SendingFormFooter } from '../../components/sending-form-footer';
import { FormField } from '../../components/form-field';
import { refusalText } from '../../components/refusal-text';
import { useFormFocus } from '../../components/use-form-focus';
import { failureMessage } from '../../i18n/failure-messages';
import { format } from '../../i18n/strings';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import { recordUrl } from '../../salesforce/crm/record-links';
import type { LogFollowUpAction, Outbox, OutboxEntry, OutboxOwner } from '../../salesforce/outbox/outbox';
import {
  checkFollowUpDraft,
  defaultDueDate,
  defaultSubject,
  followUpActionOf,
  placeFollowUpRefusal,
  type FollowUpDraft,
  type FollowUpFieldName,
  type FollowUpProblem,
} from './follow-up-draft';
import { createLogger } from '../../shared/logger';

const log = createLogger('features.follow-up');

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface FollowUpTarget {
  /** Contact or lead id (WhoId). */
  id: string;
  name: string;
  /** The contact's account: the follow-up is related to it too (a lead takes none). */
  accountId?: string | null;
}

export interface FollowUpFormProps {
  target: FollowUpTarget;
  /** The current email's subject, for the default "Follow up: …". */
  emailSubject: string;
  outbox: Outbox;
  owner: OutboxOwner;
  entries: OutboxEntry[];
  instanceUrl: string;
  strings: WorkspaceStrings;
  locale: string;
  onClose(): void;
  /** Clock seam (tests); defaults to now. */
  now?: () => Date;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

function formatDueDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
  } catch {
    return isoDate; // a locale tag Intl refuses: the ISO date is still readable
  }
}

export function FollowUpForm({ target, emailSubject, outbox, owner, entries, instanceUrl, strings: s, locale, onClose, now }: FollowUpFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const [draft, setDraft] = useState<FollowUpDraft>(() => ({
    subject: defaultSubject(s.followUpSubjectDefault, emailSubject),
    dueDate: defaultDueDate(now ? now() : new Date()),
    note: '',
  }));
  const [problems, setProblems] = useState<Partial<Record<FollowUpFieldName, FollowUpProblem>>>({});
  const [entryId, setEntryId] = useState<string | undefined>();
  const [submitError, setSubmitError] = useState<string | undefined>();
  const entry = entries.find((e) => e.id === entryId);
  const { formRef, focusFirstInvalid, focusFirstInvalidNow } = useFormFocus();

  const refusal = entry?.status === 'failed' && entry.failure ? entry.failure : undefined;
  const placed = refusal ? placeFollowUpRefusal(refusal) : undefined;
  // Once per refusal (entries are rebuilt on every outbox change; the seller may be typing again meanwhile).
  const refusalKey = refusal && entry ? `${entry.id}:${entry.updatedAt}` : undefined;
  useEffect(() => {
    if (refusalKey) focusFirstInvalidNow();
  }, [refusalKey, focusFirstInvalidNow]);
  // Done replaces the form and its focused button: focus goes to the news, so it is read out and Close is next.
  const done = entry?.status === 'done' && entry.result !== undefined;
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (done && (!active || active === document.body)) doneRef.current?.focus();
  }, [done]);
  const problemText = (p: FollowUpProblem | undefined) => (p === 'required' ? s.required : p === 'too_long' ? s.tooLong : p === 'invalid_date' ? s.invalidDate : undefined);
  const messageFor = (field: FollowUpFieldName) => problemText(problems[field]) ?? refusalText(refusal, placed?.fields, field, s.required, locale);

  const busy = entry !== undefined && (entry.status === 'queued' || entry.status === 'sending');
  const set = (field: FollowUpFieldName) => (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [field]: data.value }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = checkFollowUpDraft(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    setSubmitError(undefined);
    const whatId = target.accountId ?? undefined;
    const goal = { whoId: target.id, name: target.name, ...(whatId ? { whatId } : {}) };
    try {
      if (entry && (entry.status === 'failed' || entry.status === 'waiting')) {
        // Same key: an earlier attempt that may have landed is found instead of made twice.
        const key = entry.action.type === 'log_follow_up' ? entry.action.clientKey : newKey();
        await outbox.retry(owner, entry.id, followUpActionOf(draft, goal, key));
      } else {
        const created = await outbox.enqueue(owner, followUpActionOf(draft, goal, newKey()));
        setEntryId(created.id);
      }
    } catch (error) {
      log.debug('keeping the follow-up in the outbox failed', error);
      setSubmitError(failureMessage({ kind: 'unknown' }, locale).explanation);
    }
  }

  const heading = (
    <Text as="h2" weight="semibold" id={headingId}>
      {format(s.followUpHeading, { name: target.name.slice(0, 80) })}
    </Text>
  );

  if (entry?.status === 'done' && entry.result) {
    const href = recordUrl(instanceUrl, 'Task', entry.result.id);
    const action = entry.action as LogFollowUpAction;
    return (
      <section className={styles.form} aria-labelledby={headingId} data-testid="follow-up-form">
        {heading}
        <div ref={doneRef} tabIndex={-1} className={styles.actions} role="status" data-testid="follow-up-done">
          <Text weight="semibold">{format(s.followUpDone, { date: formatDueDate(action.activityDate, locale) })}</Text>
          {href ? (
            <Link href={href} target="_blank" rel="noopener noreferrer" data-testid="follow-up-task-link">
              {s.followUpOpenTask}
            </Link>
          ) : null}
        </div>
        <div className={styles.actions}>
          <Button onClick={onClose} data-testid="follow-up-close">
            {s.followUpClose}
          </Button>
        </div>
      </section>
    );
  }

  const field = (name: FollowUpFieldName, label: string, input: React.ReactElement, required = false) => (
    <FormField label={label} required={required} message={messageFor(name)} testId={`follow-up-field-${name}`}>
      {input}
    </FormField>
  );

  return (
    <form ref={formRef} className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby={headingId} noValidate data-testid="follow-up-form">
      {heading}
      {refusal && placed?.formLevel ? (
        <MessageBar intent="error" data-testid="follow-up-error">
          <MessageBarBody>
            <MessageBarTitle>{s.followUpRefused}</MessageBarTitle>
            {[failureMessage(refusal, locale).explanation, refusal.detail].filter(Boolean).join(' ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {submitError ? (
        <MessageBar intent="error">
          <MessageBarBody>{submitError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {field('subject', s.followUpSubject, <Input value={draft.subject} onChange={set('subject')} />, true)}
      {field('dueDate', s.followUpDueDate, <Input type="date" value={draft.dueDate} onChange={set('dueDate')} />, true)}
      {field('note', s.followUpNote, <Textarea value={draft.note} onChange={set('note')} resize="vertical" />)}
      <SendingFormFooter
        entry={entry}
        waitingTitle={s.waiting}
        sendingText={s.followUpSending}
        locale={locale}
        testIdPrefix="follow-up"
        submitLabel={s.followUpSubmit}
        cancelLabel={s.cancel}
        busy={busy}
        onCancel={onClose}
        submitTestId="follow-up-submit"
      />
    </form>
  );
}
