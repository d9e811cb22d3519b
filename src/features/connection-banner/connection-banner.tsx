/**
 * Connection lost: shown exactly while the connection state is `lost` (bad_oauth_token or session_expired), until the
 * seller signs in again or signs out. One line on why, two actions, details to copy. Announced assertively.
 *
 * The state is also `lost` when a refresh was refused for a cause only an admin can fix (inactive user, IP or
 * login-hours restriction): the wrapper stops calling the token endpoint, as for a dead token. That is not a lost
 * connection for the seller, so it never wears that title: it says what to ask the admin for, keeps the same two
 * ways out (sign in again once the admin has acted, or sign out) and the same details.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DetailsDisclosure } from '../../components/details-disclosure';
import { failureMessage } from '../../i18n/failure-messages';
import type { ShellStrings } from '../../i18n/strings';
import type { ClassifiedFailure } from '../../salesforce/failure-kinds';
import type { SalesforceIdentity } from '../../salesforce/salesforce-api';
import { failureDetails } from './failure-details';

export interface ConnectionBannerProps {
  failure: ClassifiedFailure;
  at: number;
  identity: SalesforceIdentity | undefined;
  strings: ShellStrings;
  locale: string;
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
  const lost = props.failure.connectionLost;
  const admin = lost ? undefined : failureMessage(props.failure, props.locale);
  const title = admin ? admin.title : s.connectionLostTitle;
  const why = admin ? [admin.explanation, admin.action] : [props.failure.kind === 'bad_oauth_token' ? s.lostBadToken : s.lostSessionExpired];
  return (
    <MessageBar
      intent="error"
      layout="multiline"
      politeness="assertive"
      className={styles.bar}
      data-testid={lost ? 'connection-lost' : 'connection-blocked'}
      aria-labelledby="connection-lost-title"
    >
      <MessageBarBody>
        <MessageBarTitle id="connection-lost-title">{title}</MessageBarTitle>
        {why.map((line) => (
          <span key={line} className={styles.why}>
            {line}
          </span>
        ))}
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
