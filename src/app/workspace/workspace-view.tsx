/**
 * The seller's workspace: what the app renders when signed in. People behind the current email, save the email,
 * create a contact, log a follow-up from a contact's or lead's card, and the outbox of waiting writes.
 *
 * Props (wired by the app shell, src/app/shell.tsx):
 * - `api`: the connection wrapper (SalesforceApi). Every read goes through it; writes go through `outbox`.
 * - `host`: the Office host (current email, item/recipient changes, partition key).
 * - `outbox`: the outbox (src/salesforce/outbox/outbox.ts), created once per partition at start-up. The app calls
 *   `outbox.resume(owner)` after sign-in; this view only enqueues, lists and retries.
 * - `identity`: who is signed in; the seller's own address is left out of the people list, and it makes the outbox
 *   owner together with `host.partitionKey` and `microsoftAccountId`.
 * - `locale`: BCP 47 tag for strings, numbers and dates (e.g. host.displayLanguage).
 * - `microsoftAccountId` (optional): the Microsoft account signed in to the add-in, part of the outbox owner.
 *
 * The hooks gather what is known; `workspaceStateOf` (workspace-state.ts) says which state that is; each state has
 * its own component.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState } from 'react';
import type { CrmConfig } from '../../config/crm-config';
import type { SearchObjectConfig } from '../../config/runtime-config';
import type { OfficeHost } from '../../host/office-host';
import { workspaceStrings } from '../../i18n/workspace-strings';
import { peopleOfEmail } from '../../salesforce/crm/email-addresses';
import { metadataSourceFor } from '../../salesforce/metadata/metadata-registry';
import type { Outbox } from '../../salesforce/outbox/outbox';
import { outboxOwnerKey, outboxOwnerOf } from '../../salesforce/outbox/outbox';
import type { SalesforceApi, SalesforceIdentity } from '../../salesforce/salesforce-api';
import { OutboxList } from '../../features/outbox/outbox-list';
import { PeoplePanelSkeleton } from '../../features/people/people-panel-skeleton';
import { SaveEmailPanel } from '../../features/save-email/save-email-panel';
import { CreateRecordSection } from './create-record-section';
import { SaveMeetingPanel } from '../../features/save-meeting/save-meeting-panel';
import { saveMeetingStrings } from '../../i18n/save-meeting-strings';
import { EmailReadError } from './email-read-error';
import { subscribeConflictedEdits } from './conflicted-edits';
import { subscribeFinishedEntries } from './finished-entries';
import { LookupError } from './lookup-error';
import { NoItemMessage } from './no-item-message';
import { NoPeopleMessage } from './no-people-message';
import { PeopleList } from './people-list';
import { applyFinishedEntry } from './people-directory-updates';
import { peopleDirectoryFor } from './people-directory-registry';
import { useEmailContext, type EmailContextState } from './use-email-context';
import { meetingAsEmail, useMeetingContext } from './use-meeting-context';
import { useOutboxEntries } from './use-outbox-entries';
import { usePeople } from './use-people';
import { usePersonForms } from './use-person-forms';
import { shownView, workspaceStateOf } from './workspace-state';
import { chosenMatchesOf } from './chosen-matches';
import { RecordLinkPicker, type LinkedRecord } from './record-link-picker';
import { useMatchChoices } from './use-match-choices';
import type { WorkspaceWrites } from './workspace-writes';
import { AttachmentPicker } from '../../features/attachments/attachment-picker';
import { attachmentStrings } from '../../i18n/attachment-strings';
import type { AttachmentDefaultSelection } from '../../salesforce/crm/attachment-limits';
import { useAttachments } from './use-attachments';

export interface WorkspaceViewProps {
  api: SalesforceApi;
  host: OfficeHost;
  /** Absent: the browser keeps nothing (no IndexedDB), so the workspace is read-only: people, no writes. */
  outbox?: Outbox;
  identity: SalesforceIdentity;
  locale: string;
  microsoftAccountId?: string;
  /** config.json `attachments.defaultSelection`; absent: every savable file is ticked. */
  attachmentDefaults?: AttachmentDefaultSelection;
  /** The admin's configuration (config.json `salesforce.objects`, `matchEmailFields`); the default cards without. */
  crm?: CrmConfig;
  /** Where the seller's choices among several matches are remembered (localStorage); absent: for this pane's life. */
  choiceStorage?: Storage;
  /** Objects the admin adds to search and link (config `search.objects`). */
  searchObjects?: readonly SearchObjectConfig[];
}

const ALL_ATTACHMENTS: AttachmentDefaultSelection = { mode: 'all' };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
});

export function WorkspaceView({ api, host, outbox, identity, locale, microsoftAccountId, crm, choiceStorage, searchObjects, attachmentDefaults = ALL_ATTACHMENTS }: WorkspaceViewProps) {
  const styles = useStyles();
  const s = workspaceStrings(locale);
  const peopleHeadingId = useId();
  const owner = useMemo(
    () => outboxOwnerOf(identity, { partitionKey: host.partitionKey, ...(microsoftAccountId ? { microsoftAccountId } : {}) }),
    [identity, host.partitionKey, microsoftAccountId],
  );
  const ownerKey = outboxOwnerKey(owner);
  const directory = peopleDirectoryFor(api, crm);
  const entries = useOutboxEntries(outbox, owner);
  const writes: WorkspaceWrites | undefined = outbox ? { outbox, owner, entries, metadata: metadataSourceFor(api), ...(crm ? { crm } : {}) } : undefined;
  const email = useEmailContext(host);
  // A meeting's people go through the same list and lookup as an email's; until the item is known not to be a
  // meeting, it is still loading.
  const meetingState = useMeetingContext(host);
  const meeting = meetingState.status === 'ready' ? meetingState.context : undefined;
  const meetingEmail = useMemo(() => (meeting ? meetingAsEmail(meeting) : undefined), [meeting]);
  const emailState: EmailContextState = meetingEmail ? { status: 'ready', context: meetingEmail } : meetingState.status === 'loading' ? { status: 'loading' } : email.state;
  const context = emailState.status === 'ready' ? emailState.context : undefined;

  const people = useMemo(() => (context ? peopleOfEmail(context, identity.email) : []), [context, identity.email]);
  const savedEmail = context?.mode === 'read' && context.internetMessageId ? { subject: context.subject, internetMessageId: context.internetMessageId } : undefined;
  const choices = useMatchChoices(choiceStorage, { orgId: identity.orgId, userId: identity.userId, ...(host.partitionKey ? { partitionKey: host.partitionKey } : {}) });
  const lookup = usePeople(
    directory,
    ownerKey,
    people.map((p) => p.address),
    savedEmail,
    choices.store.leadsFor,
    meeting?.meetingKey ? { meetingKey: meeting.meetingKey } : undefined,
  );
  const reloadLookup = lookup.reload;

  // Back from a lost connection or offline: a failed lookup tries again by itself.
  const lookupFailed = lookup.state.status === 'error';
  useEffect(
    () =>
      api.subscribe((state) => {
        if (state.status === 'connected' && lookupFailed) reloadLookup();
      }),
    [api, lookupFailed, reloadLookup],
  );

  // Writes that land change what the pane shows (a saved email, a new contact): each arrives once, as it finishes.
  const [mountedAt] = useState(Date.now);
  useEffect(() => {
    if (!outbox) return undefined;
    return subscribeFinishedEntries(outbox, owner, (entry) => {
      if (applyFinishedEntry(directory, ownerKey, entry, mountedAt, identity.displayName)) reloadLookup();
    });
  }, [outbox, owner, ownerKey, directory, mountedAt, reloadLookup, identity.displayName]);

  // An edit that met a change made meanwhile: the cards of that record are looked up again, to show Salesforce's values.
  useEffect(() => {
    if (!outbox) return undefined;
    return subscribeConflictedEdits(outbox, owner, (entry) => {
      // One from before this view was mounted is in the first lookup's answer already.
      if (entry.updatedAt < mountedAt || entry.action.addresses.length === 0) return;
      for (const address of entry.action.addresses) directory.forgetAddress(ownerKey, address);
      reloadLookup();
    });
  }, [outbox, owner, ownerKey, directory, mountedAt, reloadLookup]);

  // A form belongs to one email: another email starts with them closed.
  const emailKey = meeting ? (meeting.meetingKey ?? meeting.subject) : context ? (context.internetMessageId ?? context.itemId ?? context.subject) : '';
  const view = shownView(lookup.state);
  // choices.version: a new choice changes who the email is saved on.
  const matches = useMemo(() => chosenMatchesOf(view, people, choices.store), [view, people, choices.store, choices.version]); // eslint-disable-line react-hooks/exhaustive-deps
  // A record linked by search belongs to one email or meeting.
  const [linkedFor, setLinkedFor] = useState<{ emailKey: string; record: LinkedRecord }>();
  const linked = linkedFor?.emailKey === emailKey ? linkedFor.record : undefined;
  // Save email and Save meeting link to any record the same way: the one search, in their slot.
  const linkPicker = (
    <RecordLinkPicker api={api} {...(searchObjects ? { searchObjects } : {})} linked={linked} onLink={(record) => setLinkedFor(record ? { emailKey, record } : undefined)} locale={locale} />
  );
  const forms = usePersonForms(emailKey, matches);
  const attachmentText = attachmentStrings(locale);
  const files = useAttachments({ host, messageId: context?.internetMessageId, emailKey, defaults: attachmentDefaults, writes, strings: attachmentText, locale });

  // Placeholders: one an address once the email is read; before, as many as the previous email had. Kept as the
  // email is read (React's "information from previous renders" pattern), read only while the next one loads.
  const knownCount = emailState.status === 'ready' ? people.length : undefined;
  const [previousCount, setPreviousCount] = useState<number>();
  if (knownCount !== undefined && knownCount !== previousCount) setPreviousCount(knownCount);

  const state = workspaceStateOf({ email: emailState, people, lookup: lookup.state, previousCount });
  const ms = saveMeetingStrings(locale);
  const meetingView = meeting && view && lookup.state.status !== 'error' && people.every((p) => view.byAddress.has(p.address)) ? view : undefined;
  let peopleBody: React.ReactNode;
  switch (state.people.kind) {
    case 'email-loading':
    case 'people-loading':
      peopleBody = <PeoplePanelSkeleton count={state.people.placeholders} label={s.loadingPeople} />;
      break;
    case 'no-item':
      peopleBody = <NoItemMessage strings={s} />;
      break;
    case 'email-error':
      peopleBody = <EmailReadError strings={s} locale={locale} onRetry={email.reload} />;
      break;
    case 'no-people':
      peopleBody = <NoPeopleMessage mode={state.people.mode} strings={s} />;
      break;
    case 'lookup-error':
      peopleBody = <LookupError failure={state.people.failure} strings={s} locale={locale} onRetry={reloadLookup} />;
      break;
    case 'people':
      peopleBody = (
        <PeopleList
          people={people}
          view={state.people.view}
          busy={state.people.busy}
          context={state.people.context}
          emailKey={emailKey}
          instanceUrl={identity.instanceUrl}
          writes={writes}
          forms={forms}
          strings={s}
          locale={locale}
          choices={choices.store}
        />
      );
      break;
  }

  return (
    <div className={styles.root} data-testid="workspace">
      <section aria-labelledby={peopleHeadingId}>
        <Text as="h1" size={400} weight="semibold" id={peopleHeadingId} block>
          {meeting ? ms.peopleHeading : s.peopleHeading}
        </Text>
        {peopleBody}
      </section>
      {writes && meeting && meetingView ? (
        <SaveMeetingPanel
          key={emailKey}
          meeting={meeting}
          matches={matches}
          accountsById={meetingView.accountsById}
          saved={meetingView.savedMeeting}
          entries={writes.entries}
          outbox={writes.outbox}
          owner={writes.owner}
          instanceUrl={identity.instanceUrl}
          strings={ms}
          locale={locale}
          {...(linked ? { linked } : {})}
          linkSlot={linkPicker}
        />
      ) : null}
      {writes && state.save && !meeting ? (
        <SaveEmailPanel
          key={emailKey}
          context={state.save.context}
          matches={matches}
          accountsById={state.save.view.accountsById}
          saved={state.save.view.savedEmail}
          entries={writes.entries}
          outbox={writes.outbox}
          owner={writes.owner}
          instanceUrl={identity.instanceUrl}
          strings={s}
          locale={locale}
          seller={{ name: identity.displayName, email: identity.email }}
          extra={<AttachmentPicker attachments={files.attachments} selected={files.selected} onToggle={files.toggle} progress={files.progress} strings={attachmentText} locale={locale} />}
          onSaveKept={(action) => void files.saveWith(action)}
          {...(linked ? { linked } : {})}
          linkSlot={linkPicker}
        />
      ) : null}
      {writes && context ? (
        <CreateRecordSection
          key={`create-record:${emailKey}`}
          api={api}
          crm={crm}
          context={context}
          people={people}
          view={view}
          writes={writes}
          instanceUrl={identity.instanceUrl}
          locale={locale}
        />
      ) : null}
      {writes ? <OutboxList entries={writes.entries} outbox={writes.outbox} owner={writes.owner} strings={s} locale={locale} /> : null}
    </div>
  );
}
