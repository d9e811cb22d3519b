/**
 * Strings of the create-record panel (lead, account, opportunity, case) and of a duplicate rule's refusal, English and
 * French. Placeholders are {name}, filled by `format` from ./strings. Field labels are the standard objects' labels.
 */
import type { CreatableSObject } from '../salesforce/outbox/outbox';
import { resolveLocale, type Locale } from './strings';

const en = {
  heading: 'Create in Salesforce',
  objects: { Lead: 'Lead', Account: 'Account', Opportunity: 'Opportunity', Case: 'Case' } satisfies Record<CreatableSObject, string>,
  openForm: 'New {object}',
  formHeading: 'New {object}',
  create: 'Create {object}',
  creating: 'Creating…',
  cancel: 'Cancel',
  actionLabel: 'Create {object}: {name}',
  created: '{object} created: {name}',
  linked: 'Using the existing {object}: {name}',
  openInSalesforce: 'Open in Salesforce',
  refusedTop: 'Salesforce did not create the {object}',
  required: 'Required',
  tooLong: 'Too long',
  invalidEmail: 'Enter a valid email address',
  invalidDate: 'Enter a date',
  invalidNumber: 'Enter a number',
  notAnOption: 'Choose a value from the list',
  none: 'None',
  choose: 'Choose…',
  duplicateBlocked: 'Salesforce’s duplicate rules do not allow another record like this one. Use the existing record, or change the details.',
  duplicateAlert: 'Salesforce found similar records. Use one of them, or save this one anyway.',
  matchesHeading: 'Similar records in Salesforce',
  unnamedRecord: '{object} {id}',
  useThisOne: 'Use this one',
  useThisOneFor: 'Use this one: {name}',
  saveAnyway: 'Save anyway',
  fields: {
    FirstName: 'First Name',
    LastName: 'Last Name',
    Company: 'Company',
    Email: 'Email',
    Title: 'Title',
    Phone: 'Phone',
    Name: 'Name',
    Website: 'Website',
    AccountId: 'Account',
    StageName: 'Stage',
    CloseDate: 'Close Date',
    Amount: 'Amount',
    Subject: 'Subject',
    SuppliedEmail: 'Contact email',
    Priority: 'Priority',
    Description: 'Description',
  } as Record<string, string>,
};

export type CreateRecordStrings = typeof en;

const fr: CreateRecordStrings = {
  heading: 'Créer dans Salesforce',
  objects: { Lead: 'Piste', Account: 'Compte', Opportunity: 'Opportunité', Case: 'Requête' },
  openForm: 'Nouveau : {object}',
  formHeading: 'Nouveau : {object}',
  create: 'Créer ({object})',
  creating: 'Création…',
  cancel: 'Annuler',
  actionLabel: 'Créer ({object}) : {name}',
  created: '{object} créé(e) : {name}',
  linked: '{object} existant(e) utilisé(e) : {name}',
  openInSalesforce: 'Ouvrir dans Salesforce',
  refusedTop: 'Salesforce n’a pas créé l’enregistrement ({object})',
  required: 'Obligatoire',
  tooLong: 'Trop long',
  invalidEmail: 'Saisissez une adresse e-mail valide',
  invalidDate: 'Saisissez une date',
  invalidNumber: 'Saisissez un nombre',
  notAnOption: 'Choisissez une valeur de la liste',
  none: 'Aucun',
  choose: 'Choisir…',
  duplicateBlocked: 'Les règles de doublons de Salesforce n’autorisent pas un autre enregistrement semblable. Utilisez l’enregistrement existant ou modifiez les informations.',
  duplicateAlert: 'Salesforce a trouvé des enregistrements semblables. Utilisez l’un d’eux, ou enregistrez quand même.',
  matchesHeading: 'Enregistrements semblables dans Salesforce',
  unnamedRecord: '{object} {id}',
  useThisOne: 'Utiliser celui-ci',
  useThisOneFor: 'Utiliser celui-ci : {name}',
  saveAnyway: 'Enregistrer quand même',
  fields: {
    FirstName: 'Prénom',
    LastName: 'Nom',
    Company: 'Société',
    Email: 'E-mail',
    Title: 'Fonction',
    Phone: 'Téléphone',
    Name: 'Nom',
    Website: 'Site Web',
    AccountId: 'Compte',
    StageName: 'Étape',
    CloseDate: 'Date de clôture',
    Amount: 'Montant',
    Subject: 'Objet',
    SuppliedEmail: 'E-mail du contact',
    Priority: 'Priorité',
    Description: 'Description',
  },
};

const STRINGS: Record<Locale, CreateRecordStrings> = { en, fr };

export function createRecordStrings(localeTag: string | undefined): CreateRecordStrings {
  return STRINGS[resolveLocale(localeTag)];
}
