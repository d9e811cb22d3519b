/**
 * The people of the email as cards, in the email's order: a contact or lead card for each match, "Not in Salesforce"
 * for an address with none, and a placeholder for an address typed since the last answer (the other cards stay).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { EmailContext } from '../../host/office-host';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import { PeoplePanelSkeleton } from '../../features/people/people-panel-skeleton';
import type { MatchChoiceStore } from '../../salesforce/crm/match-choices';
import { KnownPersonItem } from './known-person-item';
import { SeveralMatchesItem } from './several-matches-item';
import { UnknownPersonItem } from './unknown-person-item';
import type { PersonForms } from './use-person-forms';
import type { WorkspaceWrites } from './workspace-writes';

const useStyles = makeStyles({
  cards: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface PeopleListProps {
  people: readonly EmailPerson[];
  view: PeopleView;
  /** A newer lookup runs behind these cards. */
  busy: boolean;
  context: EmailContext;
  emailKey: string;
  instanceUrl: string;
  writes: WorkspaceWrites | undefined;
  forms: PersonForms;
  strings: WorkspaceStrings;
  locale: string;
  /** The seller's choices for addresses with several matches; absent: every match's card, no chooser. */
  choices?: MatchChoiceStore;
}

export function PeopleList({ people, view, busy, context, emailKey, instanceUrl, writes, forms, strings, locale, choices }: PeopleListProps) {
  const styles = useStyles();
  return (
    <ul className={styles.cards} aria-busy={busy}>
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
        const matches = [...found.contacts, ...found.leads];
        if (matches.length === 0) {
          return <UnknownPersonItem key={person.address} person={person} view={view} writes={writes} forms={forms} strings={strings} locale={locale} instanceUrl={instanceUrl} />;
        }
        if (choices && matches.length > 1) {
          return (
            <SeveralMatchesItem
              key={person.address}
              found={found}
              view={view}
              choices={choices}
              context={context}
              emailKey={emailKey}
              instanceUrl={instanceUrl}
              writes={writes}
              forms={forms}
              strings={strings}
              locale={locale}
            />
          );
        }
        return matches.map((match) => (
          <KnownPersonItem
            key={`${person.address}:${match.id}`}
            match={match}
            account={match.kind === 'contact' && match.accountId ? view.accountsById.get(match.accountId) : undefined}
            context={context}
            emailKey={emailKey}
            instanceUrl={instanceUrl}
            writes={writes}
            forms={forms}
            strings={strings}
            locale={locale}
          />
        ));
      })}
    </ul>
  );
}
