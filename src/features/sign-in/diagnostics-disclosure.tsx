/**
 * "About and diagnostics": lines a seller can read out or copy to support. Today: the state of Microsoft sign-in
 * (its own summary, never a name, id or token), or that it is not configured.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { MicrosoftAuth } from '../../auth/microsoft';
import type { ShellStrings } from '../../i18n/strings';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer' },
  line: { margin: `${tokens.spacingVerticalXS} 0 0`, userSelect: 'text' },
});

const noSubscribe = () => () => undefined;
const none = () => undefined;

export function DiagnosticsDisclosure({ microsoft, strings: s }: { microsoft: MicrosoftAuth | undefined; strings: ShellStrings }) {
  const styles = useStyles();
  // Subscribed so the line follows sign-in and sign-out.
  useSyncExternalStore(microsoft?.subscribe ?? noSubscribe, microsoft ? () => microsoft.state : none, microsoft ? () => microsoft.state : none);
  const summary = microsoft ? microsoft.diagnostics().summary : s.diagnosticsNotConfigured;
  return (
    <details className={styles.root} data-testid="diagnostics">
      <summary className={styles.summary}>{s.diagnosticsTitle}</summary>
      <p className={styles.line} data-testid="diagnostics-microsoft">
        {summary}
      </p>
    </details>
  );
}
