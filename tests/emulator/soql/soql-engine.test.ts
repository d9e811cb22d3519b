import { describe, expect, it } from 'vitest';
import { RecordStore } from '../record-store';
import { DEMO_CONTACTS, DEMO_SEED } from '../seed';
import { runSoql, SoqlError } from './soql-engine';

// The three classic contacts only: the demo org's later people (several matches for one address) would change every
// expected list here without testing anything more of SOQL.
const seed = { ...DEMO_SEED, records: { ...DEMO_SEED.records, Contact: Object.values(DEMO_CONTACTS).map((r) => ({ ...r })) } };
const ctx = { store: new RecordStore(seed), apiVersion: '62.0', now: Date.parse('2026-03-01T12:00:00Z') };

function names(soql: string): unknown[] {
  return runSoql(soql, ctx).records.map((r) => r.Name);
}

describe('SOQL WHERE evaluation', () => {
  it.each([
    ["SELECT Name FROM Contact WHERE Email = 'JANE.DOE@ACME.EXAMPLE'", ['Jane Doe']],
    ["SELECT Name FROM Contact WHERE Email != 'jane.doe@acme.example' ORDER BY Name", ['Bob Lee', 'Priya Raman']],
    ["SELECT Name FROM Contact WHERE Email NOT IN ('jane.doe@acme.example', 'bob.lee@acme.example')", ['Priya Raman']],
    ["SELECT Name FROM Contact WHERE Email LIKE '%@acme.example' ORDER BY Name DESC", ['Jane Doe', 'Bob Lee']],
    ["SELECT Name FROM Contact WHERE Email LIKE 'b_b%'", ['Bob Lee']],
    ['SELECT Name FROM Contact WHERE Phone = null ORDER BY Name', ['Bob Lee', 'Priya Raman']],
    ["SELECT Name FROM Contact WHERE Account.Name = 'Globex'", ['Priya Raman']],
    ["SELECT Name FROM Contact WHERE NOT (Account.Name = 'Acme Corporation' OR Title = null)", ['Priya Raman']],
    ["SELECT Name FROM Contact WHERE (Title = 'CTO' OR Title = 'Head of IT') AND Account.Name = 'Globex'", ['Priya Raman']],
    ["SELECT Name FROM Contact WHERE Title = 'CTO' OR (Title = 'Head of IT' AND Account.Name = 'Acme Corporation')", ['Bob Lee']],
    ['SELECT Name FROM Opportunity WHERE Amount > 12000 AND Amount < 50000 ORDER BY Amount', ['Globex - Platform Pilot', 'Acme - 2025 Order']],
    ['SELECT Name FROM Opportunity WHERE Amount <= 12000', ['Acme - Support Renewal']],
    ['SELECT Name FROM Opportunity WHERE IsWon = true', ['Acme - 2025 Order']],
    ['SELECT Name FROM Opportunity WHERE CloseDate < 2026-01-01', ['Acme - 2025 Order']],
    ['SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:60 ORDER BY CloseDate', ['Acme - Support Renewal']],
    ['SELECT Name FROM Account WHERE CreatedDate < 2025-02-01T00:00:00Z AND CreatedDate >= 2025-01-15T09:00:00Z ORDER BY Name LIMIT 2 OFFSET 1', ['Globex', 'Initech']],
    ['SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) ', ['Initech']],
  ])('%s', (soql, expected) => {
    expect(names(soql)).toEqual(expected);
  });

  it('sorts nulls first ascending and last descending, unless told otherwise', () => {
    expect(names('SELECT Name FROM Contact ORDER BY Phone, Name')).toEqual(['Bob Lee', 'Priya Raman', 'Jane Doe']);
    expect(names('SELECT Name FROM Contact ORDER BY Phone DESC, Name')).toEqual(['Jane Doe', 'Bob Lee', 'Priya Raman']);
    expect(names('SELECT Name FROM Contact ORDER BY Phone ASC NULLS LAST, Name')).toEqual(['Jane Doe', 'Bob Lee', 'Priya Raman']);
  });

  it('answers COUNT() with totalSize and COUNT(field) with an AggregateResult', () => {
    expect(runSoql('SELECT COUNT() FROM Opportunity WHERE IsClosed = false', ctx)).toEqual({ totalSize: 3, done: true, records: [] });
    expect(runSoql('SELECT COUNT(Phone) FROM Contact', ctx).records).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: 1 }]);
  });

  it.each([
    ['', 'MALFORMED_QUERY'],
    ['SELECT FROM Contact', 'MALFORMED_QUERY'],
    ["SELECT Id FROM Contact WHERE Email INCLUDES ('a')", 'MALFORMED_QUERY'],
    ['SELECT Id, Shoe FROM Contact', 'INVALID_FIELD'],
    ['SELECT Id FROM Contact WHERE Shoe = 1', 'INVALID_FIELD'],
    ['SELECT Boss.Name FROM Contact', 'INVALID_FIELD'],
    ['SELECT Id FROM Widget', 'INVALID_TYPE'],
    ['SELECT Id, (SELECT Id FROM Widgets) FROM Account', 'INVALID_TYPE'],
  ])('refuses %j with %s', (soql, code) => {
    try {
      runSoql(soql, ctx);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SoqlError);
      expect((err as SoqlError).errorCode).toBe(code);
    }
  });
});
