import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { editRecordStrings } from '../../i18n/edit-record-strings';
import { RECORD_CHANGED } from '../../salesforce/crm/update-record';
import { renderWithFluent } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, refusal, type TestOutbox } from '../../testing/test-outbox';
import { standardFieldSpecs, type EditTarget } from './edit-record-draft';
import { EditRecordForm } from './edit-record-form';

const SEEN = '2025-01-15T09:00:00.000+0000';
const LATER = '2025-02-01T12:00:00.000+0000';
const opportunity: EditTarget & { lastModifiedDate: string } = {
  sobject: 'Opportunity',
  recordId: '0065e000000Opp001A',
  name: 'Acme renewal 2025',
  lastModifiedDate: SEEN,
  values: { StageName: 'Prospecting', Amount: 48000, CloseDate: '2025-06-30', NextStep: null },
  addresses: ['jane.doe@acme.example'],
};

function renderForm(t: TestOutbox, target = opportunity) {
  const onClose = vi.fn();
  const s = editRecordStrings('en-US');
  const view = renderWithFluent(
    <OutboxEntries outbox={t.outbox} owner={t.owner}>
      {(entries) => (
        <EditRecordForm target={target} specs={standardFieldSpecs(target.sobject, s)} outbox={t.outbox} owner={t.owner} entries={entries} strings={s} locale="en-US" onClose={onClose} />
      )}
    </OutboxEntries>,
  );
  return { ...view, onClose };
}

const updates = (t: TestOutbox) => t.api.calls.filter((c) => c.method === 'update');
const messageOf = (name: string) => within(screen.getByTestId(`edit-record-field-${name}`)).queryByText((_, el) => el?.id.endsWith('__validationMessage') === true)?.textContent;
const serverHas = (values: Record<string, unknown>) => ({ retrieve: () => ({ ...values }) });

async function pickStage(user: ReturnType<typeof renderWithFluent>['user'], stage: string) {
  await user.click(screen.getByRole('combobox', { name: /^Stage/ }));
  await user.click(await screen.findByRole('option', { name: stage }));
}

describe('EditRecordForm', () => {
  it("opens with the record's values, every field labelled", () => {
    renderForm(createTestOutbox());
    expect(screen.getByRole('form', { name: 'Edit Acme renewal 2025' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Stage/ }).textContent).toContain('Prospecting');
    expect(screen.getByRole('textbox', { name: 'Amount' })).toHaveProperty('value', '48000');
    expect(screen.getByLabelText(/^Close date/)).toHaveProperty('value', '2025-06-30');
    expect(screen.getByRole('textbox', { name: 'Next step' })).toHaveProperty('value', '');
  });

  it('sends only what changed, with what the seller saw, and says Saved', async () => {
    const t = createTestOutbox(serverHas({ StageName: 'Prospecting', NextStep: null, LastModifiedDate: SEEN }));
    const { user } = renderForm(t);
    await pickStage(user, 'Qualification');
    await user.type(screen.getByRole('textbox', { name: 'Next step' }), 'Book the demo');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const done = await screen.findByTestId('edit-record-done');
    expect(done.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(updates(t).map((c) => c.args)).toEqual([
      ['Opportunity', opportunity.recordId, { StageName: 'Qualification', NextStep: 'Book the demo' }, { ifUnmodifiedSince: 'Wed, 15 Jan 2025 09:00:00 GMT' }],
    ]);
  });

  it('checks before sending: a number, a date, nothing changed', async () => {
    const t = createTestOutbox();
    const { user } = renderForm(t);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Change a field to save it.')).toBeTruthy();

    await user.clear(screen.getByRole('textbox', { name: 'Amount' }));
    await user.type(screen.getByRole('textbox', { name: 'Amount' }), '48k');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(messageOf('Amount')).toBe('Enter a number, like 12500.50');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Amount' }));
    expect(t.api.calls).toEqual([]);
  });

  it("Salesforce's validation rule lands on its field, focus goes there; fixed, the same entry is sent again and saved", async () => {
    let attempt = 0;
    const t = createTestOutbox({
      ...serverHas({ StageName: 'Prospecting', NextStep: null, LastModifiedDate: SEEN }),
      update: () => {
        if (++attempt === 1) throw refusal('validation', { code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['NextStep'], detail: 'Enter a Next Step before moving on.' });
      },
    });
    const { user } = renderForm(t);
    await pickStage(user, 'Proposal/Price Quote');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(messageOf('NextStep')).toBe('Enter a Next Step before moving on.'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Next step' })));
    expect(screen.getByRole('textbox', { name: 'Next step' }).getAttribute('aria-invalid')).toBe('true');

    await user.type(screen.getByRole('textbox', { name: 'Next step' }), 'Send the quote');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByTestId('edit-record-done');
    const entries = await t.outbox.list(t.owner);
    expect(entries).toHaveLength(1);
    expect(updates(t).at(-1)?.args[2]).toEqual({ StageName: 'Proposal/Price Quote', NextStep: 'Send the quote' });
  });

  it('changed meanwhile: the conflict names the current values; saving over it sends against the new LastModifiedDate', async () => {
    let reads = 0;
    const t = createTestOutbox({
      retrieve: () => (++reads === 1 ? { StageName: 'Needs Analysis', LastModifiedDate: LATER } : { StageName: 'Needs Analysis', LastModifiedDate: LATER }),
    });
    const { user } = renderForm(t);
    await pickStage(user, 'Qualification');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const conflict = await screen.findByTestId('edit-record-conflict');
    expect(within(conflict).getByText('Changed in Salesforce since you opened it')).toBeTruthy();
    expect(within(conflict).getByText('Stage: Needs Analysis')).toBeTruthy();
    expect(updates(t)).toEqual([]);
    const [failed] = await t.outbox.list(t.owner);
    expect(failed?.failure?.code).toBe(RECORD_CHANGED);

    await user.click(within(conflict).getByRole('button', { name: 'Save my change over it' }));
    await screen.findByTestId('edit-record-done');
    expect(updates(t).map((c) => c.args)).toEqual([['Opportunity', opportunity.recordId, { StageName: 'Qualification' }, { ifUnmodifiedSince: 'Sat, 01 Feb 2025 12:00:00 GMT' }]]);
  });

  it("keeping Salesforce's values discards the edit and closes the form", async () => {
    const t = createTestOutbox({ retrieve: () => ({ StageName: 'Needs Analysis', LastModifiedDate: LATER }) });
    const { user, onClose } = renderForm(t);
    await pickStage(user, 'Qualification');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(within(await screen.findByTestId('edit-record-conflict')).getByRole('button', { name: 'Keep Salesforce’s values' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(await t.outbox.list(t.owner)).toEqual([]);
  });
});
