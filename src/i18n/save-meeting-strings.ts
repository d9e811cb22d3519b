/** Strings of the meeting view and Save meeting, English and French. Placeholders are {name}, filled by `format`. */
import { resolveLocale, type Locale } from './strings';

const en = {
  meetingHeading: 'Save this meeting to Salesforce',
  peopleHeading: 'People in this meeting',
  organizerRole: 'You organize this meeting',
  attendeeRole: 'Organized by {name}',
  occurrence: 'One occurrence of a recurring meeting: this occurrence is saved.',
  when: '{start} – {end}',
  relatedLabel: 'Related to',
  primaryLabel: 'Main contact',
  relatedNone: 'No account or opportunity',
  relatedAccount: 'Account: {name}',
  relatedOpportunity: 'Opportunity: {name}',
  relatedKept: 'As saved (kept)',
  leadNoRelated: 'The meeting is saved on a lead, which cannot be related to an account or opportunity.',
  saveButton: 'Save meeting',
  updateButton: 'Update in Salesforce',
  saving: 'Saving…',
  saved: 'Saved in Salesforce',
  savedBy: 'Saved by {name}, {date}',
  changedSinceSave: 'The meeting changed in Outlook since it was saved (time, title or place). Update its Salesforce event.',
  openSaved: 'Open the saved meeting in Salesforce',
  needsSavedItem: 'Save or send the meeting in Outlook first; then it can be saved to Salesforce.',
  needsPerson: 'No one in this meeting is in Salesforce yet. Create a contact first: a meeting is saved on a contact or lead.',
  notKept: 'Not saved: the browser refused to keep it. Try again.',
  actionSaveMeeting: 'Meeting: {label}',
};

export type SaveMeetingStrings = typeof en;

const fr: SaveMeetingStrings = {
  meetingHeading: 'Enregistrer cette réunion dans Salesforce',
  peopleHeading: 'Participants de cette réunion',
  organizerRole: 'Vous organisez cette réunion',
  attendeeRole: 'Organisée par {name}',
  occurrence: 'Une occurrence d’une réunion périodique : cette occurrence est enregistrée.',
  when: '{start} – {end}',
  relatedLabel: 'Lié à',
  primaryLabel: 'Contact principal',
  relatedNone: 'Aucun compte ni opportunité',
  relatedAccount: 'Compte : {name}',
  relatedOpportunity: 'Opportunité : {name}',
  relatedKept: 'Comme enregistré (conservé)',
  leadNoRelated: 'La réunion est enregistrée sur une piste, qui ne peut pas être liée à un compte ou une opportunité.',
  saveButton: 'Enregistrer la réunion',
  updateButton: 'Mettre à jour dans Salesforce',
  saving: 'Enregistrement…',
  saved: 'Enregistrée dans Salesforce',
  savedBy: 'Enregistrée par {name}, {date}',
  changedSinceSave: 'La réunion a changé dans Outlook depuis son enregistrement (heure, titre ou lieu). Mettez à jour son événement Salesforce.',
  openSaved: 'Ouvrir la réunion enregistrée dans Salesforce',
  needsSavedItem: 'Enregistrez ou envoyez d’abord la réunion dans Outlook ; elle pourra ensuite être enregistrée dans Salesforce.',
  needsPerson: 'Personne dans cette réunion n’est encore dans Salesforce. Créez d’abord un contact : une réunion est enregistrée sur un contact ou une piste.',
  notKept: 'Non enregistrée : le navigateur a refusé de la conserver. Réessayez.',
  actionSaveMeeting: 'Réunion : {label}',
};

export const SAVE_MEETING_STRINGS: Record<Locale, SaveMeetingStrings> = { en, fr };

export function saveMeetingStrings(localeTag: string | undefined): SaveMeetingStrings {
  return SAVE_MEETING_STRINGS[resolveLocale(localeTag)];
}
