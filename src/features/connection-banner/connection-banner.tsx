/**
 * Connection lost: shown exactly while the connection state is `lost` (bad_oauth_token or session_expired), until the
 * seller signs in again or signs out. One line on why, two actions, details to copy. Announced assertively.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DetailsDisclosure } from '../../components/details-disclosure';
import type { ShellStrings } from '../../i18n/strings';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import type { SalesforceIdentity } from '../../salesforce/salesforce-api';
import { failureDetails } from './failure-details';

export interface ConnectionBannerProps {
  failure: ClassifiedFailure;
  at: number;
  identity: SalesforceIdentity | undefined;
  strings: ShellStrings;
  busy: boolean;
  onSignInAgain(): void;
  onSignOut(): void;
  copyText(text: string): Promise<void>;
}

const useStyles = makeStyles({
  bar: { alignItems: 'flex-start' },
  why: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  actions: { flexWrap: 'wrap' },
  // Below the two actions, under the text: Sign in again comes first by Tab and stays beside the message when the
  // details are open (they are long, and in a 320px pane they pushed the actions far down).
  details: { gridColumn: '2 / -1', gridRow: 3, paddingBottom: tokens.spacingVerticalS },
});

export function ConnectionBanner(props: ConnectionBannerProps) {
  const styles = useStyles();
  const s = props.strings;
  const why = props.failure.kind === 'bad_oauth_token' ? s.lostBadToken : s.lostSessionExpired;
  return (
    <MessageBar intent="error" layout="multiline" politeness="assertive" className={styles.bar} data-testid="connection-lost" aria-labelledby="connection-lost-title">
      <MessageBarBody>
        <MessageBarTitle id="connection-lost-title">{s.connectionLostTitle}</MessageBarTitle>
        <span className={styles.why}>{why}</span>
        <span className={styles.why}>{s.lostWorkKept}</span>
      </MessageBarBody>
      <MessageBarActions className={styles.actions}>
        <Button appearance="primary" disabled={props.busy} onClick={props.onSignInAgain}>
          {s.signInAgain}
        </Button>
        <Button disabled={props.busy} onClick={props.onSignOut}>
          {s.signOut}
        </Button>
      </MessageBarActions>
      <div className={styles.details}>
        <DetailsDisclosure
          testId="connection-lost-details"
          lines={failureDetails(props.failure, props.at, props.identity, s)}
          labels={{ show: s.showDetails, hide: s.hideDetails, copy: s.copyDetails, copied: s.copied, copyFailed: s.copyFailed }}
          copyText={props.copyText}
        />
      </div>
    </MessageBar>
  );
}
