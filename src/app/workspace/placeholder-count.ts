/**
 * How many placeholder cards to show while the people of an email load. Once the addresses are known: one a person,
 * so the cards that replace them do not push what follows. Before (the email itself still loading): as many as the
 * previous email of this pane had, the best guess a pinned pane has, capped so that one long distribution list does
 * not fill the next email's pane with placeholders; on the very first email, a sender and one other person.
 */
export const DEFAULT_PLACEHOLDERS = 2;
export const MAX_GUESSED_PLACEHOLDERS = 4;

export function placeholderCount(peopleCount: number | undefined, previousPeopleCount: number | undefined): number {
  if (peopleCount !== undefined) return Math.max(1, peopleCount);
  if (previousPeopleCount !== undefined && previousPeopleCount > 0) return Math.min(previousPeopleCount, MAX_GUESSED_PLACEHOLDERS);
  return DEFAULT_PLACEHOLDERS;
}
