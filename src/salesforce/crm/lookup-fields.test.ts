import { describe, expect, it } from 'vitest';
import { parseCrmConfig } from '../../config/crm-config';
import { parseDescribe, type SObjectMetadata } from '../metadata/sobject-metadata';
import { configuredLookupFields, DEFAULT_LOOKUP_FIELDS, lookupFieldsFrom, relabelled } from './lookup-fields';
import { contactsQuery, leadsQuery } from './people-lookup';

const describeOf = (name: string, fields: Array<[string, string?]>): SObjectMetadata =>
  parseDescribe({ name, fields: fields.map(([f, label]) => ({ name: f, label: label ?? f, type: 'string', createable: true, nillable: true })) })!;

const all = (contactFields: Array<[string, string?]>) =>
  new Map([
    ['Contact', describeOf('Contact', contactFields)],
    ['Lead', describeOf('Lead', [['Id'], ['Name'], ['Email'], ['Title'], ['Company'], ['Phone'], ['Status'], ['OwnerId'], ['Personal_Email__c']])],
    ['Account', describeOf('Account', [['Id'], ['Name'], ['Website']])],
    ['Opportunity', describeOf('Opportunity', [['Id'], ['Name'], ['StageName'], ['Amount'], ['CloseDate']])],
  ]);

describe('lookup fields', () => {
  it('reproduce the default cards when the seller reads everything and nothing is configured', () => {
    const fields = lookupFieldsFrom(all([['Id'], ['Name'], ['Title'], ['Phone'], ['Email'], ['AccountId'], ['OwnerId']]));
    expect(contactsQuery(['a@b.example'], fields)).toBe(contactsQuery(['a@b.example'], DEFAULT_LOOKUP_FIELDS));
    expect(fields.opportunity).toEqual(DEFAULT_LOOKUP_FIELDS.opportunity);
  });

  it('leave out what the seller cannot read, and label the admin fields from metadata', () => {
    const crm = parseCrmConfig({ objects: { Contact: { cardFields: ['Title', 'Phone', 'Department', 'Secret__c'] } }, matchEmailFields: { Lead: ['Personal_Email__c'] } });
    const fields = lookupFieldsFrom(all([['Id'], ['Name'], ['Title'], ['Email'], ['AccountId'], ['Department', 'Dept.']]), crm);
    expect(fields.contact).toEqual(['Title', 'Department', 'Email', 'AccountId', 'Account.Name']);
    expect(fields.contactCard).toEqual([{ name: 'Department', label: 'Dept.', type: 'string' }]);
    expect(leadsQuery(['a@b.example'], fields)).toContain("WHERE (Email IN ('a@b.example') OR Personal_Email__c IN ('a@b.example')) AND IsConverted = false");
  });

  it('before metadata: the configured fields; relabelled once it arrives, without those it says are hidden', () => {
    const crm = parseCrmConfig({ objects: { Contact: { cardFields: ['Department', 'Secret__c'] } } });
    const sent = configuredLookupFields(crm);
    expect(sent.contactCard.map((c) => c.label)).toEqual(['Department', 'Secret__c']);
    const known = lookupFieldsFrom(all([['Id'], ['Name'], ['Email'], ['Department', 'Dept.']]), crm);
    expect(relabelled(sent, known).contactCard).toEqual([{ name: 'Department', label: 'Dept.', type: 'string' }]);
  });
});
