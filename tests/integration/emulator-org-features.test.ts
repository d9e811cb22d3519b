/**
 * The emulated org's multi-currency setting, its custom object and custom email field, and field-level security on
 * writes, through the product's connection (real jsforce).
 */
import { describe, expect, it } from 'vitest';
import { createMetadataSource } from '../../src/salesforce/metadata/metadata-source';
import { findFieldMetadata, isMultiCurrency } from '../../src/salesforce/metadata/sobject-metadata';
import { DEMO_CONTACTS, DEMO_OPPORTUNITIES, DEMO_USERS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

describe('multi-currency', () => {
  it('off (the default): CurrencyIsoCode is no such column, and describe has none', async () => {
    await expect(api.query('SELECT Id, CurrencyIsoCode FROM Opportunity')).rejects.toMatchObject({ failure: { kind: 'validation', code: 'INVALID_FIELD' } });
    expect(isMultiCurrency(await createMetadataSource(api).describe('Opportunity'))).toBe(false);
  });

  it('on: every record carries its currency, the corporate one (USD) unless set', async () => {
    org.controls.setPolicy({ multiCurrency: true });
    const meta = await createMetadataSource(api).describe('Opportunity');
    expect(isMultiCurrency(meta)).toBe(true);
    expect(findFieldMetadata(meta, 'CurrencyIsoCode')).toMatchObject({ type: 'picklist', label: 'Opportunity Currency' });
    const result = await api.query<{ Id: string; CurrencyIsoCode: string }>('SELECT Id, CurrencyIsoCode FROM Opportunity ORDER BY Name');
    const byId = new Map(result.records.map((r) => [r.Id, r.CurrencyIsoCode]));
    expect(byId.get(DEMO_OPPORTUNITIES.acmeRenewal.Id)).toBe('EUR');
    expect(byId.get(DEMO_OPPORTUNITIES.acmeWidgets.Id)).toBe('USD');
  });
});

describe('custom object and custom email field', () => {
  it('Project__c is described, created and queried like a standard object', async () => {
    const meta = await createMetadataSource(api).describe('Project__c');
    expect(meta).toMatchObject({ name: 'Project__c', label: 'Project', custom: true, keyPrefix: 'a01' });
    expect(findFieldMetadata(meta, 'Name')).toMatchObject({ required: true, label: 'Project Name' });
    const { id } = await api.create('Project__c', { Name: 'Rollout', Status__c: 'Planned', Account__c: DEMO_CONTACTS.jane.AccountId });
    const found = await api.query<{ Id: string; Account__r: { Name: string } }>(`SELECT Id, Name, Account__r.Name FROM Project__c WHERE Id = '${id}'`);
    expect(found.records[0]?.Account__r.Name).toBe('Acme Corporation');
  });

  it('Personal_Email__c on Contact and Lead is a custom email field SOQL can match on', async () => {
    const meta = await createMetadataSource(api).describe('Contact');
    expect(findFieldMetadata(meta, 'Personal_Email__c')).toMatchObject({ type: 'email', custom: true, label: 'Personal Email' });
    const found = await api.query<{ Id: string }>("SELECT Id FROM Contact WHERE Personal_Email__c IN ('priya.raman@home.example')");
    expect(found.records.map((r) => r.Id)).toEqual([DEMO_CONTACTS.priya.Id]);
  });
});

describe('field-level security on writes', () => {
  it('a read-only field is refused with INVALID_FIELD_FOR_INSERT_UPDATE, a hidden one as no such column', async () => {
    org.controls.setPolicy({
      fieldPermissions: [
        { username: DEMO_USERS.seller.username, field: 'Contact.Title', access: 'read' },
        { username: DEMO_USERS.seller.username, field: 'Contact.Phone', access: 'none' },
      ],
    });
    await expect(api.update('Contact', DEMO_CONTACTS.jane.Id, { Title: 'CEO' })).rejects.toMatchObject({ failure: { code: 'INVALID_FIELD_FOR_INSERT_UPDATE' } });
    await expect(api.update('Contact', DEMO_CONTACTS.jane.Id, { Phone: '+1 415 555 0199' })).rejects.toMatchObject({ failure: { code: 'INVALID_FIELD' } });
    await expect(api.update('Contact', DEMO_CONTACTS.jane.Id, { Department: 'Procurement' })).resolves.toBeUndefined();
    const jane = await api.retrieve<Record<string, unknown>>('Contact', DEMO_CONTACTS.jane.Id);
    expect(jane).not.toHaveProperty('Phone');
    expect(jane.Department).toBe('Procurement');
  });
});
