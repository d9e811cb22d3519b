/**
 * Strings of "Edit" on a card (features/edit-record), English and French. Placeholders are {name}, filled by `format`.
 * Field labels here are the fallbacks for when the org's describe has not given its own (metadata labels win).
 */
import { resolveLocale, type Locale } from './strings';

const en = {
  editOpen: 'Edit',
  editOpenFor: 'Edit {name}',
  editHeading: 'Edit {name}',
  editActionLabel: 'Edit {name}',
  StageName: 'Stage',
  Amount: 'Amount',
  CloseDate: 'Close date',
  NextStep: 'Next step',
  Title: 'Title',
  Phone: 'Phone',
  Status: 'Lead status',
  save: 'Save changes',
  cancel: 'Cancel',
  close: 'Close',
  sending: 'Saving your change…',
  saved: 'Saved in Salesforce',
  waiting: 'Waiting',
  noChange: 'Change a field to save it.',
  required: 'Required',
  tooLong: 'Too long (at most {max} characters)',
  invalidNumber: 'Enter a number, like 12500.50',
  invalidDate: 'Enter a date',
  refusedTop: 'Salesforce did not save the change',
  conflictTitle: 'Changed in Salesforce since you opened it',
  conflictBody: 'Someone changed this record after the card was loaded, so your change was not saved. Now in Salesforce:',
  conflictLine: '{field}: {value}',
  blank: '(blank)',
  overwrite: 'Save my change over it',
  keepTheirs: 'Keep Salesforce’s values',
  pendingBadge: 'Saving…',
};

export type EditRecordStrings = typeof en;

const fr: EditRecordStrings = {
  editOpen: 'Modifier',
  editOpenFor: 'Modifier {name}',
  editHeading: 'Modifier {name}',
  editActionLabel: 'Modifier {name}',
  StageName: 'Étape',
  Amount: 'Montant',
  CloseDate: 'Date de clôture',
  NextStep: 'Prochaine étape',
  Title: 'Fonction',
  Phone: 'Téléphone',
  Status: 'Statut de la piste',
  save: 'Enregistrer les modifications',
  cancel: 'Annuler',
  close: 'Fermer',
  sending: 'Enregistrement de votre modification…',
  saved: 'Enregistré dans Salesforce',
  waiting: 'En attente',
  noChange: 'Modifiez un champ pour l’enregistrer.',
  required: 'Obligatoire',
  tooLong: 'Trop long ({max} caractères au plus)',
  invalidNumber: 'Saisissez un nombre, par exemple 12500.50',
  invalidDate: 'Saisissez une date',
  refusedTop: 'Salesforce n’a pas enregistré la modification',
  conflictTitle: 'Modifié dans Salesforce depuis l’ouverture',
  conflictBody: 'Quelqu’un a modifié cet enregistrement après le chargement de la fiche : votre modification n’a pas été enregistrée. Dans Salesforce maintenant :',
  conflictLine: '{field} : {value}',
  blank: '(vide)',
  overwrite: 'Enregistrer ma modification à la place',
  keepTheirs: 'Garder les valeurs de Salesforce',
  pendingBadge: 'Enregistrement…',
};

export const EDIT_RECORD_STRINGS: Record<Locale, EditRecordStrings> = { en, fr };

export function editRecordStrings(localeTag: string | undefined): EditRecordStrings {
  return EDIT_RECORD_STRINGS[resolveLocale(localeTag)];
}
