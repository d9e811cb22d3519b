import { describe, expect, it } from 'vitest';
import { SAM } from '../../testing/fake-salesforce-api';
import type { CreateContactAction } from './outbox';
import { outboxOwnerOf } from './outbox';
import { readOutboxEntry } from './outbox-record';
import { newOutboxEntry } from './outbox-transitions';

const owner = outboxOwnerOf(SAM);
/** As entries were stored before a contact could answer a duplicate rule: no choice. */
const stored: CreateContactAction = { type: 'create_contact', clientKey: 'k1', fields: { LastName: 'Doe', Email: 'jane.doe@acme.example' }, label: 'Jane Doe' };

const roundTrip = (action: CreateContactAction) => readOutboxEntry(JSON.parse(JSON.stringify(newOutboxEntry('e1', owner, action, 1))));

describe('readOutboxEntry: create_contact and a duplicate rule', () => {
  it('reads an entry stored before the choice existed, "Use this one" and "Save anyway"', () => {
    expect(roundTrip(stored)?.action).toEqual(stored);
    expect(roundTrip({ ...stored, useExistingId: '0035e00000Jane1AAA' })?.action).toEqual({ ...stored, useExistingId: '0035e00000Jane1AAA' });
    expect(roundTrip({ ...stored, allowDuplicates: true })?.action).toEqual({ ...stored, allowDuplicates: true });
  });

  it.each([
    ['a Save anyway that is not a boolean', { allowDuplicates: 'yes' }],
    ['a Use this one that is not text', { useExistingId: 42 }],
  ])('refuses %s', (_name, choice) => {
    expect(roundTrip({ ...stored, ...choice } as unknown as CreateContactAction)).toBeUndefined();
  });
});
