import { describe, expect, it } from 'vitest';
import { createFailure } from '../../salesforce/failure-kinds';
import { INITIAL_SEARCH, searchReducer, type SearchAction, type SearchState } from './search-state';

const acme = { sobject: 'Account', id: '0015e0000000001AAA', name: 'Acme', detail: null };
const run = (actions: SearchAction[], from: SearchState = INITIAL_SEARCH) => actions.reduce(searchReducer, from);

describe('searchReducer', () => {
  it.each<[string, SearchAction[], Partial<SearchState>]>([
    ['typing a term waits for its answer', [{ type: 'typed', text: 'acme', searchable: true }], { phase: 'waiting', generation: 1 }],
    ['one letter asks for more', [{ type: 'typed', text: 'a', searchable: false }], { phase: 'too-short' }],
    [
      'an emptied box shows recent records',
      [
        { type: 'typed', text: 'ac', searchable: true },
        { type: 'typed', text: '', searchable: false },
      ],
      { phase: 'recent', generation: 2 },
    ],
    [
      'the current answer is shown',
      [
        { type: 'typed', text: 'acme', searchable: true },
        { type: 'answered', generation: 1, results: [acme] },
      ],
      { phase: 'results', results: [acme] },
    ],
    [
      'an older answer arriving late is dropped',
      [
        { type: 'typed', text: 'ac', searchable: true },
        { type: 'typed', text: 'acme', searchable: true },
        { type: 'answered', generation: 1, results: [acme] },
      ],
      { phase: 'waiting', results: [] },
    ],
    [
      'an older failure arriving late is dropped',
      [
        { type: 'typed', text: 'ac', searchable: true },
        { type: 'typed', text: 'acme', searchable: true },
        { type: 'failed', generation: 1, failure: createFailure('transient') },
      ],
      { phase: 'waiting' },
    ],
    [
      'a failure of the current search is shown',
      [
        { type: 'typed', text: 'acme', searchable: true },
        { type: 'failed', generation: 1, failure: createFailure('rate_limited') },
      ],
      { phase: 'failed' },
    ],
    [
      'an answer after the box was emptied is dropped',
      [
        { type: 'typed', text: 'acme', searchable: true },
        { type: 'typed', text: '', searchable: false },
        { type: 'answered', generation: 1, results: [acme] },
      ],
      { phase: 'recent', results: [] },
    ],
    [
      'recent records are kept whatever the phase',
      [
        { type: 'typed', text: 'acme', searchable: true },
        { type: 'recent', results: [acme] },
      ],
      { phase: 'waiting', recent: [acme] },
    ],
  ])('%s', (_, actions, expected) => {
    expect(run(actions)).toMatchObject(expected);
  });

  it('typing the same text again changes nothing (no new request)', () => {
    const state = run([{ type: 'typed', text: 'acme', searchable: true }]);
    expect(searchReducer(state, { type: 'typed', text: 'acme', searchable: true })).toBe(state);
  });
});
