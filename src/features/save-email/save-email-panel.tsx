/**
 * Save the email to Salesforce as a completed Task on a matched contact or lead, related to the account or an open
 * opportunity the seller picks (contacts only). The write goes through the outbox; "Saved" with a link shows once
 * Salesforce has it, or at once when the lookup found an earlier save of this email.
 */
import { Button, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { EmailContext } from '../../host/office-host';
import { failureMessage } from '../../i18n/failure-messages';
import { format } from '../../i18n/strings';
import { waitReasonDetail, type WorkspaceStrings } from '../../i18n/workspace-strings';
import type { AccountSummary, PersonMatch, SavedEmailTask } from '../../salesforce/crm/crm-records';
import { recordUrl } from '../../salesforce/crm/record-links';
import { activityDateOf } from '../../salesforce/crm/save-email';
import { canBeWhatId, type FoundRecord } from '../../salesforce/crm/record-search';
import type { Outbox, OutboxEntry, OutboxOwner, SaveEmailAction } from '../../salesforce/outbox/outbox';
import { storageWriteError, type StorageWriteError } from './storage-write-error';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // A native <select> is as wide as its longest option (an opportunity's name); in a 320px pane that pushed it out of
  // the panel and made the pane scroll sideways. Let it shrink to the panel and cut the shown option instead.
  select: { minWidth: 0, maxWidth: '100%' },
  writeError: { color: tokens.colorPaletteRedForeground1 },
});

export interface SaveEmailPanelProps {
  context: EmailContext;
  matches: PersonMatch[];
  /** Accounts (with open opportunities) known from the lookup, by id. */
  accountsById: Map<string, AccountSummary>;
  /** From the lookup: an earlier save of this email (null: none; undefined: not known). */
  saved: SavedEmailTask | null | undefined;
  entries: OutboxEntry[];
  outbox: Outbox;
  owner: OutboxOwner;
  instanceUrl: string;
  strings: WorkspaceStrings;
  locale: string;
  /**
   * A record the seller found by search (the workspace's search and link): a contact or lead becomes the person the
   * email is saved on, anything else what it is related to. Selected when it arrives; the seller can still change.
   */
  linked?: FoundRecord & { typeLabel: string };
  /** The search, given by the workspace (features do not import each other), shown under the choices. */
  linkSlot?: React.ReactNode;
}

/** A searched contact or lead, as a match of the "Link to" list (only its id and name are used to save). */
function personOf(record: FoundRecord): PersonMatch {
  const common = { id: record.id, name: record.name, title: null, phone: null, email: '', ownerName: null };
  return record.sobject === 'Lead' ? { ...common, kind: 'lead', company: record.detail, status: null } : { ...common, kind: 'contact', accountId: null, accountName: record.detail };
}

interface RelatedOption {
  id: string;
  label: string;
}

function relatedOptions(person: PersonMatch | undefined, accountsById: Map<string, AccountSummary>, s: WorkspaceStrings): RelatedOption[] {
  if (!person || person.kind !== 'contact' || !person.accountId) return [];
  const account = accountsById.get(person.accountId);
  const options: RelatedOption[] = [{ id: person.accountId, label: format(s.saveRelatedAccount, { name: (account?.name ?? person.accountName ?? '').slice(0, 80) }) }];
  for (const o of account?.openOpportunities ?? []) options.push({ id: o.id, label: format(s.saveRelatedOpportunity, { name: o.name.slice(0, 80) }) });
  return options;
}

export function SaveEmailPanel(props: SaveEmailPanelProps) {
  const { context, accountsById, saved, entries, outbox, owner, instanceUrl, strings: s, locale, linked, linkSlot } = props;
  const linkedWho = linked && !canBeWhatId(linked) ? personOf(linked) : undefined;
  const linkedWhat = linked && canBeWhatId(linked) ? { id: linked.id, label: `${linked.name.slice(0, 80)} (${linked.typeLabel})` } : undefined;
  const matches = useMemo(() => (linkedWho ? [linkedWho, ...props.matches.filter((m) => m.id !== linkedWho.id)] : props.matches), [linkedWho?.id, props.matches]); // eslint-disable-line react-hooks/exhaustive-deps
  const styles = useStyles();
  const headingId = useId();
  const writeErrorId = useId();
  // The browser refused to keep the write (quota): nothing was queued, so it is said on the button, not lost quietly.
  const [writeError, setWriteError] = useState<StorageWriteError | undefined>();
  const messageId = context.internetMessageId;
  const fromAddress = context.from?.address.toLowerCase();
  const defaultWho = (matches.find((m) => m.email === fromAddress) ?? matches[0])?.id ?? '';
  const [whoId, setWhoId] = useState(defaultWho);
  const person = matches.find((m) => m.id === whoId) ?? matches.find((m) => m.id === defaultWho);
  const options = useMemo(() => {
    const own = relatedOptions(person, accountsById, s);
    return linkedWhat ? [linkedWhat, ...own.filter((o) => o.id !== linkedWhat.id)] : own;
  }, [person, accountsById, s, linkedWhat?.id, linkedWhat?.label]); // eslint-disable-line react-hooks/exhaustive-deps
  const [whatChoice, setWhatChoice] = useState<string | undefined>();
  // A record just linked by search is selected (React's "adjust state when a prop changes" pattern).
  const [linkedSeen, setLinkedSeen] = useState<string | undefined>();
  if (linked && linked.id !== linkedSeen) {
    setLinkedSeen(linked.id);
    if (linkedWho) setWhoId(linkedWho.id);
    else setWhatChoice(linked.id);
  }
  const whatId = whatChoice !== undefined && (whatChoice === '' || options.some((o) => o.id === whatChoice)) ? whatChoice : (options[0]?.id ?? '');

  const entry = [...entries].reverse().find((e) => e.action.type === 'save_email' && e.action.internetMessageId === messageId);
  const savedId = entry?.status === 'done' ? entry.result?.id : saved?.id;

  let body: React.ReactNode;
  if (!messageId) {
    body = <Text>{s.saveNeedsMessageId}</Text>;
  } else if (savedId) {
    const href = recordUrl(instanceUrl, 'Task', savedId);
    body = (
      <div className={styles.row} role="status" data-testid="save-email-saved">
        <Text weight="semibold">{s.saved}</Text>
        {href ? (
          <Link href={href} target="_blank" rel="noopener noreferrer" data-testid="saved-task-link">
            {s.openSavedTask}
          </Link>
        ) : null}
      </div>
    );
  } else if (entry && (entry.status === 'queued' || entry.status === 'sending')) {
    body = (
      <Text role="status" data-testid="save-email-sending">
        {s.saving}
      </Text>
    );
  } else if (entry?.status === 'waiting') {
    body = (
      <MessageBar intent="warning" data-testid="save-email-waiting">
        <MessageBarBody>
          <MessageBarTitle>{s.waiting}</MessageBarTitle>
          {waitReasonDetail(entry.waitingFor, locale)}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (matches.length === 0) {
    body = (
      <>
        <Text>{s.saveNeedsPerson}</Text>
        {linkSlot}
      </>
    );
  } else {
    const failure = entry?.status === 'failed' ? entry.failure : undefined;
    const message = failure ? failureMessage(failure, locale) : undefined;
    body = (
      <>
        {failure && message ? (
          <MessageBar intent="error" data-testid="save-email-failed">
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {[message.explanation, failure.detail].filter(Boolean).join(' ')}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Field label={s.saveLinkTo}>
          <Select className={styles.select} value={person?.id ?? ''} onChange={(_, d) => setWhoId(d.value)} data-testid="save-email-who">
            {matches.map((m) => (
              <option key={m.id} value={m.id}>
                {`${m.name.slice(0, 80)} (${m.kind === 'contact' ? s.contact : s.lead})`}
              </option>
            ))}
          </Select>
        </Field>
        {person?.kind === 'lead' ? (
          <Text size={200}>{s.saveLeadNoRelated}</Text>
        ) : options.length > 0 ? (
          <Field label={s.saveRelatedTo}>
            <Select className={styles.select} value={whatId} onChange={(_, d) => setWhatChoice(d.value)} data-testid="save-email-what">
              <option value="">{s.saveRelatedNone}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {linkSlot}
        <div className={styles.row}>
          <Button
            appearance="primary"
            data-testid="save-email-button"
            {...(writeError ? { 'aria-describedby': writeErrorId, 'data-write-error': writeError } : {})}
            onClick={() => {
              if (!person) return;
              const action: SaveEmailAction = {
                type: 'save_email',
                internetMessageId: messageId,
                subject: context.subject,
                bodyExcerpt: context.bodyExcerpt,
                activityDate: activityDateOf(context.date),
                whoId: person.id,
                label: `${context.subject.slice(0, 60)} → ${person.name.slice(0, 60)}`,
              };
              if (person.kind === 'contact' && whatId) action.whatId = whatId;
              setWriteError(undefined);
              const kept = entry?.status === 'failed' ? outbox.retry(owner, entry.id, action) : outbox.enqueue(owner, action);
              void Promise.resolve(kept).catch((error: unknown) => setWriteError(storageWriteError(error)));
            }}
          >
            {s.saveButton}
          </Button>
          {writeError ? (
            <Text id={writeErrorId} role="alert" className={styles.writeError} data-testid="save-email-write-error">
              {writeError === 'storage_full' ? s.saveStorageFull : s.saveNotKept}
            </Text>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="save-email-panel">
      <Text as="h2" size={400} weight="semibold" id={headingId}>
        {s.saveHeading}
      </Text>
      {body}
    </section>
  );
}
