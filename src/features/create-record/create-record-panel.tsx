/**
 * "Create in Salesforce": a lead, an account, an opportunity (on the domain's account) or a case from the email in
 * front of the seller, prefilled from the sender's signature, address and account. One form at a time; when Salesforce
 * has the record, the panel says so with a link to it.
 */
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useMemo, useState } from 'react';
import { useFocusReturn } from '../../components/use-focus-return';
import { createRecordStrings } from '../../i18n/create-record-strings';
import { format } from '../../i18n/strings';
import type { AccountSummary } from '../../salesforce/crm/crm-records';
import { prefillDraft, RECORD_FORMS, type FieldSpec } from '../../salesforce/crm/create-record-draft';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import { parseSignature } from '../../salesforce/crm/email-signature';
import { recordUrl } from '../../salesforce/crm/record-links';
import type { CreatableSObject, Outbox, OutboxEntry, OutboxOwner, OutboxResult } from '../../salesforce/outbox/outbox';
import { CreateRecordForm } from './create-record-form';

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
  /** The fields each form shows; the standard ones unless the org's metadata says otherwise. */
  forms?: Partial<Record<CreatableSObject, readonly FieldSpec[]>>;
  /** yyyy-mm-dd; tests pass a fixed day. */
  today?: string;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function CreateRecordPanel({ person, accounts, subject, bodyExcerpt, outbox, owner, entries, instanceUrl, locale, forms, today }: CreateRecordPanelProps) {
  const styles = useStyles();
  const s = createRecordStrings(locale);
  const headingId = useId();
  const [open, setOpen] = useState<CreatableSObject | undefined>();
  // The button that opened the form gets the focus back when it closes.
  const [opener, setOpener] = useState<CreatableSObject>('Lead');
  const [done, setDone] = useState<{ result: OutboxResult; name: string } | undefined>();
  const signature = useMemo(() => parseSignature(bodyExcerpt, person?.name ?? ''), [bodyExcerpt, person?.name]);
  const fieldsOf = (sobject: CreatableSObject) => forms?.[sobject] ?? RECORD_FORMS[sobject];
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
      {open ? (
        <CreateRecordForm
          key={open}
          sobject={open}
          fields={fieldsOf(open)}
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
      ) : (
        <div className={styles.buttons}>
          {OBJECTS.map((sobject) => (
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
