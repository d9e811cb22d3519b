/**
 * Create a contact from an address of the email, prefilled from the display name, the account matched by domain.
 * Checked before sending (LastName, email, lengths); then the write goes through the outbox, and Salesforce's own
 * refusals come back onto the fields they name (Field validationMessage), the others at the top of the form. A
 * duplicate rule's refusal lists the matching contacts as the create-record form does: "Use this one" resolves the
 * entry with that contact (nothing created; the card then shows it as found), "Save anyway" where the rule allows it.
 */
import { Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { DuplicateMatches } from '../../components/duplicate-matches';
import { FormActions } from '../../components/form-actions';
import { FormField } from '../../components/form-field';
import { refusalText } from '../../components/refusal-text';
import { useFormFocus } from '../../components/use-form-focus';
import { createRecordStrings } from '../../i18n/create-record-strings';
import { failureMessage } from '../../i18n/failure-messages';
import { waitReasonText, type WorkspaceStrings } from '../../i18n/workspace-strings';
import type { AccountSummary } from '../../salesforce/crm/crm-records';
import { checkContactDraft, contactActionOf, placeRefusal, preselectAccount, type ContactDraft, type ContactFieldName, type DraftProblem } from '../../salesforce/crm/create-contact';
import { splitDisplayName, type EmailPerson } from '../../salesforce/crm/email-addresses';
import { duplicateRefusalOf, type DuplicateMatch } from '../../salesforce/duplicate-refusal';
import type { CreateContactAction, Outbox, OutboxEntry, OutboxOwner } from '../../salesforce/outbox/outbox';
import { createLogger } from '../../shared/logger';

const log = createLogger('features.create-contact');

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface CreateContactFormProps {
  person: EmailPerson;
  accounts: AccountSummary[];
  outbox: Outbox;
  owner: OutboxOwner;
  entries: OutboxEntry[];
  strings: WorkspaceStrings;
  locale: string;
  /** For the links to the contacts a duplicate rule matched; without it they are shown by name only. */
  instanceUrl?: string;
  onCancel(): void;
  /** The contact was created: its id, and the address it was created with (the seller may have changed it). */
  onCreated(contactId: string, email: string): void;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

export function CreateContactForm({ person, accounts, outbox, owner, entries, strings: s, locale, instanceUrl = '', onCancel, onCreated }: CreateContactFormProps) {
  const styles = useStyles();
  const headingId = useId();
  const [draft, setDraft] = useState<ContactDraft>(() => {
    const { firstName, lastName } = splitDisplayName(person.name, person.address);
    return { FirstName: firstName, LastName: lastName, Email: person.address, Title: '', Phone: '', AccountId: preselectAccount(accounts) };
  });
  const [problems, setProblems] = useState<Partial<Record<ContactFieldName, DraftProblem>>>({});
  const [entryId, setEntryId] = useState<string | undefined>();
  const [submitError, setSubmitError] = useState<string | undefined>();
  const entry = entries.find((e) => e.id === entryId);
  // The "Create contact" button that opened the form is gone: focus starts in the form.
  const { formRef, focusFirstInvalid, focusFirstInvalidNow } = useFormFocus({ focusOnOpen: true });

  useEffect(() => {
    if (entry?.status === 'done' && entry.result) onCreated(entry.result.id, entry.action.type === 'create_contact' ? entry.action.fields.Email : '');
  }, [entry?.status, entry?.result, entry?.action, onCreated]);

  const refusal = entry?.status === 'failed' && entry.failure ? entry.failure : undefined;
  const placed = refusal ? placeRefusal(refusal) : undefined;
  // Something to act on (a contact to use, or saving anyway); otherwise the plain message says to check Salesforce.
  const refused = duplicateRefusalOf(refusal);
  const duplicates = refused && (refused.records.length > 0 || refused.allowSave) ? refused : undefined;
  // Once per refusal (entries are rebuilt on every outbox change; the seller may be typing again meanwhile).
  const refusalKey = refusal && entry ? `${entry.id}:${entry.updatedAt}` : undefined;
  useEffect(() => {
    if (refusalKey) focusFirstInvalidNow();
  }, [refusalKey, focusFirstInvalidNow]);
  const problemText = (p: DraftProblem | undefined) => (p === 'required' ? s.required : p === 'too_long' ? s.tooLong : p === 'invalid_email' ? s.invalidEmail : undefined);
  const messageFor = (field: ContactFieldName) => problemText(problems[field]) ?? refusalText(refusal, placed?.fields, field, s.required, locale);

  const busy = entry !== undefined && (entry.status === 'queued' || entry.status === 'sending');
  const set = (field: keyof ContactDraft) => (_: unknown, data: { value: string }) => setDraft((d) => ({ ...d, [field]: data.value }));

  /** `choice`: the seller's answer to a duplicate rule ("Use this one", "Save anyway"); none for a plain submit. */
  async function send(choice: Pick<CreateContactAction, 'allowDuplicates' | 'useExistingId'> = {}) {
    const label = [draft.FirstName, draft.LastName].filter(Boolean).join(' ');
    setSubmitError(undefined);
    try {
      if (entry && (entry.status === 'failed' || entry.status === 'waiting')) {
        await outbox.retry(owner, entry.id, { ...contactActionOf(draft, (entry.action.type === 'create_contact' && entry.action.clientKey) || newKey(), label), ...choice });
      } else {
        const created = await outbox.enqueue(owner, { ...contactActionOf(draft, newKey(), label), ...choice });
        setEntryId(created.id);
      }
    } catch (error) {
      log.debug('keeping the new contact in the outbox failed', error);
      setSubmitError(failureMessage({ kind: 'unknown' }, locale).explanation);
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = checkContactDraft(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    void send();
  }

  const field = (name: ContactFieldName, label: string, input: React.ReactElement, required = false) => (
    <FormField label={label} required={required} message={messageFor(name)} testId={`field-${name}`}>
      {input}
    </FormField>
  );

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} aria-labelledby={headingId} noValidate data-testid="create-contact-form">
      <Text as="h2" weight="semibold" id={headingId}>
        {s.createHeading}
      </Text>
      {duplicates ? (
        <DuplicateMatches
          refusal={duplicates}
          title={s.refusedTop}
          instanceUrl={instanceUrl}
          strings={createRecordStrings(locale)}
          busy={busy}
          creating="Contact"
          onUse={(match: DuplicateMatch) => void send({ useExistingId: match.id })}
          onSaveAnyway={() => void send({ allowDuplicates: true })}
          testId="create-contact-duplicates"
        />
      ) : refusal && placed?.formLevel ? (
        <MessageBar intent="error" data-testid="create-contact-error">
          <MessageBarBody>
            <MessageBarTitle>{s.refusedTop}</MessageBarTitle>
            {refusal.code === 'DUPLICATES_DETECTED' ? s.duplicate : (refusal.detail ?? failureMessage(refusal, locale).explanation)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {submitError ? (
        <MessageBar intent="error">
          <MessageBarBody>{submitError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {field('FirstName', s.firstName, <Input value={draft.FirstName} onChange={set('FirstName')} />)}
      {field('LastName', s.lastName, <Input value={draft.LastName} onChange={set('LastName')} />, true)}
      {field('Email', s.emailLabel, <Input type="email" value={draft.Email} onChange={set('Email')} />, true)}
      {field('Title', s.title, <Input value={draft.Title} onChange={set('Title')} />)}
      {field('Phone', s.phoneLabel, <Input type="tel" value={draft.Phone} onChange={set('Phone')} />)}
      {field(
        'AccountId',
        s.account,
        <Select value={draft.AccountId} onChange={set('AccountId')}>
          <option value="">{s.accountNone}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name.slice(0, 120)}
            </option>
          ))}
        </Select>,
      )}
      {entry?.status === 'waiting' ? (
        <Text role="status" data-testid="create-contact-waiting">
          {waitReasonText(entry.waitingFor, locale)}
        </Text>
      ) : null}
      <FormActions submitLabel={busy ? s.creating : s.createSubmit} cancelLabel={s.cancel} busy={busy} onCancel={onCancel} submitTestId="create-contact-submit" />
    </form>
  );
}
