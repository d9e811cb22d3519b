/**
 * sObject metadata through the product's connection (real jsforce) against the emulated org: describe in
 * Salesforce's format, cached with its date and asked again conditionally (304, no body), and field-level security
 * per user (a hidden field is absent from describe and refused by SOQL as no such column).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryMetadataCache } from '../../src/salesforce/metadata/metadata-cache';
import { createMetadataSource } from '../../src/salesforce/metadata/metadata-source';
import { findFieldMetadata, readableFields } from '../../src/salesforce/metadata/sobject-metadata';
import { SalesforceFailureError } from '../../src/salesforce/failure-kinds';
import { DEMO_USERS } from '../emulator/seed';
import { OPPORTUNITY_RECORD_TYPES } from '../emulator/record-types';
import { connectionFor, signIn } from './connection-fixture';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

const restCalls = (): number => org.controls.log().filter((entry) => entry.area === 'rest').length;

describe('sObject describe through the metadata source', () => {
  it('reads fields, labels, required flags, picklists and record types in Salesforce format', async () => {
    const metadata = createMetadataSource(api);
    const described = await metadata.describeMany(['Contact', 'Opportunity']);
    const contact = described.get('Contact');
    const lastName = contact && findFieldMetadata(contact, 'lastname');
    expect(lastName).toMatchObject({ name: 'LastName', label: 'Last Name', type: 'string', required: true, createable: true, updateable: true, length: 80 });
    expect(contact && findFieldMetadata(contact, 'OwnerId')).toMatchObject({ required: false, defaultedOnCreate: true, referenceTo: ['User'] });
    expect(contact && findFieldMetadata(contact, 'Name')).toMatchObject({ createable: false, updateable: false });
    const opportunity = described.get('Opportunity');
    expect(opportunity && findFieldMetadata(opportunity, 'StageName')?.picklistValues.map((v) => v.value)).toContain('Closed Won');
    expect(opportunity?.recordTypes.map((rt) => [rt.name, rt.available, rt.master])).toEqual([
      ['New Business', true, false],
      ['Renewal', true, false],
      ['Master', false, true],
    ]);
    expect(opportunity?.recordTypes[1]?.recordTypeId).toBe(OPPORTUNITY_RECORD_TYPES.renewal.id);
  });

  it('costs one request for several objects, and a later session asks conditionally and gets 304 without a body', async () => {
    const cache = createMemoryMetadataCache();
    const before = restCalls();
    const first = await createMetadataSource(api, { cache }).describeMany(['Contact', 'Lead', 'Account']);
    expect(restCalls() - before).toBe(1);
    const requests: unknown[] = [];
    const statuses: number[] = [];
    const watched = {
      identity: () => api.identity(),
      apiPath: api.apiPath,
      composite: async (...args: Parameters<typeof api.composite>) => {
        requests.push(args[0]);
        const answers = await api.composite(...args);
        statuses.push(...answers.map((a) => a.httpStatusCode));
        return answers;
      },
    };
    const again = await createMetadataSource(watched, { cache }).describeMany(['Contact', 'Lead', 'Account']);
    expect(restCalls() - before).toBe(2);
    expect(JSON.stringify(requests)).toContain('If-Modified-Since');
    expect(statuses).toEqual([304, 304, 304]);
    expect(again.get('Lead')).toEqual(first.get('Lead'));
  });

  it('a describe confirmed lately in this pane costs nothing', async () => {
    const metadata = createMetadataSource(api);
    await metadata.describe('Contact');
    const before = restCalls();
    await metadata.describe('Contact');
    expect(restCalls()).toBe(before);
  });

  it('a field-level security change in Setup is seen at the next conditional describe', async () => {
    const cache = createMemoryMetadataCache();
    const first = await createMetadataSource(api, { cache }).describe('Contact');
    expect(findFieldMetadata(first, 'Phone')).toBeDefined();
    org.controls.setPolicy({ fieldPermissions: [{ username: DEMO_USERS.seller.username, field: 'Contact.Phone', access: 'none' }] });
    const next = await createMetadataSource(api, { cache }).describe('Contact');
    expect(findFieldMetadata(next, 'Phone')).toBeUndefined();
    expect(readableFields(next, ['Id', 'Phone', 'title'])).toEqual(['Id', 'Title']);
  });
});

describe('picklist values per record type', () => {
  it('a renewal offers only its own stages, new business every stage, in one request for all record types', async () => {
    const metadata = createMetadataSource(api);
    const before = restCalls();
    const renewal = await metadata.picklistValues('Opportunity', OPPORTUNITY_RECORD_TYPES.renewal.id);
    const newBusiness = await metadata.picklistValues('Opportunity', OPPORTUNITY_RECORD_TYPES.newBusiness.id);
    expect(restCalls() - before).toBe(1);
    expect(renewal.fields.StageName?.values.map((v) => v.value)).toEqual(['Qualification', 'Value Proposition', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost']);
    expect(newBusiness.fields.StageName?.values.map((v) => v.value)).toContain('Prospecting');
    await expect(metadata.picklistValues('Opportunity', '0125e000000ZZZZAAA')).rejects.toMatchObject({ failure: { kind: 'not_found' } });
  });
});

describe('field-level security per user', () => {
  it('the second seller does not see a field hidden from them; SOQL naming it fails as no such column', async () => {
    org.controls.setPolicy({ fieldPermissions: [{ username: DEMO_USERS.second.username, field: 'Contact.Phone', access: 'none' }] });
    const { tokens, identity } = await signIn(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
    const second = connectionFor(org.url);
    await second.start(tokens, identity);
    const contact = await createMetadataSource(second).describe('Contact');
    expect(findFieldMetadata(contact, 'Phone')).toBeUndefined();
    expect(findFieldMetadata(contact, 'Title')).toBeDefined();
    const refusal = await second.query('SELECT Id, Phone FROM Contact').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(SalesforceFailureError);
    expect((refusal as SalesforceFailureError).failure).toMatchObject({ kind: 'validation', code: 'INVALID_FIELD' });
    // The seller still reads it.
    const sellerContact = await createMetadataSource(api).describe('Contact');
    expect(findFieldMetadata(sellerContact, 'Phone')).toBeDefined();
    await expect(api.query('SELECT Id, Phone FROM Contact LIMIT 1')).resolves.toMatchObject({ done: true });
  });

  it('a read-only field is neither createable nor updateable for that user', async () => {
    org.controls.setPolicy({ fieldPermissions: [{ username: DEMO_USERS.seller.username, field: 'Contact.Title', access: 'read' }] });
    const contact = await createMetadataSource(api).describe('Contact');
    expect(findFieldMetadata(contact, 'Title')).toMatchObject({ createable: false, updateable: false });
  });
});
