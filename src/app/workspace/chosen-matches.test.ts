import { describe, expect, it } from 'vitest';
import type { ContactMatch, LeadMatch } from '../../salesforce/crm/crm-records';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import { chosenMatchesOf } from './chosen-matches';

const contact = (id: string, email: string): ContactMatch => ({ kind: 'contact', id, name: id, title: null, phone: null, email, accountId: null, accountName: null, ownerName: null });
const lead = (id: string, email: string): LeadMatch => ({ kind: 'lead', id, name: id, title: null, phone: null, email, company: null, status: null, ownerName: null });
const A = 'a@x.example';
const B = 'b@x.example';
const C1 = '0035e0000000001AAA';
const C2 = '0035e0000000002AAA';
const L1 = '00Q5e0000000001AAA';
const L9 = '00Q5e0000000009AAA';
const view: PeopleView = {
  byAddress: new Map([
    [A, { address: A, contacts: [contact(C1, A), contact(C2, A)], leads: [lead(L1, A)] }],
    [B, { address: B, contacts: [], leads: [] }],
  ]),
  accountsByDomain: new Map(),
  accountsById: new Map(),
  convertedLeads: new Map([[L9, C2]]),
  requests: 1,
};
const people = [
  { address: A, name: 'A', role: 'from' as const },
  { address: B, name: 'B', role: 'to' as const },
];
const choices = (map: Record<string, { id: string; kind: 'contact' | 'lead' }>) => ({ get: (address: string) => map[address] });

describe('chosenMatchesOf', () => {
  it.each([
    ['no choice: every match', {}, [C1, C2, L1]],
    ['a choice: only the chosen one', { [A]: { id: L1, kind: 'lead' as const } }, [L1]],
    ['a lead converted since: its contact', { [A]: { id: L9, kind: 'lead' as const } }, [C2]],
    ['a choice no longer found: every match', { [A]: { id: '0035e0000000007AAA', kind: 'contact' as const } }, [C1, C2, L1]],
  ])('%s', (_, map, ids) => {
    expect(chosenMatchesOf(view, people, choices(map)).map((m) => m.id)).toEqual(ids);
  });
});
