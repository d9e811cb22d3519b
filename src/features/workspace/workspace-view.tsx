/**
 * The seller's workspace: what the app renders when signed in. People behind the current email, save the email,
 * create a contact, log a follow-up from a contact's or lead's card, and the outbox of waiting writes.
 *
 * Props (wired by the app shell, src/app/app.tsx):
 * - `api`: the connection wrapper (SalesforceApi). Every read goes through it; writes go through `outbox`.
 * - `host`: the Office host (current email, item/recipient changes, partition key).
 * - `outbox`: the outbox (src/salesforce/outbox/outbox.ts), created once per partition at start-up. The app calls
 *   `outbox.resume(owner)` after sign-in; this view only enqueues, lists and retries.
 * - `identity`: who is signed in; the seller's own address is left out of the people list, and it makes the outbox
 *   owner together with `host.partitionKey` and `microsoftAccountId`.
 * - `locale`: BCP 47 tag for strings, numbers and dates (e.g. host.displayLanguage).
 * - `microsoftAccountId` (optional): the Microsoft account signed in to the add-in, part of the outbox owner.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { format } from '../../i18n/strings';
import type { OfficeHost } from '../../host/office-host';
import { failureMessage } from '../../i18n/failure-messages';
import { workspaceStrings } from '../../i18n/workspace-strings';
import type { AccountSummary, PersonMatch } from '../../salesforce/crm/crm-records';
import { domainOf, normaliseAddress, peopleOfEmail } from '../../salesforce/crm/email-addresses';
import type { Outbox } from '../../salesforce/outbox/outbox';
import { outboxOwnerKey, outboxOwnerOf } from '../../salesforce/outbox/outbox';
import type { SalesforceApi, SalesforceIdentity } from '../../salesforce/salesforce-api';
import { CreateContactForm } from '../create-contact/create-contact-form';
import { FollowUpForm } from '../follow-up/follow-up-form';
import { OutboxList } from '../outbox/outbox-list';
import { PeoplePanelSkeleton } from '../people/people-panel-skeleton';
import { PersonCard } from '../people/person-card';
import { UnknownPersonCard } from '../people/unknown-person-card';
import { SaveEmailPanel } from '../save-email/save-email-panel';
import { FollowUpToggle } from './follow-up-toggle';
import { peopleDirectoryFor } from './people-directory-registry';
import { useEmailContext } from './use-email-context';
import { placeholderCount } from './placeholder-count';
import { useOutboxEntries } from './use-outbox-entries';
import { usePeople } from './use-people';

export interface WorkspaceViewProps {
  api: SalesforceApi;
  host: OfficeHost;
  /** Absent: the browser keeps nothing (no IndexedDB), so the workspace is read-only: people, no writes. */
  outbox?: Outbox;
  identity: SalesforceIdentity;
  locale: string;
  microsoftAccountId?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  cards: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function WorkspaceView({ api, host, outbox, identity, locale, microsoftAccountId }: WorkspaceViewProps) {
  const styles = useStyles();
  const s = workspaceStrings(locale);
  const peopleHeadingId = useId();
  const owner = useMemo(
    () => outboxOwnerOf(identity, { partitionKey: host.partitionKey, ...(microsoftAccountId ? { microsoftAccountId } : {}) }),
    [identity, host.partitionKey, microsoftAccountId],
  );
  const ownerKey = outboxOwnerKey(owner);
  const directory = peopleDirectoryFor(api);
  const entries = useOutboxEntries(outbox, owner);
  const email = useEmailContext(host);
  const context = email.state.status === 'ready' ? email.state.context : undefined;

  const people = useMemo(() => (context ? peopleOfEmail(context, identity.email) : []), [context, identity.email]);
  const savedEmail = context?.mode === 'read' && context.internetMessageId ? { subject: context.subject, internetMessageId: context.internetMessageId } : undefined;
  const lookup = usePeople(
    directory,
    ownerKey,
    people.map((p) => p.address),
    savedEmail,
  );
  const [creatingFor, setCreatingFor] = useState<string | undefined>();
  // The card whose follow-up form is open, for this email only: another email starts closed.
  const emailKey = context ? (context.internetMessageId ?? context.itemId ?? context.subject) : '';
  const [followUp, setFollowUp] = useState<{ emailKey: string; personId: string } | undefined>();
  const followUpFor = followUp?.emailKey === emailKey ? followUp.personId : undefined;
  const closeFollowUp = useCallback(() => setFollowUp(undefined), []);

  // Back from a lost connection or offline: a failed lookup tries again by itself.
  const lookupFailed = lookup.state.status === 'error';
  const reloadLookup = lookup.reload;
  useEffect(
    () =>
      api.subscribe((state) => {
        if (state.status === 'connected' && lookupFailed) reloadLookup();
      }),
    [api, lookupFailed, reloadLookup],
  );

  // Writes that land change what the pane shows: a saved email, a new contact. Contacts created before this view
  // mounted are already in Salesforce's answer; asking again for them would cost a request for nothing.
  const handled = useRef(new Set<string>());
  const mountedAt = useRef(Date.now());
  useEffect(() => {
    for (const entry of entries) {
      if (entry.status !== 'done' || !entry.result || handled.current.has(entry.id)) continue;
      handled.current.add(entry.id);
      if (entry.action.type === 'save_email') {
        directory.rememberSaved(ownerKey, entry.action.internetMessageId, { id: entry.result.id, whoId: entry.action.whoId, whatId: entry.action.whatId ?? null });
      }
      if (entry.action.type === 'create_contact' && entry.updatedAt >= mountedAt.current) {
        directory.forgetAddress(ownerKey, entry.action.fields.Email);
        reloadLookup();
      }
    }
  }, [entries, directory, ownerKey, reloadLookup]);

  // A contact just created from a card: its own card replaces the form (after the lookup asks again) and takes the
  // focus the form had. For this email only, like the follow-up form.
  const [created, setCreated] = useState<{ emailKey: string; contactId: string; address: string }>();
  const onCreated = useCallback(
    (contactId: string, email: string) => {
      setCreatingFor(undefined);
      setCreated({ emailKey, contactId, address: normaliseAddress(email) ?? '' });
    },
    [emailKey],
  );
  const createdNow = created?.emailKey === emailKey ? created : undefined;

  const view = lookup.state.status === 'ready' ? lookup.state.view : lookup.state.status === 'loading' ? lookup.state.previous : undefined;
  const accountsById = useMemo(() => view?.accountsById ?? new Map<string, AccountSummary>(), [view]);

  const matches: PersonMatch[] = useMemo(
    () => (view ? people.flatMap((p) => [...(view.byAddress.get(p.address)?.contacts ?? []), ...(view.byAddress.get(p.address)?.leads ?? [])]) : []),
    [view, people],
  );
  // The new contact's card is shown (and took the focus in its own effect, which runs first): done.
  const createdShown = createdNow !== undefined && matches.some((m) => m.id === createdNow.contactId);
  useEffect(() => {
    if (createdShown) setCreated(undefined);
  }, [createdShown]);

  // Placeholders: one an address once the email is read; before, as many as the previous email had.
  const knownCount = email.state.status === 'ready' ? people.length : undefined;
  const [previousCount, setPreviousCount] = useState<number>();
  useEffect(() => {
    if (knownCount !== undefined) setPreviousCount(knownCount);
  }, [knownCount]);

  let peopleBody: React.ReactNode;
  if (email.state.status === 'loading') {
    peopleBody = <PeoplePanelSkeleton count={placeholderCount(undefined, previousCount)} label={s.loadingPeople} />;
  } else if (email.state.status === 'none') {
    peopleBody = <Text data-testid="no-item">{s.noItem}</Text>;
  } else if (email.state.status === 'error') {
    peopleBody = (
      <MessageBar intent="error">
        <MessageBarBody>{failureMessage({ kind: 'unknown' }, locale).explanation}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={email.reload}>{s.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  } else if (people.length === 0) {
    peopleBody = <Text data-testid="no-people">{context?.mode === 'compose' ? s.composeHint : s.noAddresses}</Text>;
  } else if (lookup.state.status === 'error') {
    const message = failureMessage(lookup.state.failure, locale);
    peopleBody = (
      <MessageBar intent="error" data-testid="people-error">
        <MessageBarBody>
          <MessageBarTitle>{s.lookupFailed}</MessageBarTitle>
          {message.explanation} {message.action}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={lookup.reload} data-testid="people-retry">
            {s.retry}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  } else if (!view || lookup.state.status === 'idle') {
    peopleBody = <PeoplePanelSkeleton count={placeholderCount(people.length, previousCount)} label={s.loadingPeople} />;
  } else {
    peopleBody = (
      <ul className={styles.cards} aria-busy={lookup.state.status === 'loading'}>
        {people.map((person) => {
          const found = view.byAddress.get(person.address);
          // A recipient just typed, still being looked up: a placeholder in its place, the other cards stay.
          if (!found) {
            return (
              <li key={person.address}>
                <PeoplePanelSkeleton count={1} />
              </li>
            );
          }
          const matches: PersonMatch[] = [...(found?.contacts ?? []), ...(found?.leads ?? [])];
          if (matches.length === 0) {
            const accounts = view.accountsByDomain.get(domainOf(person.address)) ?? [];
            return (
              <li key={person.address}>
                <UnknownPersonCard
                  person={person}
                  strings={s}
                  created={createdNow?.address === person.address}
                  {...(outbox ? { onCreate: () => setCreatingFor(person.address) } : {})}
                  form={
                    outbox && creatingFor === person.address ? (
                      <CreateContactForm
                        person={person}
                        accounts={accounts}
                        outbox={outbox}
                        owner={owner}
                        entries={entries}
                        strings={s}
                        locale={locale}
                        onCancel={() => setCreatingFor(undefined)}
                        onCreated={onCreated}
                      />
                    ) : undefined
                  }
                />
              </li>
            );
          }
          return matches.map((match) => {
            const account = match.kind === 'contact' && match.accountId ? accountsById.get(match.accountId) : undefined;
            const open = followUpFor === match.id;
            return (
              <li key={`${person.address}:${match.id}`}>
                <PersonCard
                  person={match}
                  {...(account ? { account } : {})}
                  instanceUrl={identity.instanceUrl}
                  locale={locale}
                  strings={s}
                  focusOnArrival={createdNow?.contactId === match.id}
                  footer={
                    outbox ? (
                      <FollowUpToggle
                        open={open}
                        label={s.followUpOpen}
                        accessibleLabel={format(s.followUpOpenFor, { name: match.name.slice(0, 80) })}
                        onToggle={() => setFollowUp(open ? undefined : { emailKey, personId: match.id })}
                      />
                    ) : undefined
                  }
                />
                {outbox && open && context ? (
                  <FollowUpForm
                    key={`${emailKey}:${match.id}`}
                    target={{ id: match.id, name: match.name, accountId: match.kind === 'contact' ? match.accountId : null }}
                    emailSubject={context.subject}
                    outbox={outbox}
                    owner={owner}
                    entries={entries}
                    instanceUrl={identity.instanceUrl}
                    strings={s}
                    locale={locale}
                    onClose={closeFollowUp}
                  />
                ) : null}
              </li>
            );
          });
        })}
      </ul>
    );
  }


  return (
    <div className={styles.root} data-testid="workspace">
      <section aria-labelledby={peopleHeadingId}>
        <Text as="h1" size={400} weight="semibold" id={peopleHeadingId} block>
          {s.peopleHeading}
        </Text>
        {peopleBody}
      </section>
      {outbox && context?.mode === 'read' && view && lookup.state.status !== 'error' && people.every((p) => view.byAddress.has(p.address)) ? (
        <SaveEmailPanel
          key={context.internetMessageId ?? context.itemId ?? context.subject}
          context={context}
          matches={matches}
          accountsById={accountsById}
          saved={view.savedEmail}
          entries={entries}
          outbox={outbox}
          owner={owner}
          instanceUrl={identity.instanceUrl}
          strings={s}
          locale={locale}
        />
      ) : null}
      {outbox ? <OutboxList entries={entries} outbox={outbox} owner={owner} strings={s} locale={locale} /> : null}
    </div>
  );
}
