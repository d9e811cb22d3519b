import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactMatch } from '../../salesforce/crm/crm-records';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { formatCardValue } from './card-details';
import { PersonCard } from './person-card';

const jane: ContactMatch = {
  kind: 'contact',
  id: '0035e000000Jane01A',
  name: 'Jane Doe',
  title: 'VP Sales',
  phone: null,
  email: 'jane.doe@acme.example',
  accountId: '0015e000000Acme01A',
  accountName: 'Acme',
  ownerName: 'Sam Seller',
  details: [
    { name: 'Department', label: 'Department', type: 'string', value: 'Procurement' },
    { name: 'Region__c', label: 'Sales Region', type: 'picklist', value: null },
    { name: 'Do_Not_Call__c', label: 'Do Not Call', type: 'boolean', value: true },
  ],
};

function termsAndValues(): Array<[string, string]> {
  const terms = [...document.querySelectorAll('dt')].map((dt) => dt.textContent ?? '');
  const values = [...document.querySelectorAll('dd')].map((dd) => dd.textContent ?? '');
  return terms.map((t, i) => [t, values[i] ?? '']);
}

describe('card details: the admin fields on a card', () => {
  it('shows each configured field with its Salesforce label, in order, an empty one as a dash read as "empty"', () => {
    const { locale, workspace } = stringsFor('en');
    renderWithFluent(<PersonCard person={jane} instanceUrl="https://acme.my.salesforce.com" locale={locale} strings={workspace} />, { lang: 'en' });
    expect(termsAndValues()).toEqual([
      ['Email', 'jane.doe@acme.example'],
      ['Department', 'Procurement'],
      ['Sales Region', '—'],
      ['Do Not Call', 'Yes'],
      ['Owner', 'Sam Seller'],
    ]);
    expect(screen.getByLabelText('empty')).toBeTruthy();
  });

  it('a card without admin fields shows none', () => {
    const { locale, workspace } = stringsFor('en');
    renderWithFluent(<PersonCard person={{ ...jane, details: [] }} instanceUrl="https://acme.my.salesforce.com" locale={locale} strings={workspace} />, { lang: 'en' });
    expect(document.querySelectorAll('[data-testid="card-detail"]')).toHaveLength(0);
  });

  it('formats values by type and locale: dates as calendar days, numbers, booleans in the seller language', () => {
    expect(formatCardValue({ name: 'D', label: 'D', type: 'date', value: '2026-03-01' }, 'en-US')).toBe('Mar 1, 2026');
    expect(formatCardValue({ name: 'N', label: 'N', type: 'double', value: 1234.5 }, 'fr-FR')).toBe('1\u202f234,5');
    expect(formatCardValue({ name: 'B', label: 'B', type: 'boolean', value: false }, 'fr')).toBe('Non');
    expect(formatCardValue({ name: 'S', label: 'S', type: 'string', value: '' }, 'en')).toBeNull();
  });

  it('open opportunities in a multi-currency org show their own currency', () => {
    const { locale, workspace } = stringsFor('en');
    const account = {
      id: '0015e000000Acme01A',
      name: 'Acme',
      website: null,
      openOpportunities: [{ id: '0065e000000Opp001A', name: 'Renewal', stageName: 'Negotiation', amount: 12000, closeDate: null, currencyIsoCode: 'EUR' }],
    };
    renderWithFluent(<PersonCard person={jane} account={account} instanceUrl="https://acme.my.salesforce.com" locale={locale} strings={workspace} />, { lang: 'en' });
    expect(screen.getByTestId('open-opportunities').textContent).toContain('€12,000.00');
  });
});
