/** Outlook did not give the current email: the generic explanation, and a retry that reads it again. */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { failureMessage } from '../../i18n/failure-messages';
import type { WorkspaceStrings } from '../../i18n/workspace-strings';

export interface EmailReadErrorProps {
  strings: WorkspaceStrings;
  locale: string;
  onRetry(): void;
}

export function EmailReadError({ strings: s, locale, onRetry }: EmailReadErrorProps) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>{failureMessage({ kind: 'unknown' }, locale).explanation}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{s.retry}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
