/**
 * "Details" that expand into label/value lines with a Copy button, for support. No feature logic: the caller decides
 * what the lines are (and so that no secret is among them).
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';

export interface DetailsDisclosureProps {
  lines: Array<{ label: string; value: string }>;
  labels: { show: string; hide: string; copy: string; copied: string; copyFailed: string };
  /** Side effect passed in (navigator.clipboard in the app). */
  copyText(text: string): Promise<void>;
  testId?: string;
}

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalS} 0`,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-word',
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function DetailsDisclosure({ lines, labels, copyText, testId }: DetailsDisclosureProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const regionId = useId();
  const text = lines.map((line) => `${line.label}: ${line.value}`).join('\n');

  return (
    <div data-testid={testId}>
      <div className={styles.row}>
        <Button appearance="transparent" size="small" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((v) => !v)}>
          {open ? labels.hide : labels.show}
        </Button>
        {open ? (
          <Button
            size="small"
            onClick={() => {
              // Empty first: a live region whose text stays "Copied" is not read again, so a second copy went unheard.
              setCopyState('idle');
              copyText(text).then(
                () => setCopyState('copied'),
                () => setCopyState('failed'),
              );
            }}
          >
            {labels.copy}
          </Button>
        ) : null}
        <span role="status" aria-live="polite">
          {copyState === 'copied' ? labels.copied : copyState === 'failed' ? labels.copyFailed : ''}
        </span>
      </div>
      {open ? (
        <dl id={regionId} className={styles.list}>
          {lines.map((line) => (
            <div key={line.label} style={{ display: 'contents' }}>
              <dt className={styles.term}>{line.label}</dt>
              <dd className={styles.value}>{line.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
