/**
 * The emulated org's SOSL search (`/search`), recently viewed records (`/recent`), Case and lead conversion, through
 * real jsforce over loopback HTTP, in Salesforce's answer and error formats.
 */
import { Connection } from 'jsforce';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulatedOrg } from './emulated-org-fixture';
import { DEMO_ACCOUNTS, DEMO_CASES, DEMO_CONTACTS, DEMO_LEADS, DEMO_OPPORTUNITIES, DEMO_SHARED_ADDRESS, DEMO_SHARED_CONTACTS, DEMO_USERS } from '../emulator/seed';
import { signInByHttp } from '../emulator/sign-in';

const org = useEmulatedOrg();
let seller: Connection;
let second: Connection;

beforeEach(async () => {
  const a = await signInByHttp(org.url);
  const b = await signInByHttp(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
  seller = new Connection({ instanceUrl: a.instance_url, accessToken: a.access_token, version: '62.0' });
  second = new Connection({ instanceUrl: b.instance_url, accessToken: b.access_token, version: '62.0' });
});

type JsforceError = Error & { errorCode?: string };

async function caught(promise: PromiseLike<unknown>): Promise<JsforceError> {
  try {
    await promise;
  } catch (err) {
    return err as JsforceError;
  }
  throw new Error('expected a rejection');
}

const ids = (records: Array<{ Id?: string }>) => records.map((r) => r.Id);

describe('SOSL search', () => {
  it('answers searchRecords with attributes and the RETURNING fields, relationships included', async () => {
    const result = await seller.search('FIND {acme*} IN ALL FIELDS RETURNING Account(Id, Name), Opportunity(Id, Name, StageName, Account.Name WHERE IsClosed = false ORDER BY Name)');
    expect(result.searchRecords[0]).toEqual({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${DEMO_ACCOUNTS.acme.Id}` },
      Id: DEMO_ACCOUNTS.acme.Id,
      Name: 'Acme Corporation',
    });
    const opportunities = result.searchRecords.filter((r) => r.attributes?.type === 'Opportunity');
    expect(ids(opportunities)).toEqual([DEMO_OPPORTUNITIES.acmeWidgets.Id, DEMO_OPPORTUNITIES.acmeRenewal.Id]);
    expect(opportunities[0]).toMatchObject({ StageName: 'Prospecting', Account: { Name: 'Acme Corporation' } });
  });

  it('matches whole words unless a wildcard says otherwise, every word of the term', async () => {
    expect((await seller.search('FIND {acm} RETURNING Account(Id)')).searchRecords).toEqual([]);
    expect(ids((await seller.search('FIND {widget*} RETURNING Opportunity(Id), Case(Id, CaseNumber, Subject)')).searchRecords)).toEqual([
      DEMO_OPPORTUNITIES.acmeWidgets.Id,
      DEMO_CASES.acmeOutage.Id,
    ]);
    expect(ids((await seller.search('FIND {alex kim} IN NAME FIELDS RETURNING Contact(Id), Lead(Id)')).searchRecords)).toEqual([DEMO_SHARED_CONTACTS.alexBuyer.Id, DEMO_LEADS.alexLead.Id]);
    const byEmail = await seller.search(`FIND {${DEMO_SHARED_ADDRESS}} IN EMAIL FIELDS RETURNING Contact(Id)`);
    expect(ids(byEmail.searchRecords)).toEqual([DEMO_SHARED_CONTACTS.alexBuyer.Id, DEMO_SHARED_CONTACTS.alexFinance.Id]);
  });

  it('without RETURNING searches the standard objects and answers their Ids; LIMIT caps the whole answer', async () => {
    const all = await seller.search('FIND {globex}');
    expect(all.searchRecords.every((r) => Object.keys(r).sort().join() === 'Id,attributes')).toBe(true);
    expect(all.searchRecords.map((r) => r.attributes?.type)).toContain('Account');
    const capped = await seller.search('FIND {globex} RETURNING Account(Id), Contact(Id), Opportunity(Id) LIMIT 2');
    expect(capped.searchRecords).toHaveLength(2);
  });

  it('refuses a one-character term, an unescaped reserved character, a missing brace and an unknown object', async () => {
    const short = await caught(seller.search('FIND {a*} RETURNING Account(Id)'));
    expect(short.errorCode).toBe('INVALID_SEARCH');
    expect(short.message).toContain('search term must be longer than one character');
    expect((await caught(seller.search('FIND {acme & co} RETURNING Account(Id)'))).errorCode).toBe('MALFORMED_SEARCH');
    expect((await caught(seller.search('FIND acme RETURNING Account(Id)'))).errorCode).toBe('MALFORMED_SEARCH');
    const unknown = await caught(seller.search('FIND {acme} RETURNING Widget__c(Id)'));
    expect(unknown.errorCode).toBe('INVALID_TYPE');
    // Escaped, the same characters are fine.
    expect((await seller.search('FIND {acme \\& co} RETURNING Account(Id)')).searchRecords).toEqual([]);
  });
});

describe('recently viewed', () => {
  it("answers the user's own views, newest first, with Name (CaseNumber for a case), and honours limit", async () => {
    const items = await seller.requestGet<Array<{ attributes: { type: string }; Id: string; Name: string }>>('/services/data/v62.0/recent?limit=3');
    expect(items.map((i) => [i.attributes.type, i.Id, i.Name])).toEqual([
      ['Opportunity', DEMO_OPPORTUNITIES.acmeWidgets.Id, 'Acme - 500 Widgets'],
      ['Account', DEMO_ACCOUNTS.acme.Id, 'Acme Corporation'],
      ['Case', DEMO_CASES.acmeOutage.Id, '00001001'],
    ]);
    const theirs = await second.requestGet<Array<{ Id: string }>>('/services/data/v62.0/recent');
    expect(theirs.map((i) => i.Id)).toEqual([DEMO_ACCOUNTS.globex.Id]);
  });
});

describe('Case and lead conversion', () => {
  it('numbers a new case and lets a task relate to it (WhatId)', async () => {
    const created = (await seller.sobject('Case').create({ Subject: 'New one', AccountId: DEMO_ACCOUNTS.initech.Id })) as { id: string };
    const record = (await seller.sobject('Case').retrieve(created.id)) as Record<string, unknown>;
    expect(record).toMatchObject({ Status: 'New', IsClosed: false, CaseNumber: '00001003' });
    const task = (await seller.sobject('Task').create({ Subject: 'About the case', WhoId: DEMO_CONTACTS.jane.Id, WhatId: created.id })) as { success: boolean };
    expect(task.success).toBe(true);
  });

  it('keeps a converted lead with the contact it became; clients cannot set the conversion fields', async () => {
    const result = await seller.query<Record<string, unknown>>(`SELECT Id, IsConverted, ConvertedContactId FROM Lead WHERE Id = '${DEMO_LEADS.janeConverted.Id}'`);
    expect(result.records[0]).toMatchObject({ IsConverted: true, ConvertedContactId: DEMO_CONTACTS.jane.Id });
    const refused = await caught(seller.sobject('Lead').update({ Id: DEMO_LEADS.tom.Id, IsConverted: true }));
    expect(refused.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});
