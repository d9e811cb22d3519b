/**
 * "Check this org's set-up", inside About and diagnostics: runs the org set-up check (src/auth/setup-check) on a
 * click and lists every check with its status, plain words and, unless it is fine, where in Salesforce Setup to fix
 * or look. The run is handed in (the app wires the pane's fetch, config and session), so this component never
 * touches the network. What a pane cannot read stays "Not known" with its Setup path.
 */
import { Badge, Button, List, ListItem, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useRef, useState } from 'react';
import { isReady, type SetupFinding } from '../../auth/setup-check/setup-check-result';
import { setupCheckStrings, type SetupCheckContext } from '../../i18n/setup-check-strings';
import { describeFinding } from './describe-setup-finding';
import { format } from '../../i18n/strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: `${tokens.spacingVerticalXS} 0`, userSelect: 'text' },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  fix: { color: tokens.colorNeutralForeground3 },
});

const BADGE_COLOR = { ok: 'success', problem: 'danger', unknown: 'informative' } as const;

export interface SetupCheckPanelProps {
  run: () => Promise<SetupFinding[]>;
  locale: string;
  context?: SetupCheckContext;
}

type PanelState = { status: 'idle' } | { status: 'running' } | { status: 'done'; findings: SetupFinding[] } | { status: 'failed' };

export function SetupCheckPanel({ run, locale, context }: SetupCheckPanelProps) {
  const styles = useStyles();
  const words = setupCheckStrings(locale);
  const headingId = useId();
  const [state, setState] = useState<PanelState>({ status: 'idle' });
  const running = useRef(false);

  const start = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setState({ status: 'running' });
    run()
      .then(
        (findings) => setState({ status: 'done', findings }),
        () => setState({ status: 'failed' }),
      )
      .finally(() => {
        running.current = false;
      });
  }, [run]);

  const results = state.status === 'done' ? state.findings.map((finding) => describeFinding(finding, locale, context)) : [];
  const problems = results.filter((r) => r.status === 'problem').length;

  return (
    <section className={styles.root} aria-labelledby={headingId} data-testid="setup-check">
      <Text id={headingId} weight="semibold">
        {words.panel.heading}
      </Text>
      <div>
        <Button size="small" onClick={start} disabled={state.status === 'running'} data-testid="setup-check-run">
          {words.panel.action}
        </Button>
      </div>
      <div role="status" aria-live="polite" data-testid="setup-check-summary">
        {state.status === 'running' ? <Spinner size="tiny" label={words.panel.running} /> : null}
        {state.status === 'failed' ? words.panel.failed : null}
        {state.status === 'done' ? (isReady(results) ? words.panel.ready : format(words.panel.notReady, { count: problems })) : null}
      </div>
      {state.status === 'done' ? (
        <List aria-labelledby={headingId} data-testid="setup-check-results">
          {results.map((result) => (
            <ListItem key={result.id} className={styles.item} data-testid={`setup-check-${result.id}`} data-status={result.status}>
              <span className={styles.title}>
                <Badge appearance="tint" color={BADGE_COLOR[result.status]}>
                  {words.statuses[result.status]}
                </Badge>
                <Text weight="semibold">{result.title}</Text>
              </span>
              <Text>{result.what}</Text>
              {result.status === 'ok' ? null : (
                <Text className={styles.fix}>
                  {words.panel.fixLabel} {result.fix}
                </Text>
              )}
            </ListItem>
          ))}
        </List>
      ) : null}
    </section>
  );
}
