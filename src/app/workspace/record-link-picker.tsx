/**
 * Search and link, as the workspace gives it to Save email and Save meeting: closed, one button, so an
 * opened email costs no request for it; open, the search (recent records first); picked, the record linked, with
 * Remove link. The search's requests go through the connection (one SOSL request a pause in typing).
 */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { SearchObjectConfig } from '../../config/runtime-config';
import { recordStrings } from '../../i18n/record-strings';
import { format } from '../../i18n/strings';
import { recentRecords, searchObjectsOf, searchRecords, type FoundRecord } from '../../salesforce/crm/record-search';
import type { SalesforceApi } from '../../salesforce/salesforce-api';
import { objectLabelOf, RecordSearch } from '../../features/record-search/record-search';
import type { RecordSearchSource } from '../../features/record-search/use-record-search';

const useStyles = makeStyles({
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap', overflowWrap: 'anywhere' },
});

export type LinkedRecord = FoundRecord & { typeLabel: string };

export function useRecordSearchSource(
  api: Pick<SalesforceApi, 'search' | 'recentItems'>,
  extra: readonly SearchObjectConfig[] | undefined,
): { source: RecordSearchSource; labels: Record<string, string> } {
  return useMemo(() => {
    const objects = searchObjectsOf(extra);
    const labels = Object.fromEntries((extra ?? []).map((o) => [o.name, o.label]));
    const source: RecordSearchSource = {
      search: (text, signal) => searchRecords(api, text, objects, signal),
      recent: (signal) => recentRecords(api, objects, signal),
    };
    return { source, labels };
  }, [api, extra]);
}

export interface RecordLinkPickerProps {
  api: Pick<SalesforceApi, 'search' | 'recentItems'>;
  searchObjects?: readonly SearchObjectConfig[];
  linked: LinkedRecord | undefined;
  onLink(record: LinkedRecord | undefined): void;
  locale: string;
}

export function RecordLinkPicker({ api, searchObjects, linked, onLink, locale }: RecordLinkPickerProps) {
  const styles = useStyles();
  const s = recordStrings(locale);
  const [open, setOpen] = useState(false);
  const { source, labels } = useRecordSearchSource(api, searchObjects);

  if (open) {
    return (
      <div data-testid="record-link-picker">
        <RecordSearch
          source={source}
          objectLabels={labels}
          locale={locale}
          onPick={(record) => {
            setOpen(false);
            onLink({ ...record, typeLabel: objectLabelOf(record.sobject, locale, labels) });
          }}
        />
        <Button appearance="transparent" size="small" onClick={() => setOpen(false)}>
          {s.searchClose}
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.line} data-testid="record-link-picker">
      {linked ? (
        <>
          <Caption1 data-testid="record-link-linked">{format(s.linked, { name: linked.name.slice(0, 80), type: linked.typeLabel })}</Caption1>
          <Button appearance="transparent" size="small" onClick={() => onLink(undefined)}>
            {s.unlink}
          </Button>
        </>
      ) : null}
      <Button appearance="secondary" size="small" onClick={() => setOpen(true)} data-testid="record-link-open">
        {s.searchOpen}
      </Button>
    </div>
  );
}
