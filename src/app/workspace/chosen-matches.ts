/**
 * The matches the rest of the workspace works with (Save email's "Link to"), once the seller's choices are applied:
 * for an address with a remembered choice, only the chosen person; otherwise every match, as before.
 */
import type { PersonMatch } from '../../salesforce/crm/crm-records';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import { resolveChoice, type MatchChoiceStore } from '../../salesforce/crm/match-choices';
import type { PeopleView } from '../../salesforce/crm/people-directory';

export function chosenMatchesOf(view: PeopleView | undefined, people: readonly EmailPerson[], choices: Pick<MatchChoiceStore, 'get'>): PersonMatch[] {
  if (!view) return [];
  return people.flatMap((p) => {
    const found = view.byAddress.get(p.address);
    if (!found) return [];
    const resolved = resolveChoice(found, choices.get(p.address), view.convertedLeads);
    return resolved.kind === 'chosen' ? [resolved.chosen] : [...found.contacts, ...found.leads];
  });
}
