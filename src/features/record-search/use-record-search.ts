/**
 * The search box's behaviour: recent records once, on opening; a search per pause in typing (debounced), one request
 * each; a newer keystroke makes any older answer irrelevant (search-state.ts) and stops a search not yet sent.
 */
import { useCallback, useEffect, useReducer } from 'react';
import { soslTerm, type FoundRecord } from '../../salesforce/crm/record-search';
import { createFailure, SalesforceFailureError } from '../../salesforce/failure-kinds';
import { INITIAL_SEARCH, searchReducer, type SearchState } from './search-state';

export const SEARCH_DEBOUNCE_MS = 350;

export interface RecordSearchSource {
  search(text: string): Promise<FoundRecord[]>;
  recent(): Promise<FoundRecord[]>;
}

const failureOf = (error: unknown) => (error instanceof SalesforceFailureError ? error.failure : createFailure('unknown'));

export function useRecordSearch(source: RecordSearchSource, debounceMs = SEARCH_DEBOUNCE_MS): { state: SearchState; type: (text: string) => void } {
  const [state, dispatch] = useReducer(searchReducer, INITIAL_SEARCH);

  useEffect(() => {
    let current = true;
    source.recent().then(
      (results) => current && dispatch({ type: 'recent', results }),
      // No recent records is not worth a message: the box still searches.
      () => current && dispatch({ type: 'recent', results: [] }),
    );
    return () => {
      current = false;
    };
  }, [source]);

  const { phase, generation, text } = state;
  useEffect(() => {
    if (phase !== 'waiting') return undefined;
    const timer = setTimeout(() => {
      source.search(text).then(
        (results) => dispatch({ type: 'answered', generation, results }),
        (error: unknown) => dispatch({ type: 'failed', generation, failure: failureOf(error) }),
      );
    }, debounceMs);
    // Typed again before the pause ended: this search is never sent.
    return () => clearTimeout(timer);
  }, [source, phase, generation, text, debounceMs]);

  const type = useCallback((next: string) => dispatch({ type: 'typed', text: next, searchable: soslTerm(next) !== undefined }), []);
  return { state, type };
}
