/**
 * The create-record panel under the email: about the sender of a read email (else the first other person), with the
 * accounts the people lookup found for that person's domain. Keyed by the email, so another email starts closed.
 */
import type { EmailContext } from '../../host/office-host';
import { domainOf, type EmailPerson } from '../../salesforce/crm/email-addresses';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import { CreateRecordPanel } from '../../features/create-record/create-record-panel';
import type { WorkspaceWrites } from './workspace-writes';

export interface CreateRecordSectionProps {
  context: EmailContext;
  people: readonly EmailPerson[];
  view: PeopleView | undefined;
  writes: WorkspaceWrites;
  instanceUrl: string;
  locale: string;
}

export function CreateRecordSection({ context, people, view, writes, instanceUrl, locale }: CreateRecordSectionProps) {
  const person = people.find((p) => p.role === 'from') ?? people[0];
  const accounts = (person && view?.accountsByDomain.get(domainOf(person.address))) || [];
  return (
    <CreateRecordPanel
      person={person}
      accounts={accounts}
      subject={context.subject}
      bodyExcerpt={context.bodyExcerpt}
      outbox={writes.outbox}
      owner={writes.owner}
      entries={writes.entries}
      instanceUrl={instanceUrl}
      locale={locale}
    />
  );
}
