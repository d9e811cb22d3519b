import { describe, expect, it } from 'vitest';
import type { EmailContext } from '../../host/office-host';
import type { AddressLookup, ContactMatch } from '../../salesforce/crm/crm-records';
import type { EmailPerson } from '../../salesforce/crm/email-addresses';
import type { PeopleView } from '../../salesforce/crm/people-directory';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import type { EmailContextState } from './use-email-context';
import type { PeopleState } from './use-people';
import { personMatchesOf, shownView, workspaceStateOf, type WorkspaceStateInput } from './workspace-state';

const read: EmailContext = { mode: 'read', internetMessageId: '<m@x>', subject: 'Renewal', to: [], cc: [], bodyExcerpt: '' };
const compose: EmailContext = { mode: 'compose', subject: 'Draft', to: [], cc: [], bodyExcerpt: '' };
const jane: EmailPerson = { name: 'Jane Doe', address: 'jane@acme.example', role: 'from' };
const bob: EmailPerson = { name: 'Bob Lee', address: 'bob@acme.example', role: 'cc' };
const janeContact: ContactMatch = {
  kind: 'contact',
  id: '0035e000000Jane01A',
  name: 'Jane Doe',
  title: null,
  phone: null,
  email: jane.address,
  accountId: null,
  accountName: null,
  ownerName: null,
};

function viewOf(lookups: AddressLookup[]): PeopleView {
  return { byAddress: new Map(lookups.map((l) => [l.address, l])), accountsByDomain: new Map(), accountsById: new Map(), requests: 1 };
}
const janeView = viewOf([{ address: jane.address, contacts: [janeContact], leads: [] }]);
const failure: ClassifiedFailure = { kind: 'transient', connectionLost: false, retryable: true };

const ready = (context: EmailContext): EmailContextState => ({ status: 'ready', context });
const input = (email: EmailContextState, people: EmailPerson[], lookup: PeopleState, previousCount?: number): WorkspaceStateInput => ({
  email,
  people,
  lookup,
  previousCount,
});

describe('workspaceStateOf: the people section', () => {
  const cases: [string, WorkspaceStateInput, unknown][] = [
    ['email loading, first email: a sender and one other', input({ status: 'loading' }, [], { status: 'idle' }), { kind: 'email-loading', placeholders: 2 }],
    ['email loading after an email of 3', input({ status: 'loading' }, [], { status: 'idle' }, 3), { kind: 'email-loading', placeholders: 3 }],
    ['email loading after a long list: capped', input({ status: 'loading' }, [], { status: 'ready', view: janeView }, 40), { kind: 'email-loading', placeholders: 4 }],
    ['no item selected', input({ status: 'none' }, [], { status: 'idle' }), { kind: 'no-item' }],
    ['the email could not be read', input({ status: 'error' }, [], { status: 'ready', view: janeView }), { kind: 'email-error' }],
    ['a read email with no one else', input(ready(read), [], { status: 'idle' }), { kind: 'no-people', mode: 'read' }],
    ['a draft without recipients', input(ready(compose), [], { status: 'idle' }), { kind: 'no-people', mode: 'compose' }],
    ['the lookup failed', input(ready(read), [jane], { status: 'error', failure }), { kind: 'lookup-error', failure }],
    ['lookup not started yet', input(ready(read), [jane, bob], { status: 'idle' }, 5), { kind: 'people-loading', placeholders: 2 }],
    ['first lookup running', input(ready(read), [jane], { status: 'loading' }), { kind: 'people-loading', placeholders: 1 }],
    ['answered', input(ready(read), [jane], { status: 'ready', view: janeView }), { kind: 'people', context: read, view: janeView, busy: false }],
    [
      'a newer lookup behind the previous answer',
      input(ready(compose), [jane, bob], { status: 'loading', previous: janeView }),
      { kind: 'people', context: compose, view: janeView, busy: true },
    ],
  ];
  it.each(cases)('%s', (_name, given, expected) => {
    expect(workspaceStateOf(given).people).toEqual(expected);
  });
});

describe('workspaceStateOf: the email can be saved', () => {
  const cases: [string, WorkspaceStateInput, boolean][] = [
    ['a read email whose people are all looked up', input(ready(read), [jane], { status: 'ready', view: janeView }), true],
    ['while a newer lookup runs, on the previous answer', input(ready(read), [jane], { status: 'loading', previous: janeView }), true],
    ['an address not looked up yet', input(ready(read), [jane, bob], { status: 'ready', view: janeView }), false],
    ['a draft', input(ready(compose), [jane], { status: 'ready', view: janeView }), false],
    ['no answer yet', input(ready(read), [jane], { status: 'loading' }), false],
    ['the lookup failed', input(ready(read), [jane], { status: 'error', failure }), false],
    ['the email is loading', input({ status: 'loading' }, [], { status: 'ready', view: janeView }), false],
  ];
  it.each(cases)('%s: %s', (_name, given, saveable) => {
    const state = workspaceStateOf(given);
    expect(state.save !== undefined).toBe(saveable);
    if (state.save) expect(state.save).toEqual({ context: read, view: janeView });
  });
});

describe('shownView and personMatchesOf', () => {
  it('shows the answer, or the previous one while a newer runs, else nothing', () => {
    expect(shownView({ status: 'ready', view: janeView })).toBe(janeView);
    expect(shownView({ status: 'loading', previous: janeView })).toBe(janeView);
    expect(shownView({ status: 'loading' })).toBeUndefined();
    expect(shownView({ status: 'idle' })).toBeUndefined();
    expect(shownView({ status: 'error', failure })).toBeUndefined();
  });

  it('lists contacts then leads, person by person, in the order of the email', () => {
    const lead = { ...janeContact, kind: 'lead' as const, id: '00Q5e000000Bob001A', email: bob.address, company: 'Acme', status: 'Open' };
    const view = viewOf([
      { address: bob.address, contacts: [], leads: [lead] },
      { address: jane.address, contacts: [janeContact], leads: [] },
    ]);
    expect(personMatchesOf(view, [jane, bob]).map((m) => m.id)).toEqual([janeContact.id, lead.id]);
    expect(personMatchesOf(undefined, [jane])).toEqual([]);
  });
});
