/**
 * "Create in Salesforce": a lead, an account, an opportunity (on the domain's account) or a case from the email in
 * front of the seller, prefilled from the sender's signature, address and account. One form at a time; when Salesforce
 * has the record, the panel says so with a link to it.
 */
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useFocusReturn } from '../../components/use-focus-return';
import { createRecordStrings } from '../../i18n/create-record-strings';
import { format } from '../../i18n/strings';
import type { AccountSummary } from '../../salesforce/crm/crm-records';
import { prefillDraft, RECORD_FORMS } from '../../salesforce/crm/create-record-draft';
import type { RecordForm } from '../../salesforce/crm/create-record-metadata';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import { parseSignature } from '../../salesforce/crm/email-signature';
import { recordUrl } from '../../salesforce/crm/record-links';
import type { CreatableSObject, Outbox, OutboxEntry, OutboxOwner, OutboxResult } from '../../salesforce/outbox/outbox';
import { createLogger } from '../../shared/logger';
import { CreateRecordForm } from './create-record-form';

const log = createLogger('features.create-record');

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const OBJECTS: readonly CreatableSObject[] = ['Lead', 'Account', 'Opportunity', 'Case'];

export interface CreateRecordPanelProps {
  /** Who the record is about: the sender of a read email, else the first other person; absent: nothing to prefill. */
  person: EmailPerson | undefined;
  /** The accounts the people lookup found for the person's domain. */
  accounts: readonly AccountSummary[];
  subject: string;
  bodyExcerpt: string;
  outbox: Outbox;
  owner: OutboxOwner;
  entries: OutboxEntry[];
  instanceUrl: string;
  locale: string;
  /**
   * The form the org's metadata shapes (describe, cached). Absent, or when it cannot be had (offline, a refusal): the
   * standard fields; the outbox keeps the record until Salesforce can take it, and Salesforce's refusals still show.
   */
  loadForm?: (sobject: CreatableSObject) => Promise<RecordForm>;
  /** The objects offered (the admin may hide some in config.json); all four by default. */
  objects?: readonly CreatableSObject[];
  /** yyyy-mm-dd; tests pass a fixed day. */
  today?: string;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function CreateRecordPanel({ person, accounts, subject, bodyExcerpt, outbox, owner, entries, instanceUrl, locale, loadForm, objects = OBJECTS, today }: CreateRecordPanelProps) {
  const styles = useStyles();
  const s = createRecordStrings(locale);
  const headingId = useId();
  const [open, setOpen] = useState<CreatableSObject | undefined>();
  // The button that opened the form gets the focus back when it closes.
  const [opener, setOpener] = useState<CreatableSObject>('Lead');
  const [done, setDone] = useState<{ result: OutboxResult; name: string } | undefined>();
  const signature = useMemo(() => parseSignature(bodyExcerpt, person?.name ?? ''), [bodyExcerpt, person?.name]);
  const [form, setForm] = useState<{ sobject: CreatableSObject; form: RecordForm } | undefined>();
  const standard = (sobject: CreatableSObject): RecordForm => ({ createable: true, fields: [...RECORD_FORMS[sobject]] });
  const shown = !open ? undefined : form?.sobject === open ? form.form : loadForm ? undefined : standard(open);

  useEffect(() => {
    if (!open || !loadForm) return undefined;
    let current = true;
    loadForm(open).then(
      (loaded) => current && setForm({ sobject: open, form: loaded }),
      (error: unknown) => {
        log.debug('the form metadata could not be had; the standard fields instead', error);
        if (current) setForm({ sobject: open, form: { createable: true, fields: [...RECORD_FORMS[open]] } });
      },
    );
    return () => {
      current = false;
    };
  }, [open, loadForm]);
  const openerButton = useFocusReturn<HTMLButtonElement>(open !== undefined, { returnOnClose: true });

  const close = useCallback(() => setOpen(undefined), []);
  const onDone = useCallback((result: OutboxResult, name: string) => {
    setOpen(undefined);
    setDone({ result, name });
  }, []);

  const doneUrl = done ? recordUrl(instanceUrl, done.result.sobject, done.result.id) : undefined;
  const doneObject = done ? (s.objects[done.result.sobject as CreatableSObject] ?? done.result.sobject) : '';
  return (
    <section aria-labelledby={headingId} className={styles.root} data-testid="create-record-panel">
      <Text as="h2" size={400} weight="semibold" id={headingId}>
        {s.heading}
      </Text>
      {done ? (
        <MessageBar intent="success" data-testid="create-record-done">
          <MessageBarBody>
            <span role="status">{format(done.result.adopted ? s.linked : s.created, { object: doneObject, name: done.name })}</span>{' '}
            {doneUrl ? (
              <Link href={doneUrl} target="_blank" rel="noopener noreferrer">
                {s.openInSalesforce}
              </Link>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {open && !shown ? <Spinner size="tiny" label={s.loadingForm} data-testid="create-record-loading" /> : null}
      {open && shown && !shown.createable ? (
        <MessageBar intent="warning" data-testid="create-record-not-allowed">
          <MessageBarBody>{format(s.notAllowed, { object: s.objects[open].toLowerCase() })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={close}>
              {s.close}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {open && shown?.createable ? (
        <CreateRecordForm
          key={open}
          sobject={open}
          fields={shown.fields}
          {...(shown.recordTypeId ? { recordTypeId: shown.recordTypeId } : {})}
          {...(shown.recordTypes ? { recordTypes: shown.recordTypes } : {})}
          initial={prefillDraft(open, { ...(person ? { person } : {}), signature, accounts, subject, bodyExcerpt, today: today ?? localToday() })}
          accounts={accounts}
          outbox={outbox}
          owner={owner}
          entries={entries}
          instanceUrl={instanceUrl}
          strings={s}
          locale={locale}
          onCancel={close}
          onDone={onDone}
        />
      ) : open ? null : (
        <div className={styles.buttons}>
          {objects.map((sobject) => (
            <Button
              key={sobject}
              ref={sobject === opener ? openerButton : undefined}
              size="small"
              onClick={() => {
                setDone(undefined);
                setOpener(sobject);
                setOpen(sobject);
              }}
              data-testid={`create-record-open-${sobject}`}
            >
              {format(s.openForm, { object: s.objects[sobject].toLowerCase() })}
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}
