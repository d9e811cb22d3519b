/**
 * The key a saved meeting is found by again: `olk-mtg1-` + base64url(SHA-256(mailbox address, lower case + "\n" +
 * the item's id in REST form)).
 *
 * Why this and not another id Office.js offers:
 * - `itemId` of an appointment is its id in the seller's calendar. It stays when the meeting is moved or renamed (an
 *   update changes the item, not its id), and an occurrence of a series has its own id, fixed by its original start,
 *   so "the occurrence in view" is saved, not the series. `seriesId` names the series only and would merge every
 *   occurrence into one Event.
 * - Outlook on the web and desktop give the EWS form of the id, Outlook's REST/Graph the REST form; the two differ only
 *   in `+`→`_` and `/`→`-` (what `mailbox.convertToRestId` does). Normalising to the REST form makes the same item
 *   one key on every device of the same mailbox. (Outlook on Android has answered a different id form altogether,
 *   OfficeDev/office-js#1520: a meeting saved there and then on a desktop may be saved twice.)
 * - Custom properties (`loadCustomPropertiesAsync`) roam with the item too, but writing them needs ReadWriteItem and
 *   a write to the seller's mailbox after every save; a key computed from the item needs neither.
 * - In compose mode (the organizer's form) a new meeting has no id until Outlook saved it: `getItemIdAsync` fails,
 *   and the pane asks the seller to save or send it first instead of saving it behind their back (`saveAsync` on a
 *   meeting that was already sent sends an update to every attendee).
 * The mailbox address is part of the key because ids are per mailbox: an organizer and an attendee, or a delegate,
 * save their own copy. Hashing keeps the key short (ids run past 150 characters) and keeps the id itself out of
 * Salesforce.
 */
/** Only [A-Za-z0-9_-]: the key is also an External ID value in a URL path (crm/save-meeting.ts). */
export const MEETING_KEY_PREFIX = 'olk-mtg1-';

/** EWS form → REST form; a REST-form id is returned unchanged. */
export function toRestId(itemId: string): string {
  return itemId.replace(/\+/g, '_').replace(/\//g, '-');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function meetingKeyOf(mailboxAddress: string, itemId: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const text = `${mailboxAddress.trim().toLowerCase()}\n${toRestId(itemId.trim())}`;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return MEETING_KEY_PREFIX + base64url(new Uint8Array(digest));
}
