/**
 * Which form is open on which card: the create-contact form of an unknown address, the follow-up form of a contact
 * or lead, and the contact just created (its card takes the focus the form had once the lookup shows it). The
 * follow-up form and the created contact belong to one email: another email starts with them closed. Held by the
 * workspace, not the list, so a list shown again (after placeholders) keeps them.
 */
import { useCallback, useEffect, useState } from 'react';
import { normaliseAddress } from '../../salesforce/crm/email-addresses';
import type { PersonMatch } from '../../salesforce/crm/crm-records';

export interface PersonForms {
  /** The address whose create-contact form is open. */
  creatingFor: string | undefined;
  openCreate(address: string): void;
  closeCreate(): void;
  /** The contact or lead whose follow-up form is open. */
  followUpFor: string | undefined;
  toggleFollowUp(personId: string): void;
  closeFollowUp(): void;
  /** The contact the form just created, until its card is shown. */
  created: { contactId: string; address: string } | undefined;
  onCreated(contactId: string, email: string): void;
}

/** `emailKey`: which email is shown; `matches`: the cards shown for it. */
export function usePersonForms(emailKey: string, matches: readonly PersonMatch[]): PersonForms {
  const [creatingFor, setCreatingFor] = useState<string | undefined>();
  const [followUp, setFollowUp] = useState<{ emailKey: string; personId: string } | undefined>();
  const [created, setCreated] = useState<{ emailKey: string; contactId: string; address: string }>();
  const followUpFor = followUp?.emailKey === emailKey ? followUp.personId : undefined;
  const createdNow = created?.emailKey === emailKey ? created : undefined;

  const openCreate = useCallback((address: string) => setCreatingFor(address), []);
  const closeCreate = useCallback(() => setCreatingFor(undefined), []);
  const closeFollowUp = useCallback(() => setFollowUp(undefined), []);
  const toggleFollowUp = useCallback((personId: string) => setFollowUp(followUpFor === personId ? undefined : { emailKey, personId }), [emailKey, followUpFor]);
  const onCreated = useCallback(
    (contactId: string, email: string) => {
      setCreatingFor(undefined);
      setCreated({ emailKey, contactId, address: normaliseAddress(email) ?? '' });
    },
    [emailKey],
  );

  // The new contact's card is shown (and took the focus in its own effect, which runs first): done. An effect, not a
  // change during render: cleared any earlier, the card would never see `focusOnArrival` and never take the focus.
  const createdShown = createdNow !== undefined && matches.some((m) => m.id === createdNow.contactId);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- after the card's focus effect, on purpose (above)
    if (createdShown) setCreated(undefined);
  }, [createdShown]);

  return {
    creatingFor,
    openCreate,
    closeCreate,
    followUpFor,
    toggleFollowUp,
    closeFollowUp,
    created: createdNow ? { contactId: createdNow.contactId, address: createdNow.address } : undefined,
    onCreated,
  };
}
