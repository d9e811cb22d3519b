/**
 * The edit form opened on a record with a record type: its stages are the record type's (asked for only when the
 * form opens), and the admin's requiredOnSave fields must be filled before anything is sent.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { editRecordStrings } from '../../i18n/edit-record-strings';
import type { MetadataSource } from '../../salesforce/metadata/metadata-source';
import type { FieldMetadata, RecordTypePicklists, SObjectMetadata } from '../../salesforce/metadata/sobject-metadata';
import { fieldMetadata, opportunityMetadata, picklistValue } from '../../testing/metadata-fixtures';
import { renderWithFluent } from '../../testing/render-with-fluent';
import { OutboxEntries, createTestOutbox, type TestOutbox } from '../../testing/test-outbox';
import type { EditTarget } from './edit-record-draft';
import { EditRecordForm } from './edit-record-form';
import { useEditFieldSpecs } from './field-specs-from-metadata';

const s = editRecordStrings('en-US');
const RENEWAL = '0125e0000000002AAA';
const target: EditTarget & { lastModifiedDate: string } = {
  sobject: 'Opportunity',
  recordId: '0065e000000Opp002A',
  name: 'Acme renewal',
  lastModifiedDate: '2025-01-15T09:00:00.000+0000',
  values: { StageName: 'Qualification', Amount: 12000, CloseDate: '2026-04-15', NextStep: null },
  addresses: ['jane.doe@acme.example'],
};

const value = picklistValue;
const field = (name: string, type: string, extra: Partial<FieldMetadata> = {}): FieldMetadata => fieldMetadata(name, { type, ...extra });
const META: SObjectMetadata = opportunityMetadata(
  [
    field('StageName', 'picklist', { label: 'Stage', nillable: false, picklistValues: ['Prospecting', 'Qualification', 'Needs Analysis', 'Closed Won'].map(value) }),
    field('Amount', 'currency'),
    field('CloseDate', 'date', { nillable: false }),
    field('NextStep', 'string', { label: 'Next step', length: 255 }),
    field('RecordTypeId', 'reference', { referenceTo: ['RecordType'] }),
  ],
  { recordTypes: [{ recordTypeId: RENEWAL, name: 'Renewal', developerName: 'Renewal', available: true, defaultRecordTypeMapping: true, master: false }] },
);
const RENEWAL_PICKLISTS: RecordTypePicklists = {
  sobject: 'Opportunity',
  recordTypeId: RENEWAL,
  fields: { StageName: { values: ['Qualification', 'Closed Won'].map(value), defaultValue: null } },
};

function fakeSource() {
  return {
    describe: () => Promise.resolve(META),
    describeMany: () => Promise.resolve(new Map([['Opportunity', META]])),
    cached: () => Promise.resolve(META),
    plan: () => Promise.resolve({ subrequests: [], settle: () => Promise.resolve(new Map()) }),
    picklistValues: () => Promise.resolve(RENEWAL_PICKLISTS),
    picklistsForRecord: vi.fn<MetadataSource['picklistsForRecord']>(() => Promise.resolve(RENEWAL_PICKLISTS)),
  } satisfies MetadataSource;
}

function Harness({ source, t, requiredOnSave }: { source: MetadataSource; t: TestOutbox; requiredOnSave?: string[] }) {
  const specs = useEditFieldSpecs(source, 'Opportunity', s, { recordId: target.recordId, ...(requiredOnSave ? { requiredOnSave } : {}) });
  return (
    <OutboxEntries outbox={t.outbox} owner={t.owner}>
      {(entries) =>
        specs ? <EditRecordForm target={target} specs={specs} outbox={t.outbox} owner={t.owner} entries={entries} strings={s} locale="en-US" onClose={() => undefined} /> : null
      }
    </OutboxEntries>
  );
}

describe('edit form on a record with a record type', () => {
  it("offers only the record type's stages, asked for the record being edited", async () => {
    const source = fakeSource();
    const { user } = renderWithFluent(<Harness source={source} t={createTestOutbox()} />);
    await user.click(await screen.findByRole('combobox', { name: /^Stage/ }));
    const offered = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(offered).toEqual(['Qualification', 'Closed Won']);
    expect(source.picklistsForRecord).toHaveBeenCalledWith('Opportunity', target.recordId);
  });

  it('the object stages stand in when the record type picklists cannot be had', async () => {
    const source = fakeSource();
    source.picklistsForRecord.mockImplementation(() => Promise.reject(new Error('refused')));
    const { user } = renderWithFluent(<Harness source={source} t={createTestOutbox()} />);
    await user.click(await screen.findByRole('combobox', { name: /^Stage/ }));
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toContain('Needs Analysis');
  });

  it('a requiredOnSave field left empty is marked required and stops the save', async () => {
    const t = createTestOutbox();
    const { user } = renderWithFluent(<Harness source={fakeSource()} t={t} requiredOnSave={['NextStep']} />);
    const nextStep = await screen.findByRole('textbox', { name: /^Next step/ });
    expect(nextStep).toHaveProperty('required', true);
    await user.type(screen.getByRole('textbox', { name: 'Amount' }), '5');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(document.activeElement).toBe(nextStep));
    expect(t.api.calls.filter((c) => c.method === 'update')).toHaveLength(0);
    expect(await t.outbox.list(t.owner)).toHaveLength(0);
  });
});
