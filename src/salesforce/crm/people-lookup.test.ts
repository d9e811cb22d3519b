import { describe, expect, it } from 'vitest';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { CompositeSubresponse } from '../salesforce-api';
import { SalesforceFailureError } from '../failure-kinds';
import { accountsQuery, buildPeopleLookup, contactAccountsQuery, contactsQuery, leadsQuery, parsePeopleLookup } from './people-lookup';

const apiPath = '/services/data/v62.0';

describe('queries', () => {
  it('are valid SOQL even with hostile addresses', () => {
    const hostile = ["o'brien@acme.example", "x\\'@y.example"];
    for (const soql of [contactsQuery(hostile), leadsQuery(hostile), contactAccountsQuery(hostile), accountsQuery(["o'hara.example", '100%_x.example'])]) {
      expect(() => parseQuery(soql)).not.toThrow();
    }
    const where = parseQuery(contactsQuery(hostile)).where;
    expect(where?.left).toMatchObject({ field: 'Email', operator: 'IN' });
    expect((where as Record<string, unknown> | undefined)?.right).toBeUndefined();
  });

  it('ask for what the cards show', () => {
    expect(contactsQuery(['a@b.example'])).toMatch(/^SELECT Id, Name, Title, Phone, Email, AccountId, Account\.Name, Owner\.Name, LastModifiedDate FROM Contact /);
    expect(leadsQuery(['a@b.example'])).toMatch(/^SELECT Id, Name, Title, Phone, Email, Company, Status, Owner\.Name, LastModifiedDate FROM Lead /);
    expect(accountsQuery(['acme.example'])).toContain('(SELECT Id, Name, StageName, Amount, CloseDate, NextStep, LastModifiedDate FROM Opportunities WHERE IsClosed = false');
  });
});

describe('buildPeopleLookup', () => {
  it('puts contacts, leads, accounts and the saved check in one composite', () => {
    const sub = buildPeopleLookup(apiPath, {
      addresses: ['jane.doe@acme.example'],
      domains: ['acme.example'],
      savedEmail: { subject: 'Hi', internetMessageId: '<1@x>' },
    });
    expect(sub.map((s) => s.referenceId)).toEqual(['contacts', 'leads', 'contactAccounts', 'accounts', 'saved']);
    for (const s of sub) {
      expect(s.method).toBe('GET');
      expect(s.url.startsWith(`${apiPath}/query?q=`)).toBe(true);
    }
  });

  it('asks nothing when nothing is missing', () => {
    expect(buildPeopleLookup(apiPath, { addresses: [], domains: [] })).toEqual([]);
  });
});

describe('parsePeopleLookup', () => {
  const ok = (referenceId: string, records: unknown[]): CompositeSubresponse => ({
    referenceId,
    httpStatusCode: 200,
    body: { totalSize: records.length, done: true, records },
  });

  it('maps records to addresses and accounts to domains', () => {
    const request = { addresses: ['jane.doe@acme.example', 'tom@initech.example', 'nobody@acme.example'], domains: ['acme.example'] };
    const result = parsePeopleLookup(request, [
      ok('contacts', [
        {
          Id: '0035e000000Jane01A',
          Name: '<img src=x onerror=alert(1)>',
          Email: 'Jane.Doe@acme.example',
          Title: 'CTO',
          Phone: '555',
          AccountId: '0015e000000Acme01A',
          Account: { Name: 'Acme Corporation' },
          Owner: { Name: 'Sam Seller' },
        },
        { Id: 'not-an-id', Email: 'nobody@acme.example' },
      ]),
      ok('leads', [{ Id: '00Q5e000000Tom001A', Name: 'Tom', Email: 'tom@initech.example', Company: 'Initech', Status: 'Open', Owner: null }]),
      ok('contactAccounts', [{ Id: '0015e000000Acme01A', Name: 'Acme Corporation', Website: null, Opportunities: null }]),
      ok('accounts', [
        {
          Id: '0015e000000Acme01A',
          Name: 'Acme Corporation',
          Website: 'https://www.acme.example',
          Opportunities: { records: [{ Id: '0065e000000Opp001A', Name: 'Renewal', StageName: 'Proposal', Amount: 12000, CloseDate: '2025-06-30' }] },
        },
        { Id: '0015e000000NotA01A', Name: 'Not Acme', Website: 'https://notacme.example', Opportunities: null },
      ]),
    ]);
    expect(result.byAddress.get('jane.doe@acme.example')?.contacts[0]).toMatchObject({
      name: '<img src=x onerror=alert(1)>',
      accountName: 'Acme Corporation',
      ownerName: 'Sam Seller',
      email: 'jane.doe@acme.example',
    });
    expect(result.byAddress.get('nobody@acme.example')).toEqual({ address: 'nobody@acme.example', contacts: [], leads: [] });
    expect(result.byAddress.get('tom@initech.example')?.leads[0]).toMatchObject({ company: 'Initech', ownerName: null });
    expect(result.accountsByDomain.get('acme.example')?.map((a) => a.name)).toEqual(['Acme Corporation']);
    expect([...result.contactAccounts.keys()]).toEqual(['0015e000000Acme01A']);
    expect(result.accountsByDomain.get('acme.example')?.[0]?.openOpportunities[0]).toMatchObject({ amount: 12000, stageName: 'Proposal' });
  });

  it('a refused subrequest rejects with a classified failure', () => {
    const request = { addresses: ['a@b.example'], domains: [] };
    const run = () =>
      parsePeopleLookup(request, [
        { referenceId: 'contacts', httpStatusCode: 400, body: [{ errorCode: 'INVALID_FIELD', message: 'No such column' }] },
        ok('leads', []),
        ok('contactAccounts', []),
      ]);
    expect(run).toThrow(SalesforceFailureError);
    try {
      run();
    } catch (e) {
      expect((e as SalesforceFailureError).failure.kind).toBe('validation');
    }
  });
});
