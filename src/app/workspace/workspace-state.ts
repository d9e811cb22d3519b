/**
 * What the workspace shows, as one value: the state of the people section (each state has its own component) and
 * whether the email can be saved. A pure function of what the hooks hold, so every state is table-tested without
 * rendering anything.
 */
import type { EmailContext } from '../../host/office-host';
import type { PersonMatch } from '../../salesforce/crm/crm-records';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import { placeholderCount } from './placeholder-count';
import type { EmailContextState } from './use-email-context';
import type { PeopleState } from './use-people';

export type PeopleSection =
  /** The email itself is still being read: placeholders, as many as the previous email had people. */
  | { kind: 'email-loading'; placeholders: number }
  /** A pinned pane between items. */
  | { kind: 'no-item' }
  /** Outlook did not give the email: a retry. */
  | { kind: 'email-error' }
  /** An email with no one to look up (a draft without recipients says how to get some). */
  | { kind: 'no-people'; mode: EmailContext['mode'] }
  /** Salesforce did not answer the lookup: why, and a retry. */
  | { kind: 'lookup-error'; failure: ClassifiedFailure }
  /** The addresses are known, Salesforce has not answered yet: one placeholder an address. */
  | { kind: 'people-loading'; placeholders: number }
  /** The cards. `busy` while a newer lookup runs behind the previous answer. */
  | { kind: 'people'; context: EmailContext; view: PeopleView; busy: boolean };

export interface WorkspaceState {
  people: PeopleSection;
  /** A read item whose every address has been looked up: it can be saved (where there is an outbox). */
  save?: { context: EmailContext; view: PeopleView };
}

export interface WorkspaceStateInput {
  email: EmailContextState;
  /** The people of the email (the seller left out); empty until the email is read. */
  people: readonly EmailPerson[];
  lookup: PeopleState;
  /** How many people the previous email of this pane had, if one was read. */
  previousCount: number | undefined;
}

/** The lookup answer on screen: the current one, or while a newer one runs, the one before. */
export function shownView(lookup: PeopleState): PeopleView | undefined {
  if (lookup.status === 'ready') return lookup.view;
  if (lookup.status === 'loading') return lookup.previous;
  return undefined;
}

/** Every contact and lead found for the email's people, in the order of the people. */
export function personMatchesOf(view: PeopleView | undefined, people: readonly EmailPerson[]): PersonMatch[] {
  if (!view) return [];
  return people.flatMap((p) => {
    const found = view.byAddress.get(p.address);
    return [...(found?.contacts ?? []), ...(found?.leads ?? [])];
  });
}

function peopleSectionOf({ email, people, lookup, previousCount }: WorkspaceStateInput, view: PeopleView | undefined): PeopleSection {
  switch (email.status) {
    case 'loading':
      return { kind: 'email-loading', placeholders: placeholderCount(undefined, previousCount) };
    case 'none':
      return { kind: 'no-item' };
    case 'error':
      return { kind: 'email-error' };
    case 'ready':
      break;
  }
  if (people.length === 0) return { kind: 'no-people', mode: email.context.mode };
  if (lookup.status === 'error') return { kind: 'lookup-error', failure: lookup.failure };
  if (!view || lookup.status === 'idle') return { kind: 'people-loading', placeholders: placeholderCount(people.length, previousCount) };
  return { kind: 'people', context: email.context, view, busy: lookup.status === 'loading' };
}

export function workspaceStateOf(input: WorkspaceStateInput): WorkspaceState {
  const view = shownView(input.lookup);
  const state: WorkspaceState = { people: peopleSectionOf(input, view) };
  const context = input.email.status === 'ready' ? input.email.context : undefined;
  // Not tied to the people section's state: the save panel follows the lookup answer on screen, as it always did.
  if (context?.mode === 'read' && view && input.lookup.status !== 'error' && input.people.every((p) => view.byAddress.has(p.address))) {
    state.save = { context, view };
  }
  return state;
}
