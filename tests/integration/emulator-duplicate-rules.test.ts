/**
 * The emulated org's duplicate rules through real jsforce over loopback HTTP: a Block rule no header gets past, Alert
 * rules that `Sforce-Duplicate-Rule-Header: allowSave=true` lets through, Salesforce's `duplicateResult` with its
 * matching records (only ids unless `includeRecordDetails=true`), and the create rules of Lead, Account, Opportunity
 * and Case.
 */
import { describe, expect, it } from 'vitest';
import { caught, useEmulatedOrg, useJsforceSeller } from './emulated-org-fixture';
import { DEMO_ACCOUNTS, DEMO_LEADS } from '../emulator/seed';

const org = useEmulatedOrg();
const seller = useJsforceSeller(org);

interface DuplicateError {
  errorCode: string;
  message: string;
  duplicateResult: {
    allowSave: boolean;
    duplicateRule: string;
    duplicateRuleEntityType: string;
    errorMessage: string;
    matchResults: Array<{ entityType: string; rule: string; size: number; success: boolean; matchRecords: Array<{ matchConfidence: number; record: Record<string, unknown> }> }>;
  };
}

const header = (value: string) => ({ headers: { 'Sforce-Duplicate-Rule-Header': value } });

describe('duplicate rules', () => {
  it('a Block rule refuses a lead with an existing lead address, even with allowSave=true', async () => {
    for (const options of [{}, header('allowSave=true')]) {
      const err = await caught(seller.sobject('Lead').create({ LastName: 'Other', Company: 'Elsewhere', Email: 'Tom.Nguyen@initech.example' }, options));
      expect(err.name).toBe('DUPLICATES_DETECTED');
      const data = err.data as DuplicateError;
      expect(data.message).toBe("You're creating a duplicate record. We recommend you use an existing record instead.");
      expect(data.duplicateResult).toMatchObject({ allowSave: false, duplicateRule: 'Block_Duplicate_Lead_Email', duplicateRuleEntityType: 'Lead' });
      const [match] = data.duplicateResult.matchResults;
      expect(match).toMatchObject({ entityType: 'Lead', rule: 'Lead_Email_Exact_Match', size: 1, success: true });
      // Without includeRecordDetails only the id (and attributes) comes back.
      expect(match?.matchRecords[0]?.record).toEqual({ attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${DEMO_LEADS.tom.Id}` }, Id: DEMO_LEADS.tom.Id });
    }
    expect((await seller.query("SELECT Id FROM Lead WHERE LastName = 'Other'")).totalSize).toBe(0);
  });

  it('an Alert rule refuses a lead with the same last name and company until allowSave=true', async () => {
    const lead = { LastName: 'nguyen', Company: 'INITECH', Email: 'tn@initech.example' };
    const err = await caught(seller.sobject('Lead').create(lead, header('allowSave=false; includeRecordDetails=true')));
    const data = err.data as DuplicateError;
    expect(data.errorCode).toBe('DUPLICATES_DETECTED');
    expect(data.duplicateResult).toMatchObject({ allowSave: true, duplicateRule: 'Standard_Lead_Duplicate_Rule', errorMessage: 'Use one of these records?' });
    // includeRecordDetails: the matched record's fields come too.
    expect(data.duplicateResult.matchResults[0]?.matchRecords[0]?.record).toMatchObject({ Id: DEMO_LEADS.tom.Id, Name: 'Tom Nguyen', Company: 'Initech' });

    const saved = await seller.sobject('Lead').create(lead, header('allowSave=true; includeRecordDetails=false; runAsCurrentUser=true'));
    expect(saved.success).toBe(true);
  });

  it('an Alert rule on Account matches the name whatever its case and spaces', async () => {
    const err = await caught(seller.sobject('Account').create({ Name: '  acme corporation ' }));
    const data = err.data as DuplicateError;
    expect(data.duplicateResult).toMatchObject({ allowSave: true, duplicateRule: 'Standard_Account_Duplicate_Rule', duplicateRuleEntityType: 'Account' });
    expect(data.duplicateResult.matchResults[0]?.matchRecords.map((m) => m.record.Id)).toEqual([DEMO_ACCOUNTS.acme.Id]);
    expect((await seller.sobject('Account').create({ Name: 'Acme Corporation' }, header('allowSave=true'))).success).toBe(true);
  });

  it('a blank field never matches', async () => {
    const first = await seller.sobject('Lead').create({ LastName: 'Blank', Company: 'Nowhere' });
    expect(first.success).toBe(true);
    // Same last name and company: the Alert rule; no address on either, so the Block rule stays out of it.
    const err = await caught(seller.sobject('Lead').create({ LastName: 'Blank', Company: 'Nowhere' }));
    expect((err.data as DuplicateError).duplicateResult.duplicateRule).toBe('Standard_Lead_Duplicate_Rule');
  });
});

describe('create rules of the other objects', () => {
  it('Opportunity needs Name, StageName and CloseDate; Case gets Status New and a case number', async () => {
    const opp = await caught(seller.sobject('Opportunity').create({ AccountId: DEMO_ACCOUNTS.globex.Id }));
    expect((opp.data as { fields: string[] }).fields).toEqual(['Name', 'StageName', 'CloseDate']);
    const made = await seller.sobject('Opportunity').create({ Name: 'Globex - Expansion', StageName: 'Prospecting', CloseDate: '2026-09-30', AccountId: DEMO_ACCOUNTS.globex.Id });
    expect(made.success).toBe(true);

    const created = await seller.sobject('Case').create({ Subject: 'Broken widget', SuppliedEmail: 'priya@globex.example', AccountId: DEMO_ACCOUNTS.globex.Id });
    const id = (created as { id: string }).id;
    expect(id.startsWith('500')).toBe(true);
    const record = (await seller.sobject('Case').retrieve(id)) as unknown as Record<string, unknown>;
    expect(record).toMatchObject({ Status: 'New', IsClosed: false, Subject: 'Broken widget' });
    expect(record.CaseNumber).toMatch(/^\d{8}$/);
    const bad = await caught(seller.sobject('Case').create({ Subject: 'x', Status: 'Open' }));
    expect(bad.name).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });
});
