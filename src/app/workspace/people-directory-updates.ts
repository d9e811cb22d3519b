/**
 * What a write that landed changes in what the pane shows. A saved email: the directory remembers its record (by the
 * seller, now), so the next lookup shows "Saved" without asking; one found already saved is asked again, for who and
 * when. A new contact: the directory forgets its address, and the people on
 * screen are looked up again so its card replaces "Not in Salesforce". Contacts created before the workspace mounted
 * are already in Salesforce's first answer: asking again for them would cost a request for nothing.
 */
import type { PeopleDirectory } from '../../salesforce/crm/people-directory';
import type { FinishedEntry } from './finished-entries';

/** Returns true when the people on screen must be looked up again. */
export function applyFinishedEntry(directory: PeopleDirectory, ownerKey: string, entry: FinishedEntry, mountedAt: number, sellerName?: string): boolean {
  switch (entry.action.type) {
    case 'save_email': {
      if (entry.result.adopted) {
        // Someone saved it first (another pane, device or seller): ask Salesforce who and when, in the people lookup.
        directory.forgetSaved?.(ownerKey, entry.action.internetMessageId);
        return entry.updatedAt >= mountedAt;
      }
      const email = entry.result.sobject === 'EmailMessage' ? entry.action.email : undefined;
      directory.rememberSaved(ownerKey, entry.action.internetMessageId, {
        id: entry.result.id,
        whoId: entry.action.whoId,
        whatId: entry.action.whatId ?? null,
        sobject: entry.result.sobject === 'EmailMessage' ? 'EmailMessage' : 'Task',
        savedByName: sellerName ?? null,
        savedAt: new Date(entry.updatedAt).toISOString(),
        personIds: email ? email.people.map((p) => p.id) : [entry.action.whoId],
      });
      return false;
    }
    case 'create_contact':
      if (entry.updatedAt < mountedAt) return false;
      directory.forgetAddress(ownerKey, entry.action.fields.Email);
      return true;
    case 'log_follow_up':
    case 'save_attachment':
      return false;
    case 'create_record': {
      // A new lead is a person of the email: its card replaces "Not in Salesforce". Other objects show no card.
      const email = entry.action.fields.Email;
      if (entry.action.sobject !== 'Lead' || typeof email !== 'string' || entry.updatedAt < mountedAt) return false;
      directory.forgetAddress(ownerKey, email);
      return true;
    }
    case 'update_record':
      // The edited record's cards are looked up again: they show Salesforce's values and the new LastModifiedDate,
      // which the seller's next edit of the record starts from.
      if (entry.updatedAt < mountedAt) return false;
      for (const address of entry.action.addresses) directory.forgetAddress(ownerKey, address);
      return entry.action.addresses.length > 0;
    case 'save_meeting':
      // Like every case here: an entry already done when the view mounted is in its first answer already.
      if (entry.updatedAt < mountedAt) return false;
      directory.forgetSavedMeeting?.(ownerKey, entry.action.meetingKey);
      return true;
  }
}
