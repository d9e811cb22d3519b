/**
 * The slice of the Salesforce data model the emulated org knows: objects, fields, key prefixes, relationships,
 * required fields. Names are canonical API names; lookups are case-insensitive like SOQL.
 *
 * Over 300 lines on purpose: data: the objects and fields the org knows, one declaration each.
 */

export type FieldType = 'id' | 'reference' | 'string' | 'textarea' | 'email' | 'phone' | 'url' | 'picklist' | 'boolean' | 'date' | 'datetime' | 'currency' | 'double' | 'int' | 'base64';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Set by the platform, never by a client (Id, Name on Contact, audit fields, formula-like flags). */
  readOnly?: boolean;
  /** Required on create (REQUIRED_FIELD_MISSING when absent or blank). */
  required?: boolean;
  /** For references: the objects an id may point to and the relationship name used in SOQL (Account, Owner). */
  referenceTo?: string[];
  relationshipName?: string;
  /** The label Salesforce puts in field-level error messages ("Last Name: data value too large: …"). */
  label?: string;
  /** Text length limit of the standard field (Object Reference); longer values are refused with STRING_TOO_LONG. */
  maxLength?: number;
  /** A restricted picklist's values in the demo org; any other value is refused. */
  restrictedValues?: readonly string[];
  /** A custom text field marked External ID (not Unique): records can be upserted by its value, matched case-insensitively. */
  externalId?: boolean;
  /** Exists only with this org feature on (CurrencyIsoCode with multi-currency): otherwise no such column for anyone. */
  orgFeature?: 'multiCurrency';
}

export interface ChildRelationship {
  relationshipName: string;
  childSObject: string;
  field: string;
}

export interface SObjectDef {
  name: string;
  keyPrefix: string;
  label: string;
  labelPlural: string;
  fields: FieldDef[];
  childRelationships: ChildRelationship[];
  /** Users are read-only through the API here. */
  readOnly?: boolean;
}

const audit: FieldDef[] = [
  { name: 'CreatedDate', type: 'datetime', readOnly: true },
  { name: 'CreatedById', type: 'reference', readOnly: true, referenceTo: ['User'], relationshipName: 'CreatedBy' },
  { name: 'LastModifiedDate', type: 'datetime', readOnly: true },
  { name: 'LastModifiedById', type: 'reference', readOnly: true, referenceTo: ['User'], relationshipName: 'LastModifiedBy' },
  { name: 'SystemModstamp', type: 'datetime', readOnly: true },
  { name: 'IsDeleted', type: 'boolean', readOnly: true },
];

// Restricted picklists of the demo org (the standard values of a new org). Salesforce refuses any other value with
// INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST.
const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];
// Case's standard values in a new org; Status defaults to New (record-store.ts) when a create leaves it out.
const CASE_STATUSES = ['New', 'Working', 'Escalated', 'Closed'];
const CASE_PRIORITIES = ['High', 'Medium', 'Low'];
const CASE_ORIGINS = ['Phone', 'Email', 'Web'];
const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'];
const TASK_PRIORITIES = ['High', 'Normal', 'Low'];
const TASK_SUBTYPES = ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'];
const EMAIL_MESSAGE_STATUSES = ['0', '1', '2', '3', '4', '5'];
const EMAIL_RELATION_TYPES = ['ToAddress', 'CcAddress', 'BccAddress', 'FromAddress'];

// Multi-currency orgs (Setup › Company Information › Currencies): every record carries its currency; the demo org's
// active currencies. Records created without one take the corporate currency, USD.
export const CURRENCIES = ['USD', 'EUR', 'GBP'];
const currency = (label: string): FieldDef => ({ name: 'CurrencyIsoCode', type: 'picklist', label, restrictedValues: CURRENCIES, orgFeature: 'multiCurrency' });
// A custom email field admins add to match people by a second address (runtime config `matchEmailFields`).
const personalEmail: FieldDef = { name: 'Personal_Email__c', type: 'email', label: 'Personal Email', maxLength: 80 };

const owner: FieldDef = { name: 'OwnerId', type: 'reference', referenceTo: ['User'], relationshipName: 'Owner' };
const id: FieldDef = { name: 'Id', type: 'id', readOnly: true };

// Salesforce Files (Object Reference: ContentVersion, ContentDocument, ContentDocumentLink). A version's blob lives
// in VersionData (base64 on the wire); the platform makes the ContentDocument and its links (content-files.ts).
const CONTENT_SOBJECTS: SObjectDef[] = [
  {
    name: 'ContentVersion',
    keyPrefix: '068',
    label: 'Content Version',
    labelPlural: 'Content Versions',
    fields: [
      id,
      { name: 'Title', type: 'string', label: 'Title', maxLength: 255 },
      { name: 'PathOnClient', type: 'string', label: 'Path On Client', maxLength: 500 },
      { name: 'Description', type: 'textarea', label: 'Description', maxLength: 1000 },
      { name: 'VersionData', type: 'base64', label: 'Version Data' },
      { name: 'ContentDocumentId', type: 'reference', referenceTo: ['ContentDocument'], relationshipName: 'ContentDocument' },
      { name: 'FirstPublishLocationId', type: 'reference', referenceTo: ['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'Task', 'EmailMessage', 'Event', 'User'] },
      { name: 'ContentLocation', type: 'picklist', label: 'Content Location', restrictedValues: ['S', 'E', 'L'] },
      { name: 'ReasonForChange', type: 'string', label: 'Reason For Change', maxLength: 1000 },
      { name: 'ContentSize', type: 'int', readOnly: true },
      { name: 'FileExtension', type: 'string', readOnly: true },
      { name: 'FileType', type: 'string', readOnly: true },
      { name: 'IsLatest', type: 'boolean', readOnly: true },
      { name: 'VersionNumber', type: 'string', readOnly: true },
      owner,
      ...audit,
    ],
    childRelationships: [],
  },
  {
    name: 'ContentDocument',
    keyPrefix: '069',
    label: 'Content Document',
    labelPlural: 'Content Documents',
    // Made by the platform with the first ContentVersion; never created through the API.
    readOnly: true,
    fields: [
      id,
      { name: 'Title', type: 'string' },
      { name: 'FileExtension', type: 'string' },
      { name: 'FileType', type: 'string' },
      { name: 'ContentSize', type: 'int' },
      { name: 'LatestPublishedVersionId', type: 'reference', referenceTo: ['ContentVersion'], relationshipName: 'LatestPublishedVersion' },
      owner,
      ...audit,
    ],
    childRelationships: [
      { relationshipName: 'ContentVersions', childSObject: 'ContentVersion', field: 'ContentDocumentId' },
      { relationshipName: 'ContentDocumentLinks', childSObject: 'ContentDocumentLink', field: 'ContentDocumentId' },
    ],
  },
  {
    name: 'ContentDocumentLink',
    keyPrefix: '06A',
    label: 'Content Document Link',
    labelPlural: 'Content Document Links',
    fields: [
      id,
      { name: 'ContentDocumentId', type: 'reference', required: true, referenceTo: ['ContentDocument'], relationshipName: 'ContentDocument' },
      {
        name: 'LinkedEntityId',
        type: 'reference',
        required: true,
        referenceTo: ['Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'Task', 'EmailMessage', 'Event', 'User'],
        relationshipName: 'LinkedEntity',
      },
      { name: 'ShareType', type: 'picklist', required: true, label: 'Share Type', restrictedValues: ['V', 'C', 'I'] },
      { name: 'Visibility', type: 'picklist', label: 'Visibility', restrictedValues: ['AllUsers', 'InternalUsers', 'SharedUsers'] },
      { name: 'IsDeleted', type: 'boolean', readOnly: true },
      { name: 'SystemModstamp', type: 'datetime', readOnly: true },
    ],
    childRelationships: [],
  },
];

export const SCHEMA: SObjectDef[] = [
  {
    name: 'Account',
    keyPrefix: '001',
    label: 'Account',
    labelPlural: 'Accounts',
    fields: [
      id,
      { name: 'Name', type: 'string', required: true, label: 'Account Name', maxLength: 255 },
      { name: 'Website', type: 'url', label: 'Website', maxLength: 255 },
      { name: 'Phone', type: 'phone', label: 'Account Phone', maxLength: 40 },
      { name: 'Industry', type: 'picklist' },
      { name: 'Type', type: 'picklist' },
      { name: 'BillingCity', type: 'string', label: 'Billing City', maxLength: 40 },
      { name: 'BillingCountry', type: 'string', label: 'Billing Country', maxLength: 80 },
      { name: 'Description', type: 'textarea', label: 'Account Description', maxLength: 32000 },
      currency('Account Currency'),
      owner,
      ...audit,
    ],
    childRelationships: [
      { relationshipName: 'Contacts', childSObject: 'Contact', field: 'AccountId' },
      { relationshipName: 'Opportunities', childSObject: 'Opportunity', field: 'AccountId' },
      { relationshipName: 'Tasks', childSObject: 'Task', field: 'WhatId' },
      { relationshipName: 'Emails', childSObject: 'EmailMessage', field: 'RelatedToId' },
      { relationshipName: 'Cases', childSObject: 'Case', field: 'AccountId' },
      { relationshipName: 'Projects__r', childSObject: 'Project__c', field: 'Account__c' },
    ],
  },
  {
    name: 'Contact',
    keyPrefix: '003',
    label: 'Contact',
    labelPlural: 'Contacts',
    fields: [
      id,
      { name: 'FirstName', type: 'string', label: 'First Name', maxLength: 40 },
      { name: 'LastName', type: 'string', required: true, label: 'Last Name', maxLength: 80 },
      { name: 'Name', type: 'string', readOnly: true },
      { name: 'Email', type: 'email', label: 'Email', maxLength: 80 },
      { name: 'Phone', type: 'phone', label: 'Business Phone', maxLength: 40 },
      { name: 'MobilePhone', type: 'phone', label: 'Mobile Phone', maxLength: 40 },
      { name: 'Title', type: 'string', label: 'Title', maxLength: 128 },
      { name: 'Department', type: 'string', label: 'Department', maxLength: 80 },
      { name: 'MailingCity', type: 'string', label: 'Mailing City', maxLength: 40 },
      { name: 'Description', type: 'textarea', label: 'Contact Description', maxLength: 32000 },
      { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
      { name: 'Outlook_Key__c', type: 'string', label: 'Outlook Key', maxLength: 255, externalId: true },
      personalEmail,
      currency('Contact Currency'),
      owner,
      ...audit,
    ],
    childRelationships: [{ relationshipName: 'Tasks', childSObject: 'Task', field: 'WhoId' }],
  },
  {
    name: 'Lead',
    keyPrefix: '00Q',
    label: 'Lead',
    labelPlural: 'Leads',
    fields: [
      id,
      { name: 'FirstName', type: 'string', label: 'First Name', maxLength: 40 },
      { name: 'LastName', type: 'string', required: true, label: 'Last Name', maxLength: 80 },
      { name: 'Name', type: 'string', readOnly: true },
      { name: 'Company', type: 'string', required: true, label: 'Company', maxLength: 255 },
      { name: 'Email', type: 'email', label: 'Email', maxLength: 80 },
      { name: 'Phone', type: 'phone', label: 'Phone', maxLength: 40 },
      { name: 'Title', type: 'string', label: 'Title', maxLength: 128 },
      { name: 'Status', type: 'picklist', label: 'Lead Status', restrictedValues: LEAD_STATUSES },
      { name: 'LeadSource', type: 'picklist' },
      { name: 'IsConverted', type: 'boolean', readOnly: true },
      // Set by lead conversion (Object Reference, Lead): the contact, account and opportunity it became.
      { name: 'ConvertedContactId', type: 'reference', readOnly: true, referenceTo: ['Contact'], relationshipName: 'ConvertedContact' },
      { name: 'ConvertedAccountId', type: 'reference', readOnly: true, referenceTo: ['Account'], relationshipName: 'ConvertedAccount' },
      { name: 'ConvertedDate', type: 'date', readOnly: true },
      { name: 'Description', type: 'textarea', label: 'Description', maxLength: 32000 },
      personalEmail,
      currency('Lead Currency'),
      owner,
      ...audit,
    ],
    childRelationships: [{ relationshipName: 'Tasks', childSObject: 'Task', field: 'WhoId' }],
  },
  {
    name: 'Opportunity',
    keyPrefix: '006',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    fields: [
      id,
      { name: 'Name', type: 'string', required: true, label: 'Name', maxLength: 120 },
      { name: 'StageName', type: 'picklist', required: true, label: 'Stage', restrictedValues: OPPORTUNITY_STAGES },
      { name: 'CloseDate', type: 'date', required: true },
      { name: 'Amount', type: 'currency' },
      { name: 'Probability', type: 'double' },
      { name: 'NextStep', type: 'string', label: 'Next Step', maxLength: 255 },
      { name: 'IsClosed', type: 'boolean', readOnly: true },
      { name: 'IsWon', type: 'boolean', readOnly: true },
      { name: 'Description', type: 'textarea', label: 'Description', maxLength: 32000 },
      { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
      // Only objects with record types of their own have RecordTypeId (record-types.ts); its rules: record-type-rules.ts.
      { name: 'RecordTypeId', type: 'reference', label: 'Record Type ID', referenceTo: ['RecordType'], relationshipName: 'RecordType' },
      currency('Opportunity Currency'),
      owner,
      ...audit,
    ],
    childRelationships: [{ relationshipName: 'Tasks', childSObject: 'Task', field: 'WhatId' }],
  },
  {
    // Case (Object Reference): its name field is CaseNumber, an auto-number the platform sets.
    name: 'Case',
    keyPrefix: '500',
    label: 'Case',
    labelPlural: 'Cases',
    fields: [
      id,
      { name: 'CaseNumber', type: 'string', readOnly: true, label: 'Case Number' },
      { name: 'Subject', type: 'string', label: 'Subject', maxLength: 255 },
      { name: 'Description', type: 'textarea', label: 'Description', maxLength: 32000 },
      { name: 'Status', type: 'picklist', label: 'Status', restrictedValues: CASE_STATUSES },
      { name: 'Priority', type: 'picklist', label: 'Priority', restrictedValues: CASE_PRIORITIES },
      { name: 'Origin', type: 'picklist', label: 'Case Origin', restrictedValues: CASE_ORIGINS },
      { name: 'SuppliedEmail', type: 'email', label: 'Web Email', maxLength: 80 },
      { name: 'SuppliedName', type: 'string', label: 'Web Name', maxLength: 80 },
      { name: 'IsClosed', type: 'boolean', readOnly: true },
      { name: 'ContactId', type: 'reference', referenceTo: ['Contact'], relationshipName: 'Contact' },
      { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' },
      currency('Case Currency'),
      owner,
      ...audit,
    ],
    childRelationships: [{ relationshipName: 'Tasks', childSObject: 'Task', field: 'WhatId' }],
  },
  {
    // A custom object of the demo org, for admin configuration ("objects the admin adds").
    name: 'Project__c',
    keyPrefix: 'a01',
    label: 'Project',
    labelPlural: 'Projects',
    fields: [
      id,
      { name: 'Name', type: 'string', required: true, label: 'Project Name', maxLength: 80 },
      { name: 'Account__c', type: 'reference', label: 'Account', referenceTo: ['Account'], relationshipName: 'Account__r' },
      { name: 'Status__c', type: 'picklist', label: 'Status', restrictedValues: ['Planned', 'Active', 'Done'] },
      { name: 'Budget__c', type: 'currency', label: 'Budget' },
      currency('Project Currency'),
      owner,
      ...audit,
    ],
    childRelationships: [],
  },
  {
    name: 'Task',
    keyPrefix: '00T',
    label: 'Task',
    labelPlural: 'Tasks',
    fields: [
      id,
      { name: 'Subject', type: 'string', label: 'Subject', maxLength: 255 },
      { name: 'Status', type: 'picklist', label: 'Status', restrictedValues: TASK_STATUSES },
      { name: 'Priority', type: 'picklist', label: 'Priority', restrictedValues: TASK_PRIORITIES },
      { name: 'ActivityDate', type: 'date' },
      { name: 'Description', type: 'textarea', label: 'Comments', maxLength: 32000 },
      { name: 'TaskSubtype', type: 'picklist', label: 'Task Subtype', restrictedValues: TASK_SUBTYPES },
      { name: 'IsClosed', type: 'boolean', readOnly: true },
      { name: 'WhoId', type: 'reference', referenceTo: ['Contact', 'Lead'] },
      { name: 'WhatId', type: 'reference', referenceTo: ['Account', 'Opportunity', 'Case'] },
      { name: 'Outlook_Key__c', type: 'string', label: 'Outlook Key', maxLength: 255, externalId: true },
      owner,
      ...audit,
    ],
    childRelationships: [],
  },
  {
    // Only with Enhanced Email on (OrgState.hasSObject). Lengths: Field Reference, EmailMessage; Status is the
    // restricted picklist '0' New, '1' Read, '2' Replied, '3' Sent, '4' Forwarded, '5' Draft, and not nillable.
    name: 'EmailMessage',
    keyPrefix: '02s',
    label: 'Email Message',
    labelPlural: 'Email Messages',
    fields: [
      id,
      { name: 'Subject', type: 'string', label: 'Subject', maxLength: 3000 },
      // 131,072 is the current Field Reference's HtmlBody length; it gives none for TextBody, so the older (and
      // stricter) 32,000 stands for it.
      { name: 'TextBody', type: 'textarea', label: 'Text Body', maxLength: 32000 },
      { name: 'HtmlBody', type: 'textarea', label: 'HTML Body', maxLength: 131072 },
      { name: 'FromAddress', type: 'email', label: 'From Address', maxLength: 1000 },
      { name: 'FromName', type: 'string', label: 'From Name', maxLength: 1000 },
      { name: 'ToAddress', type: 'string', label: 'To Address', maxLength: 4000 },
      { name: 'CcAddress', type: 'string', label: 'CC Address', maxLength: 4000 },
      { name: 'BccAddress', type: 'string', label: 'BCC Address', maxLength: 4000 },
      { name: 'MessageDate', type: 'datetime' },
      { name: 'MessageIdentifier', type: 'string', label: 'Message ID', maxLength: 255 },
      { name: 'ThreadIdentifier', type: 'string', label: 'Thread ID', maxLength: 255 },
      { name: 'Status', type: 'picklist', required: true, label: 'Status', restrictedValues: EMAIL_MESSAGE_STATUSES },
      { name: 'Incoming', type: 'boolean' },
      { name: 'RelatedToId', type: 'reference', referenceTo: ['Account', 'Opportunity', 'Case'], label: 'Related To ID' },
      { name: 'ActivityId', type: 'reference', referenceTo: ['Task'], readOnly: true },
      ...audit,
    ],
    childRelationships: [{ relationshipName: 'EmailMessageRelations', childSObject: 'EmailMessageRelation', field: 'EmailMessageId' }],
  },
  {
    // Only with Enhanced Email on (OrgState.hasSObject): who an email was from and to (Object Reference,
    // EmailMessageRelation). RelationObjectType is derived; RelationAddress is filled from RelationId when absent.
    name: 'EmailMessageRelation',
    keyPrefix: '0Rh',
    label: 'Email Message Relation',
    labelPlural: 'Email Message Relations',
    fields: [
      id,
      { name: 'EmailMessageId', type: 'reference', required: true, referenceTo: ['EmailMessage'], relationshipName: 'EmailMessage', label: 'Email Message ID' },
      { name: 'RelationId', type: 'reference', referenceTo: ['Contact', 'Lead', 'User'], relationshipName: 'Relation', label: 'Relation ID' },
      { name: 'RelationAddress', type: 'string', label: 'Relation Address', maxLength: 255 },
      { name: 'RelationObjectType', type: 'string', readOnly: true },
      { name: 'RelationType', type: 'picklist', required: true, label: 'Relation Type', restrictedValues: EMAIL_RELATION_TYPES },
      ...audit,
    ],
    childRelationships: [],
  },
  {
    // Only with Shared Activities on (OrgState.hasSObject): a task's people and its one account or opportunity.
    name: 'TaskRelation',
    keyPrefix: '0RT',
    label: 'Task Relation',
    labelPlural: 'Task Relations',
    readOnly: true,
    fields: [
      id,
      { name: 'TaskId', type: 'reference', referenceTo: ['Task'], relationshipName: 'Task' },
      { name: 'RelationId', type: 'reference', referenceTo: ['Contact', 'Lead', 'Account', 'Opportunity'], relationshipName: 'Relation' },
      { name: 'IsWhat', type: 'boolean' },
      { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account', readOnly: true },
      ...audit,
    ],
    childRelationships: [],
  },
  ...CONTENT_SOBJECTS,
  {
    // Object Reference, Event: the time rules (StartDateTime, EndDateTime, DurationInMinutes, IsAllDayEvent) are
    // checked in rest/event-rules.ts. Outlook_Key__c is a demo custom field (External ID), like Task's.
    name: 'Event',
    keyPrefix: '00U',
    label: 'Event',
    labelPlural: 'Events',
    fields: [
      id,
      { name: 'Subject', type: 'string', label: 'Subject', maxLength: 255 },
      { name: 'StartDateTime', type: 'datetime', label: 'Start' },
      { name: 'EndDateTime', type: 'datetime', label: 'End' },
      { name: 'ActivityDateTime', type: 'datetime', label: 'Due Date Time' },
      { name: 'ActivityDate', type: 'date', label: 'Due Date Only' },
      { name: 'DurationInMinutes', type: 'int', label: 'Duration' },
      { name: 'IsAllDayEvent', type: 'boolean', label: 'All-Day Event' },
      { name: 'Location', type: 'string', label: 'Location', maxLength: 255 },
      { name: 'Description', type: 'textarea', label: 'Description', maxLength: 32000 },
      { name: 'WhoId', type: 'reference', referenceTo: ['Contact', 'Lead'], relationshipName: 'Who' },
      // Any non-person record: cases and the custom objects that allow activities too (Project__c does).
      { name: 'WhatId', type: 'reference', referenceTo: ['Account', 'Opportunity', 'Case', 'Project__c'], relationshipName: 'What' },
      { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account', readOnly: true },
      { name: 'Outlook_Key__c', type: 'string', label: 'Outlook Key', maxLength: 255, externalId: true },
      owner,
      ...audit,
    ],
    childRelationships: [{ relationshipName: 'EventRelations', childSObject: 'EventRelation', field: 'EventId' }],
  },
  {
    // In every org (invitees); with Shared Activities on it also carries the related contacts, lead and
    // account/opportunity (IsParent / IsWhat). Rules in rest/event-rules.ts.
    name: 'EventRelation',
    keyPrefix: '0RE',
    label: 'Event Relation',
    labelPlural: 'Event Relations',
    fields: [
      id,
      { name: 'EventId', type: 'reference', required: true, referenceTo: ['Event'], relationshipName: 'Event' },
      { name: 'RelationId', type: 'reference', required: true, referenceTo: ['Contact', 'Lead', 'User', 'Account', 'Opportunity', 'Case', 'Project__c'], relationshipName: 'Relation' },
      { name: 'IsParent', type: 'boolean', label: 'Is Parent' },
      { name: 'IsInvitee', type: 'boolean', label: 'Is Invitee' },
      { name: 'IsWhat', type: 'boolean', readOnly: true },
      { name: 'AccountId', type: 'reference', referenceTo: ['Account'], relationshipName: 'Account', readOnly: true },
      ...audit,
    ],
    childRelationships: [],
  },
  {
    name: 'User',
    keyPrefix: '005',
    label: 'User',
    labelPlural: 'Users',
    readOnly: true,
    fields: [
      id,
      { name: 'Username', type: 'string' },
      { name: 'FirstName', type: 'string' },
      { name: 'LastName', type: 'string' },
      { name: 'Name', type: 'string' },
      { name: 'Email', type: 'email' },
      { name: 'Alias', type: 'string' },
      { name: 'IsActive', type: 'boolean' },
      { name: 'TimeZoneSidKey', type: 'picklist' },
      { name: 'LanguageLocaleKey', type: 'picklist' },
      ...audit,
    ],
    childRelationships: [],
  },
];

const byLowerName = new Map(SCHEMA.map((s) => [s.name.toLowerCase(), s]));

export function findSObject(name: string): SObjectDef | undefined {
  return byLowerName.get(name.toLowerCase());
}

export function findField(sobject: SObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return sobject.fields.find((f) => f.name.toLowerCase() === lower);
}

export function findParentRelationship(sobject: SObjectDef, relationshipName: string): FieldDef | undefined {
  const lower = relationshipName.toLowerCase();
  return sobject.fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}

export function findChildRelationship(sobject: SObjectDef, relationshipName: string): ChildRelationship | undefined {
  const lower = relationshipName.toLowerCase();
  return sobject.childRelationships.find((c) => c.relationshipName.toLowerCase() === lower);
}

export function sobjectForId(id: string): SObjectDef | undefined {
  const prefix = id.slice(0, 3);
  return SCHEMA.find((s) => s.keyPrefix === prefix);
}
