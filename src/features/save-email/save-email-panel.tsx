/**
 * Save the email to Salesforce as a completed Task on a matched contact or lead, related to the account or an open
 * opportunity the seller picks (contacts only). The write goes through the outbox; "Saved" with a link shows once
 * Salesforce has it, or at once when the lookup found an earlier save of this email.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { FailureBar } from '../../components/failure-bar';
import { RecordSelect } from '../../components/record-select';
import { useId, useMemo, useState } from 'react';
import type { EmailContext } from '../../host/office-host';
import { failureMessage } from '../../i18n/failure-messages';
import { format } from '../../i18n/strings';
import { waitReasonDetail, type WorkspaceStrings } from '../../i18n/workspace-strings';
import type { AccountSummary, PersonMatch, SavedEmailTask } from '../../salesforce/crm/crm-records';
import { activityDateOf } from '../../salesforce/crm/save-email';
import { canBeWhatId, personOfFound, type FoundRecord } from '../../salesforce/crm/record-search';
import type { Outbox, OutboxEntry, OutboxOwner, SaveEmailAction } from '../../salesforce/outbox/outbox';
import { savedStatusStrings } from '../../i18n/saved-status-strings';
import { saveEmailContentOf } from './email-content';
import { SavedEmailStatus } from './saved-email-status';
import { storageWriteError, type StorageWriteError } from './storage-write-error';
import { useSavePanelStyles } from '../../components/save-panel-styles';

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
  /** The signed-in seller (Salesforce): whose name a save carries, and whose address marks an email as sent. */
  seller?: { name: string; email: string };
  /** Shown under the heading in every state (the attachment picker, composed by the workspace). */
  extra?: React.ReactNode;
  /** The save was kept by the outbox (so what goes with it, the attachments, can follow it). */
  onSaveKept?: (action: SaveEmailAction) => void;
  /**
   * A record the seller found by search (the workspace's search and link): a contact or lead becomes the person the
   * email is saved on, anything else what it is related to. Selected when it arrives; the seller can still change.
   */
  linked?: FoundRecord & { typeLabel: string };
  /** The search, given by the workspace (features do not import each other), shown under the choices. */
  linkSlot?: React.ReactNode;
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
  const { context, accountsById, saved, entries, outbox, owner, instanceUrl, strings: s, locale, linked, linkSlot, seller } = props;
  const linkedWho = linked && !canBeWhatId(linked) ? personOfFound(linked) : undefined;
  const linkedWhat = linked && canBeWhatId(linked) ? { id: linked.id, label: `${linked.name.slice(0, 80)} (${linked.typeLabel})` } : undefined;
  const matches = useMemo(() => (linkedWho ? [linkedWho, ...props.matches.filter((m) => m.id !== linkedWho.id)] : props.matches), [linkedWho?.id, props.matches]); // eslint-disable-line react-hooks/exhaustive-deps
  const styles = useSavePanelStyles();
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
  const savedRecord = savedRecordOf(entry, saved);
  const names = useMemo(() => namesOf(matches, accountsById), [matches, accountsById]);

  let body: React.ReactNode;
  if (!messageId) {
    body = <Text>{s.saveNeedsMessageId}</Text>;
  } else if (savedRecord) {
    body = <SavedEmailStatus saved={savedRecord.record} byYou={savedRecord.byYou} names={names} instanceUrl={instanceUrl} savedLabel={s.saved} locale={locale} />;
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
        {failure && message ? <FailureBar title={message.title} explanation={message.explanation} detail={failure.detail} testId="save-email-failed" /> : null}
        <RecordSelect
          label={s.saveLinkTo}
          value={person?.id ?? ''}
          options={matches.map((m) => ({ id: m.id, label: `${m.name.slice(0, 80)} (${m.kind === 'contact' ? s.contact : s.lead})` }))}
          onChange={setWhoId}
          className={styles.select}
          testId="save-email-who"
        />
        {person?.kind === 'lead' ? (
          <Text size={200}>{s.saveLeadNoRelated}</Text>
        ) : options.length > 0 ? (
          <RecordSelect label={s.saveRelatedTo} value={whatId} options={options} noneLabel={s.saveRelatedNone} onChange={setWhatChoice} className={styles.select} testId="save-email-what" />
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
              // The email itself: saved as an EmailMessage where the org has Enhanced Email (the outbox decides).
              if (context.mode === 'read') action.email = saveEmailContentOf(context, matches, seller ? [seller.email] : []);
              setWriteError(undefined);
              const kept = entry?.status === 'failed' ? outbox.retry(owner, entry.id, action) : outbox.enqueue(owner, action);
              void Promise.resolve(kept).then(
                () => props.onSaveKept?.(action),
                (error: unknown) => setWriteError(storageWriteError(error)),
              );
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
      {context.shared && seller ? (
        <Text size={200} data-testid="shared-mailbox-note">
          {format(savedStatusStrings(locale).sharedMailbox, { owner: context.shared.owner, seller: seller.name })}
        </Text>
      ) : null}
      {props.extra}
      {body}
    </section>
  );
}

/**
 * What to show as saved: this pane's own save once done (by the seller, now, unless it found an earlier save), else
 * what the lookup found. An adopted save shows the lookup's facts when they are about the same record.
 */
function savedRecordOf(entry: OutboxEntry | undefined, saved: SavedEmailTask | null | undefined): { record: SavedEmailTask; byYou: boolean } | undefined {
  const result = entry?.status === 'done' ? entry.result : undefined;
  if (!result || !entry || entry.action.type !== 'save_email') return saved ? { record: saved, byYou: false } : undefined;
  if (saved?.id === result.id) return { record: saved, byYou: !result.adopted };
  const action = entry.action;
  const record: SavedEmailTask = {
    id: result.id,
    whoId: action.whoId,
    whatId: action.whatId ?? null,
    sobject: result.sobject === 'EmailMessage' ? 'EmailMessage' : 'Task',
    savedAt: result.adopted ? null : new Date(entry.updatedAt).toISOString(),
    personIds: action.email && result.sobject === 'EmailMessage' ? action.email.people.map((p) => p.id) : [action.whoId],
  };
  return { record, byYou: !result.adopted };
}

function namesOf(matches: PersonMatch[], accountsById: Map<string, AccountSummary>): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of matches) names.set(m.id, m.name);
  for (const account of accountsById.values()) {
    names.set(account.id, account.name);
    for (const o of account.openOpportunities) names.set(o.id, o.name);
  }
  return names;
}
