/**
 * Record types on writes in the emulated org, through the product's connection (real jsforce): a create gets the
 * seller's default record type, a record type the seller's profile may not use is refused with Salesforce's error, and
 * a stage the record's record type does not allow is refused as a bad restricted picklist value. Records without a
 * record type (the seed) keep every stage.
 */
import { describe, expect, it } from 'vitest';
import { SalesforceFailureError } from '../../src/salesforce/failure-kinds';
import { createMetadataSource } from '../../src/salesforce/metadata/metadata-source';
import { defaultRecordType } from '../../src/salesforce/metadata/sobject-metadata';
import { MASTER_RECORD_TYPE_ID, OPPORTUNITY_RECORD_TYPES } from '../emulator/record-types';
import { DEMO_ACCOUNTS, DEMO_OPPORTUNITIES, DEMO_USERS } from '../emulator/seed';
import { useEmulatedOrg, useSellerConnection } from './emulated-org-fixture';

const org = useEmulatedOrg();
const api = useSellerConnection(org);

const opportunity = (extra: Record<string, unknown> = {}) => ({ Name: 'Typed', StageName: 'Qualification', CloseDate: '2026-09-30', AccountId: DEMO_ACCOUNTS.acme.Id, ...extra });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: unknown) => (err instanceof SalesforceFailureError ? err.failure : err),
  );
const stored = (id: string) => org.controls.records('Opportunity').find((r) => r.Id === id);

describe('record types on create and update', () => {
  it('a create without RecordTypeId gets the seller default; one naming an available type keeps it', async () => {
    const plain = await api.create('Opportunity', opportunity());
    expect(stored(plain.id)?.RecordTypeId).toBe(OPPORTUNITY_RECORD_TYPES.newBusiness.id);
    const renewal = await api.create('Opportunity', opportunity({ RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id }));
    expect(stored(renewal.id)?.RecordTypeId).toBe(OPPORTUNITY_RECORD_TYPES.renewal.id);
  });

  it("refuses a record type the seller's profile may not use, Master and unknown ids with INVALID_CROSS_REFERENCE_KEY", async () => {
    org.controls.setPolicy({ recordTypeAccess: [{ username: DEMO_USERS.seller.username, sobject: 'Opportunity', recordTypes: ['Renewal'] }] });
    const described = await createMetadataSource(api).describe('Opportunity');
    expect(defaultRecordType(described)?.name).toBe('Renewal');
    expect(described.recordTypes.find((rt) => rt.name === 'New Business')?.available).toBe(false);
    for (const id of [OPPORTUNITY_RECORD_TYPES.newBusiness.id, MASTER_RECORD_TYPE_ID, '012000000000099AAA']) {
      const failure = await refusal(api.create('Opportunity', opportunity({ RecordTypeId: id })));
      expect(failure).toMatchObject({ code: 'INVALID_CROSS_REFERENCE_KEY', fields: ['RecordTypeId'] });
    }
    const plain = await api.create('Opportunity', opportunity());
    expect(stored(plain.id)?.RecordTypeId).toBe(OPPORTUNITY_RECORD_TYPES.renewal.id);
    const failure = await refusal(api.update('Opportunity', plain.id, { RecordTypeId: OPPORTUNITY_RECORD_TYPES.newBusiness.id }));
    expect(failure).toMatchObject({ code: 'INVALID_CROSS_REFERENCE_KEY' });
  });

  it("refuses a stage the record's record type does not allow, on create, update and a change of record type", async () => {
    const created = await refusal(api.create('Opportunity', opportunity({ RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id, StageName: 'Prospecting' })));
    expect(created).toMatchObject({ kind: 'validation', code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: ['StageName'] });
    const renewal = await api.create('Opportunity', opportunity({ RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id }));
    expect(await refusal(api.update('Opportunity', renewal.id, { StageName: 'Needs Analysis' }))).toMatchObject({ code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    await api.update('Opportunity', renewal.id, { StageName: 'Value Proposition' });
    expect(stored(renewal.id)?.StageName).toBe('Value Proposition');
    const early = await api.create('Opportunity', opportunity({ StageName: 'Prospecting' }));
    expect(await refusal(api.update('Opportunity', early.id, { RecordTypeId: OPPORTUNITY_RECORD_TYPES.renewal.id }))).toMatchObject({ code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
  });

  it('seeded records without a record type keep every stage and read RecordTypeId as null', async () => {
    const seeded = DEMO_OPPORTUNITIES.acmeWidgets.Id;
    await api.update('Opportunity', seeded, { StageName: 'Needs Analysis' });
    const result = await api.query<{ RecordTypeId: string | null; StageName: string }>(`SELECT RecordTypeId, StageName FROM Opportunity WHERE Id = '${seeded}'`);
    expect(result.records[0]).toMatchObject({ RecordTypeId: null, StageName: 'Needs Analysis' });
  });
});
