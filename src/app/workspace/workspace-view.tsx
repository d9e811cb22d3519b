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
import type { Outbox } from '../../salesforce/outbox/outbox';
import { outboxOwnerKey, outboxOwnerOf } from '../../salesforce/outbox/outbox';
import type { SalesforceApi, SalesforceIdentity } from '../../salesforce/salesforce-api';
import { OutboxList } from '../../features/outbox/outbox-list';
import { PeoplePanelSkeleton } from '../../features/people/people-panel-skeleton';
import { SaveEmailPanel } from '../../features/save-email/save-email-panel';
import { CreateRecordSection } from './create-record-section';
import { EmailReadError } from './email-read-error';
import { subscribeFinishedEntries } from './finished-entries';
import { LookupError } from './lookup-error';
import { NoItemMessage } from './no-item-message';
import { NoPeopleMessage } from './no-people-message';
import { PeopleList } from './people-list';
import { applyFinishedEntry } from './people-directory-updates';
import { peopleDirectoryFor } from './people-directory-registry';
import { useEmailContext } from './use-email-context';
import { useOutboxEntries } from './use-outbox-entries';
import { usePeople } from './use-people';
import { usePersonForms } from './use-person-forms';
import { shownView, workspaceStateOf } from './workspace-state';
import { chosenMatchesOf } from './chosen-matches';
import { RecordLinkPicker, type LinkedRecord } from './record-link-picker';
import { useMatchChoices } from './use-match-choices';
import type { WorkspaceWrites } from './workspace-writes';

export interface WorkspaceViewProps {
  api: SalesforceApi;
  host: OfficeHost;
  /** Absent: the browser keeps nothing (no IndexedDB), so the workspace is read-only: people, no writes. */
  outbox?: Outbox;
  identity: SalesforceIdentity;
  locale: string;
  microsoftAccountId?: string;
  /** The admin's configuration (config.json `salesforce.objects`, `matchEmailFields`); the default cards without. */
  crm?: CrmConfig;
  /** Where the seller's choices among several matches are remembered (localStorage); absent: for this pane's life. */
  choiceStorage?: Storage;
  /** Objects the admin adds to search and link (config `search.objects`). */
  searchObjects?: readonly SearchObjectConfig[];
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
});

export function WorkspaceView({ api, host, outbox, identity, locale, microsoftAccountId, crm, choiceStorage, searchObjects }: WorkspaceViewProps) {
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
  const writes: WorkspaceWrites | undefined = outbox ? { outbox, owner, entries } : undefined;
  const email = useEmailContext(host);
  const context = email.state.status === 'ready' ? email.state.context : undefined;

  const people = useMemo(() => (context ? peopleOfEmail(context, identity.email) : []), [context, identity.email]);
  const savedEmail = context?.mode === 'read' && context.internetMessageId ? { subject: context.subject, internetMessageId: context.internetMessageId } : undefined;
  const choices = useMatchChoices(choiceStorage, { orgId: identity.orgId, userId: identity.userId, ...(host.partitionKey ? { partitionKey: host.partitionKey } : {}) });
  const lookup = usePeople(
    directory,
    ownerKey,
    people.map((p) => p.address),
    savedEmail,
    choices.store.leadsFor,
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
      if (applyFinishedEntry(directory, ownerKey, entry, mountedAt)) reloadLookup();
    });
  }, [outbox, owner, ownerKey, directory, mountedAt, reloadLookup]);

  // A form belongs to one email: another email starts with them closed.
  const emailKey = context ? (context.internetMessageId ?? context.itemId ?? context.subject) : '';
  const view = shownView(lookup.state);
  // choices.version: a new choice changes who the email is saved on.
  const matches = useMemo(() => chosenMatchesOf(view, people, choices.store), [view, people, choices.store, choices.version]); // eslint-disable-line react-hooks/exhaustive-deps
  // A record linked by search belongs to one email.
  const [linkedFor, setLinkedFor] = useState<{ emailKey: string; record: LinkedRecord }>();
  const linked = linkedFor?.emailKey === emailKey ? linkedFor.record : undefined;
  const forms = usePersonForms(emailKey, matches);

  // Placeholders: one an address once the email is read; before, as many as the previous email had. Kept as the
  // email is read (React's "information from previous renders" pattern), read only while the next one loads.
  const knownCount = email.state.status === 'ready' ? people.length : undefined;
  const [previousCount, setPreviousCount] = useState<number>();
  if (knownCount !== undefined && knownCount !== previousCount) setPreviousCount(knownCount);

  const state = workspaceStateOf({ email: email.state, people, lookup: lookup.state, previousCount });
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
          {s.peopleHeading}
        </Text>
        {peopleBody}
      </section>
      {writes && state.save ? (
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
          {...(linked ? { linked } : {})}
          linkSlot={
            <RecordLinkPicker
              api={api}
              {...(searchObjects ? { searchObjects } : {})}
              linked={linked}
              onLink={(record) => setLinkedFor(record ? { emailKey, record } : undefined)}
              locale={locale}
            />
          }
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
