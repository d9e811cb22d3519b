/**
 * "Saved at a glance" and shared mailboxes: who saved the email, when, what it is linked to. English and French;
 * placeholders filled by `format` from ./strings.
 */
import { resolveLocale, type Locale } from './strings';

const en = {
  savedBy: 'Saved by {name}, {when}',
  savedByUnknown: 'Saved {when}',
  savedByYou: 'Saved by you, {when}',
  savedAsEmail: 'as an email record',
  savedAsTask: 'as a completed task',
  linkedTo: 'Linked to {names}',
  openSavedEmail: 'Open the saved email in Salesforce',
  sharedMailbox: 'Shared mailbox of {owner}. What you save is saved as you, {seller}.',
};

export type SavedStatusStrings = typeof en;

const fr: SavedStatusStrings = {
  savedBy: 'Enregistré par {name}, {when}',
  savedByUnknown: 'Enregistré {when}',
  savedByYou: 'Enregistré par vous, {when}',
  savedAsEmail: 'comme e-mail',
  savedAsTask: 'comme tâche terminée',
  linkedTo: 'Lié à {names}',
  openSavedEmail: 'Ouvrir l’e-mail enregistré dans Salesforce',
  sharedMailbox: 'Boîte aux lettres partagée de {owner}. Ce que vous enregistrez l’est à votre nom, {seller}.',
};

const STRINGS: Record<Locale, SavedStatusStrings> = { en, fr };

export function savedStatusStrings(localeTag: string | undefined): SavedStatusStrings {
  return STRINGS[resolveLocale(localeTag)];
}

/** A Salesforce datetime (2026-11-30T10:00:00.000+0000) or ISO string in the seller's words; '' when unreadable. */
export function savedWhen(value: string | null | undefined, localeTag: string): string {
  if (!value) return '';
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) return '';
  try {
    return new Intl.DateTimeFormat(localeTag, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}
