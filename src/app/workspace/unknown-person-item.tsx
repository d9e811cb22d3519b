/**
 * An address Salesforce does not know, in the list: "Not in Salesforce" and, where the workspace can write, Create
 * contact, whose form opens inside the card with the accounts matched by the address's domain.
 */
import type { WorkspaceStrings } from '../../i18n/workspace-strings';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import { domainOf } from '../../salesforce/crm/email-addresses';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import { CreateContactForm } from '../../features/create-contact/create-contact-form';
import { UnknownPersonCard } from '../../features/people/unknown-person-card';
import type { PersonForms } from './use-person-forms';
import type { WorkspaceWrites } from './workspace-writes';

export interface UnknownPersonItemProps {
  person: EmailPerson;
  view: PeopleView;
  writes: WorkspaceWrites | undefined;
  forms: PersonForms;
  strings: WorkspaceStrings;
  locale: string;
  /** For the links to contacts a duplicate rule matched. */
  instanceUrl?: string;
}

export function UnknownPersonItem({ person, view, writes, forms, strings: s, locale, instanceUrl }: UnknownPersonItemProps) {
  const accounts = view.accountsByDomain.get(domainOf(person.address)) ?? [];
  return (
    <li>
      <UnknownPersonCard
        person={person}
        strings={s}
        created={forms.created?.address === person.address}
        {...(writes ? { onCreate: () => forms.openCreate(person.address) } : {})}
        form={
          writes && forms.creatingFor === person.address ? (
            <CreateContactForm
              person={person}
              accounts={accounts}
              outbox={writes.outbox}
              owner={writes.owner}
              entries={writes.entries}
              strings={s}
              locale={locale}
              {...(instanceUrl ? { instanceUrl } : {})}
              onCancel={forms.closeCreate}
              onCreated={forms.onCreated}
            />
          ) : undefined
        }
      />
    </li>
  );
}
