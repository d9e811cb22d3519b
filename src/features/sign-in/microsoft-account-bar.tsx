/**
 * The seller's Microsoft account in the pane: their name once signed in, otherwise "Sign in with Microsoft" with a
 * clear message for the last failure. Only the button's click starts the interactive sign-in (a popup may open).
 * The button stays clickable while signing in: msal-browser cannot see a popup the seller closed, and a second
 * click is how they abandon it and try again (see MicrosoftAuthDeps.popupTimeoutMs). Salesforce never waits here.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { MicrosoftAuth } from '../../auth/microsoft';
import { format, type ShellStrings } from '../../i18n/strings';
import { microsoftSignInMessage } from './microsoft-sign-in-message';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function MicrosoftAccountBar({ microsoft, strings: s }: { microsoft: MicrosoftAuth; strings: ShellStrings }) {
  const styles = useStyles();
  const state = useSyncExternalStore(
    microsoft.subscribe,
    () => microsoft.state,
    () => microsoft.state,
  );

  if (state.status === 'not_configured') return null;

  if (state.status === 'signed_in') {
    const name = state.account.name || state.account.username;
    return (
      <div className={styles.root} data-testid="microsoft-account" data-status={state.status}>
        <Text size={200} className={styles.name} data-testid="microsoft-account-name">
          {format(s.microsoftSignedInAs, { name })}
        </Text>
      </div>
    );
  }

  if (state.status === 'initializing') {
    return (
      <div className={styles.root} data-testid="microsoft-account" data-status={state.status}>
        <Spinner size="tiny" labelPosition="after" label={s.microsoftChecking} />
      </div>
    );
  }

  const signingIn = state.status === 'signing_in';
  const failure = state.status === 'signed_out' ? state.failure : undefined;
  const message = failure ? microsoftSignInMessage(failure, s) : undefined;
  return (
    <div className={styles.root} data-testid="microsoft-account" data-status={state.status}>
      {failure && message ? (
        <MessageBar intent={message.intent} layout="multiline" politeness="assertive" data-testid="microsoft-sign-in-problem" data-kind={failure.kind} data-code={failure.code}>
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.body}
            {message.steps ? (
              <ol>
                {message.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Text size={200}>{s.microsoftSignInHint}</Text>
      )}
      <div>
        <Button
          appearance="secondary"
          icon={signingIn ? <Spinner size="tiny" /> : undefined}
          // Never disabled: a second click abandons a popup the seller closed unseen and opens a new one.
          onClick={() => void microsoft.signIn()}
          data-testid="microsoft-sign-in"
        >
          {signingIn ? s.microsoftSigningIn : s.microsoftSignIn}
        </Button>
      </div>
    </div>
  );
}
