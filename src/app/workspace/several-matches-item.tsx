/**
 * An address Salesforce knows as several people: the chooser, then the chosen person's card (or, until the seller
 * chooses, every match's card, as for any address). A lead chosen earlier and converted since is shown as its contact,
 * and the memory moves to that contact.
 */
import { useEffect } from 'react';
import type { EmailContext } from '../../host/office-host';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import type { AddressLookup, PersonMatch } from '../../salesforce/crm/crm-records';
import { resolveChoice, type MatchChoiceStore } from '../../salesforce/crm/match-choices';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import { RecordChooser } from '../../features/record-chooser/record-chooser';
import { KnownPersonItem } from './known-person-item';
import type { PersonForms } from './use-person-forms';
import type { WorkspaceWrites } from './workspace-writes';

export interface SeveralMatchesItemProps {
  found: AddressLookup;
  view: PeopleView;
  choices: MatchChoiceStore;
  context: EmailContext;
  emailKey: string;
  instanceUrl: string;
  writes: WorkspaceWrites | undefined;
  forms: PersonForms;
  strings: WorkspaceStrings;
  locale: string;
}

export function SeveralMatchesItem({ found, view, choices, ...rest }: SeveralMatchesItemProps) {
  const resolved = resolveChoice(found, choices.get(found.address), view.convertedLeads);
  const followedTo = resolved.kind === 'chosen' && resolved.followedFrom ? resolved.chosen.id : undefined;
  useEffect(() => {
    if (followedTo) choices.set(found.address, { id: followedTo, kind: 'contact' });
  }, [choices, found.address, followedTo]);

  const card = (match: PersonMatch) => (
    <KnownPersonItem key={`${found.address}:${match.id}`} match={match} account={match.kind === 'contact' && match.accountId ? view.accountsById.get(match.accountId) : undefined} {...rest} />
  );
  if (resolved.kind === 'single') return <>{[...found.contacts, ...found.leads].map(card)}</>;
  const chooser = (
    <li>
      <RecordChooser
        address={found.address}
        matches={resolved.matches}
        {...(resolved.kind === 'chosen' ? { chosenId: resolved.chosen.id, followed: resolved.followedFrom !== undefined } : {})}
        onChoose={(match) => choices.set(found.address, { id: match.id, kind: match.kind })}
        locale={rest.locale}
      />
    </li>
  );
  return (
    <>
      {chooser}
      {resolved.kind === 'chosen' ? card(resolved.chosen) : resolved.matches.map(card)}
    </>
  );
}
