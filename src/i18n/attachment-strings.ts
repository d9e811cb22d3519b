/**
 * The attachment picker's strings (saving an email's attachments as Salesforce Files), English and French.
 * Placeholders are {name}, filled by `format` from ./strings.
 */
import { resolveLocale, type Locale } from './strings';

const en = {
  heading: 'Attachments',
  hint: 'Ticked files are saved as Salesforce Files on the email and the record it is related to.',
  none: 'This email has no files to save.',
  size: '{size}',
  inline: 'Picture in the email body: not saved',
  notAFile: 'An attached email, calendar item or cloud link: only files can be saved',
  tooLarge: 'Larger than {max}: too large to save from the pane',
  empty: 'Empty file: nothing to save',
  unreadable: 'Outlook did not give this file: not saved. Try again.',
  sending: 'Saving…',
  waiting: 'Waiting to save',
  saved: 'Saved',
  failed: 'Not saved: {reason}',
  outboxLabel: 'File: {name}',
};

export type AttachmentStrings = typeof en;

const fr: AttachmentStrings = {
  heading: 'Pièces jointes',
  hint: 'Les fichiers cochés sont enregistrés comme fichiers Salesforce sur l’e-mail et l’enregistrement associé.',
  none: 'Cet e-mail n’a aucun fichier à enregistrer.',
  size: '{size}',
  inline: 'Image dans le corps de l’e-mail : non enregistrée',
  notAFile: 'E-mail, élément de calendrier ou lien cloud joint : seuls les fichiers sont enregistrés',
  tooLarge: 'Plus de {max} : trop volumineux pour être enregistré depuis le volet',
  empty: 'Fichier vide : rien à enregistrer',
  unreadable: 'Outlook n’a pas fourni ce fichier : non enregistré. Réessayez.',
  sending: 'Enregistrement…',
  waiting: 'En attente d’enregistrement',
  saved: 'Enregistré',
  failed: 'Non enregistré : {reason}',
  outboxLabel: 'Fichier : {name}',
};

const TABLE: Record<Locale, AttachmentStrings> = { en, fr };

export function attachmentStrings(localeTag: string | undefined): AttachmentStrings {
  return TABLE[resolveLocale(localeTag)];
}

/** 1 234 bytes → "1.2 KB", in the seller's number format. */
export function formatBytes(bytes: number, localeTag: string | undefined): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(localeTag || 'en', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
