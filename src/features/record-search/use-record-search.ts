/**
 * The search box's behaviour: recent records once, on opening; a search per pause in typing (debounced), one request
 * each; a newer keystroke makes any older answer irrelevant (search-state.ts), stops a search not yet sent and
 * cancels the one in flight. Closing the box (unmounting) cancels whatever is in flight. A cancelled request is no
 * failure: its rejection is let go without a message.
 */
import { useCallback, useEffect, useReducer } from 'react';
import { soslTerm, type FoundRecord } from '../../salesforce/crm/record-search';
import { createFailure, SalesforceFailureError } from '../../salesforce/failure-kinds';
import { INITIAL_SEARCH, searchReducer, type SearchState } from './search-state';

export const SEARCH_DEBOUNCE_MS = 350;

export interface RecordSearchSource {
  /** Aborting `signal` cancels the request; the promise may then reject (an AbortError), which is let go. */
  search(text: string, signal: AbortSignal): Promise<FoundRecord[]>;
  recent(signal: AbortSignal): Promise<FoundRecord[]>;
}

const failureOf = (error: unknown) => (error instanceof SalesforceFailureError ? error.failure : createFailure('unknown'));

export function useRecordSearch(source: RecordSearchSource, debounceMs = SEARCH_DEBOUNCE_MS): { state: SearchState; type: (text: string) => void } {
  const [state, dispatch] = useReducer(searchReducer, INITIAL_SEARCH);

  useEffect(() => {
    const request = new AbortController();
    const current = () => !request.signal.aborted;
    source.recent(request.signal).then(
      (results) => current() && dispatch({ type: 'recent', results }),
      // No recent records is not worth a message: the box still searches.
      () => current() && dispatch({ type: 'recent', results: [] }),
    );
    return () => request.abort();
  }, [source]);

  const { phase, generation, text } = state;
  useEffect(() => {
    if (phase !== 'waiting') return undefined;
    const request = new AbortController();
    const timer = setTimeout(() => {
      source.search(text, request.signal).then(
        (results) => dispatch({ type: 'answered', generation, results }),
        (error: unknown) => {
          // Cancelled because the seller typed again or closed the box: no message, no retry.
          if (!request.signal.aborted) dispatch({ type: 'failed', generation, failure: failureOf(error) });
        },
      );
    }, debounceMs);
    // Typed again (or closed) before the pause ended: this search is never sent; after it, it is cancelled.
    return () => {
      clearTimeout(timer);
      request.abort();
    };
  }, [source, phase, generation, text, debounceMs]);

  const type = useCallback((next: string) => dispatch({ type: 'typed', text: next, searchable: soslTerm(next) !== undefined }), []);
  return { state, type };
}
