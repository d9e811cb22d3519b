import { describe, expect, it } from 'vitest';
import type { EmailContext } from '../../host/office-host';
import { companyDomains, normaliseAddress, peopleOfEmail, splitDisplayName, websiteMatchesDomain } from './email-addresses';

const base: EmailContext = { mode: 'read', subject: 's', to: [], cc: [], bodyExcerpt: '' };

describe('peopleOfEmail', () => {
  it('dedupes, lower-cases and leaves out the seller', () => {
    const people = peopleOfEmail(
      {
        ...base,
        from: { name: 'Jane Doe', address: 'Jane.Doe@ACME.example' },
        to: [
          { name: 'Sam Seller', address: 'seller@demo.example' },
          { name: 'Bob', address: 'bob.lee@acme.example' },
        ],
        cc: [
          { name: 'Jane again', address: 'jane.doe@acme.example' },
          { name: 'priya@globex.example', address: 'priya@globex.example' },
        ],
      },
      'Seller@Demo.example',
    );
    expect(people).toEqual([
      { address: 'jane.doe@acme.example', name: 'Jane Doe', role: 'from' },
      { address: 'bob.lee@acme.example', name: 'Bob', role: 'to' },
      { address: 'priya@globex.example', name: '', role: 'cc' },
    ]);
  });

  it('drops anything that is not a plain address', () => {
    const people = peopleOfEmail(
      {
        ...base,
        to: [
          { name: 'x', address: "x' OR Name LIKE '%@evil.example" },
          { name: 'y', address: '<script>@evil.example' },
          { name: 'z', address: 'group' },
          { name: 'ok', address: "o'brien@acme.example" },
        ],
      },
      undefined,
    );
    expect(people.map((p) => p.address)).toEqual(["o'brien@acme.example"]);
  });
});

describe('normaliseAddress', () => {
  it.each([
    [' A@B.example ', 'a@b.example'],
    ['a b@c.example', undefined],
    ['a@b', undefined],
    ['a"b@c.example', undefined],
    ['a\\b@c.example', undefined],
  ])('%s', (input, expected) => expect(normaliseAddress(input)).toBe(expected));
});

describe('companyDomains', () => {
  it('skips public mail domains and dedupes', () => {
    expect(companyDomains(['a@acme.example', 'b@acme.example', 'c@gmail.com', 'd@globex.example'])).toEqual(['acme.example', 'globex.example']);
  });
});

describe('websiteMatchesDomain', () => {
  it.each([
    ['https://www.acme.example', 'acme.example', true],
    ['acme.example', 'acme.example', true],
    ['http://eu.acme.example/path', 'acme.example', true],
    ['https://notacme.example', 'acme.example', false],
    ['https://acme.example.evil.test', 'acme.example', false],
    [null, 'acme.example', false],
  ])('%s ~ %s → %s', (website, domain, expected) => expect(websiteMatchesDomain(website, domain)).toBe(expected));
});

describe('splitDisplayName', () => {
  it.each([
    ['Jane Doe', 'jane.doe@acme.example', { firstName: 'Jane', lastName: 'Doe' }],
    ['Doe, Jane', 'jane.doe@acme.example', { firstName: 'Jane', lastName: 'Doe' }],
    ['Mary Ann van Dyke', 'm@x.example', { firstName: 'Mary Ann van', lastName: 'Dyke' }],
    ['Cher', 'cher@x.example', { firstName: '', lastName: 'Cher' }],
    ['', 'carol.king@hooli.example', { firstName: 'Carol', lastName: 'King' }],
    ['', 'info@hooli.example', { firstName: '', lastName: 'Info' }],
    ['carol@hooli.example', 'carol@hooli.example', { firstName: '', lastName: 'Carol' }],
  ])('%s', (name, address, expected) => expect(splitDisplayName(name, address)).toEqual(expected));
});
