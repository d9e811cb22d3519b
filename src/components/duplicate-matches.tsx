/**
 * A duplicate rule's refusal: what the rule says, the records it matched (each with "Use this one" and a link into
 * Salesforce), and "Save anyway" only where the rule is an alert (a Block rule never lets the record through). Shared
 * by the create-record and create-contact forms.
 */
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { format } from '../i18n/strings';
import type { CreateRecordStrings } from '../i18n/create-record-strings';
import { recordUrl } from '../salesforce/crm/record-links';
import type { DuplicateMatch, DuplicateRefusal } from '../salesforce/duplicate-refusal';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, overflowWrap: 'anywhere' },
  name: { flexGrow: 1, minWidth: 0 },
  anyway: { marginTop: tokens.spacingVerticalS },
});

/** The words it needs (i18n/create-record-strings.ts); an object without a label there goes by its API name. */
export type DuplicateMatchesStrings = Pick<
  CreateRecordStrings,
  'duplicateAlert' | 'duplicateBlocked' | 'matchesHeading' | 'unnamedRecord' | 'useThisOne' | 'useThisOneFor' | 'saveAnyway'
> & {
  objects: Partial<Record<string, string>>;
};

export interface DuplicateMatchesProps {
  refusal: DuplicateRefusal;
  title: string;
  instanceUrl: string;
  strings: DuplicateMatchesStrings;
  busy: boolean;
  /**
   * The object being created: only a match of that object can be used in its place (a Contact rule may match Leads,
   * which can be opened but not used as the contact).
   */
  creating: string;
  onUse(match: DuplicateMatch): void;
  onSaveAnyway(): void;
  testId?: string;
}

function matchName(match: DuplicateMatch, s: DuplicateMatchesStrings): string {
  const object = s.objects[match.sobject] ?? match.sobject;
  return (match.name ?? format(s.unnamedRecord, { object, id: match.id })).slice(0, 120);
}

export function DuplicateMatches({ refusal, title, instanceUrl, strings: s, busy, creating, onUse, onSaveAnyway, testId = 'create-record-duplicates' }: DuplicateMatchesProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <MessageBar intent={refusal.allowSave ? 'warning' : 'error'} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <Text block>{refusal.allowSave ? s.duplicateAlert : s.duplicateBlocked}</Text>
        {refusal.records.length > 0 ? (
          <>
            <Text block weight="semibold" id={headingId}>
              {s.matchesHeading}
            </Text>
            <ul className={styles.list} aria-labelledby={headingId}>
              {refusal.records.map((match) => {
                const name = matchName(match, s);
                const url = recordUrl(instanceUrl, match.sobject, match.id);
                const extra = [match.company, match.email].filter(Boolean).join(' · ');
                return (
                  <li key={match.id} className={styles.item} data-testid="duplicate-match">
                    <span className={styles.name}>
                      {url ? (
                        <Link href={url} target="_blank" rel="noopener noreferrer">
                          {name}
                        </Link>
                      ) : (
                        name
                      )}
                      {extra ? <Text size={200}> · {extra.slice(0, 160)}</Text> : null}
                    </span>
                    {match.sobject.toLowerCase() === creating.toLowerCase() ? (
                      <Button size="small" disabled={busy} onClick={() => onUse(match)} aria-label={format(s.useThisOneFor, { name })} data-testid="duplicate-use">
                        {s.useThisOne}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {refusal.allowSave ? (
          <div className={styles.anyway}>
            <Button size="small" disabled={busy} onClick={onSaveAnyway} data-testid="duplicate-save-anyway">
              {s.saveAnyway}
            </Button>
          </div>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}
