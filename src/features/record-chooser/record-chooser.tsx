/**
 * An address that matches several contacts or leads: says so, and lets the seller pick one (Fluent RadioGroup, arrow
 * keys to move, "Use this one" to confirm, so moving through the list never chooses by itself). Once chosen, a line
 * says the card was chosen among several, with Change to choose again.
 */
import { Button, Caption1, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { recordStrings } from '../../i18n/record-strings';
import { format } from '../../i18n/strings';
import type { PersonMatch } from '../../salesforce/crm/crm-records';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  wrap: { overflowWrap: 'anywhere' },
});

export interface RecordChooserProps {
  address: string;
  matches: readonly PersonMatch[];
  /** The remembered choice, if any. */
  chosenId?: string;
  /** The chosen lead was converted into the chosen contact. */
  followed?: boolean;
  onChoose(match: PersonMatch): void;
  locale: string;
}

function describe(match: PersonMatch, kindLabel: string): string {
  const organisation = match.kind === 'contact' ? match.accountName : match.company;
  return [match.name, kindLabel, match.title, organisation].filter(Boolean).join(' · ').slice(0, 200);
}

export function RecordChooser({ address, matches, chosenId, followed = false, onChoose, locale }: RecordChooserProps) {
  const styles = useStyles();
  const s = recordStrings(locale);
  const legendId = useId();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string | undefined>(chosenId);
  const kind = (m: PersonMatch) => s.objectLabels[m.kind === 'contact' ? 'Contact' : 'Lead'] ?? m.kind;
  const shortAddress = address.slice(0, 120);

  if (chosenId && !open) {
    return (
      <div className={styles.line} data-testid="record-chooser-chosen">
        <Caption1 className={styles.wrap}>{format(s.chosenFromMatches, { count: matches.length, address: shortAddress })}</Caption1>
        {followed ? <Caption1>{s.followedConversion}</Caption1> : null}
        <Button size="small" appearance="transparent" aria-label={format(s.changeChoiceFor, { address: shortAddress })} onClick={() => setOpen(true)} data-testid="record-chooser-change">
          {s.changeChoice}
        </Button>
      </div>
    );
  }

  const selected = matches.find((m) => m.id === picked);
  return (
    <div className={styles.box} role="group" aria-labelledby={legendId} data-testid="record-chooser">
      <Text id={legendId} weight="semibold" className={styles.wrap}>
        {format(s.severalMatches, { count: matches.length, address: shortAddress })}
      </Text>
      <RadioGroup value={picked ?? ''} onChange={(_, data) => setPicked(data.value)} aria-labelledby={legendId}>
        {matches.map((m) => (
          <Radio key={m.id} value={m.id} label={describe(m, kind(m))} data-testid="record-chooser-option" />
        ))}
      </RadioGroup>
      <div className={styles.line}>
        <Button
          appearance="primary"
          disabled={!selected}
          data-testid="record-chooser-use"
          onClick={() => {
            if (!selected) return;
            setOpen(false);
            onChoose(selected);
          }}
        >
          {s.useThisOne}
        </Button>
      </div>
    </div>
  );
}
