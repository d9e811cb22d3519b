import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountSummary, ContactMatch, LeadMatch } from '../../salesforce/crm/crm-records';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { PersonCard, type PersonCardProps } from './person-card';

const INSTANCE = 'https://acme.my.salesforce.com';

const jane: ContactMatch = {
  kind: 'contact',
  id: '0035e000000Jane01A',
  name: 'Jane Doe',
  title: 'VP Sales',
  phone: '+1 555 0100',
  email: 'jane.doe@acme.example',
  accountId: '0015e000000Acme01A',
  accountName: 'Acme',
  ownerName: 'Sam Seller',
};

const acme: AccountSummary = {
  id: '0015e000000Acme01A',
  name: 'Acme',
  website: 'acme.example',
  openOpportunities: [
    { id: '0065e000000Opp001A', name: 'Acme renewal', stageName: 'Negotiation', amount: 12500, closeDate: '2025-06-30' },
    { id: '0065e000000Opp002A', name: 'Acme pilot', stageName: 'Prospecting', amount: null, closeDate: null },
  ],
};

const bob: LeadMatch = {
  kind: 'lead',
  id: '00Q5e000000Bob001A',
  name: 'Bob Lee',
  title: null,
  phone: null,
  email: 'bob.lee@globex.example',
  company: 'Globex',
  status: 'Working - Contacted',
  ownerName: null,
};

function renderCard(props: Partial<PersonCardProps> & Pick<PersonCardProps, 'person'>, lang: 'en' | 'fr' = 'en') {
  const { locale, workspace } = stringsFor(lang);
  return renderWithFluent(<PersonCard instanceUrl={INSTANCE} locale={locale} strings={workspace} {...props} />, { lang });
}

/** The card's term/value pairs, as a screen reader walks the description list. */
function detailsOf(card: HTMLElement): Record<string, string> {
  const list = card.querySelector('dl');
  const terms = [...(list?.querySelectorAll('dt') ?? [])];
  return Object.fromEntries(terms.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']));
}

describe('PersonCard', () => {
  it('shows a contact: name, title and account, email, phone, owner, and a link to the record', () => {
    renderCard({ person: jane });
    const card = screen.getByTestId('person-card');
    expect(card.getAttribute('aria-label')).toBe('Jane Doe');
    expect(card.dataset.personKind).toBe('contact');
    expect(within(card).getByText('Jane Doe')).toBeTruthy();
    expect(within(card).getByText('VP Sales · Acme')).toBeTruthy();
    expect(within(card).getByText('Contact')).toBeTruthy();
    expect(detailsOf(card)).toEqual({ Email: 'jane.doe@acme.example', Phone: '+1 555 0100', Owner: 'Sam Seller' });
    const link = within(card).getByRole('link', { name: 'Open Jane Doe in Salesforce' });
    expect(link.getAttribute('href')).toBe(`${INSTANCE}/lightning/r/Contact/0035e000000Jane01A/view`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // No account given: no opportunities section.
    expect(within(card).queryByTestId('open-opportunities')).toBeNull();
  });

  it("lists the account's open opportunities with stage and amount, or says there are none", () => {
    const { rerender } = renderCard({ person: jane, account: acme });
    const list = screen.getByRole('list', { name: 'Open opportunities' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['Acme renewalNegotiation · 12,500', 'Acme pilotProspecting · no amount']);

    const { locale, workspace } = stringsFor('en');
    rerender(<PersonCard person={jane} account={{ ...acme, openOpportunities: [] }} instanceUrl={INSTANCE} locale={locale} strings={workspace} />);
    expect(screen.queryByRole('list', { name: 'Open opportunities' })).toBeNull();
    expect(within(screen.getByTestId('open-opportunities')).getByText('No open opportunities')).toBeTruthy();
  });

  it('shows a lead: company, status, a Lead badge, and no opportunities even when given an account', () => {
    renderCard({ person: bob, account: acme });
    const card = screen.getByRole('group', { name: 'Bob Lee' });
    expect(card.dataset.personKind).toBe('lead');
    expect(within(card).getByText('Globex')).toBeTruthy();
    expect(within(card).getByText('Lead')).toBeTruthy();
    expect(detailsOf(card)).toEqual({ Email: 'bob.lee@globex.example', Status: 'Working - Contacted' });
    expect(within(card).queryByTestId('open-opportunities')).toBeNull();
    expect(within(card).getByRole('link').getAttribute('href')).toBe(`${INSTANCE}/lightning/r/Lead/00Q5e000000Bob001A/view`);
  });

  it('renders hostile CRM text as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    renderCard({
      person: { ...jane, name: hostile, title: '<script>alert(2)</script>', accountName: '"><svg onload=alert(3)>', phone: hostile, ownerName: hostile },
      account: { ...acme, openOpportunities: [{ ...acme.openOpportunities[0]!, name: hostile, stageName: '<b>won</b>' }] },
    });
    const card = screen.getByTestId('person-card');
    expect(card.getAttribute('aria-label')).toBe(hostile);
    expect(within(card).getByRole('link').textContent).toBe(`Open ${hostile} in Salesforce`);
    expect(within(card).getByText('<script>alert(2)</script> · "><svg onload=alert(3)>')).toBeTruthy();
    expect(within(card).getByText('<b>won</b> · 12,500')).toBeTruthy();
    expect(card.querySelector('img, script, svg:not([aria-hidden]), b')).toBeNull();
  });

  it('clips values that would flood the pane, with an ellipsis', () => {
    const longName = 'N'.repeat(500);
    renderCard({
      person: { ...jane, name: longName, phone: '9'.repeat(100), email: `${'e'.repeat(300)}@acme.example` },
      account: { ...acme, openOpportunities: [{ ...acme.openOpportunities[0]!, name: 'O'.repeat(300) }] },
    });
    const card = screen.getByTestId('person-card');
    const clippedName = `${'N'.repeat(119)}…`;
    expect(card.getAttribute('aria-label')).toBe(clippedName);
    expect(within(card).getByRole('link').textContent).toBe(`Open ${clippedName} in Salesforce`);
    const details = detailsOf(card);
    expect(details.Phone).toBe(`${'9'.repeat(59)}…`);
    expect(details.Email).toHaveLength(200);
    expect(details.Email?.endsWith('…')).toBe(true);
    expect(within(card).getByText(`${'O'.repeat(119)}…`)).toBeTruthy();
    expect(within(card).getByText(clippedName)).toBeTruthy();
  });

  it('links only to the signed-in https instance and a real record id', () => {
    const { rerender } = renderCard({ person: jane, instanceUrl: 'javascript:alert(1)//' });
    expect(screen.queryByRole('link')).toBeNull();
    const { locale, workspace } = stringsFor('en');
    rerender(<PersonCard person={{ ...jane, id: 'javascript:alert(1)' }} instanceUrl={INSTANCE} locale={locale} strings={workspace} />);
    expect(screen.queryByRole('link')).toBeNull();
    rerender(<PersonCard person={jane} instanceUrl="http://acme.my.salesforce.com" locale={locale} strings={workspace} />);
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows its footer beside the record link', () => {
    renderCard({ person: jane, footer: <button type="button">Log a follow-up</button> });
    const card = screen.getByTestId('person-card');
    expect(within(card).getByRole('button', { name: 'Log a follow-up' })).toBeTruthy();
  });

  it('takes the focus when it replaces the form the seller was in, and is no tab stop otherwise', async () => {
    const { locale, workspace } = stringsFor('en');
    const { rerender, user } = renderCard({ person: jane });
    const card = screen.getByTestId('person-card');
    expect(document.activeElement).toBe(document.body);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link'));
    (document.activeElement as HTMLElement).blur();
    rerender(<PersonCard person={jane} instanceUrl={INSTANCE} locale={locale} strings={workspace} focusOnArrival />);
    expect(document.activeElement).toBe(card);
  });

  it('speaks French, with French number formatting', () => {
    renderCard({ person: jane, account: acme }, 'fr');
    const card = screen.getByTestId('person-card');
    expect(detailsOf(card)).toEqual({ 'E-mail': 'jane.doe@acme.example', Téléphone: '+1 555 0100', Propriétaire: 'Sam Seller' });
    expect(within(card).getByRole('link').textContent).toBe('Ouvrir Jane Doe dans Salesforce');
    const items = within(screen.getByRole('list', { name: 'Opportunités ouvertes' })).getAllByRole('listitem');
    expect(items[0]?.textContent?.replace(/\s/g, ' ')).toBe('Acme renewalNegotiation · 12 500');
    expect(items[1]?.textContent).toBe('Acme pilotProspecting · sans montant');
  });
});
