/**
 * The search box's state as a pure reducer: what the seller typed, which request is the current one, and its answer.
 * Answers arrive out of order (a slow search for "ac" after a quick one for "acme"): each carries the generation it
 * was asked for, and only the current generation's answer is shown. A newer keystroke cancels the older request's
 * effect, whatever the network does.
 */
import type { FoundRecord } from '../../salesforce/crm/record-search';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';

export type SearchPhase = 'recent' | 'too-short' | 'waiting' | 'results' | 'failed';

export interface SearchState {
  text: string;
  generation: number;
  phase: SearchPhase;
  results: FoundRecord[];
  /** The seller's recently viewed records, shown while the box is empty; undefined until they arrive. */
  recent?: FoundRecord[];
  failure?: ClassifiedFailure;
}

export type SearchAction =
  | { type: 'typed'; text: string; searchable: boolean }
  | { type: 'answered'; generation: number; results: FoundRecord[] }
  | { type: 'failed'; generation: number; failure: ClassifiedFailure }
  | { type: 'recent'; results: FoundRecord[] };

export const INITIAL_SEARCH: SearchState = { text: '', generation: 0, phase: 'recent', results: [] };

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'typed': {
      if (action.text === state.text) return state;
      const phase: SearchPhase = action.text.trim() === '' ? 'recent' : action.searchable ? 'waiting' : 'too-short';
      const { failure: _dropped, ...rest } = state;
      return { ...rest, text: action.text, generation: state.generation + 1, phase, results: [] };
    }
    case 'answered':
      if (action.generation !== state.generation || state.phase !== 'waiting') return state;
      return { ...state, phase: 'results', results: action.results };
    case 'failed':
      if (action.generation !== state.generation || state.phase !== 'waiting') return state;
      return { ...state, phase: 'failed', failure: action.failure };
    case 'recent':
      return { ...state, recent: action.results };
  }
}
