/**
 * The edit form's picklists for one record's record type, through the product's metadata source against the emulated
 * org: the record's RecordTypeId and the record type picklists in one request, the record read alone once the
 * picklists are known, and nothing at all where the seller may not read RecordTypeId (never requested then).
 */
import { describe, expect, it } from 'vitest';
import { createMetadataSource } from '../../src/salesforce/metadata/metadata-source';
import { OPPORTUNITY_RECORD_TYPES } from '../emulator/record-types';
import { DEMO_ACCOUNTS, DEMO_OPPORTUNITIES, DEMO_USERS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

const restCalls = (): number => org.controls.log().filter((entry) => entry.area === 'rest').length;
const renewal = () =>
  api.create('Opportunity', { Name: 'Renewal', StageName: 'Qualification', CloseDate: '2026-09-30', AccountId: DEMO_ACCOUNTS.acme.Id, RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id });

describe('picklists for a record', () => {
  it("reads the record's record type and its picklists in one request, then only the record", async () => {
    const { id } = await renewal();
    const newBusiness = await api.create('Opportunity', { Name: 'New', StageName: 'Prospecting', CloseDate: '2026-09-30', AccountId: DEMO_ACCOUNTS.acme.Id });
    const metadata = createMetadataSource(api);
    await metadata.describe('Opportunity');
    const before = restCalls();
    const picklists = await metadata.picklistsForRecord('Opportunity', id);
    expect(restCalls() - before).toBe(1);
    expect(picklists?.recordTypeId).toBe(OPPORTUNITY_RECORD_TYPES.renewal.id);
    expect(picklists?.fields.StageName?.values.map((v) => v.value)).not.toContain('Prospecting');
    const again = await metadata.picklistsForRecord('Opportunity', newBusiness.id);
    expect(restCalls() - before).toBe(2);
    expect(again?.fields.StageName?.values.map((v) => v.value)).toContain('Prospecting');
  });

  it('a record without a record type gets the object values (undefined)', async () => {
    await expect(createMetadataSource(api).picklistsForRecord('Opportunity', DEMO_OPPORTUNITIES.acmeWidgets.Id)).resolves.toBeUndefined();
  });

  it('never asks for RecordTypeId when field-level security hides it, nor for an object without record types', async () => {
    const { id } = await renewal();
    org.controls.setPolicy({ fieldPermissions: [{ username: DEMO_USERS.seller.username, field: 'Opportunity.RecordTypeId', access: 'none' }] });
    const metadata = createMetadataSource(api);
    await metadata.describeMany(['Opportunity', 'Contact']);
    org.controls.clearLog();
    await expect(metadata.picklistsForRecord('Opportunity', id)).resolves.toBeUndefined();
    await expect(metadata.picklistsForRecord('Contact', id)).resolves.toBeUndefined();
    expect(org.controls.log().filter((entry) => entry.area === 'rest')).toHaveLength(0);
  });
});
