/**
 * The messages sign-in leaves behind: a problem (dialog error, Salesforce refusal, unverifiable answer, a failed
 * restore) or the news that another Salesforce user is now signed in and the previous one's work was not sent.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AuthNotice } from '../../auth/auth-controller';
import { format, shellStrings } from '../../i18n/strings';
import { failureProblemMessage, signInProblemMessage, type SignInProblemMessage } from './sign-in-problem-message';

export interface SignInNoticeProps {
  notice: AuthNotice;
  locale: string;
  onDismiss(): void;
}

function nameOf(who: { displayName: string; username: string }): string {
  return who.displayName && who.username && who.displayName !== who.username ? `${who.displayName} (${who.username})` : who.displayName || who.username;
}

export function SignInNotice({ notice, locale, onDismiss }: SignInNoticeProps) {
  const s = shellStrings(locale);
  const dismiss = (
    <MessageBarActions>
      <Button appearance="transparent" size="small" onClick={onDismiss}>
        {s.dismiss}
      </Button>
    </MessageBarActions>
  );

  if (notice.type === 'switched_user') {
    const text = format(notice.unsentCount > 0 ? s.switchedUser : s.switchedUserNoWork, { name: nameOf(notice.identity), previous: nameOf(notice.previous) });
    return (
      <MessageBar intent="info" layout="multiline" data-testid="switched-user">
        <MessageBarBody>
          <MessageBarTitle>{s.switchedUserTitle}</MessageBarTitle>
          {text}
        </MessageBarBody>
        {dismiss}
      </MessageBar>
    );
  }

  const message: SignInProblemMessage = notice.type === 'sign_in_problem' ? signInProblemMessage(notice.problem, locale) : failureProblemMessage(notice.failure, locale);
  const code =
    notice.type === 'sign_in_problem'
      ? notice.problem.status === 'dialog_failed'
        ? String(notice.problem.code)
        : notice.problem.status === 'failed'
          ? notice.problem.failure.code
          : notice.problem.reason
      : notice.failure.code;
  return (
    <MessageBar intent={message.intent} layout="multiline" politeness="assertive" data-testid="sign-in-problem" data-code={code ?? ''}>
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.body}
        {message.steps ? (
          <ol data-testid="sign-in-steps">
            {message.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        ) : null}
      </MessageBarBody>
      {dismiss}
    </MessageBar>
  );
}
