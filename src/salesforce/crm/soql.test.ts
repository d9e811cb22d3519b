import { describe, expect, it } from 'vitest';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { escapeSoqlString, isSalesforceId, queryUrl, soqlContains, soqlInList, soqlString } from './soql';

describe('soqlString', () => {
  it.each([
    ['plain', 'jane.doe@acme.example', "'jane.doe@acme.example'"],
    ['quote', "o'brien@acme.example", "'o\\'brien@acme.example'"],
    ['backslash', 'a\\b@x.example', "'a\\\\b@x.example'"],
    ['backslash before quote', "a\\'b", "'a\\\\\\'b'"],
    ['double quote', 'say "hi"', '\'say \\"hi\\"\''],
    ['newline and tab', 'a\nb\tc\rd', "'a\\nb\\tc\\rd'"],
    ['other control chars dropped', 'a\u0000b\u0007c', "'abc'"],
    ['injection attempt', "x' OR Name LIKE '%", "'x\\' OR Name LIKE \\'%'"],
    ['unicode kept', 'zoë@café.example', "'zoë@café.example'"],
  ])('%s', (_label, input, expected) => {
    expect(soqlString(input)).toBe(expected);
  });

  it('a hostile value stays one literal for a real SOQL parser', () => {
    const hostile = ["x' OR Id != '", "\\' OR Id != '", "a'); DELETE", "'; --", "\\\\'"];
    for (const value of hostile) {
      const parsed = parseQuery(`SELECT Id FROM Contact WHERE Email = ${soqlString(value)}`);
      const where = parsed.where;
      expect((where as Record<string, unknown> | undefined)?.right).toBeUndefined();
      expect(where?.left).toMatchObject({ field: 'Email', operator: '=' });
    }
  });
});

describe('soqlContains', () => {
  it.each([
    ['acme.example', "'%acme.example%'"],
    ['100%_off.example', "'%100\\%\\_off.example%'"],
    ["o'hara.example", "'%o\\'hara.example%'"],
  ])('%s', (input, expected) => {
    expect(soqlContains(input)).toBe(expected);
  });
});

describe('soqlInList', () => {
  it('quotes every value', () => {
    expect(soqlInList(['a@x.example', "b'@y.example"])).toBe("('a@x.example', 'b\\'@y.example')");
  });
  it('refuses an empty list', () => {
    expect(() => soqlInList([])).toThrow();
  });
});

describe('isSalesforceId', () => {
  it.each([
    ['0035e00000AbCdE', true],
    ['0035e00000AbCdEAAA', true],
    ['0035e00000AbCd', false],
    ["0035e00000AbCdE'", false],
    ['javascript:alert', false],
    [42, false],
  ])('%s → %s', (value, expected) => {
    expect(isSalesforceId(value)).toBe(expected);
  });
});

describe('escapeSoqlString', () => {
  it('round-trips through unescaping', () => {
    const samples = ['\'\\"\n', 'plain', "it's", '\\\\'];
    for (const s of samples) {
      const unescaped = escapeSoqlString(s).replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
      expect(unescaped).toBe(s);
    }
  });
});

describe('queryUrl', () => {
  it('encodes the query', () => {
    expect(queryUrl('/services/data/v62.0', "SELECT Id FROM Contact WHERE Email = 'a+b@x.example'")).toBe(
      "/services/data/v62.0/query?q=SELECT%20Id%20FROM%20Contact%20WHERE%20Email%20%3D%20'a%2Bb%40x.example'",
    );
  });
});
