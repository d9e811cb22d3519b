/**
 * Edit key fields of a record on a card. Checked before sending (required, length, number, date); the change goes
 * through the outbox like every write, so it waits through offline or a lost connection and is never sent twice. The
 * card shows the change at once (pending-edits.ts) and Salesforce's values again if Salesforce refuses it; the
 * refusal comes back onto the fields it names. A record changed in Salesforce since the card was loaded is a conflict:
 * the form says so with the current values, and the seller chooses to save over it or keep Salesforce's.
 */
import { Button, Dropdown, Input, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { SendingFormFooter } from '../../components/sending-form-footer';
import { FormField } from '../../components/form-field';
import { useFormFocus } from '../../components/use-form-focus';
import type { EditRecordStrings } from '../../i18n/edit-record-strings';
import { failureMessage } from '../../i18n/failure-messages';
import { format } from '../../i18n/strings';
import { RECORD_CHANGED } from '../../salesforce/crm/update-record';
import type { EditableValue, Outbox, OutboxEntry, OutboxOwner } from '../../salesforce/outbox/outbox';
import { createLogger } from '../../shared/logger';
import { changedFields, checkEditDraft, draftOf, editActionOf, placeEditRefusal, type EditDraft, type EditFieldSpec, type EditProblem, type EditTarget } from './edit-record-draft';
import { latestEditOf } from './pending-edits';

const log = createLogger('features.edit-record');

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
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface EditRecordFormProps {
  /** The record as the card's data shows it (Salesforce's values, not the pending edit's). */
  target: EditTarget & { lastModifiedDate: string };
  specs: readonly EditFieldSpec[];
  outbox: Outbox;
  owner: OutboxOwner;
  entries: OutboxEntry[];
  strings: EditRecordStrings;
  locale: string;
  onClose(): void;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

const shown = (value: unknown, s: EditRecordStrings) => (value === null || value === undefined || value === '' ? s.blank : String(value));

export function EditRecordForm({ target, specs, outbox, owner, entries, strings: s, locale, onClose }: EditRecordFormProps) {
  const styles = useStyles();
  const headingId = useId();
  // Reopened after a refusal or while waiting: the form carries on with that entry and the values the seller tried.
  const [entryId, setEntryId] = useState<string | undefined>(() => {
    const latest = latestEditOf(entries, target.recordId);
    return latest && latest.status !== 'done' ? latest.id : undefined;
  });
  const entry = entries.find((e) => e.id === entryId && e.action.type === 'update_record');
  const [draft, setDraft] = useState<EditDraft>(() => draftOf(specs, { ...target.values, ...(entry?.action.type === 'update_record' ? entry.action.fields : {}) }));
  const [problems, setProblems] = useState<Partial<Record<string, EditProblem>>>({});
  const [note, setNote] = useState<string | undefined>();
  const { formRef, focusFirstInvalid, focusFirstInvalidNow } = useFormFocus();

  const failed = entry?.status === 'failed' ? entry.failure : undefined;
  const conflict = failed?.code === RECORD_CHANGED ? failed : undefined;
  const refusal = failed && !conflict ? failed : undefined;
  const placed = refusal ? placeEditRefusal(refusal, specs) : undefined;
  const refusalKey = refusal && entry ? `${entry.id}:${entry.updatedAt}` : undefined;
  useEffect(() => {
    if (refusalKey) focusFirstInvalidNow();
  }, [refusalKey, focusFirstInvalidNow]);
  const conflictRef = useRef<HTMLDivElement>(null);
  const conflictKey = conflict && entry ? `${entry.id}:${entry.updatedAt}` : undefined;
  useEffect(() => {
    if (conflictKey) conflictRef.current?.focus();
  }, [conflictKey]);
  const done = entry?.status === 'done';
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const busy = entry !== undefined && (entry.status === 'queued' || entry.status === 'sending');
  const label = format(s.editActionLabel, { name: target.name.slice(0, 80) });
  const problemText = (spec: EditFieldSpec, p: EditProblem | undefined) =>
    p === 'required'
      ? s.required
      : p === 'too_long'
        ? format(s.tooLong, { max: spec.maxLength ?? 0 })
        : p === 'invalid_number'
          ? s.invalidNumber
          : p === 'invalid_date'
            ? s.invalidDate
            : undefined;
  const messageFor = (spec: EditFieldSpec) => {
    const own = problemText(spec, problems[spec.name]);
    if (own) return own;
    if (!refusal || !placed?.fields.includes(spec.name)) return undefined;
    return refusal.code === 'REQUIRED_FIELD_MISSING' ? s.required : (refusal.detail ?? failureMessage(refusal, locale).explanation);
  };

  async function send(changes: Record<string, EditableValue>, base: EditTarget & { lastModifiedDate: string }) {
    try {
      if (entry && entry.action.type === 'update_record' && (entry.status === 'failed' || entry.status === 'waiting')) {
        // Same key and entry: an attempt that may have landed is found in place instead of sent again.
        await outbox.retry(owner, entry.id, editActionOf(base, changes, entry.action.clientKey, label));
      } else {
        const created = await outbox.enqueue(owner, editActionOf(base, changes, newKey(), label));
        setEntryId(created.id);
      }
    } catch (error) {
      log.debug('keeping the edit in the outbox failed', error);
      setNote(failureMessage({ kind: 'unknown' }, locale).explanation);
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = checkEditDraft(specs, draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    const changes = changedFields(specs, target.values, draft);
    if (Object.keys(changes).length === 0) {
      setNote(s.noChange);
      return;
    }
    setNote(undefined);
    await send(changes, target);
  }

  async function overwrite() {
    if (!conflict?.current || !entry || entry.action.type !== 'update_record') return;
    const lastModifiedDate = conflict.current.LastModifiedDate;
    if (typeof lastModifiedDate !== 'string') return;
    // A deliberate choice, over the values the seller has now seen: the new baseline is Salesforce's current record.
    const values: Record<string, EditableValue> = {};
    for (const [name, value] of Object.entries(conflict.current)) if (typeof value !== 'boolean') values[name] = value;
    await send(entry.action.fields, { ...target, lastModifiedDate, values });
  }

  async function keepTheirs() {
    if (entry) await outbox.discard(owner, entry.id).catch((error: unknown) => log.debug('discarding the edit failed', error));
    onClose();
  }

  const heading = (
    <Text as="h2" weight="semibold" id={headingId}>
      {format(s.editHeading, { name: target.name.slice(0, 80) })}
    </Text>
  );

  if (done) {
    return (
      <section className={styles.form} aria-labelledby={headingId} data-testid="edit-record-form">
        {heading}
        <div ref={doneRef} tabIndex={-1} role="status" data-testid="edit-record-done">
          <Text weight="semibold">{s.saved}</Text>
        </div>
        <div>
          <Button onClick={onClose} data-testid="edit-record-close">
            {s.close}
          </Button>
        </div>
      </section>
    );
  }

  const set = (name: string) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const input = (spec: EditFieldSpec) => {
    const value = draft[spec.name] ?? '';
    if (spec.kind === 'picklist') {
      const options = spec.options ?? [];
      const selected = options.find((o) => o.value === value);
      return (
        <Dropdown
          value={selected?.label ?? value}
          selectedOptions={value ? [value] : []}
          onOptionSelect={(_, data) => set(spec.name)(data.optionValue ?? '')}
          data-testid={`edit-record-input-${spec.name}`}
        >
          {spec.required ? null : <Option value="">{s.blank}</Option>}
          {options.map((o) => (
            <Option key={o.value} value={o.value}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      );
    }
    const type = spec.kind === 'date' ? 'date' : spec.kind === 'phone' ? 'tel' : 'text';
    return (
      <Input
        type={type}
        value={value}
        inputMode={spec.kind === 'currency' ? 'decimal' : undefined}
        onChange={(_, data) => set(spec.name)(data.value)}
        data-testid={`edit-record-input-${spec.name}`}
      />
    );
  };

  return (
    <form ref={formRef} className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby={headingId} noValidate data-testid="edit-record-form">
      {heading}
      {conflict ? (
        <MessageBar intent="warning" layout="multiline" data-testid="edit-record-conflict">
          <MessageBarBody>
            <div ref={conflictRef} tabIndex={-1}>
              <MessageBarTitle>{s.conflictTitle}</MessageBarTitle>
              <Text block>{s.conflictBody}</Text>
              <ul className={styles.lines}>
                {specs
                  .filter((spec) => entry?.action.type === 'update_record' && spec.name in entry.action.fields)
                  .map((spec) => (
                    <li key={spec.name}>{format(s.conflictLine, { field: spec.label, value: shown(conflict.current?.[spec.name], s) })}</li>
                  ))}
              </ul>
            </div>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void overwrite()} data-testid="edit-record-overwrite">
              {s.overwrite}
            </Button>
            <Button onClick={() => void keepTheirs()} data-testid="edit-record-keep-theirs">
              {s.keepTheirs}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {refusal && placed?.formLevel ? (
        <MessageBar intent="error" data-testid="edit-record-error">
          <MessageBarBody>
            <MessageBarTitle>{s.refusedTop}</MessageBarTitle>
            {[failureMessage(refusal, locale).explanation, refusal.detail].filter(Boolean).join(' ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {note ? (
        <Text role="status" data-testid="edit-record-note">
          {note}
        </Text>
      ) : null}
      {specs.map((spec) => (
        <FormField key={spec.name} label={spec.label} required={spec.required === true} message={messageFor(spec)} testId={`edit-record-field-${spec.name}`}>
          {input(spec)}
        </FormField>
      ))}
      <SendingFormFooter
        entry={entry}
        waitingTitle={s.waiting}
        sendingText={s.sending}
        locale={locale}
        testIdPrefix="edit-record"
        submitLabel={s.save}
        cancelLabel={s.cancel}
        busy={busy}
        onCancel={onClose}
        submitTestId="edit-record-submit"
      />
    </form>
  );
}
