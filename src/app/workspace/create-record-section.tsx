/**
 * The create-record panel under the email: about the sender of a read email (else the first other person), with the
 * accounts the people lookup found for that person's domain, its forms shaped by the org's metadata. Keyed by the
 * email, so another email starts closed.
 */
import { useCallback, useMemo } from 'react';
import type { CrmConfig } from '../../config/crm-config';
import type { EmailContext } from '../../host/office-host';
import { loadRecordForm } from '../../salesforce/crm/create-record-metadata';
import { domainOf, type EmailPerson } from '../../salesforce/crm/email-addresses';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import { metadataSourceFor } from '../../salesforce/metadata/metadata-registry';
import type { CreatableSObject } from '../../salesforce/outbox/outbox';
import type { SalesforceApi } from '../../salesforce/salesforce-api';
import { CreateRecordPanel } from '../../features/create-record/create-record-panel';
import type { WorkspaceWrites } from './workspace-writes';

export interface CreateRecordSectionProps {
  api: SalesforceApi;
  /** The admin's configuration: hidden objects get no form, `requiredOnSave` fields are required on it. */
  crm?: CrmConfig | undefined;
  context: EmailContext;
  people: readonly EmailPerson[];
  view: PeopleView | undefined;
  writes: WorkspaceWrites;
  instanceUrl: string;
  locale: string;
}

const CREATABLE: readonly CreatableSObject[] = ['Lead', 'Account', 'Opportunity', 'Case'];

export function CreateRecordSection({ api, crm, context, people, view, writes, instanceUrl, locale }: CreateRecordSectionProps) {
  // The org's describe shapes each form: one request the first time, then the cache (asked again conditionally).
  const loadForm = useCallback((sobject: CreatableSObject) => loadRecordForm(metadataSourceFor(api), sobject, crm?.objects[sobject]?.requiredOnSave ?? []), [api, crm]);
  const objects = useMemo(() => CREATABLE.filter((sobject) => crm?.objects[sobject]?.visible !== false), [crm]);
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
      loadForm={loadForm}
      objects={objects}
    />
  );
}
