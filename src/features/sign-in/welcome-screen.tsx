/**
 * First run (and after sign-out): what the add-in does and one button. Where the config offers several login hosts
 * (production, sandbox, My Domain), the seller picks one first. The dialog opens only from the button's click.
 */
import { Button, Field, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
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
        <Field label={s.loginChoiceLabel}>
          <RadioGroup value={loginUrl} onChange={(_, data) => setLoginUrl(data.value)}>
            {choices.map((choice) => (
              <Radio key={choice.loginUrl} value={choice.loginUrl} label={choice.label} />
            ))}
          </RadioGroup>
        </Field>
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
