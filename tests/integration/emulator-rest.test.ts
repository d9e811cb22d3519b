/**
 * The emulated org's REST API through real jsforce over loopback HTTP: SOQL with relationships and subqueries,
 * sObject writes with the org's rules, composite, limits, and Salesforce's error shapes as jsforce surfaces them.
 *
 * Over 300 lines on purpose: the REST surface's cases, one each, read top to bottom.
 */
import { Connection } from 'jsforce';
import { beforeEach, describe, expect, it } from 'vitest';
import { caught, useEmulatedOrg } from './emulated-org-fixture';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_OPPORTUNITIES, DEMO_USERS } from '../emulator/seed';
import { signInByHttp } from '../emulator/sign-in';

const org = useEmulatedOrg();
let seller: Connection;
let second: Connection;
let sellerToken: string;

beforeEach(async () => {
  const a = await signInByHttp(org.url);
  const b = await signInByHttp(org.url, { username: DEMO_USERS.second.username, password: DEMO_USERS.second.password });
  sellerToken = a.access_token;
  seller = new Connection({ instanceUrl: a.instance_url, accessToken: a.access_token, version: '62.0' });
  second = new Connection({ instanceUrl: b.instance_url, accessToken: b.access_token, version: '62.0' });
});

describe('query', () => {
  it('returns records with attributes, parent relationships and child subqueries', async () => {
    const result = await seller.query<Record<string, unknown>>(
      "SELECT Id, Name, Email, Title, Account.Name, Account.Owner.Name FROM Contact WHERE Email IN ('jane.doe@acme.example', 'priya@globex.example') ORDER BY LastName",
    );
    expect(result.totalSize).toBe(2);
    expect(result.done).toBe(true);
    expect(result.records[0]).toEqual({
      attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${DEMO_CONTACTS.jane.Id}` },
      Id: DEMO_CONTACTS.jane.Id,
      Name: 'Jane Doe',
      Email: 'jane.doe@acme.example',
      Title: 'VP Procurement',
      Account: {
        attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${DEMO_ACCOUNTS.acme.Id}` },
        Name: 'Acme Corporation',
        Owner: { attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${DEMO_USERS.seller.id}` }, Name: 'Sam Seller' },
      },
    });
    expect(result.records[1]?.Name).toBe('Priya Raman');

    const accounts = await seller.query<Record<string, unknown>>(
      "SELECT Name, (SELECT Name FROM Contacts ORDER BY Name), (SELECT Name, Amount FROM Opportunities WHERE IsClosed = false ORDER BY Amount DESC) FROM Account WHERE Name LIKE 'acme%' OR (Website = 'initech.example' AND NOT Name = null)",
    );
    expect(accounts.records.map((r) => r.Name)).toEqual(['Acme Corporation', 'Initech']);
    const acme = accounts.records[0] as { Contacts: { totalSize: number; records: Array<{ Name: string }> }; Opportunities: { records: Array<{ Name: string; Amount: number }> } };
    expect(acme.Contacts.totalSize).toBe(2);
    expect(acme.Contacts.records.map((c) => c.Name)).toEqual(['Bob Lee', 'Jane Doe']);
    expect(acme.Opportunities.records).toMatchObject([
      { Name: 'Acme - 500 Widgets', Amount: 50000 },
      { Name: 'Acme - Support Renewal', Amount: 12000 },
    ]);
    expect(accounts.records[1]?.Contacts).toBeNull();
  });

  it('filters on numbers, dates, booleans, null and semi-joins; counts; limits', async () => {
    const open = await seller.query<{ Name: string }>('SELECT Name FROM Opportunity WHERE IsClosed = false AND Amount >= 30000 AND CloseDate > 2026-01-01 ORDER BY Name');
    expect(open.records.map((r) => r.Name)).toEqual(['Acme - 500 Widgets', 'Globex - Platform Pilot']);
    const count = await seller.query('SELECT COUNT() FROM Contact WHERE Phone != null');
    expect(count.totalSize).toBe(1);
    const semi = await seller.query<{ Name: string }>("SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Opportunity WHERE StageName = 'Qualification')");
    expect(semi.records.map((r) => r.Name)).toEqual(['Globex']);
    const limited = await seller.query('SELECT Id FROM Contact ORDER BY Email DESC LIMIT 2');
    expect(limited.totalSize).toBe(2);
  });

  it("answers bad SOQL, unknown fields and unknown objects with Salesforce's error codes", async () => {
    const malformed = await caught(seller.query('SELEC Id FROM Contact'));
    expect(malformed.name).toBe('MALFORMED_QUERY');
    const field = await caught(seller.query('SELECT Id, Nickname FROM Contact'));
    expect(field.name).toBe('INVALID_FIELD');
    expect(field.message).toContain("No such column 'Nickname' on entity 'Contact'");
    const type = await caught(seller.query('SELECT Id FROM Widget'));
    expect(type.name).toBe('INVALID_TYPE');
    expect(type.message).toContain("sObject type 'Widget' is not supported");

    const res = await fetch(`${org.url}/services/data/v62.0/query?q=`, { headers: { Authorization: `Bearer ${sellerToken}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([{ message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' }]);
  });
});

describe('sObjects', () => {
  it('creates, reads, updates and deletes, recording which user wrote', async () => {
    const created = await second.sobject('Contact').create({ FirstName: 'Mia', LastName: 'Wong', Email: 'mia.wong@acme.example', AccountId: DEMO_ACCOUNTS.acme.Id });
    expect(created).toEqual({ id: expect.stringMatching(/^003[A-Za-z0-9]{15}$/), success: true, errors: [] });
    const id = created.id ?? '';

    const read = (await seller.sobject('Contact').retrieve(id, { fields: ['Name', 'OwnerId', 'CreatedById'] })) as Record<string, unknown>;
    expect(read).toEqual({
      attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${id}` },
      Name: 'Mia Wong',
      OwnerId: DEMO_USERS.second.id,
      CreatedById: DEMO_USERS.second.id,
    });

    await seller.sobject('Contact').update({ Id: id, Title: 'Buyer' });
    const [stored] = org.controls.records('Contact').filter((c) => c.Id === id);
    expect(stored).toMatchObject({ Title: 'Buyer', LastModifiedById: DEMO_USERS.seller.id, CreatedById: DEMO_USERS.second.id });
    expect(stored?.CreatedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);

    await seller.sobject('Contact').destroy(id);
    const gone = await caught(seller.sobject('Contact').retrieve(id));
    expect(gone.name).toBe('NOT_FOUND');
  });

  it('derives IsClosed from the stage and fills Task defaults', async () => {
    const opp = await seller.sobject('Opportunity').create({ Name: 'Globex - Expansion', StageName: 'Closed Lost', CloseDate: '2026-02-01', AccountId: DEMO_ACCOUNTS.globex.Id });
    const row = (await seller.sobject('Opportunity').retrieve(opp.id ?? '')) as Record<string, unknown>;
    expect(row).toMatchObject({ IsClosed: true, IsWon: false, OwnerId: DEMO_USERS.seller.id });

    const task = await seller.sobject('Task').create({ Subject: 'Call Jane', WhoId: DEMO_CONTACTS.jane.Id, WhatId: DEMO_OPPORTUNITIES.acmeWidgets.Id });
    const taskRow = (await seller.sobject('Task').retrieve(task.id ?? '')) as Record<string, unknown>;
    expect(taskRow).toMatchObject({ Status: 'Not Started', Priority: 'Normal', IsClosed: false });
    expect(task.id).toMatch(/^00T/);

    const email = await seller
      .sobject('EmailMessage')
      .create({ Subject: 'Quote', FromAddress: 'jane.doe@acme.example', ToAddress: 'seller@demo.example', Status: '3', Incoming: true, RelatedToId: DEMO_ACCOUNTS.acme.Id });
    expect(email.id).toMatch(/^02s/);
  });

  it('refuses missing required fields with their names', async () => {
    const err = await caught(seller.sobject('Contact').create({ FirstName: 'No', Email: 'no.last@acme.example' }));
    expect(err.name).toBe('REQUIRED_FIELD_MISSING');
    expect(err.message).toBe('Required fields are missing: [LastName]');
    expect(err.data).toEqual({ message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] });

    const opp = await caught(seller.sobject('Opportunity').create({ Amount: 5 }));
    expect(opp.message).toBe('Required fields are missing: [Name, StageName, CloseDate]');
    const lead = await caught(seller.sobject('Lead').create({ LastName: 'Solo' }));
    expect((lead.data as { fields: string[] }).fields).toEqual(['Company']);
  });

  it('applies the duplicate rule and the phone validation rule', async () => {
    const dup = await caught(seller.sobject('Contact').create({ LastName: 'Doe', Email: 'JANE.DOE@acme.example' }));
    expect(dup.name).toBe('DUPLICATES_DETECTED');
    expect(dup.message).toBe('Use one of these records?');
    const result = (dup.data as { duplicateResult: { matchResults: Array<{ matchRecords: Array<{ record: { Id: string } }> }> } }).duplicateResult;
    expect(result.matchResults[0]?.matchRecords[0]?.record.Id).toBe(DEMO_CONTACTS.jane.Id);

    const saved = await seller.sobject('Contact').create({ LastName: 'Doe', Email: 'jane.doe@acme.example' }, { headers: { 'Sforce-Duplicate-Rule-Header': 'allowSave=true' } });
    expect(saved.success).toBe(true);

    const phone = await caught(seller.sobject('Contact').create({ LastName: 'Short', Phone: '555-12' }));
    expect(phone.name).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect((phone.data as { fields: string[] }).fields).toEqual(['Phone']);
    const update = await caught(seller.sobject('Contact').update({ Id: DEMO_CONTACTS.jane.Id, Phone: '12' }));
    expect(update.name).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
  });

  it("refuses values longer than the standard field with STRING_TOO_LONG, Salesforce's message and the field", async () => {
    const cases: Array<[string, Record<string, unknown>, string, string, number]> = [
      ['Contact', { FirstName: 'F'.repeat(41), LastName: 'Ok' }, 'FirstName', 'First Name', 40],
      ['Contact', { LastName: 'L'.repeat(81) }, 'LastName', 'Last Name', 80],
      ['Contact', { LastName: 'Ok', Email: `${'e'.repeat(69)}@acme.example` }, 'Email', 'Email', 80],
      ['Contact', { LastName: 'Ok', Title: 'T'.repeat(129) }, 'Title', 'Title', 128],
      ['Contact', { LastName: 'Ok', Phone: '1'.repeat(41) }, 'Phone', 'Business Phone', 40],
      ['Lead', { LastName: 'Ok', Company: 'C'.repeat(256) }, 'Company', 'Company', 255],
      ['Opportunity', { Name: 'N'.repeat(121), StageName: 'Prospecting', CloseDate: '2025-09-30' }, 'Name', 'Name', 120],
      ['Task', { Subject: 'S'.repeat(256) }, 'Subject', 'Subject', 255],
    ];
    for (const [sobject, body, field, label, max] of cases) {
      const value = String(body[field]);
      const err = await caught(seller.sobject(sobject).create(body));
      expect(err.name, `${sobject}.${field}`).toBe('STRING_TOO_LONG');
      expect(err.data).toEqual({ message: `${label}: data value too large: ${value} (max length=${max})`, errorCode: 'STRING_TOO_LONG', fields: [field] });
    }
    // At the limit it is saved; an update is held to the same rule.
    const atLimit = await seller.sobject('Contact').create({ FirstName: 'F'.repeat(40), LastName: 'L'.repeat(80), Title: 'T'.repeat(128) });
    expect(atLimit.success).toBe(true);
    const update = await caught(seller.sobject('Contact').update({ Id: DEMO_CONTACTS.jane.Id, Title: 'T'.repeat(129) }));
    expect(update.name).toBe('STRING_TOO_LONG');
  });

  it("refuses a malformed email with INVALID_EMAIL_ADDRESS, Salesforce's message and the field", async () => {
    for (const bad of ['not an email', 'a..b@acme.example', '.a@acme.example', 'a@acme', 'a@-acme.example', 'a@acme.c0m']) {
      const err = await caught(seller.sobject('Contact').create({ LastName: 'Mail', Email: bad }));
      expect(err.name, bad).toBe('INVALID_EMAIL_ADDRESS');
      expect(err.data).toEqual({ message: `Email: invalid email address: ${bad}`, errorCode: 'INVALID_EMAIL_ADDRESS', fields: ['Email'] });
    }
    const lead = await caught(seller.sobject('Lead').create({ LastName: 'Mail', Company: 'X', Email: 'x@y' }));
    expect(lead.name).toBe('INVALID_EMAIL_ADDRESS');
    const good = await seller.sobject('Contact').create({ LastName: 'Mail', Email: "o'brien+tag@sub.acme.example" });
    expect(good.success).toBe(true);
  });

  it('refuses a value outside a restricted picklist (Lead Status, Task Status and Priority, Opportunity Stage)', async () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['Lead', { LastName: 'P', Company: 'X', Status: 'Hot' }, 'Status', 'Lead Status'],
      ['Task', { Subject: 'P', Status: 'Done' }, 'Status', 'Status'],
      ['Task', { Subject: 'P', Priority: 'Urgent' }, 'Priority', 'Priority'],
      ['Opportunity', { Name: 'P', StageName: 'closed won', CloseDate: '2025-09-30' }, 'StageName', 'Stage'],
    ];
    for (const [sobject, body, field, label] of cases) {
      const err = await caught(seller.sobject(sobject).create(body));
      expect(err.name, `${sobject}.${field}`).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
      expect(err.data).toEqual({
        message: `${label}: bad value for restricted picklist field: ${String(body[field])}`,
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        fields: [field],
      });
    }
    const ok = await seller.sobject('Task').create({ Subject: 'P', Status: 'Completed', Priority: 'High', TaskSubtype: 'Email' });
    expect(ok.success).toBe(true);
    const describe = (await seller.sobject('Lead').describe()) as unknown as {
      fields: Array<{ name: string; restrictedPicklist: boolean; picklistValues: Array<{ value: string }>; length: number }>;
    };
    const status = describe.fields.find((f) => f.name === 'Status');
    expect(status?.restrictedPicklist).toBe(true);
    expect(status?.picklistValues.map((v) => v.value)).toContain('Open - Not Contacted');
    expect(describe.fields.find((f) => f.name === 'Company')?.length).toBe(255);
  });

  it('keeps User read-only and refuses unknown or read-only fields', async () => {
    const users = await seller.query<{ Username: string }>('SELECT Username FROM User ORDER BY Username');
    expect(users.records.map((u) => u.Username)).toEqual([DEMO_USERS.second.username, DEMO_USERS.seller.username]);
    const write = await caught(seller.sobject('User').update({ Id: DEMO_USERS.seller.id, FirstName: 'X' }));
    expect(write.name).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    const unknown = await caught(seller.sobject('Contact').create({ LastName: 'A', Shoe: 42 }));
    expect(unknown.name).toBe('INVALID_FIELD');
    const readOnly = await caught(seller.sobject('Contact').create({ LastName: 'A', Name: 'B' }));
    expect(readOnly.name).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});

describe('composite, limits, headers', () => {
  it('runs subrequests with references and rolls back with allOrNone', async () => {
    const ok = await seller.requestPost<{ compositeResponse: Array<{ httpStatusCode: number; body: Record<string, unknown>; referenceId: string; httpHeaders: Record<string, string> }> }>(
      '/services/data/v62.0/composite',
      {
        allOrNone: true,
        compositeRequest: [
          { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'acct', body: { Name: 'Umbrella' } },
          { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'cont', body: { LastName: 'Wesker', AccountId: '@{acct.id}' } },
          { method: 'GET', url: '/services/data/v62.0/sobjects/Contact/@{cont.id}?fields=AccountId', referenceId: 'read' },
        ],
      },
    );
    expect(ok.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 201, 200]);
    expect(ok.compositeResponse[0]?.httpHeaders.Location).toMatch(/\/sobjects\/Account\/001/);
    expect(ok.compositeResponse[2]?.body.AccountId).toBe(ok.compositeResponse[0]?.body.id);

    const before = org.controls.records('Account').length;
    const failed = await seller.requestPost<{ compositeResponse: Array<{ httpStatusCode: number; body: Array<{ errorCode: string }> }> }>('/services/data/v62.0/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: 'a', body: { Name: 'Rolled back' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'c', body: { FirstName: 'NoLast' } },
      ],
    });
    expect(failed.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400]);
    expect(failed.compositeResponse[0]?.body[0]?.errorCode).toBe('PROCESSING_HALTED');
    expect(failed.compositeResponse[1]?.body[0]?.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(org.controls.records('Account')).toHaveLength(before);
  });

  it('refuses more than 25 subrequests, or more than 5 query / sObject Collections subrequests, running none', async () => {
    const query = (i: number) => ({ method: 'GET', url: `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Account LIMIT 1')}`, referenceId: `q${i}` });
    const create = (i: number) => ({ method: 'POST', url: '/services/data/v62.0/sobjects/Account', referenceId: `a${i}`, body: { Name: `Limit ${i}` } });
    const before = org.controls.records('Account').length;

    const tooMany = await caught(seller.requestPost('/services/data/v62.0/composite', { compositeRequest: Array.from({ length: 26 }, (_, i) => create(i)) }));
    expect(tooMany.name).toBe('LIMIT_EXCEEDED');
    const sixQueries = await caught(seller.requestPost('/services/data/v62.0/composite', { compositeRequest: [create(0), ...Array.from({ length: 6 }, (_, i) => query(i))] }));
    expect(sixQueries.name).toBe('LIMIT_EXCEEDED');
    expect(sixQueries.message).toMatch(/at most 5 query or sObject Collections subrequests/);
    const collections = await caught(
      seller.requestPost('/services/data/v62.0/composite', {
        compositeRequest: [
          ...Array.from({ length: 3 }, (_, i) => query(i)),
          ...Array.from({ length: 3 }, (_, i) => ({ method: 'POST', url: '/services/data/v62.0/composite/sobjects', referenceId: `c${i}`, body: { records: [] } })),
        ],
      }),
    );
    expect(collections.name).toBe('LIMIT_EXCEEDED');
    expect(org.controls.records('Account')).toHaveLength(before);

    // Exactly at both limits: 25 subrequests, 5 of them queries, all run.
    const atLimit = await seller.requestPost<{ compositeResponse: Array<{ httpStatusCode: number }> }>('/services/data/v62.0/composite', {
      compositeRequest: [...Array.from({ length: 5 }, (_, i) => query(i)), ...Array.from({ length: 20 }, (_, i) => create(i))],
    });
    expect(atLimit.compositeResponse).toHaveLength(25);
    expect(atLimit.compositeResponse.every((r) => r.httpStatusCode < 300)).toBe(true);
  });

  it('reports limits, counts API calls in Sforce-Limit-Info and answers 404 NOT_FOUND', async () => {
    org.controls.setApiUsage(0);
    const limits = (await seller.limits()) as unknown as { DailyApiRequests: { Max: number; Remaining: number } };
    expect(limits.DailyApiRequests).toEqual({ Max: 100000, Remaining: 99999 });
    const res = await fetch(`${org.url}/services/data/v62.0/sobjects/Contact/003000000000000AAA`, { headers: { Authorization: `Bearer ${sellerToken}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get('sforce-limit-info')).toBe('api-usage=2/100000');
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await res.json()).toEqual([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);

    const versions = (await (await fetch(`${org.url}/services/data/`)).json()) as Array<{ version: string; url: string }>;
    expect(versions).toContainEqual({ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' });
  });

  it('answers a missing token with 401 INVALID_SESSION_ID and WWW-Authenticate: Token', async () => {
    const res = await fetch(`${org.url}/services/data/v62.0/limits`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Token');
    expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });
});
