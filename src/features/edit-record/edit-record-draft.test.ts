import { describe, expect, it } from 'vitest';
import { editRecordStrings } from '../../i18n/edit-record-strings';
import { createFailure } from '../../salesforce/failure-kinds';
import { changedFields, checkEditDraft, draftOf, editActionOf, parseValue, placeEditRefusal, standardFieldSpecs, type EditFieldSpec } from './edit-record-draft';

const s = editRecordStrings('en');
const specs = standardFieldSpecs('Opportunity', s);
const spec = (name: string) => specs.find((x) => x.name === name) as EditFieldSpec;

describe('edit drafts', () => {
  it('offers the editable fields of each object, labelled', () => {
    expect(specs.map((x) => x.name)).toEqual(['StageName', 'Amount', 'CloseDate', 'NextStep']);
    expect(standardFieldSpecs('Contact', s).map((x) => x.label)).toEqual(['Title', 'Phone']);
    expect(standardFieldSpecs('Lead', s)[0]?.options?.map((o) => o.value)).toContain('Working - Contacted');
  });

  it.each([
    ['Amount', '12500.50', { value: 12500.5 }],
    ['Amount', '12 500,5', { value: 12500.5 }],
    ['Amount', '12,500.50', { problem: 'invalid_number' }],
    ['Amount', '', { value: null }],
    ['CloseDate', '2025-02-30', { problem: 'invalid_date' }],
    ['CloseDate', '', { problem: 'required' }],
    ['CloseDate', '2025-02-28', { value: '2025-02-28' }],
    ['NextStep', 'x'.repeat(256), { problem: 'too_long' }],
    ['NextStep', '  Call  ', { value: 'Call' }],
  ])('%s %j → %j', (name, text, expected) => {
    expect(parseValue(spec(name), text)).toEqual(expected);
  });

  it('sends only the changed fields, with the values the card showed as the baseline', () => {
    const values = { StageName: 'Prospecting', Amount: 1000, CloseDate: '2025-06-30', NextStep: null };
    const draft = { ...draftOf(specs, values), StageName: 'Qualification', Amount: '1000.00' };
    expect(checkEditDraft(specs, draft)).toEqual({});
    const changes = changedFields(specs, values, draft);
    expect(changes).toEqual({ StageName: 'Qualification' });
    const target = { sobject: 'Opportunity' as const, recordId: '0065e000000Opp001A', name: 'R', lastModifiedDate: 'L', values, addresses: ['a@b.example'] };
    expect(editActionOf(target, changes, 'k', 'Edit R')).toMatchObject({ fields: { StageName: 'Qualification' }, baseline: { lastModifiedDate: 'L', values: { StageName: 'Prospecting' } } });
  });

  it('places a refusal on the fields it names, the rest at the top', () => {
    expect(placeEditRefusal(createFailure('validation', { fields: ['nextstep'] }), specs)).toEqual({ fields: ['NextStep'], formLevel: false });
    expect(placeEditRefusal(createFailure('validation', { fields: [] }), specs)).toEqual({ fields: [], formLevel: true });
  });
});
