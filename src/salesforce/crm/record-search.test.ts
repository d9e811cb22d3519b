import { describe, expect, it } from 'vitest';
import { createFakeSalesforceApi } from '../../testing/fake-salesforce-api';
import { buildSearchSosl, canBeWhatId, parseRecentItems, parseSearchRecords, recentRecords, searchObjectsOf, searchRecords, soslTerm } from './record-search';

const objects = searchObjectsOf([{ name: 'Project__c', label: 'Project', nameField: 'Name', detailField: 'Status__c' }]);
const ACC = '0015e0000000001AAA';
const OPP = '0065e0000000001AAA';

describe('soslTerm', () => {
  it.each([
    ['acme', 'acme*'],
    ['  Acme   widgets ', 'Acme* widgets*'],
    ['a', undefined],
    ['', undefined],
    ['* ?', undefined],
    ['a b', 'a* b*'],
    ["o'brien & co", "o\\'brien* co*"],
    ['{x} (y)', '\\{x\\}* \\(y\\)*'],
    ['jane.doe@acme.example', 'jane.doe@acme.example*'],
    ['back\\slash', 'back\\\\slash*'],
    ['acme OR x', 'acme* or* x*'],
    ['1-800', '1\\-800*'],
  ])('%j → %j', (text, term) => {
    expect(soslTerm(text)).toBe(term);
  });

  it('keeps at most six words', () => {
    expect(soslTerm('a1 a2 a3 a4 a5 a6 a7 a8')?.split(' ')).toHaveLength(6);
  });
});

describe('buildSearchSosl', () => {
  it('returns every object with its name and detail fields, a few each', () => {
    expect(buildSearchSosl('acme*', objects)).toBe(
      'FIND {acme*} IN ALL FIELDS RETURNING Account(Id, Name, BillingCity LIMIT 5), Contact(Id, Name, Account.Name LIMIT 5), Lead(Id, Name, Company LIMIT 5), ' +
        'Opportunity(Id, Name, Account.Name LIMIT 5), Case(Id, CaseNumber, Subject LIMIT 5), Project__c(Id, Name, Status__c LIMIT 5)',
    );
  });
});

describe('parsing', () => {
  it('reads search records by their type, with parent fields, and drops what it cannot read', () => {
    const found = parseSearchRecords(
      {
        searchRecords: [
          { attributes: { type: 'Opportunity' }, Id: OPP, Name: 'Acme - 500 Widgets', Account: { Name: 'Acme Corporation' } },
          { attributes: { type: 'Account' }, Id: ACC, Name: 'Acme', BillingCity: null },
          { attributes: { type: 'Widget__c' }, Id: ACC, Name: 'not searched' },
          { attributes: { type: 'Account' }, Id: 'javascript:alert(1)', Name: 'bad id' },
          { Id: ACC },
        ],
      },
      objects,
    );
    expect(found).toEqual([
      { sobject: 'Opportunity', id: OPP, name: 'Acme - 500 Widgets', detail: 'Acme Corporation' },
      { sobject: 'Account', id: ACC, name: 'Acme', detail: null },
    ]);
  });

  it('reads recent items of searchable objects only', () => {
    expect(
      parseRecentItems(
        [
          { attributes: { type: 'Account' }, Id: ACC, Name: 'Acme' },
          { attributes: { type: 'Report' }, Id: OPP, Name: 'A report' },
        ],
        objects,
      ),
    ).toEqual([{ sobject: 'Account', id: ACC, name: 'Acme', detail: null }]);
  });
});

describe('requests', () => {
  it('one search call for a term, none for too little', async () => {
    const api = createFakeSalesforceApi({ search: () => ({ searchRecords: [{ attributes: { type: 'Account' }, Id: ACC, Name: 'Acme' }] }) });
    expect(await searchRecords(api, 'x', objects)).toEqual([]);
    expect(api.calls).toEqual([]);
    expect(await searchRecords(api, 'acme', objects)).toHaveLength(1);
    expect(api.calls.map((c) => c.method)).toEqual(['search']);
  });

  it('recent records: one call', async () => {
    const api = createFakeSalesforceApi({ recentItems: () => [{ attributes: { type: 'Opportunity' }, Id: OPP, Name: 'Widgets' }] });
    expect(await recentRecords(api, objects)).toEqual([{ sobject: 'Opportunity', id: OPP, name: 'Widgets', detail: null }]);
    expect(api.calls).toHaveLength(1);
  });

  it('only non-people can be a WhatId', () => {
    expect(['Account', 'Opportunity', 'Case', 'Project__c', 'Contact', 'Lead'].map((sobject) => canBeWhatId({ sobject }))).toEqual([true, true, true, true, false, false]);
  });
});
