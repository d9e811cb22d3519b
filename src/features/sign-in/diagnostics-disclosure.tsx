/**
 * "About and diagnostics": lines a seller can read out or copy to support. The state of Microsoft sign-in (its own
 * summary, never a name, id or token), or that it is not configured; and how many messages from other panes this
 * pane refused (cross-pane.ts): a number above zero means something on the origin posts what no pane of the add-in
 * would, which support wants to know. And the switch for the debug log (src/shared/logger.ts): off by default, on for
 * the tab's session once the seller or support turns it on here.
 */
import { makeStyles, Switch, tokens } from '@fluentui/react-components';
import { useSyncExternalStore, type ReactNode } from 'react';
import type { MicrosoftAuth } from '../../auth/microsoft';
import { format, type ShellStrings } from '../../i18n/strings';
import { crossPaneDrops, type CrossPaneDropCounter } from '../../salesforce/connection/cross-pane';
import { debugLog, type LogBook } from '../../shared/logger';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  summary: { cursor: 'pointer' },
  line: { margin: `${tokens.spacingVerticalXS} 0 0`, userSelect: 'text' },
});

const noSubscribe = () => () => undefined;
const none = () => undefined;

export interface DiagnosticsDisclosureProps {
  microsoft: MicrosoftAuth | undefined;
  strings: ShellStrings;
  /** Default: the pane's one counter. */
  drops?: CrossPaneDropCounter;
  /** Default: the page's one log book. */
  log?: LogBook;
  /** The org set-up check (setup-check-panel.tsx), shown last when given. */
  setupCheck?: ReactNode;
}

export function DiagnosticsDisclosure({ microsoft, strings: s, drops = crossPaneDrops, log = debugLog, setupCheck }: DiagnosticsDisclosureProps) {
  const styles = useStyles();
  // Subscribed so the line follows sign-in and sign-out.
  useSyncExternalStore(microsoft?.subscribe ?? noSubscribe, microsoft ? () => microsoft.state : none, microsoft ? () => microsoft.state : none);
  const dropped = useSyncExternalStore(drops.subscribe, drops.count, drops.count);
  const logging = useSyncExternalStore(log.subscribe, log.isEnabled, log.isEnabled);
  const summary = microsoft ? microsoft.diagnostics().summary : s.diagnosticsNotConfigured;
  return (
    <details className={styles.root} data-testid="diagnostics">
      <summary className={styles.summary}>{s.diagnosticsTitle}</summary>
      <p className={styles.line} data-testid="diagnostics-microsoft">
        {summary}
      </p>
      <p className={styles.line} data-testid="diagnostics-cross-pane-dropped">
        {format(s.diagnosticsCrossPaneDropped, { count: dropped })}
      </p>
      <Switch className={styles.line} checked={logging} onChange={(_event, data) => log.setEnabled(data.checked)} label={s.diagnosticsDebugLog} data-testid="diagnostics-debug-log" />
      {setupCheck}
    </details>
  );
}
