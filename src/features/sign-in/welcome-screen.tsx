/**
 * First run (and after sign-out): what the add-in does and one button. Where the config offers several login hosts
 * (production, sandbox, My Domain), the seller picks one first. The dialog opens only from the button's click.
 */
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useState, type ReactNode } from 'react';
import { lazyNamed } from '../../components/lazy-part';
import type { SalesforceLoginChoice } from '../../config/runtime-config';
import type { ShellStrings } from '../../i18n/strings';

export interface WelcomeScreenProps {
  strings: ShellStrings;
  defaultLoginUrl: string;
  loginChoices: SalesforceLoginChoice[];
  busy: boolean;
  onSignIn(loginUrl: string): void;
  /** Sign-in problems, shown above the button. */
  notice?: ReactNode;
}

const loadLoginChoice = () => import('./login-choice');
const LoginChoice = lazyNamed(loadLoginChoice, 'LoginChoice');

/**
 * Fetches the login choice's chunk ahead of the welcome screen, for a config that offers several hosts: called at
 * start-up, so the choice usually paints with the screen while a single-host pane never downloads it.
 */
export function preloadLoginChoice(): void {
  void loadLoginChoice().catch(() => undefined);
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '420px' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export function WelcomeScreen(props: WelcomeScreenProps) {
  const styles = useStyles();
  const s = props.strings;
  const choices = props.loginChoices.length
    ? props.loginChoices.some((c) => c.loginUrl === props.defaultLoginUrl)
      ? props.loginChoices
      : [{ label: s.loginChoiceDefault, loginUrl: props.defaultLoginUrl }, ...props.loginChoices]
    : [];
  const [loginUrl, setLoginUrl] = useState(props.defaultLoginUrl);

  return (
    <section className={styles.root} aria-labelledby="welcome-title" data-testid="welcome">
      <h1 id="welcome-title" className={styles.title}>
        {s.welcomeTitle}
      </h1>
      <Text>{s.welcomeBody}</Text>
      {props.notice}
      {choices.length > 1 ? (
        <Suspense fallback={null}>
          <LoginChoice label={s.loginChoiceLabel} choices={choices} value={loginUrl} onChange={setLoginUrl} />
        </Suspense>
      ) : null}
      <div>
        <Button
          appearance="primary"
          size="large"
          disabled={props.busy}
          icon={props.busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => props.onSignIn(loginUrl)}
          data-testid="sign-in"
        >
          {props.busy ? s.signingIn : s.signIn}
        </Button>
      </div>
    </section>
  );
}
