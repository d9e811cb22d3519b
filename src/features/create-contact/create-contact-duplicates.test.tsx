/**
 * The create-contact form against a duplicate rule: the matching contacts listed with "Use this one" (nothing
 * created, the existing contact handed back as the card's) and "Save anyway" where the rule only alerts.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, refusal, type TestOutbox } from '../../testing/test-outbox';
import { CreateContactForm } from './create-contact-form';

const nora: EmailPerson = { address: 'nora.newperson@acme.example', name: 'Nora Newperson', role: 'from' };
const EXISTING = '0035e00000Nora01AA';
const CREATED = '0035e00000Nora02AA';

function duplicateRefusal(allowSave: boolean) {
  return refusal('validation', {
    code: 'DUPLICATES_DETECTED',
    detail: 'Use one of these records?',
    duplicates: { allowSave, records: [{ sobject: 'Contact', id: EXISTING, name: 'Nora Newperson', email: nora.address }] },
  });
}

function renderForm(t: TestOutbox, lang: 'en' | 'fr' = 'en') {
  const onCreated = vi.fn();
  const { locale, workspace } = stringsFor(lang);
  const view = renderWithFluent(
    <OutboxEntries outbox={t.outbox} owner={t.owner}>
      {(entries) => (
        <CreateContactForm
          person={nora}
          accounts={[]}
          outbox={t.outbox}
          owner={t.owner}
          entries={entries}
          strings={workspace}
          locale={locale}
          instanceUrl="https://acme.my.salesforce.com"
          onCancel={() => undefined}
          onCreated={onCreated}
        />
      )}
    </OutboxEntries>,
    { lang },
  );
  return { ...view, onCreated };
}

const methods = (t: TestOutbox) => t.api.calls.map((c) => c.method);

describe('CreateContactForm and duplicate rules', () => {
  it('"Use this one": the existing contact is handed back as the card\'s, and nothing is created', async () => {
    const t = createTestOutbox({ create: () => Promise.reject(duplicateRefusal(true)), retrieve: () => ({ Id: EXISTING }) });
    const { user, onCreated } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));

    const matches = await screen.findByTestId('create-contact-duplicates');
    expect(matches.textContent).toContain('Salesforce did not create the contact');
    expect(within(matches).getByRole('link', { name: 'Nora Newperson' }).getAttribute('href')).toBe(`https://acme.my.salesforce.com/lightning/r/Contact/${EXISTING}/view`);
    expect(within(matches).getByRole('button', { name: 'Save anyway' })).toBeTruthy();
    await user.click(within(matches).getByRole('button', { name: 'Use this one: Nora Newperson' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(EXISTING, nora.address));
    expect(methods(t)).toEqual(['create', 'retrieve']);
    expect(t.api.calls[1]?.args).toEqual(['Contact', EXISTING, ['Id']]);
  });

  it('"Save anyway" (an Alert rule): sent again with the duplicate-rule header, created once', async () => {
    let tries = 0;
    const t = createTestOutbox({ create: () => (++tries === 1 ? Promise.reject(duplicateRefusal(true)) : { id: CREATED }) });
    const { user, onCreated } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    await user.click(within(await screen.findByTestId('create-contact-duplicates')).getByRole('button', { name: 'Save anyway' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED, nora.address));
    const creates = t.api.calls.filter((c) => c.method === 'create').map((c) => c.args[2]);
    expect(creates).toEqual([undefined, { duplicateRule: { allowSave: true } }]);
  });

  it('a Block rule: "Use this one" only, no way around it', async () => {
    const t = createTestOutbox({ create: () => Promise.reject(duplicateRefusal(false)) });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const matches = await screen.findByTestId('create-contact-duplicates');
    expect(within(matches).getByRole('button', { name: 'Use this one: Nora Newperson' })).toBeTruthy();
    expect(within(matches).queryByRole('button', { name: 'Save anyway' })).toBeNull();
    expect(screen.queryByTestId('create-contact-error')).toBeNull();
  });

  it('a lead the Contact rule matched can be opened, not used as the contact', async () => {
    const LEAD = '00Q5e00000Nora03AA';
    const withLead = refusal('validation', {
      code: 'DUPLICATES_DETECTED',
      detail: 'Use one of these records?',
      duplicates: {
        allowSave: true,
        records: [
          { sobject: 'Lead', id: LEAD, name: 'Nora Lead', email: nora.address },
          { sobject: 'Contact', id: EXISTING, name: 'Nora Newperson', email: nora.address },
        ],
      },
    });
    const t = createTestOutbox({ create: () => Promise.reject(withLead) });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const matches = await screen.findByTestId('create-contact-duplicates');
    expect(within(matches).getByRole('link', { name: 'Nora Lead' }).getAttribute('href')).toBe(`https://acme.my.salesforce.com/lightning/r/Lead/${LEAD}/view`);
    expect(within(matches).queryByRole('button', { name: 'Use this one: Nora Lead' })).toBeNull();
    expect(within(matches).getByRole('button', { name: 'Use this one: Nora Newperson' })).toBeTruthy();
    expect(within(matches).getByRole('button', { name: 'Save anyway' })).toBeTruthy();
  });

  it('speaks French', async () => {
    const t = createTestOutbox({ create: () => Promise.reject(duplicateRefusal(true)) });
    const { user } = renderForm(t, 'fr');
    await user.click(screen.getByRole('button', { name: 'Créer le contact' }));
    const matches = await screen.findByTestId('create-contact-duplicates');
    expect(within(matches).getByRole('button', { name: 'Utiliser celui-ci : Nora Newperson' })).toBeTruthy();
    expect(within(matches).getByRole('button', { name: 'Enregistrer quand même' })).toBeTruthy();
  });
});
