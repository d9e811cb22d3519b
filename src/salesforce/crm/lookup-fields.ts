/**
 * Which fields the people lookup names, from the org's metadata and the admin's configuration: the card fields the
 * admin chose, the custom email fields to match on, and only among fields the seller may read (describe leaves out
 * what field-level security hides), so a hidden field never breaks the query. Without metadata: the fields the cards
 * have always shown.
 */
import type { CrmConfig } from '../../config/crm-config';
import { DEFAULT_CRM_CONFIG } from '../../config/crm-config';
import { canReadField, findFieldMetadata, isMultiCurrency, readableFields, type SObjectMetadata } from '../metadata/sobject-metadata';

/** An extra field a card shows, with its label from metadata. */
export interface CardFieldSpec {
  name: string;
  label: string;
  type: string;
}

export interface LookupFields {
  /** Selected on Contact besides Id and Name (relationship paths such as Account.Name included). */
  contact: string[];
  /** Email fields an address is matched on: Email and the admin's custom ones the seller may read. */
  contactMatch: string[];
  lead: string[];
  leadMatch: string[];
  /** Selected on Account besides Id and Name. */
  account: string[];
  /** Matches accounts by company domain; false when the seller may not read Website. */
  accountByWebsite: boolean;
  /** Selected on the accounts' open opportunities besides Id and Name. */
  opportunity: string[];
  opportunityOrderBy: string;
  leadsVisible: boolean;
  opportunitiesVisible: boolean;
  /** Card fields beyond those the card shows in its own places (title, company, phone, status), with labels. */
  contactCard: CardFieldSpec[];
  leadCard: CardFieldSpec[];
}

/** The objects whose metadata the lookup needs. */
export const LOOKUP_OBJECTS = ['Contact', 'Lead', 'Account', 'Opportunity'] as const;

/** What a card shows in its own places; every other configured field is listed under it with its label. */
const BUILT_IN = new Set(['id', 'name', 'email', 'title', 'phone', 'company', 'status', 'ownerid', 'accountid']);

export const DEFAULT_LOOKUP_FIELDS: LookupFields = {
  contact: ['Title', 'Phone', 'Email', 'AccountId', 'Account.Name', 'Owner.Name'],
  contactMatch: ['Email'],
  lead: ['Title', 'Phone', 'Email', 'Company', 'Status', 'Owner.Name'],
  leadMatch: ['Email'],
  account: ['Website'],
  accountByWebsite: true,
  opportunity: ['StageName', 'Amount', 'CloseDate'],
  opportunityOrderBy: 'CloseDate',
  leadsVisible: true,
  opportunitiesVisible: true,
  contactCard: [],
  leadCard: [],
};

function cardSpecs(meta: SObjectMetadata, names: readonly string[]): CardFieldSpec[] {
  return readableFields(meta, names)
    .filter((name) => !BUILT_IN.has(name.toLowerCase()))
    .map((name) => {
      const field = findFieldMetadata(meta, name);
      return { name, label: field?.label ?? name, type: field?.type ?? 'string' };
    });
}

const unique = (names: readonly string[]): string[] => names.filter((name, i) => names.findIndex((n) => n.toLowerCase() === name.toLowerCase()) === i);

export function lookupFieldsFrom(metadata: ReadonlyMap<string, SObjectMetadata>, crm: CrmConfig = DEFAULT_CRM_CONFIG): LookupFields {
  const contact = metadata.get('Contact');
  const lead = metadata.get('Lead');
  const account = metadata.get('Account');
  const opportunity = metadata.get('Opportunity');
  if (!contact || !lead || !account || !opportunity) return DEFAULT_LOOKUP_FIELDS;
  const objects = crm.objects;
  const contactCard = objects.Contact?.cardFields ?? [];
  const leadCard = objects.Lead?.cardFields ?? [];
  const contactMatch = readableFields(contact, ['Email', ...crm.matchEmailFields.Contact]);
  const leadMatch = readableFields(lead, ['Email', ...crm.matchEmailFields.Lead]);
  const opportunityFields = readableFields(opportunity, objects.Opportunity?.cardFields ?? []);
  return {
    contact: unique([
      ...readableFields(contact, contactCard),
      ...contactMatch,
      ...readableFields(contact, ['AccountId']),
      ...(canReadField(contact, 'AccountId') && canReadField(account, 'Name') ? ['Account.Name'] : []),
      ...(canReadField(contact, 'OwnerId') ? ['Owner.Name'] : []),
    ]),
    contactMatch,
    lead: unique([...readableFields(lead, leadCard), ...leadMatch, ...(canReadField(lead, 'OwnerId') ? ['Owner.Name'] : [])]),
    leadMatch,
    account: readableFields(account, ['Website', ...(objects.Account?.cardFields ?? [])]),
    accountByWebsite: canReadField(account, 'Website'),
    opportunity: unique([...opportunityFields, ...(isMultiCurrency(opportunity) ? ['CurrencyIsoCode'] : [])]),
    opportunityOrderBy: canReadField(opportunity, 'CloseDate') ? 'CloseDate' : 'Name',
    leadsVisible: objects.Lead?.visible !== false && leadMatch.length > 0,
    opportunitiesVisible: objects.Opportunity?.visible !== false,
    contactCard: cardSpecs(contact, contactCard),
    leadCard: cardSpecs(lead, leadCard),
  };
}

/**
 * Before any metadata: the admin's fields as configured, assumed readable (the describes that come back with the
 * answer say whether they were). Labels are the API names until then.
 */
export function configuredLookupFields(crm: CrmConfig = DEFAULT_CRM_CONFIG): LookupFields {
  const objects = crm.objects;
  const spec = (name: string): CardFieldSpec => ({ name, label: name, type: 'string' });
  const contactCard = objects.Contact?.cardFields ?? [];
  const leadCard = objects.Lead?.cardFields ?? [];
  const contactMatch = ['Email', ...crm.matchEmailFields.Contact];
  const leadMatch = ['Email', ...crm.matchEmailFields.Lead];
  return {
    ...DEFAULT_LOOKUP_FIELDS,
    contact: unique([...contactCard, ...contactMatch, 'AccountId', 'Account.Name', 'Owner.Name']),
    contactMatch,
    lead: unique([...leadCard, ...leadMatch, 'Owner.Name']),
    leadMatch,
    account: unique(['Website', ...(objects.Account?.cardFields ?? [])]),
    opportunity: unique(objects.Opportunity?.cardFields ?? []),
    leadsVisible: objects.Lead?.visible !== false,
    opportunitiesVisible: objects.Opportunity?.visible !== false,
    contactCard: contactCard.filter((name) => !BUILT_IN.has(name.toLowerCase())).map(spec),
    leadCard: leadCard.filter((name) => !BUILT_IN.has(name.toLowerCase())).map(spec),
  };
}

/** The card fields a lookup was sent with, labelled from newer metadata (and without any it says are hidden). */
export function relabelled(sent: LookupFields, known: LookupFields): LookupFields {
  const relabel = (specs: CardFieldSpec[], from: CardFieldSpec[]): CardFieldSpec[] => specs.flatMap((spec) => from.filter((f) => f.name.toLowerCase() === spec.name.toLowerCase()));
  return { ...sent, contactCard: relabel(sent.contactCard, known.contactCard), leadCard: relabel(sent.leadCard, known.leadCard) };
}
