/**
 * Create a lead, account, opportunity or case, prefilled from the email. Checked before sending; the write goes through
 * the outbox; Salesforce's refusals come back onto the fields they name, the others at the top of the form. A duplicate
 * rule's refusal lists the matching records: "Use this one" resolves the entry with that record, "Save anyway" (Alert
 * rules only) sends it again with the duplicate-rule header.
 */
import { Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { DuplicateMatches } from '../../components/duplicate-matches';
import { FormActions } from '../../components/form-actions';
import { FormField } from '../../components/form-field';
import { refusalText } from '../../components/refusal-text';
import { useFormFocus } from '../../components/use-form-focus';
import type { CreateRecordStrings } from '../../i18n/create-record-strings';
import { failureMessage } from '../../i18n/failure-messages';
import { format } from '../../i18n/strings';
import { waitReasonText } from '../../i18n/workspace-strings';
import type { AccountSummary } from '../../salesforce/crm/crm-records';
import type { RecordTypeChoice } from '../../salesforce/crm/create-record-metadata';
import { checkRecordDraft, placeRecordRefusal, recordActionOf, type FieldSpec, type RecordDraft, type RecordDraftProblem } from '../../salesforce/crm/create-record-draft';
import { duplicateRefusalOf, type DuplicateMatch } from '../../salesforce/duplicate-refusal';
import type { CreatableSObject, Outbox, OutboxEntry, OutboxOwner, OutboxResult } from '../../salesforce/outbox/outbox';
import { createLogger } from '../../shared/logger';
import { RecordTypeField } from './record-type-field';

const log = createLogger('features.create-record');

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface CreateRecordFormProps {
  sobject: CreatableSObject;
  /** The fields of `recordTypeId`'s record type (or the object's, without one). */
  fields: readonly FieldSpec[];
  /** Sent as RecordTypeId: the seller's default record type (create-record-metadata.ts). */
  recordTypeId?: string;
  /** Several record types the seller may use: a choice, each with its own fields. */
  recordTypes?: readonly RecordTypeChoice[];
  initial: RecordDraft;
  accounts: readonly AccountSummary[];
  outbox: Outbox;
  owner: OutboxOwner;
  entries: OutboxEntry[];
  instanceUrl: string;
  strings: CreateRecordStrings;
  locale: string;
  onCancel(): void;
  /** Salesforce has the record (created, or the existing one the seller chose); `name` is what the form called it. */
  onDone(result: OutboxResult, name: string): void;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

function recordName(sobject: CreatableSObject, draft: RecordDraft): string {
  const name = sobject === 'Lead' ? [draft.FirstName, draft.LastName].filter(Boolean).join(' ') : sobject === 'Case' ? (draft.Subject ?? '') : (draft.Name ?? '');
  return name.trim().slice(0, 120);
}

export function CreateRecordForm({
  sobject,
  fields: defaultFields,
  recordTypeId: defaultRecordTypeId,
  recordTypes,
  initial,
  accounts,
  outbox,
  owner,
  entries,
  instanceUrl,
  strings: s,
  locale,
  onCancel,
  onDone,
}: CreateRecordFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const objectLabel = s.objects[sobject];
  const [draft, setDraft] = useState<RecordDraft>(initial);
  const [recordTypeId, setRecordTypeId] = useState(defaultRecordTypeId);
  // Picklists follow the chosen record type; a value the new one does not allow is caught before sending.
  const fields = recordTypes?.find((rt) => rt.id === recordTypeId)?.fields ?? defaultFields;
  const [problems, setProblems] = useState<Partial<Record<string, RecordDraftProblem>>>({});
  const [entryId, setEntryId] = useState<string | undefined>();
  const [chosenName, setChosenName] = useState<string | undefined>();
  const [submitError, setSubmitError] = useState<string | undefined>();
  const entry = entries.find((e) => e.id === entryId);
  const { formRef, focusFirstInvalid, focusFirstInvalidNow } = useFormFocus({ focusOnOpen: true });

  const doneResult = entry?.status === 'done' ? entry.result : undefined;
  useEffect(() => {
    if (doneResult) onDone(doneResult, chosenName ?? recordName(sobject, draft));
    // Once, when the entry lands; the draft may still be edited meanwhile without re-announcing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doneResult]);

  const refusal = entry?.status === 'failed' && entry.failure ? entry.failure : undefined;
  const duplicates = duplicateRefusalOf(refusal);
  const placed = refusal ? placeRecordRefusal(fields, refusal) : undefined;
  const refusalKey = refusal && entry ? `${entry.id}:${entry.updatedAt}` : undefined;
  useEffect(() => {
    if (refusalKey) focusFirstInvalidNow();
  }, [refusalKey, focusFirstInvalidNow]);

  const problemText = (p: RecordDraftProblem | undefined): string | undefined => {
    switch (p) {
      case 'required':
        return s.required;
      case 'too_long':
        return s.tooLong;
      case 'invalid_email':
        return s.invalidEmail;
      case 'invalid_date':
        return s.invalidDate;
      case 'invalid_number':
        return s.invalidNumber;
      case 'not_an_option':
        return s.notAnOption;
      default:
        return undefined;
    }
  };
  const messageFor = (name: string) => problemText(problems[name]) ?? refusalText(refusal, placed?.fields, name, s.required, locale);
  const busy = entry !== undefined && (entry.status === 'queued' || entry.status === 'sending');

  async function send(change: 'edit' | 'allow' | { use: DuplicateMatch }) {
    const name = recordName(sobject, draft);
    const key = (entry?.action.type === 'create_record' && entry.action.clientKey) || newKey();
    const action = recordActionOf(sobject, fields, draft, key, format(s.actionLabel, { object: objectLabel, name }), recordTypeId);
    if (change === 'allow') action.allowDuplicates = true;
    else if (change !== 'edit') action.useExistingId = change.use.id;
    setSubmitError(undefined);
    try {
      if (entry && (entry.status === 'failed' || entry.status === 'waiting')) await outbox.retry(owner, entry.id, action);
      else setEntryId((await outbox.enqueue(owner, action)).id);
    } catch (error) {
      log.debug('keeping the new record in the outbox failed', error);
      setSubmitError(failureMessage({ kind: 'unknown' }, locale).explanation);
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = checkRecordDraft(fields, draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    void send('edit');
  }

  function chooseMatch(match: DuplicateMatch) {
    setChosenName(match.name ?? recordName(sobject, draft));
    void send({ use: match });
  }

  const set = (name: string) => (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [name]: data.value }));
  const control = (field: FieldSpec): React.ReactElement => {
    const value = draft[field.name] ?? '';
    switch (field.kind) {
      case 'account':
        return (
          <Select value={value} onChange={set(field.name)}>
            <option value="">{s.none}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name.slice(0, 120)}
              </option>
            ))}
          </Select>
        );
      case 'picklist':
        return (
          <Select value={value} onChange={set(field.name)}>
            <option value="">{field.required ? s.choose : s.none}</option>
            {(field.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        );
      case 'textarea':
        return <Textarea value={value} onChange={set(field.name)} resize="vertical" />;
      case 'date':
        return <Input type="date" value={value} onChange={set(field.name)} />;
      case 'currency':
        return <Input inputMode="decimal" value={value} onChange={set(field.name)} />;
      case 'email':
        return <Input type="email" value={value} onChange={set(field.name)} />;
      case 'phone':
        return <Input type="tel" value={value} onChange={set(field.name)} />;
      case 'url':
        return <Input type="url" value={value} onChange={set(field.name)} />;
      case 'text':
        return <Input value={value} onChange={set(field.name)} />;
    }
  };

  const title = format(s.refusedTop, { object: objectLabel.toLowerCase() });
  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} aria-labelledby={headingId} noValidate data-testid="create-record-form">
      <Text as="h3" weight="semibold" id={headingId}>
        {format(s.formHeading, { object: objectLabel })}
      </Text>
      {duplicates ? (
        <DuplicateMatches
          refusal={duplicates}
          title={title}
          instanceUrl={instanceUrl}
          strings={s}
          busy={busy}
          creating={sobject}
          onUse={chooseMatch}
          onSaveAnyway={() => void send('allow')}
        />
      ) : refusal && placed?.formLevel ? (
        <MessageBar intent="error" data-testid="create-record-error">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            {refusal.detail ?? failureMessage(refusal, locale).explanation}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {submitError ? (
        <MessageBar intent="error">
          <MessageBarBody>{submitError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {recordTypes && recordTypeId ? <RecordTypeField choices={recordTypes} value={recordTypeId} locale={locale} onChange={setRecordTypeId} /> : null}
      {fields.map((field) => (
        <FormField
          key={field.name}
          label={field.label ?? s.fields[field.name] ?? field.name}
          required={field.required === true}
          message={messageFor(field.name)}
          testId={`record-field-${field.name}`}
        >
          {control(field)}
        </FormField>
      ))}
      {entry?.status === 'waiting' ? (
        <Text role="status" data-testid="create-record-waiting">
          {waitReasonText(entry.waitingFor, locale)}
        </Text>
      ) : null}
      <FormActions
        submitLabel={busy ? s.creating : format(s.create, { object: objectLabel.toLowerCase() })}
        cancelLabel={s.cancel}
        busy={busy}
        onCancel={onCancel}
        submitTestId="create-record-submit"
      />
    </form>
  );
}
