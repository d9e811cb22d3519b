import { screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../salesforce/crm/crm-records';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import { renderWithFluent, stringsFor } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, deferred, fullStorage, refusal, type TestOutbox } from '../../testing/test-outbox';
import { CreateContactForm } from './create-contact-form';

const priya: EmailPerson = { address: 'priya.patel@globex.example', name: 'Priya Patel', role: 'to' };
const globex: AccountSummary = { id: '0015e000000Glbx01A', name: 'Globex', website: 'globex.example', openOpportunities: [] };
const globexEmea: AccountSummary = { id: '0015e000000Glbx02A', name: 'Globex EMEA', website: 'globex.example', openOpportunities: [] };
const NEW_CONTACT = '0035e000000Priy01A';

function renderForm(
  t: TestOutbox,
  { accounts = [globex], person = priya, lang = 'en', beside }: { accounts?: AccountSummary[]; person?: EmailPerson; lang?: 'en' | 'fr'; beside?: ReactNode } = {},
) {
  const onCancel = vi.fn();
  const onCreated = vi.fn();
  const { locale, workspace } = stringsFor(lang);
  const view = renderWithFluent(
    <>
      {beside}
      <OutboxEntries outbox={t.outbox} owner={t.owner}>
        {(entries) => (
          <CreateContactForm
            person={person}
            accounts={accounts}
            outbox={t.outbox}
            owner={t.owner}
            entries={entries}
            strings={workspace}
            locale={locale}
            onCancel={onCancel}
            onCreated={onCreated}
          />
        )}
      </OutboxEntries>
    </>,
    { lang },
  );
  return { ...view, onCancel, onCreated };
}

const field = (name: RegExp | string) => screen.getByRole<HTMLInputElement>('textbox', { name: typeof name === 'string' ? new RegExp(`^${name}`) : name });
const creates = (t: TestOutbox) => t.api.calls.filter((c) => c.method === 'create').map((c) => c.args);
/** The message Fluent's Field shows under a field (its validation message). */
const messageOf = (testId: string) =>
  within(screen.getByTestId(testId)).queryByText((_, el) => el?.getAttribute('role') === 'alert' || el?.id.endsWith('__validationMessage') === true)?.textContent;

// Typing and IndexedDB round trips on a shared, loaded machine: more than vitest's default 5 s per test.
describe('CreateContactForm', () => {
  it('opens prefilled from the address and display name, the one account on the domain picked, focus in the first field', () => {
    const t = createTestOutbox();
    renderForm(t);
    const form = screen.getByRole('form', { name: 'New contact' });
    expect(field('First name').value).toBe('Priya');
    expect(field('Last name').value).toBe('Patel');
    expect(field('Email').value).toBe('priya.patel@globex.example');
    expect(field('Title').value).toBe('');
    expect(field('Phone').value).toBe('');
    const account = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Account' });
    expect(account.value).toBe(globex.id);
    expect([...account.options].map((o) => o.text)).toEqual(['No account', 'Globex']);
    expect(document.activeElement).toBe(field('First name'));
  });

  it('leaves the account to the seller when several match the domain', () => {
    renderForm(createTestOutbox(), { accounts: [globex, globexEmea] });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Account' }).value).toBe('');
  });

  it('creates the contact as typed, through the outbox, and hands back its id and address', async () => {
    const t = createTestOutbox({ create: () => ({ id: NEW_CONTACT }) });
    const { user, onCreated } = renderForm(t, { accounts: [globex, globexEmea] });
    await user.clear(field('Email'));
    await user.type(field('Email'), 'Priya@Globex.example');
    await user.type(field('Title'), 'CTO');
    await user.type(field('Phone'), '+44 20 7946 0000');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'Globex EMEA');
    await user.click(screen.getByRole('button', { name: 'Create contact' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(NEW_CONTACT, 'priya@globex.example'));
    expect(creates(t)).toEqual([['Contact', { FirstName: 'Priya', LastName: 'Patel', Email: 'priya@globex.example', Title: 'CTO', Phone: '+44 20 7946 0000', AccountId: globexEmea.id }]]);
    expect(onCreated).toHaveBeenCalledTimes(1);
  });

  it('is submitted from the keyboard, and holds its buttons while Salesforce answers', async () => {
    const answer = deferred<{ id: string }>();
    const t = createTestOutbox({ create: () => answer.promise });
    const { user, onCreated } = renderForm(t);
    // First name has the focus; Enter in a field submits the form.
    await user.keyboard('{Enter}');
    const submit = await screen.findByRole('button', { name: 'Creating…' });
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
    answer.resolve({ id: NEW_CONTACT });
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(NEW_CONTACT, 'priya.patel@globex.example'));
  });

  it('checks before sending: a missing last name and a bad address are said on their fields, focus on the first', async () => {
    const t = createTestOutbox();
    const { user } = renderForm(t);
    await user.clear(field('Last name'));
    await user.clear(field('Email'));
    await user.type(field('Email'), 'priya@');
    await user.click(screen.getByRole('button', { name: 'Create contact' }));

    expect(messageOf('field-LastName')).toBe('Required');
    expect(messageOf('field-Email')).toBe('Enter a valid email address');
    expect(field('Last name').getAttribute('aria-invalid')).toBe('true');
    expect(field('Email').getAttribute('aria-invalid')).toBe('true');
    expect(field('First name').getAttribute('aria-invalid')).not.toBe('true');
    // React runs the effect that moves the focus after the render, not within it.
    await waitFor(() => expect(document.activeElement).toBe(field('Last name')));
    expect(await t.outbox.list(t.owner)).toEqual([]);
  });

  it('says a value is too long for Salesforce before sending it', async () => {
    const t = createTestOutbox();
    const { user } = renderForm(t);
    await user.click(field('Title'));
    await user.paste('T'.repeat(129));
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    expect(messageOf('field-Title')).toBe('Too long');
    // React runs the effect that moves the focus after the render, not within it.
    await waitFor(() => expect(document.activeElement).toBe(field('Title')));
    expect(await t.outbox.list(t.owner)).toEqual([]);
  });

  it("puts Salesforce's refusal on the field it names, moves focus there, and a corrected retry creates one contact", async () => {
    let attempt = 0;
    const t = createTestOutbox({
      create: () =>
        ++attempt === 1
          ? Promise.reject(refusal('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Phone'], detail: 'Phone must start with +' }))
          : Promise.resolve({ id: NEW_CONTACT }),
    });
    const { user, onCreated } = renderForm(t);
    await user.type(field('Phone'), '020 7946 0000');
    await user.click(screen.getByRole('button', { name: 'Create contact' }));

    await waitFor(() => expect(messageOf('field-Phone')).toBe('Phone must start with +'));
    await waitFor(() => expect(document.activeElement).toBe(field('Phone')));
    expect(screen.queryByTestId('create-contact-error')).toBeNull();

    await user.clear(field('Phone'));
    await user.type(field('Phone'), '+44 20 7946 0000');
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(NEW_CONTACT, 'priya.patel@globex.example'));
    expect(creates(t).map(([, fields]) => (fields as { Phone: string }).Phone)).toEqual(['020 7946 0000', '+44 20 7946 0000']);
    // One entry, retried with the seller's edit: not a second write.
    expect(await t.outbox.list(t.owner)).toHaveLength(1);
  });

  it('never takes the focus from where the seller went while Salesforce answered', async () => {
    const answer = deferred<{ id: string }>();
    const t = createTestOutbox({ create: () => answer.promise });
    const { user } = renderForm(t, { beside: <input aria-label="Search mail" /> });
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    await screen.findByRole('button', { name: 'Creating…' });
    await user.click(screen.getByRole('textbox', { name: 'Search mail' }));
    answer.reject(refusal('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Phone'], detail: 'Phone must start with +' }));
    await waitFor(() => expect(messageOf('field-Phone')).toBe('Phone must start with +'));
    // Past the render's effects (the one that would move the focus runs just after the messages show).
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search mail' }));
  });

  it('says a required field Salesforce found missing in our words, not its API name', async () => {
    const t = createTestOutbox({
      create: () => Promise.reject(refusal('validation', { code: 'REQUIRED_FIELD_MISSING', fields: ['LastName'], detail: 'Required fields are missing: [LastName]' })),
    });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    await waitFor(() => expect(messageOf('field-LastName')).toBe('Required'));
    expect(screen.queryByText('Required fields are missing: [LastName]')).toBeNull();
  });

  it('says at the top what names no field: a duplicate', async () => {
    const t = createTestOutbox({ create: () => Promise.reject(refusal('validation', { code: 'DUPLICATES_DETECTED', detail: 'Use one of these records?' })) });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const error = await screen.findByTestId('create-contact-error');
    expect(error.textContent).toContain('Salesforce did not create the contact');
    expect(error.textContent).toContain('Salesforce found a similar contact. Open Salesforce to check, or change the details.');
  });

  it("shows Salesforce's own hostile text as text", async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const t = createTestOutbox({ create: () => Promise.reject(refusal('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', detail: hostile })) });
    const { user } = renderForm(t, { accounts: [{ ...globex, name: `${hostile}${'x'.repeat(200)}` }] });
    const option = within(screen.getByRole('combobox', { name: 'Account' })).getAllByRole('option')[1];
    expect(option?.textContent).toBe(`${hostile}${'x'.repeat(200)}`.slice(0, 120));
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const error = await screen.findByTestId('create-contact-error');
    expect(error.textContent).toContain(hostile);
    expect(document.querySelector('img')).toBeNull();
  });

  it('says why the contact waits when it cannot go now, and creates it once the network is back', async () => {
    const t = createTestOutbox({ create: () => ({ id: NEW_CONTACT }) }, { online: false });
    const { user, onCreated } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    const waiting = await screen.findByTestId('create-contact-waiting');
    expect(waiting.getAttribute('role')).toBe('status');
    expect(waiting.textContent).toBe('Waiting: you are offline. It goes as soon as the network is back.');
    expect(onCreated).not.toHaveBeenCalled();
    t.setOnline(true);
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(NEW_CONTACT, 'priya.patel@globex.example'));
  });

  it('says so when the browser refuses to keep the write, and sends nothing', async () => {
    const t = createTestOutbox({}, { storage: fullStorage() });
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    expect(await screen.findByText('The request to Salesforce failed unexpectedly.')).toBeTruthy();
    expect(creates(t)).toEqual([]);
  });

  it('cancels from the keyboard', async () => {
    const t = createTestOutbox();
    const { user, onCancel } = renderForm(t);
    screen.getByRole('button', { name: 'Cancel' }).focus();
    await user.keyboard('{Enter}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(await t.outbox.list(t.owner)).toEqual([]);
  });

  it('speaks French', async () => {
    const t = createTestOutbox();
    const { user } = renderForm(t, { lang: 'fr' });
    expect(screen.getByRole('form', { name: 'Nouveau contact' })).toBeTruthy();
    expect(field('Prénom').value).toBe('Priya');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Compte' }).options[0]?.text).toBe('Aucun compte');
    await user.clear(field('Nom'));
    await user.click(screen.getByRole('button', { name: 'Créer le contact' }));
    expect(messageOf('field-LastName')).toBe('Obligatoire');
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeTruthy();
  });
});
