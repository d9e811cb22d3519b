/**
 * Search Salesforce and pick a record: a search box (Fluent SearchBox, labelled), the seller's recent records while it
 * is empty, then the results of each pause in typing, each a button "Link to <name>". The count and the state are
 * announced in a polite live region; Escape clears the box (SearchBox's own dismiss).
 */
import { Button, Caption1, Field, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { failureMessage } from '../../i18n/failure-messages';
import { recordStrings } from '../../i18n/record-strings';
import { format } from '../../i18n/strings';
import type { FoundRecord } from '../../salesforce/crm/record-search';
import { useRecordSearch, type RecordSearchSource } from './use-record-search';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  result: { justifyContent: 'flex-start', textAlign: 'start', width: '100%', minWidth: 0 },
  resultText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
  // Read by screen readers, not shown: the button's name stays its visible text, with "Link to" before it.
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface RecordSearchProps {
  source: RecordSearchSource;
  onPick(record: FoundRecord): void;
  /** Labels of admin-added objects, by API name; built-in ones come from the strings. */
  objectLabels?: Record<string, string>;
  locale: string;
  debounceMs?: number;
}

export function objectLabelOf(sobject: string, locale: string, extra: Record<string, string> | undefined): string {
  return extra?.[sobject] ?? recordStrings(locale).objectLabels[sobject] ?? sobject;
}

export function RecordSearch({ source, onPick, objectLabels, locale, debounceMs }: RecordSearchProps) {
  const styles = useStyles();
  const s = recordStrings(locale);
  const headingId = useId();
  const { state, type } = useRecordSearch(source, debounceMs);
  const shown = state.phase === 'recent' ? (state.recent ?? []) : state.phase === 'results' ? state.results : [];

  let status = '';
  if (state.phase === 'waiting') status = s.searching;
  else if (state.phase === 'too-short') status = s.typeMore;
  else if (state.phase === 'results')
    status = state.results.length === 0 ? format(s.noResults, { term: state.text.trim().slice(0, 60) }) : format(s.resultCount, { count: state.results.length });
  else if (state.phase === 'recent' && state.recent?.length === 0) status = s.noRecent;
  const failure = state.phase === 'failed' && state.failure ? failureMessage(state.failure, locale) : undefined;

  return (
    <div className={styles.root} data-testid="record-search">
      <Field label={s.searchLabel}>
        <SearchBox value={state.text} placeholder={s.searchPlaceholder} onChange={(_, data) => type(data.value)} data-testid="record-search-box" />
      </Field>
      <Text role="status" size={200} data-testid="record-search-status">
        {status}
      </Text>
      {failure ? (
        <Text role="alert" className={styles.error} data-testid="record-search-failed">
          {`${s.searchFailed}: ${failure.title}. ${failure.explanation}`}
        </Text>
      ) : null}
      {shown.length > 0 ? (
        <>
          <Text id={headingId} weight="semibold" size={200}>
            {state.phase === 'recent' ? s.recentHeading : s.resultsHeading}
          </Text>
          <ul className={styles.list} aria-labelledby={headingId} data-testid="record-search-results">
            {shown.map((record) => {
              const type = objectLabelOf(record.sobject, locale, objectLabels);
              const name = record.name.slice(0, 120);
              return (
                <li key={`${record.sobject}:${record.id}`}>
                  <Button appearance="subtle" className={styles.result} data-testid="record-search-result" data-record-id={record.id} onClick={() => onPick(record)}>
                    <span className={styles.resultText}>
                      <span className={styles.visuallyHidden}>{format(s.linkTo, { name: '' })}</span>
                      <Text>{name}</Text>
                      <span className={styles.visuallyHidden}>, </span>
                      <Caption1 className={styles.detail}>{[type, record.detail?.slice(0, 80)].filter(Boolean).join(' · ')}</Caption1>
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
