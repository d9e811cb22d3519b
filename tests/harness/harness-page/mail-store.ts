/**
 * The mailbox the harness page shows: its own copy of the sample emails (drafts are edited in place) and which one
 * is selected.
 */
import type { SampleEmail } from '../sample-emails';

export interface MailStore {
  readonly emails: SampleEmail[];
  currentId: string;
  byId(id: string): SampleEmail | null;
  current(): SampleEmail | null;
  isCompose(id: string): boolean;
}

export function createMailStore(emails: SampleEmail[], initialId: string): MailStore {
  const copy = JSON.parse(JSON.stringify(emails)) as SampleEmail[];
  const store: MailStore = {
    emails: copy,
    currentId: initialId,
    byId: (id) => copy.find((email) => email.id === id) ?? null,
    current: () => store.byId(store.currentId),
    isCompose: (id) => store.byId(id)?.mode === 'compose',
  };
  return store;
}
