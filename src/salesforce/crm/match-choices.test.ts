import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../testing/memory-storage';
import type { ContactMatch, LeadMatch } from './crm-records';
import { createMatchChoiceStore, matchChoiceKey, MAX_REMEMBERED, resolveChoice } from './match-choices';

const C1 = '0035e0000000004AAA';
const C2 = '0035e0000000005AAA';
const L1 = '00Q5e0000000002AAA';
const L2 = '00Q5e0000000003AAA';
const contact = (id: string): ContactMatch => ({ kind: 'contact', id, name: id, title: null, phone: null, email: 'a@x.example', accountId: null, accountName: null, ownerName: null });
const lead = (id: string): LeadMatch => ({ kind: 'lead', id, name: id, title: null, phone: null, email: 'a@x.example', company: null, status: null, ownerName: null });
const sam = { orgId: '00D1', userId: '005Sam', partitionKey: 'pk' };

describe('match choice store', () => {
  it('remembers per seller and org, under the partition and the add-in prefix', () => {
    const storage = memoryStorage();
    createMatchChoiceStore(storage, sam).set('A@X.example', { id: C1, kind: 'contact' });
    expect(matchChoiceKey(sam)).toBe('pksellers-addin.match-choices.00D1.005Sam');
    expect(createMatchChoiceStore(storage, sam).get('a@x.example')).toEqual({ id: C1, kind: 'contact' });
    expect(createMatchChoiceStore(storage, { ...sam, userId: '005Alex' }).get('a@x.example')).toBeUndefined();
    expect(createMatchChoiceStore(storage, { ...sam, orgId: '00D2' }).get('a@x.example')).toBeUndefined();
  });

  it('lists remembered leads, forgets, tells listeners, and keeps a bounded list', () => {
    const store = createMatchChoiceStore(memoryStorage(), sam);
    let told = 0;
    store.subscribe(() => (told += 1));
    store.set('a@x.example', { id: L1, kind: 'lead' });
    store.set('b@x.example', { id: C1, kind: 'contact' });
    expect(store.leadsFor(['a@x.example', 'b@x.example', 'c@x.example'])).toEqual([L1]);
    store.forget('a@x.example');
    expect(store.get('a@x.example')).toBeUndefined();
    expect(told).toBe(3);
    for (let i = 0; i <= MAX_REMEMBERED; i += 1) store.set(`p${i}@x.example`, { id: C2, kind: 'contact' });
    expect(store.get('b@x.example')).toBeUndefined();
    expect(store.get(`p${MAX_REMEMBERED}@x.example`)).toBeDefined();
  });

  it('survives storage that throws or holds garbage', () => {
    const throwing = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    } as unknown as Storage;
    const store = createMatchChoiceStore(throwing, sam);
    store.set('a@x.example', { id: C1, kind: 'contact' });
    expect(store.get('a@x.example')).toEqual({ id: C1, kind: 'contact' });
    const garbage = memoryStorage({ [matchChoiceKey(sam)]: '{"not":"a list"' });
    expect(createMatchChoiceStore(garbage, sam).get('a@x.example')).toBeUndefined();
    const hostile = memoryStorage({ [matchChoiceKey(sam)]: JSON.stringify([['a@x.example', 'javascript:x', 'contact']]) });
    expect(createMatchChoiceStore(hostile, sam).get('a@x.example')).toBeUndefined();
  });
});

describe('resolveChoice', () => {
  const several = { address: 'a@x.example', contacts: [contact(C1), contact(C2)], leads: [lead(L1)] };
  it.each([
    ['one match, nothing to choose', { ...several, contacts: [contact(C1)], leads: [] }, undefined, undefined, 'single'],
    ['several, none chosen', several, undefined, undefined, 'unchosen'],
    ['several, one chosen', several, { id: C2, kind: 'contact' as const }, undefined, 'chosen'],
    ['chosen record gone', several, { id: '0035e0000000009AAA', kind: 'contact' as const }, undefined, 'unchosen'],
    ['chosen lead converted into a contact here', several, { id: L2, kind: 'lead' as const }, new Map([[L2, C1]]), 'chosen'],
    ['chosen lead converted into a contact not here', several, { id: L2, kind: 'lead' as const }, new Map([[L2, '0035e0000000009AAA']]), 'unchosen'],
  ])('%s', (_, lookup, choice, converted, kind) => {
    expect(resolveChoice(lookup, choice, converted).kind).toBe(kind);
  });

  it('follows a converted lead to its contact and says so', () => {
    const resolved = resolveChoice(several, { id: L2, kind: 'lead' }, new Map([[L2, C1]]));
    expect(resolved).toMatchObject({ kind: 'chosen', chosen: { id: C1 }, followedFrom: L2 });
  });
});
