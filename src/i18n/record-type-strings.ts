/** Strings of the record type choice on create forms, English and French. */
import { resolveLocale, type Locale } from './strings';

const en = {
  recordType: 'Record type',
};

export type RecordTypeStrings = typeof en;

const fr: RecordTypeStrings = {
  recordType: "Type d'enregistrement",
};

const STRINGS: Record<Locale, RecordTypeStrings> = { en, fr };

export function recordTypeStrings(localeTag: string | undefined): RecordTypeStrings {
  return STRINGS[resolveLocale(localeTag)];
}
