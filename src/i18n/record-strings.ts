/**
 * Strings of the record chooser (an address with several people) and of search and link, English and French.
 * Placeholders are {name}, filled by `format` from ./strings.
 */
import { resolveLocale, type Locale } from './strings';

const en = {
  severalMatches: '{count} people in Salesforce have the address {address}. Who is this?',
  chooserLegend: 'Who is {address}?',
  useThisOne: 'Use this one',
  chosenFromMatches: 'Chosen from {count} matches for {address}',
  followedConversion: 'The lead you chose was converted: showing its contact.',
  changeChoice: 'Change',
  changeChoiceFor: 'Change who {address} is',
  searchLabel: 'Link to another record',
  searchPlaceholder: 'Search accounts, contacts, opportunities, cases…',
  searchOpen: 'Link to another record…',
  searchClose: 'Close search',
  recentHeading: 'Recent records',
  resultsHeading: 'Results',
  searching: 'Searching Salesforce…',
  resultCount: 'Records found: {count}',
  noResults: 'Nothing in Salesforce matches {term}.',
  typeMore: 'Type at least two letters.',
  noRecent: 'No recent records.',
  linkTo: 'Link to {name}',
  linked: 'Linked to {name} ({type})',
  unlink: 'Remove link',
  searchFailed: 'Search did not work',
  leadCannotRelate: 'A lead cannot be related to another record: choose a contact to link {name}.',
  objectLabels: {
    Account: 'Account',
    Contact: 'Contact',
    Lead: 'Lead',
    Opportunity: 'Opportunity',
    Case: 'Case',
  } as Record<string, string>,
};

export type RecordStrings = typeof en;

const fr: RecordStrings = {
  severalMatches: '{count} personnes dans Salesforce ont l’adresse {address}. De qui s’agit-il ?',
  chooserLegend: 'Qui est {address} ?',
  useThisOne: 'Choisir celle-ci',
  chosenFromMatches: 'Choisi parmi {count} correspondances pour {address}',
  followedConversion: 'La piste choisie a été convertie : son contact est affiché.',
  changeChoice: 'Changer',
  changeChoiceFor: 'Changer qui est {address}',
  searchLabel: 'Lier à un autre enregistrement',
  searchPlaceholder: 'Rechercher comptes, contacts, opportunités, requêtes…',
  searchOpen: 'Lier à un autre enregistrement…',
  searchClose: 'Fermer la recherche',
  recentHeading: 'Enregistrements récents',
  resultsHeading: 'Résultats',
  searching: 'Recherche dans Salesforce…',
  resultCount: 'Enregistrements trouvés : {count}',
  noResults: 'Aucun enregistrement Salesforce ne correspond à {term}.',
  typeMore: 'Saisissez au moins deux lettres.',
  noRecent: 'Aucun enregistrement récent.',
  linkTo: 'Lier à {name}',
  linked: 'Lié à {name} ({type})',
  unlink: 'Retirer le lien',
  searchFailed: 'La recherche n’a pas abouti',
  leadCannotRelate: 'Une piste ne peut pas être liée à un autre enregistrement : choisissez un contact pour lier {name}.',
  objectLabels: {
    Account: 'Compte',
    Contact: 'Contact',
    Lead: 'Piste',
    Opportunity: 'Opportunité',
    Case: 'Requête',
  },
};

const RECORD_STRINGS: Record<Locale, RecordStrings> = { en, fr };

export function recordStrings(localeTag: string | undefined): RecordStrings {
  return RECORD_STRINGS[resolveLocale(localeTag)];
}
