/**
 * Enhanced Email in the emulated org, through real jsforce: EmailMessage and EmailMessageRelation exist only with the
 * org setting on, and refuse what Salesforce refuses (restricted Status and RelationType, lengths, required fields,
 * no update after send).
 */
import { describe, expect, it } from 'vitest';
import { caught, useEmulatedOrg, useJsforceSeller } from './emulated-org-fixture';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_LEADS, DEMO_USERS } from '../emulator/seed';

const org = useEmulatedOrg();
const seller = useJsforceSeller(org);

const sent = {
  Subject: 'Quote',
  FromAddress: 'jane.doe@acme.example',
  FromName: 'Jane Doe',
  ToAddress: 'seller@demo.example',
  Status: '3',
  Incoming: true,
  MessageIdentifier: '<quote-1@acme.example>',
  RelatedToId: DEMO_ACCOUNTS.acme.Id,
};

describe('Enhanced Email', () => {
  it('creates an EmailMessage with relations, queried by MessageIdentifier with its relations and creator', async () => {
    const email = await seller.sobject('EmailMessage').create(sent);
    expect(email.id).toMatch(/^02s/);
    await seller.sobject('EmailMessageRelation').create({ EmailMessageId: email.id, RelationId: DEMO_CONTACTS.jane.Id, RelationType: 'FromAddress' });
    await seller.sobject('EmailMessageRelation').create({ EmailMessageId: email.id, RelationId: DEMO_USERS.seller.id, RelationType: 'ToAddress' });
    const found = await seller.query<Record<string, unknown>>(
      "SELECT Id, CreatedDate, CreatedBy.Name, RelatedToId, (SELECT RelationId, RelationAddress, RelationObjectType, RelationType FROM EmailMessageRelations) FROM EmailMessage WHERE MessageIdentifier = '<quote-1@acme.example>'",
    );
    expect(found.totalSize).toBe(1);
    const row = found.records[0] as Record<string, unknown> & { EmailMessageRelations: { records: Array<Record<string, unknown>> } };
    expect(row.CreatedBy).toMatchObject({ Name: 'Sam Seller' });
    expect(row.RelatedToId).toBe(DEMO_ACCOUNTS.acme.Id);
    expect(row.EmailMessageRelations.records.map((r) => [r.RelationType, r.RelationObjectType, r.RelationAddress])).toEqual([
      ['FromAddress', 'Contact', 'jane.doe@acme.example'],
      ['ToAddress', 'User', 'seller@demo.example'],
    ]);
  });

  it('refuses a Status or RelationType outside the restricted picklist, and a missing Status', async () => {
    const status = await caught(seller.sobject('EmailMessage').create({ ...sent, Status: 'Sent' }));
    expect(status.name).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    const missing = await caught(seller.sobject('EmailMessage').create({ ...sent, Status: undefined }));
    expect(missing.name).toBe('REQUIRED_FIELD_MISSING');
    const email = await seller.sobject('EmailMessage').create(sent);
    const type = await caught(seller.sobject('EmailMessageRelation').create({ EmailMessageId: email.id, RelationId: DEMO_LEADS.tom.Id, RelationType: 'To' }));
    expect(type.name).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    const noEmail = await caught(seller.sobject('EmailMessageRelation').create({ RelationId: DEMO_LEADS.tom.Id, RelationType: 'ToAddress' }));
    expect(noEmail.name).toBe('REQUIRED_FIELD_MISSING');
    const account = await caught(seller.sobject('EmailMessageRelation').create({ EmailMessageId: email.id, RelationId: DEMO_ACCOUNTS.acme.Id, RelationType: 'ToAddress' }));
    expect(account.name).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('refuses bodies, subjects, address lists and message ids over their lengths', async () => {
    const cases: Array<[string, number]> = [
      ['HtmlBody', 131072],
      ['TextBody', 32000],
      ['Subject', 3000],
      ['ToAddress', 4000],
      ['CcAddress', 4000],
      ['MessageIdentifier', 255],
    ];
    for (const [field, max] of cases) {
      expect((await seller.sobject('EmailMessage').create({ ...sent, [field]: 'x'.repeat(max) })).success).toBe(true);
      const err = await caught(seller.sobject('EmailMessage').create({ ...sent, [field]: 'x'.repeat(max + 1) }));
      expect(err.name, field).toBe('STRING_TOO_LONG');
      expect((err.data as { fields: string[] }).fields).toEqual([field]);
    }
  });

  it('takes no update of a sent email, but does of a draft', async () => {
    const email = await seller.sobject('EmailMessage').create(sent);
    const err = await caught(seller.sobject('EmailMessage').update({ Id: email.id ?? '', Subject: 'Changed' }));
    expect(err.name).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const draft = await seller.sobject('EmailMessage').create({ ...sent, Status: '5' });
    expect((await seller.sobject('EmailMessage').update({ Id: draft.id ?? '', Subject: 'Changed' })).success).toBe(true);
  });

  it('with Enhanced Email off, neither object is in the org', async () => {
    org.controls.setPolicy({ enhancedEmail: false });
    const query = await caught(seller.query("SELECT Id FROM EmailMessage WHERE MessageIdentifier = '<x@y>'"));
    expect(query.name).toBe('INVALID_TYPE');
    const relations = await caught(seller.query('SELECT Id FROM EmailMessageRelation'));
    expect(relations.name).toBe('INVALID_TYPE');
    const create = await caught(seller.sobject('EmailMessageRelation').create({ RelationType: 'ToAddress' }));
    expect(create.name).toBe('NOT_FOUND');
  });
});
