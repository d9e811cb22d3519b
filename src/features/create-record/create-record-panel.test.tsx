import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../salesforce/crm/crm-records';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import type { RecordForm } from '../../salesforce/crm/create-record-metadata';
import type { CreatableSObject } from '../../salesforce/outbox/outbox';
import type { CreateOptions } from '../../salesforce/salesforce-api';
import { renderWithFluent } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, refusal, type TestOutbox } from '../../testing/test-outbox';
import { CreateRecordPanel } from './create-record-panel';

const maria: EmailPerson = { address: 'maria.lopez@initech.example', name: 'Maria Lopez', role: 'from' };
const initech: AccountSummary = { id: '0015e0000000003AAA', name: 'Initech', website: 'initech.example', openOpportunities: [] };
const TOM = '00Q5e0000000001AAA';
const NEW_ID = '00Q5e0000000777AAA';
const BODY = 'Hi Sam,\nCan we talk pricing?\n\nBest regards,\nMaria Lopez\nHead of Procurement\nInitech Labs\n+1 415 555 0199';

function renderPanel(t: TestOutbox, lang: 'en' | 'fr' = 'en', loadForm?: (sobject: CreatableSObject) => Promise<RecordForm>, objects?: CreatableSObject[]) {
  return renderWithFluent(
    <OutboxEntries outbox={t.outbox} owner={t.owner}>
      {(entries) => (
        <CreateRecordPanel
          person={maria}
          accounts={[initech]}
          subject="Pricing 2026"
          bodyExcerpt={BODY}
          outbox={t.outbox}
          owner={t.owner}
          entries={entries}
          instanceUrl="https://demo.my.salesforce.com"
          locale={lang}
          today="2026-11-30"
          {...(loadForm ? { loadForm } : {})}
          {...(objects ? { objects } : {})}
        />
      )}
    </OutboxEntries>,
    { lang },
  );
}

const box = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name: new RegExp(`^${name}`) });
const creates = (t: TestOutbox) => t.api.calls.filter((c) => c.method === 'create').map((c) => c.args);
const messageOf = (testId: string) =>
  within(screen.getByTestId(testId)).queryByText((_, el) => el?.getAttribute('role') === 'alert' || el?.id.endsWith('__validationMessage') === true)?.textContent;

const duplicate = (allowSave: boolean) =>
  refusal('validation', {
    code: 'DUPLICATES_DETECTED',
    detail: 'Use one of these records?',
    duplicates: { allowSave, rule: 'Rule', records: [{ sobject: 'Lead', id: TOM, name: 'Tom Nguyen', company: 'Initech', email: 'tom.nguyen@initech.example' }] },
  });

describe('CreateRecordPanel', () => {
  it('opens a lead form prefilled from the signature and the address, focus in its first field', async () => {
    const { user } = renderPanel(createTestOutbox());
    await user.click(screen.getByRole('button', { name: 'New lead' }));
    expect(screen.getByRole('form', { name: 'New Lead' })).toBeTruthy();
    expect(box('First Name').value).toBe('Maria');
    expect(box('Last Name').value).toBe('Lopez');
    expect(box('Company').value).toBe('Initech Labs');
    expect(box('Title').value).toBe('Head of Procurement');
    expect(box('Email').value).toBe('maria.lopez@initech.example');
    expect(box('Phone').value).toBe('+1 415 555 0199');
    expect(document.activeElement).toBe(box('First Name'));
  });

  it('checks required fields before sending; Cancel gives the focus back to the button that opened the form', async () => {
    const t = createTestOutbox();
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'New account' }));
    await user.clear(box('Name'));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(messageOf('record-field-Name')).toBe('Required');
    expect(document.activeElement).toBe(box('Name'));
    expect(creates(t)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New account' }));
  });

  it('a Block rule: the matching lead with "Use this one", no "Save anyway"; using it resolves the entry with that lead', async () => {
    const t = createTestOutbox({
      create: () => {
        throw duplicate(false);
      },
    });
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'New lead' }));
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    const refused = await screen.findByTestId('create-record-duplicates');
    expect(within(refused).getByText('Salesforce did not create the lead')).toBeTruthy();
    expect(within(refused).getByRole('link', { name: 'Tom Nguyen' }).getAttribute('href')).toBe(`https://demo.my.salesforce.com/lightning/r/Lead/${TOM}/view`);
    expect(within(refused).queryByRole('button', { name: 'Save anyway' })).toBeNull();
    await user.click(within(refused).getByRole('button', { name: 'Use this one: Tom Nguyen' }));
    const done = await screen.findByTestId('create-record-done');
    expect(done.textContent).toContain('Using the existing Lead: Tom Nguyen');
    expect(t.api.calls.filter((c) => c.method === 'retrieve').map((c) => c.args)).toEqual([['Lead', TOM, ['Id']]]);
    expect(creates(t)).toHaveLength(1);
  });

  it('an Alert rule: "Save anyway" sends the record again with allowSave and reports it created', async () => {
    const t = createTestOutbox({
      create: (_sobject: string, _fields: Record<string, unknown>, options?: CreateOptions) => {
        if (!options?.duplicateRule?.allowSave) throw duplicate(true);
        return { id: NEW_ID };
      },
    });
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'New lead' }));
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await user.click(await screen.findByRole('button', { name: 'Save anyway' }));
    const done = await screen.findByTestId('create-record-done');
    expect(done.textContent).toContain('Lead created: Maria Lopez');
    expect(creates(t).map((args) => args[2])).toEqual([undefined, { duplicateRule: { allowSave: true } }]);
    expect(creates(t)[1]?.[1]).toEqual({
      FirstName: 'Maria',
      LastName: 'Lopez',
      Company: 'Initech Labs',
      Email: 'maria.lopez@initech.example',
      Title: 'Head of Procurement',
      Phone: '+1 415 555 0199',
    });
  });

  it('puts a refusal that names a field on that field', async () => {
    const t = createTestOutbox({
      create: () => {
        throw refusal('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', detail: 'Close Date must be in the future.', fields: ['CloseDate'] });
      },
    });
    const { user } = renderPanel(t);
    await user.click(screen.getByRole('button', { name: 'New opportunity' }));
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Account' }).value).toBe(initech.id);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: /^Stage/ }).value).toBe('Prospecting');
    await user.type(box('Amount'), '1200.5');
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    await waitFor(() => expect(messageOf('record-field-CloseDate')).toBe('Close Date must be in the future.'));
    expect(creates(t)[0]?.slice(0, 2)).toEqual(['Opportunity', { Name: 'Initech - Pricing 2026', AccountId: initech.id, StageName: 'Prospecting', CloseDate: '2026-12-30', Amount: 1200.5 }]);
  });

  it('the org’s metadata shapes the form: its labels, no field the seller may not set, the fields it requires', async () => {
    const t = createTestOutbox({ create: () => ({ id: NEW_ID }) });
    const loadForm = (sobject: CreatableSObject) =>
      Promise.resolve<RecordForm>({
        createable: true,
        fields: [
          { name: 'LastName', kind: 'text', label: 'Nom de famille', required: true, maxLength: 80 },
          { name: 'Company', kind: 'text', label: 'Company', required: true },
          { name: 'Region__c', kind: 'picklist', label: 'Region', required: true, options: ['EMEA', 'APAC'] },
        ].filter(() => sobject === 'Lead') as RecordForm['fields'],
      });
    const { user } = renderPanel(t, 'en', loadForm);
    await user.click(screen.getByRole('button', { name: 'New lead' }));
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: /^Nom de famille/ })).value).toBe('Lopez');
    expect(screen.queryByRole('textbox', { name: /^Title/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(messageOf('record-field-Region__c')).toBe('Required');
    await user.selectOptions(screen.getByRole('combobox', { name: /^Region/ }), 'EMEA');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByTestId('create-record-done');
    expect(creates(t)[0]?.slice(0, 2)).toEqual(['Lead', { LastName: 'Lopez', Company: 'Initech Labs', Region__c: 'EMEA' }]);
  });

  it('an object the seller may not create says so; metadata that cannot be had leaves the standard form', async () => {
    const { user } = renderPanel(createTestOutbox(), 'en', (sobject) => (sobject === 'Case' ? Promise.resolve({ createable: false, fields: [] }) : Promise.reject(new Error('offline'))));
    await user.click(screen.getByRole('button', { name: 'New case' }));
    expect((await screen.findByTestId('create-record-not-allowed')).textContent).toContain('Your Salesforce user may not create a case');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'New account' }));
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: /^Name/ })).value).toBe('Initech Labs');
  });

  it('offers only the objects the admin leaves visible', () => {
    renderPanel(createTestOutbox(), 'en', undefined, ['Lead', 'Case']);
    const panel = screen.getByTestId('create-record-panel');
    expect(
      within(panel)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['New lead', 'New case']);
  });

  it('speaks French', async () => {
    const { user } = renderPanel(createTestOutbox(), 'fr');
    expect(screen.getByRole('heading', { name: 'Créer dans Salesforce' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nouveau : requête' }));
    expect(box('Objet').value).toBe('Pricing 2026');
  });
});

describe('CreateRecordPanel and record types', () => {
  const NEW_BUSINESS = '0125e0000000001AAA';
  const RENEWAL = '0125e0000000002AAA';
  const opportunityFields = (stages: string[]): RecordForm['fields'] => [
    { name: 'Name', kind: 'text', label: 'Name', required: true },
    { name: 'StageName', kind: 'picklist', label: 'Stage', required: true, options: stages },
    { name: 'CloseDate', kind: 'date', label: 'Close Date', required: true },
  ];
  const stagesOffered = () =>
    within(screen.getByRole('combobox', { name: /^Stage/ }))
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'))
      .filter(Boolean);

  it("sends the seller's default record type; another chosen, the stages follow it and it is sent", async () => {
    const t = createTestOutbox({ create: () => ({ id: NEW_ID }) });
    const loadForm = () =>
      Promise.resolve<RecordForm>({
        createable: true,
        fields: opportunityFields(['Qualification']),
        recordTypeId: RENEWAL,
        recordTypes: [
          { id: NEW_BUSINESS, name: 'New Business', fields: opportunityFields(['Prospecting', 'Qualification']) },
          { id: RENEWAL, name: 'Renewal', fields: opportunityFields(['Qualification']) },
        ],
      });
    const { user } = renderPanel(t, 'en', loadForm);
    await user.click(screen.getByRole('button', { name: 'New opportunity' }));
    const recordType = await screen.findByRole('combobox', { name: /^Record type/ });
    expect(recordType.textContent).toContain('Renewal');
    expect(stagesOffered()).toEqual(['Qualification']);
    // The email's prefilled stage is not a Renewal one: caught before anything is sent.
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    expect(messageOf('record-field-StageName')).toBe('Choose a value from the list');
    expect(creates(t)).toHaveLength(0);

    await user.click(recordType);
    await user.click(await screen.findByRole('option', { name: 'New Business' }));
    expect(stagesOffered()).toEqual(['Prospecting', 'Qualification']);
    await user.selectOptions(screen.getByRole('combobox', { name: /^Stage/ }), 'Prospecting');
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    await screen.findByTestId('create-record-done');
    expect(creates(t)[0]?.[1]).toMatchObject({ StageName: 'Prospecting', RecordTypeId: NEW_BUSINESS });
  });

  it('one record type: sent without a choice', async () => {
    const t = createTestOutbox({ create: () => ({ id: NEW_ID }) });
    const { user } = renderPanel(t, 'en', () => Promise.resolve<RecordForm>({ createable: true, fields: opportunityFields(['Prospecting']), recordTypeId: NEW_BUSINESS }));
    await user.click(screen.getByRole('button', { name: 'New opportunity' }));
    await screen.findByRole('combobox', { name: /^Stage/ });
    expect(screen.queryByRole('combobox', { name: /^Record type/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create opportunity' }));
    await screen.findByTestId('create-record-done');
    expect(creates(t)[0]?.[1]).toMatchObject({ RecordTypeId: NEW_BUSINESS });
  });
});
