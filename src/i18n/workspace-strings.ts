/**
 * The workspace's strings (people, save email, create contact, outbox), English and French. Placeholders are {name},
 * filled by `format` from ./strings, so translators can move them. Failure explanations come from failure-messages.ts.
 */
import type { OutboxWaitReason } from '../salesforce/outbox/outbox';
import { resolveLocale, type Locale } from './strings';

const en = {
  peopleHeading: 'People in this email',
  loadingPeople: 'Looking up people in Salesforce',
  noItem: 'Select an email to see the people behind it.',
  noAddresses: 'No one to look up in this email yet.',
  composeHint: 'Add recipients to see who they are in Salesforce.',
  lookupFailed: 'Could not look up the people in this email',
  retry: 'Try again',
  contact: 'Contact',
  lead: 'Lead',
  notInSalesforce: 'Not in Salesforce',
  createContact: 'Create contact',
  openInSalesforce: 'Open {name} in Salesforce',
  emailLabel: 'Email',
  phoneLabel: 'Phone',
  ownerLabel: 'Owner',
  companyLabel: 'Company',
  statusLabel: 'Status',
  accountLabel: 'Account',
  openOpportunities: 'Open opportunities',
  noOpenOpportunities: 'No open opportunities',
  opportunityLine: '{stage} · {amount}',
  noAmount: 'no amount',

  saveHeading: 'Save this email to Salesforce',
  saveLinkTo: 'Link to',
  saveRelatedTo: 'Related to',
  saveRelatedNone: 'Nothing else',
  saveRelatedAccount: 'Account: {name}',
  saveRelatedOpportunity: 'Opportunity: {name}',
  saveLeadNoRelated: 'A lead cannot be related to an account or opportunity.',
  saveButton: 'Save email',
  saving: 'Saving…',
  saveStorageFull: 'Not saved: browser storage is full. Free some space (close other tabs, clear site data), then try again.',
  saveNotKept: 'Not saved: the browser refused to keep it. Try again.',
  saved: 'Saved to Salesforce',
  openSavedTask: 'Open the saved email in Salesforce',
  saveNeedsMessageId: 'This email can be saved once it has been sent.',
  saveNeedsPerson: 'Create a contact first: the email is saved on a contact or lead.',

  createHeading: 'New contact',
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Title',
  account: 'Account',
  accountNone: 'No account',
  createSubmit: 'Create contact',
  cancel: 'Cancel',
  creating: 'Creating…',
  created: 'Contact created',
  required: 'Required',
  tooLong: 'Too long',
  invalidEmail: 'Enter a valid email address',
  refusedTop: 'Salesforce did not create the contact',
  duplicate: 'Salesforce found a similar contact. Open Salesforce to check, or change the details.',

  outboxHeading: 'Waiting to go to Salesforce',
  outboxSending: 'Sending…',
  outboxFailed: 'Not sent',
  outboxDone: 'Done',
  discard: 'Discard',
  actionSaveEmail: 'Save email: {label}',
  actionCreateContact: 'Create contact: {label}',
  actionFollowUp: 'Follow-up: {label}',
  waiting: 'Waiting',

  followUpOpen: 'Log a follow-up',
  followUpOpenFor: 'Log a follow-up for {name}',
  followUpHeading: 'Follow-up for {name}',
  followUpSubject: 'Subject',
  followUpSubjectDefault: 'Follow up: {subject}',
  followUpDueDate: 'Due date',
  followUpNote: 'Note (optional)',
  followUpSubmit: 'Log follow-up',
  followUpSending: 'Logging the follow-up…',
  followUpDone: 'Follow-up logged, due {date}',
  followUpOpenTask: 'Open the follow-up in Salesforce',
  followUpRefused: 'Salesforce did not log the follow-up',
  followUpClose: 'Close',
  invalidDate: 'Enter a date',
};

export type WorkspaceStrings = typeof en;

const fr: WorkspaceStrings = {
  peopleHeading: 'Personnes de cet e-mail',
  loadingPeople: 'Recherche des personnes dans Salesforce',
  noItem: 'Sélectionnez un e-mail pour voir les personnes concernées.',
  noAddresses: 'Personne à rechercher dans cet e-mail pour l’instant.',
  composeHint: 'Ajoutez des destinataires pour voir qui ils sont dans Salesforce.',
  lookupFailed: 'Impossible de rechercher les personnes de cet e-mail',
  retry: 'Réessayer',
  contact: 'Contact',
  lead: 'Piste',
  notInSalesforce: 'Absent de Salesforce',
  createContact: 'Créer le contact',
  openInSalesforce: 'Ouvrir {name} dans Salesforce',
  emailLabel: 'E-mail',
  phoneLabel: 'Téléphone',
  ownerLabel: 'Propriétaire',
  companyLabel: 'Société',
  statusLabel: 'Statut',
  accountLabel: 'Compte',
  openOpportunities: 'Opportunités ouvertes',
  noOpenOpportunities: 'Aucune opportunité ouverte',
  opportunityLine: '{stage} · {amount}',
  noAmount: 'sans montant',

  saveHeading: 'Enregistrer cet e-mail dans Salesforce',
  saveLinkTo: 'Associer à',
  saveRelatedTo: 'Lié à',
  saveRelatedNone: 'Rien d’autre',
  saveRelatedAccount: 'Compte : {name}',
  saveRelatedOpportunity: 'Opportunité : {name}',
  saveLeadNoRelated: 'Une piste ne peut pas être liée à un compte ou une opportunité.',
  saveButton: 'Enregistrer l’e-mail',
  saving: 'Enregistrement…',
  saveStorageFull: 'Non enregistré : le stockage du navigateur est plein. Libérez de l’espace (fermez d’autres onglets, effacez les données du site), puis réessayez.',
  saveNotKept: 'Non enregistré : le navigateur a refusé de le conserver. Réessayez.',
  saved: 'Enregistré dans Salesforce',
  openSavedTask: 'Ouvrir l’e-mail enregistré dans Salesforce',
  saveNeedsMessageId: 'Cet e-mail pourra être enregistré une fois envoyé.',
  saveNeedsPerson: 'Créez d’abord un contact : l’e-mail est enregistré sur un contact ou une piste.',

  createHeading: 'Nouveau contact',
  firstName: 'Prénom',
  lastName: 'Nom',
  title: 'Fonction',
  account: 'Compte',
  accountNone: 'Aucun compte',
  createSubmit: 'Créer le contact',
  cancel: 'Annuler',
  creating: 'Création…',
  created: 'Contact créé',
  required: 'Obligatoire',
  tooLong: 'Trop long',
  invalidEmail: 'Saisissez une adresse e-mail valide',
  refusedTop: 'Salesforce n’a pas créé le contact',
  duplicate: 'Salesforce a trouvé un contact semblable. Vérifiez dans Salesforce ou modifiez les informations.',

  outboxHeading: 'En attente d’envoi vers Salesforce',
  outboxSending: 'Envoi…',
  outboxFailed: 'Non envoyé',
  outboxDone: 'Terminé',
  discard: 'Abandonner',
  actionSaveEmail: 'Enregistrer l’e-mail : {label}',
  actionCreateContact: 'Créer le contact : {label}',
  actionFollowUp: 'Relance : {label}',
  waiting: 'En attente',

  followUpOpen: 'Planifier une relance',
  followUpOpenFor: 'Planifier une relance pour {name}',
  followUpHeading: 'Relance pour {name}',
  followUpSubject: 'Objet',
  followUpSubjectDefault: 'Relance : {subject}',
  followUpDueDate: 'Échéance',
  followUpNote: 'Note (facultative)',
  followUpSubmit: 'Enregistrer la relance',
  followUpSending: 'Enregistrement de la relance…',
  followUpDone: 'Relance enregistrée, échéance le {date}',
  followUpOpenTask: 'Ouvrir la relance dans Salesforce',
  followUpRefused: 'Salesforce n’a pas enregistré la relance',
  followUpClose: 'Fermer',
  invalidDate: 'Saisissez une date',
};

const WAIT_REASONS: Record<Locale, Record<OutboxWaitReason, string>> = {
  en: {
    bad_oauth_token: 'Waiting: sign in again to send it.',
    session_expired: 'Waiting: sign in again to send it.',
    offline: 'Waiting: you are offline. It goes as soon as the network is back.',
    rate_limited: 'Waiting: your Salesforce org reached its usage limit. It is retried later by itself.',
    transient: 'Waiting: Salesforce is briefly unavailable. It is retried by itself.',
    timeout: 'Waiting: Salesforce did not answer in time. It is retried by itself.',
    unknown: 'Waiting: something went wrong. It is retried by itself.',
    signed_out: 'Waiting: sign in to send it.',
    other_identity: 'Waiting: made by another Salesforce user; it is sent only when they sign in.',
  },
  fr: {
    bad_oauth_token: 'En attente : reconnectez-vous pour l’envoyer.',
    session_expired: 'En attente : reconnectez-vous pour l’envoyer.',
    offline: 'En attente : vous êtes hors ligne. L’envoi part dès le retour du réseau.',
    rate_limited: 'En attente : votre organisation Salesforce a atteint sa limite d’utilisation. Nouvel essai automatique plus tard.',
    transient: 'En attente : Salesforce est momentanément indisponible. Nouvel essai automatique.',
    timeout: 'En attente : Salesforce n’a pas répondu à temps. Nouvel essai automatique.',
    unknown: 'En attente : un problème est survenu. Nouvel essai automatique.',
    signed_out: 'En attente : connectez-vous pour l’envoyer.',
    other_identity: 'En attente : créé par un autre utilisateur Salesforce ; envoyé seulement quand il se connecte.',
  },
};

// The same reasons without the "Waiting:" lead, for places that already carry a "Waiting" title: a message bar
// titled "Waiting" that then said "Waiting: …" read the word twice.
const WAIT_DETAILS: Record<Locale, Record<OutboxWaitReason, string>> = {
  en: {
    bad_oauth_token: 'Sign in again to send it.',
    session_expired: 'Sign in again to send it.',
    offline: 'You are offline. It goes as soon as the network is back.',
    rate_limited: 'Your Salesforce org reached its usage limit. It is retried later by itself.',
    transient: 'Salesforce is briefly unavailable. It is retried by itself.',
    timeout: 'Salesforce did not answer in time. It is retried by itself.',
    unknown: 'Something went wrong. It is retried by itself.',
    signed_out: 'Sign in to send it.',
    other_identity: 'Made by another Salesforce user; it is sent only when they sign in.',
  },
  fr: {
    bad_oauth_token: 'Reconnectez-vous pour l’envoyer.',
    session_expired: 'Reconnectez-vous pour l’envoyer.',
    offline: 'Vous êtes hors ligne. L’envoi part dès le retour du réseau.',
    rate_limited: 'Votre organisation Salesforce a atteint sa limite d’utilisation. Nouvel essai automatique plus tard.',
    transient: 'Salesforce est momentanément indisponible. Nouvel essai automatique.',
    timeout: 'Salesforce n’a pas répondu à temps. Nouvel essai automatique.',
    unknown: 'Un problème est survenu. Nouvel essai automatique.',
    signed_out: 'Connectez-vous pour l’envoyer.',
    other_identity: 'Créé par un autre utilisateur Salesforce ; envoyé seulement quand il se connecte.',
  },
};

export const WORKSPACE_STRINGS: Record<Locale, WorkspaceStrings> = { en, fr };

export function workspaceStrings(localeTag: string | undefined): WorkspaceStrings {
  return WORKSPACE_STRINGS[resolveLocale(localeTag)];
}

export function waitReasonText(reason: OutboxWaitReason | undefined, localeTag: string | undefined): string {
  return WAIT_REASONS[resolveLocale(localeTag)][reason ?? 'unknown'];
}

/** Why an action waits, without the "Waiting:" lead: for a message titled "Waiting" (strings.waiting). */
export function waitReasonDetail(reason: OutboxWaitReason | undefined, localeTag: string | undefined): string {
  return WAIT_DETAILS[resolveLocale(localeTag)][reason ?? 'unknown'];
}
