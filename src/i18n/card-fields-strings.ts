/**
 * Strings of the admin's extra card fields (config.json `cardFields`): their labels come from Salesforce's metadata,
 * already in the seller's language; only the values the add-in words itself are here. English and French.
 */
import { resolveLocale } from './strings';

const en = {
  yes: 'Yes',
  no: 'No',
  /** A field the admin added that is empty on this record. */
  empty: '—',
  emptyAccessible: 'empty',
};

export type CardFieldStrings = typeof en;

const fr: CardFieldStrings = {
  yes: 'Oui',
  no: 'Non',
  empty: '—',
  emptyAccessible: 'vide',
};

export function cardFieldStrings(localeTag: string | undefined): CardFieldStrings {
  return resolveLocale(localeTag) === 'fr' ? fr : en;
}
