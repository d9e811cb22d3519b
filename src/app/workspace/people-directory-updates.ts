/**
 * What a write that landed changes in what the pane shows. A saved email: the directory remembers its Task, so the
 * next lookup shows "Saved" without asking. A new contact: the directory forgets its address, and the people on
 * screen are looked up again so its card replaces "Not in Salesforce". Contacts created before the workspace mounted
 * are already in Salesforce's first answer: asking again for them would cost a request for nothing.
 */
import type { PeopleDirectory } from '../../salesforce/crm/people-directory';
import type { FinishedEntry } from './finished-entries';

/** Returns true when the people on screen must be looked up again. */
export function applyFinishedEntry(directory: PeopleDirectory, ownerKey: string, entry: FinishedEntry, mountedAt: number): boolean {
  switch (entry.action.type) {
    case 'save_email':
      directory.rememberSaved(ownerKey, entry.action.internetMessageId, {
        id: entry.result.id,
        whoId: entry.action.whoId,
        whatId: entry.action.whatId ?? null,
      });
      return false;
    case 'create_contact':
      if (entry.updatedAt < mountedAt) return false;
      directory.forgetAddress(ownerKey, entry.action.fields.Email);
      return true;
    case 'log_follow_up':
      return false;
    case 'create_record': {
      // A new lead is a person of the email: its card replaces "Not in Salesforce". Other objects show no card.
      const email = entry.action.fields.Email;
      if (entry.action.sobject !== 'Lead' || typeof email !== 'string' || entry.updatedAt < mountedAt) return false;
      directory.forgetAddress(ownerKey, email);
      return true;
    }
  }
}
